import { Text } from 'ink';
import { formatInterval, RATING_NAMES, type Rating } from '../../../core/scheduler.js';

/** "1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy 3d", with the suggested rating marked. */
export function RatingBar({ preview, now, suggested }: { preview: Record<Rating, number>; now: number; suggested?: Rating | undefined }) {
  return (
    <Text wrap="wrap">
      {([1, 2, 3, 4] as Rating[]).map((r) => (
        <Text key={r} color={r === suggested ? 'cyan' : undefined} bold={r === suggested} inverse={r === suggested}>
          {`${r} ${RATING_NAMES[r]} ${formatInterval(now, preview[r])}`}
          {r < 4 ? '  ' : ''}
        </Text>
      ))}
    </Text>
  );
}
