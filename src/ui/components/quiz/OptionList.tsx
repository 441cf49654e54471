import { Box, Text } from 'ink';
import { Para } from '../CardText.js';

/** The set with `index` ticked if it was not, unticked if it was. */
export function toggled(set: ReadonlySet<number>, index: number): ReadonlySet<number> {
  const next = new Set(set);
  if (next.has(index)) next.delete(index);
  else next.add(index);
  return next;
}

export type OptionMark = 'right' | 'wrong' | 'missed' | null;

export interface OptionListProps {
  choices: readonly string[];
  cursor: number | null;
  /** For select-all questions: which boxes are ticked. */
  ticked?: ReadonlySet<number> | undefined;
  marks?: readonly OptionMark[] | undefined;
}

// Marks are symbols as well as colours, so they read without colour too.
const MARK_TEXT: Record<Exclude<OptionMark, null>, { text: string; color: string }> = {
  right: { text: '✓', color: 'green' },
  wrong: { text: '✗', color: 'red' },
  missed: { text: '!', color: 'yellow' },
};

export function OptionList({ choices, cursor, ticked, marks }: OptionListProps) {
  return (
    <Box flexDirection="column">
      {choices.map((choice, i) => {
        const mark = marks?.[i] ?? null;
        const box = ticked ? (ticked.has(i) ? '[x] ' : '[ ] ') : '';
        const prefix = `${cursor === i ? '›' : ' '}${marks ? (mark ? MARK_TEXT[mark].text : ' ') : ''} ${i + 1}. ${box}`;
        const color = cursor === i ? 'cyan' : mark ? MARK_TEXT[mark].color : undefined;
        return (
          <Box key={i}>
            <Text color={color}>{prefix}</Text>
            <Para text={mark === 'missed' ? `${choice} (missed)` : choice} indent={prefix.length} color={color} />
          </Box>
        );
      })}
    </Box>
  );
}
