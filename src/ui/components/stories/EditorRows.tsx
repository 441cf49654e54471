// The story editor's rows: each field's label (marked "›" when in focus) and its text, the open
// part's text box, the values, and Save. Every state reads without colour: the focus by "›",
// examples by "e.g.", ticks by [x].
import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { EXAMPLES } from './editor-text.js';
import { ValueChips } from './ValueChips.js';

export const LABEL_WIDTH = 12;

function Label({ name, focused }: { name: string; focused: boolean }) {
  return (
    <Text color={focused ? 'cyan' : undefined} bold={focused}>
      {`${focused ? '› ' : '  '}${name}`.padEnd(LABEL_WIDTH)}
    </Text>
  );
}

/** One line; in focus it shows its end, so what is being typed stays in view. */
export function TitleRow({ title, focused, width }: { title: string; focused: boolean; width: number }) {
  const shown = focused && title.length + 1 > width ? `…${title.slice(-(width - 2))}` : title;
  return (
    <Text wrap="truncate-end">
      <Label name="Title" focused={focused} />
      {shown ? <Text>{shown}</Text> : null}
      {focused ? <Text color="cyan">▌</Text> : null}
      {shown ? null : <Text dimColor>{EXAMPLES.title}</Text>}
    </Text>
  );
}

/** A STAR part closed: its first line and how many more. */
export function PartRow({ name, text }: { name: string; text: string }) {
  const lines = text.split('\n');
  const more = lines.length > 1 ? ` (+${lines.length - 1} line${lines.length === 2 ? '' : 's'})` : '';
  return (
    <Text wrap="truncate-end">
      <Label name={name} focused={false} />
      {text ? <Text>{lines[0]}</Text> : <Text dimColor>—</Text>}
      {more ? <Text dimColor>{more}</Text> : null}
    </Text>
  );
}

/** A STAR part open for typing: its label, then `lines` lines of text ending at the cursor. */
export function OpenPart({ name, text, example, lines, width }: { name: string; text: string; example: string; lines: number; width: number }) {
  const wrapped = wrapAnsi(`${text}▌`, Math.max(10, width - 4), { hard: true, trim: false }).split('\n');
  const hidden = Math.max(0, wrapped.length - lines);
  const shown = hidden > 0 ? wrapped.slice(hidden + 1) : wrapped;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate-end">
        <Label name={name} focused />
        <Text dimColor>Enter starts a new line</Text>
      </Text>
      <Box flexDirection="column" height={lines} paddingLeft={4} overflow="hidden">
        {hidden > 0 ? <Text dimColor>{`… ${hidden + 1} lines above`}</Text> : null}
        {shown.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line || ' '}
            {!text && i === 0 ? <Text dimColor>{example}</Text> : null}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

/** Closed: the names of the values ticked. Open: every value as a tick box. */
export function ValuesRow({ names, ticked, cursor, open, width }: { names: readonly string[]; ticked: readonly string[]; cursor: number; open: boolean; width: number }) {
  if (!open) {
    return (
      <Text wrap="truncate-end">
        <Label name="Values" focused={false} />
        {names.length > 0 ? <Text>{names.join(', ')}</Text> : <Text dimColor>(none yet)</Text>}
      </Text>
    );
  }
  return <ValueChips width={width} ticked={ticked} cursor={cursor} lead={(line) => (line === 0 ? <Label name="Values" focused /> : ' '.repeat(LABEL_WIDTH))} />;
}

export function SaveRow({ focused }: { focused: boolean }) {
  return (
    <Text wrap="truncate-end">
      {focused ? (
        <Text color="cyan" bold>
          {'› '}
        </Text>
      ) : (
        '  '
      )}
      <Text inverse={focused} bold>
        {'[ Save ]'}
      </Text>
      <Text dimColor>{'  Ctrl+S saves from any field'}</Text>
    </Text>
  );
}

/**
 * Which rows to draw in `room` lines: all when they fit, otherwise the focused one and those
 * nearest it (the row above first on a tie), in their own order. Rows left out are never squashed.
 */
export function rowsInView(heights: readonly number[], focus: number, room: number): number[] {
  if (heights.reduce((a, b) => a + b, 0) <= room) return heights.map((_, i) => i);
  const byDistance = heights.map((_, i) => i).sort((a, b) => Math.abs(a - focus) - Math.abs(b - focus) || b - a);
  const kept: number[] = [];
  let used = 0;
  for (const i of byDistance) {
    if (i !== focus && used + heights[i]! > room) continue;
    kept.push(i);
    used += heights[i]!;
  }
  return kept.sort((a, b) => a - b);
}
