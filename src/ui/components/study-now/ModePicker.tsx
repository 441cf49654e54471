// How to study the chosen cards: their figures, then due only, N new, or practice. The figures
// and the menu stay whole; the line on what the highlighted choice does (or why it cannot start)
// takes what room is left.
import { Box, Text } from 'ink';
import { useState } from 'react';
import type { ScopeFigures } from '../../../core/custom-study.js';
import { useKeys } from '../../keys.js';
import { wrapLines } from '../../wrap-lines.js';
import { useRoom } from '../Layout.js';
import { Menu } from '../Menu.js';
import { modeChoices, stepNew, whenDue, type ModeKind } from './modes.js';

export interface ModePickerProps {
  figures: ScopeFigures;
  now: number;
  initial: ModeKind;
  newCount: number;
  onNewCount: (count: number) => void;
  onStart: (mode: ModeKind) => void;
  /** A blocked choice was picked: the reason, shown until another key. */
  notice: string | null;
  onNotice: (notice: string | null) => void;
}

export function figuresLine(f: ScopeFigures): string {
  return `${f.cards} card${f.cards === 1 ? '' : 's'} · ${f.seen} seen · ${f.due} due today · ${f.unseen} never seen`;
}

export function ModePicker({ figures, now, initial, newCount, onNewCount, onStart, notice, onNotice }: ModePickerProps) {
  const room = useRoom();
  const modes = modeChoices(figures, newCount, now, room.width);
  const [highlighted, setHighlighted] = useState<ModeKind>(initial);
  useKeys({
    fewerNew: () => onNewCount(stepNew(newCount, false, figures.unseen)),
    moreNew: () => onNewCount(stepNew(newCount, true, figures.unseen)),
  });
  const select = (kind: ModeKind) => {
    const mode = modes.find((m) => m.kind === kind)!;
    if (mode.blocked) onNotice(mode.blocked);
    else onStart(kind);
  };
  const head = [
    ...wrapLines(figures.cards === 0 ? 'No quiz cards here (design prompts are practised in Design mocks).' : figuresLine(figures), room.width),
    ...(figures.due === 0 && figures.nextDueAt !== null ? [`Next card due ${whenDue(figures.nextDueAt, now)}`] : []),
  ];
  const about = notice ? wrapLines(`! ${notice}`, room.width, 2) : wrapLines(modes.find((m) => m.kind === highlighted)!.about, room.width);
  // The head, a blank line and the three choices first; then a blank and as much of `about` as fits.
  const left = room.height - head.length - 1 - modes.length - 1;
  return (
    <>
      <Box flexDirection="column" flexShrink={0}>
        {head.map((line, i) => (
          <Text key={`head${i}`} wrap="truncate-end">
            {line}
          </Text>
        ))}
        <Text> </Text>
      </Box>
      <Menu
        items={modes.map((m) => ({ label: m.label, value: m.kind }))}
        rows={modes.length}
        initialIndex={Math.max(0, modes.findIndex((m) => m.kind === initial))}
        onHighlight={(kind) => {
          setHighlighted(kind);
          onNotice(null);
        }}
        onSelect={select}
      />
      {left > 0 ? (
        <Box flexDirection="column" flexShrink={0}>
          <Text> </Text>
          {about.slice(0, left).map((line, i) => (
            <Text key={`about${i}`} color={notice ? 'yellow' : undefined} dimColor={!notice} wrap="truncate-end">
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
    </>
  );
}
