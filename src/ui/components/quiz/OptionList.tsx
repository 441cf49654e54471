import { Box, Text } from 'ink';

export type OptionMark = 'right' | 'wrong' | 'missed' | null;

export interface OptionListProps {
  choices: readonly string[];
  cursor: number | null;
  /** For select-all questions: which boxes are ticked. */
  ticked?: ReadonlySet<number>;
  marks?: readonly OptionMark[];
}

const MARK_TEXT: Record<Exclude<OptionMark, null>, { text: string; color: string }> = {
  right: { text: '✓', color: 'green' },
  wrong: { text: '✗', color: 'red' },
  missed: { text: '✓ missed', color: 'yellow' },
};

export function OptionList({ choices, cursor, ticked, marks }: OptionListProps) {
  return (
    <Box flexDirection="column">
      {choices.map((choice, i) => {
        const mark = marks?.[i] ?? null;
        const box = ticked ? (ticked.has(i) ? '[x] ' : '[ ] ') : '';
        return (
          <Box key={i}>
            <Text color={cursor === i ? 'cyan' : undefined}>{cursor === i ? '› ' : '  '}</Text>
            <Text color={cursor === i ? 'cyan' : undefined}>{`${i + 1}. ${box}`}</Text>
            <Box flexShrink={1}>
              <Text color={cursor === i ? 'cyan' : undefined} wrap="wrap">
                {choice}
                {mark ? <Text color={MARK_TEXT[mark].color}>{`  ${MARK_TEXT[mark].text}`}</Text> : null}
              </Text>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
