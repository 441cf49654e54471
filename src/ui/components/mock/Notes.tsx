// The candidate's notes: live while the mock runs (the line being typed always in view, PgUp/PgDn
// to read back), and whole, scrollable, on the screens that compare them with the answer.
import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { safeText } from '../../../core/safe-text.js';
import type { ListWindow } from '../../layout.js';
import { Para } from '../CardText.js';
import { useRoom } from '../Layout.js';
import { ScrollArea } from '../ScrollArea.js';

const CURSOR = '▌';

/**
 * The notes as lines of at most `width` columns, the cursor at the end while typing. A line's own
 * indent is kept and its wrapped parts hang under it; the space at a wrap point is dropped.
 */
export function wrapNotes(text: string, typing: boolean, width: number): string[] {
  // Notes restored from a draft or an imported file are shown safe, like every outside text.
  return `${safeText(text, { multiline: true })}${typing ? CURSOR : ''}`.split('\n').flatMap((line) => {
    const lead = /^[ \t]*/.exec(line)?.[0].replaceAll('\t', '  ').slice(0, Math.max(0, width - 10)) ?? '';
    const rest = line.trimStart();
    if (!rest) return [lead];
    return wrapAnsi(rest, Math.max(10, width - lead.length), { hard: true, trim: true })
      .split('\n')
      .map((part) => lead + part);
  });
}

/**
 * Which of `count` lines show in `height` rows, `back` lines up from the end: the last lines
 * while back is 0, with "more" lines counted against the rows.
 */
export function notesWindow(count: number, height: number, back: number): ListWindow {
  if (count <= height) return { top: 0, shown: count, above: 0, below: 0, lines: count };
  const b = Math.min(Math.max(0, back), maxNotesBack(count, height));
  const below = b > 0 ? 1 : 0;
  let rows = Math.max(1, height - 1 - below);
  let top = count - b - rows;
  if (top <= 0) {
    top = 0;
    rows = Math.max(1, height - below);
  }
  return { top, shown: rows, above: top, below: count - top - rows, lines: rows + (top > 0 ? 1 : 0) + below };
}

/** How far back the notes can scroll: to where their first line is the top one. */
export function maxNotesBack(count: number, height: number): number {
  return Math.max(0, count - height + 1);
}

/**
 * The notes in `height` lines: `back` lines up from the end (0 follows the end, where typing
 * happens), with a line saying how many are hidden above or below.
 */
export function LiveNotes({ text, typing, height, back }: { text: string; typing: boolean; height: number; back: number }) {
  const { width } = useRoom();
  if (!text && !typing) return <Text dimColor>No notes yet. Press e to write; notes are saved as you type.</Text>;
  const lines = wrapNotes(text, typing, width);
  const win = notesWindow(lines.length, height, back);
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      {win.above > 0 ? <Text dimColor wrap="truncate-end">{`▲ ${win.above} more line${win.above === 1 ? '' : 's'}: PgUp`}</Text> : null}
      {lines.slice(win.top, win.top + win.shown).map((line, i) => (
        <Text key={win.top + i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      {win.below > 0 ? <Text dimColor wrap="truncate-end">{`▼ ${win.below} more line${win.below === 1 ? '' : 's'}: PgDn${typing ? ' (typing goes to the end)' : ''}`}</Text> : null}
    </Box>
  );
}

/** A titled column of the whole notes, scrolling on its own (PgUp/PgDn). */
export function NotesPanel({ notes, height, title = 'Your notes' }: { notes: string; height: number; title?: string }) {
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      <Text bold>{title}</Text>
      <ScrollArea height={Math.max(1, height - 1)}>
        <NotesText notes={notes} />
      </ScrollArea>
    </Box>
  );
}

export function NotesText({ notes }: { notes: string }) {
  return notes.trim() ? <Para text={notes} /> : <Text dimColor>No notes were written.</Text>;
}
