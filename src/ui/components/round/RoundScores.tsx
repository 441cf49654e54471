// Readiness's part for culture rounds: the mean self-score per behavioural rubric dimension over
// the latest rounds, as design mocks show theirs.
import { Box, Text } from 'ink';
import { RECENT_ROUNDS, type RoundDimensionMean } from '../../../core/culture-round.js';
import { safeText } from '../../../core/safe-text.js';

export function RoundScores({ rounds, means }: { rounds: number; means: readonly RoundDimensionMean[] }) {
  const width = Math.max(0, ...means.map((d) => safeText(d.dimension).length));
  const over = rounds > RECENT_ROUNDS ? ` (the latest ${RECENT_ROUNDS})` : '';
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold wrap="truncate-end">{`Culture rounds: ${rounds} finished${over}`}</Text>
      {means.length === 0 ? <Text dimColor>No scored round yet: keeper-prep behavioral, or Culture round on Home.</Text> : null}
      {means.map((d) => (
        <Text key={d.dimension} wrap="truncate-end">{`  ${safeText(d.dimension).padEnd(width)}  ${d.mean.toFixed(1)} of 4  (n=${d.n})`}</Text>
      ))}
    </Box>
  );
}
