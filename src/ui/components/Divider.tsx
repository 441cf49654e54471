// The rule between two side-by-side panels: a space, a dim vertical line, a space.
import { Box } from 'ink';

export const DIVIDER_WIDTH = 3;

export function Divider({ height }: { height: number }) {
  return <Box width={DIVIDER_WIDTH - 1} marginLeft={1} flexShrink={0} height={height} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderDimColor />;
}
