import { Box, Text } from 'ink';
import { formatInterval, RATING_NAMES, type Rating } from '../../../core/scheduler.js';
import { useRoom } from '../Layout.js';

const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/**
 * The four ratings with when each brings the card back. With a suggestion every entry has a
 * one-column margin and the suggested one brackets instead ("[3 Good 10m]"), so it reads without
 * colour and the bar does not shift as the suggestion moves. Entries never break across lines.
 */
export function ratingEntries(preview: Record<Rating, number>, now: number, suggested?: Rating): { rating: Rating; text: string }[] {
  return RATINGS.map((r) => {
    const text = `${r} ${RATING_NAMES[r]} ${formatInterval(now, preview[r])}`;
    return { rating: r, text: suggested === undefined ? text : r === suggested ? `[${text}]` : ` ${text} ` };
  });
}

export function RatingBar({ preview, now, suggested }: { preview: Record<Rating, number>; now: number; suggested?: Rating | undefined }) {
  const { width } = useRoom();
  // With a suggestion the entries' own margins are the gap: "[1 Again 1m] 2 Hard 6m  3 Good 10m".
  const gap = suggested === undefined ? '  ' : '';
  const lines: { rating: Rating; text: string }[][] = [[]];
  let used = 0;
  for (const entry of ratingEntries(preview, now, suggested)) {
    const line = lines[lines.length - 1]!;
    const needed = (line.length > 0 ? gap.length : 0) + entry.text.length;
    if (line.length > 0 && used + needed > width) {
      lines.push([entry]);
      used = entry.text.length;
    } else {
      line.push(entry);
      used += needed;
    }
  }
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.map((entry, j) => (
            <Text key={entry.rating} color={entry.rating === suggested ? 'cyan' : undefined} bold={entry.rating === suggested}>
              {`${j > 0 ? gap : ''}${entry.text}`}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
