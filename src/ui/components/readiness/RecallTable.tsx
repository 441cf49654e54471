// Readiness's recall table: one row per area or deck, its name column as wide as the longest
// name (capped), the numbers right after it, so a wide terminal does not push them out of sight.
import { Box, Text } from 'ink';
import type { RecallFigures } from '../../../core/readiness.js';
import { percent, sparkline, trendChange } from '../../../core/readiness-charts.js';
import { useRoom } from '../Layout.js';

/** Past this a name is cut with "…": long user deck titles must not crowd out the figures. */
const NAME_CAP = 32;
const MIN_NAME = 8;

export interface RecallRow {
  key: string;
  name: string;
  figures: RecallFigures;
}

export function fitName(name: string, width: number): string {
  return (name.length > width ? `${name.slice(0, width - 1)}…` : name).padEnd(width);
}

/** Groups of rows (areas, then decks) with a blank line between them, under one header. */
export function RecallTable({ groups }: { groups: readonly (readonly RecallRow[])[] }) {
  const { width } = useRoom();
  const rows = groups.flat();
  const seenWidth = Math.max(4, ...rows.map((r) => `${r.figures.seen}/${r.figures.cards}`.length));
  const trendWidth = Math.max(12, ...rows.map((r) => r.figures.trend.length + 4));
  const figuresWidth = 1 + seenWidth + 1 + 5 + 1 + 6 + 2 + trendWidth;
  const nameWidth = Math.max(MIN_NAME, Math.min(NAME_CAP, width - figuresWidth, Math.max(...rows.map((r) => r.name.length))));
  const row = (r: RecallRow) =>
    `${fitName(r.name, nameWidth)} ${`${r.figures.seen}/${r.figures.cards}`.padStart(seenWidth)} ${percent(r.figures.coverage).padStart(5)} ${percent(r.figures.recallAllCards).padStart(6)}  ${sparkline(r.figures.trend)} ${trendChange(r.figures.trend).padStart(3)}`;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold wrap="truncate-end">{`${''.padEnd(nameWidth)} ${'seen'.padStart(seenWidth)} ${'cover'.padStart(5)} ${'recall'.padStart(6)}  ${'14-day trend'}`}</Text>
      {groups.map((group, i) => (
        <Box key={i} flexDirection="column" marginTop={i > 0 && group.length > 0 ? 1 : 0}>
          {group.map((r) => (
            <Text key={r.key} wrap="truncate-end">
              {row(r)}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
