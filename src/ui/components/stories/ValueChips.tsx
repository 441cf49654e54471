// The culture values as tick boxes, several to a line. The one under the cursor is marked with
// "›" as well as drawn inverse, so it shows with NO_COLOR too (which drops inverse).
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { CULTURE_VALUES } from '../../../core/culture-values.js';

const LONGEST = Math.max(...CULTURE_VALUES.map((v) => v.name.length));
/** "›[x] Selflessness" and the gap after it. */
export const CHIP_WIDTH = 1 + 3 + 1 + LONGEST + 2;

export function chipLayout(width: number): { perLine: number; lines: number } {
  const perLine = Math.max(1, Math.floor((width + 2) / CHIP_WIDTH));
  return { perLine, lines: Math.ceil(CULTURE_VALUES.length / perLine) };
}

/** One line of chips per element, `lead` drawn before each (the field's label, or its blank). */
export function ValueChips({ width, ticked, cursor, lead }: { width: number; ticked: readonly string[]; cursor: number; lead: (line: number) => ReactNode }) {
  const { perLine, lines } = chipLayout(width);
  return (
    <>
      {Array.from({ length: lines }, (_, line) => (
        <Text key={line} wrap="truncate-end">
          {lead(line)}
          {CULTURE_VALUES.slice(line * perLine, (line + 1) * perLine).map((v, i) => {
            const index = line * perLine + i;
            const on = ticked.includes(v.id);
            const here = index === cursor;
            return (
              <Text key={v.id}>
                {i > 0 ? '  ' : ''}
                <Text inverse={here} color={on ? 'green' : undefined}>{`${here ? '›' : ' '}${on ? '[x]' : '[ ]'} ${v.name}`.padEnd(CHIP_WIDTH - 2)}</Text>
              </Text>
            );
          })}
        </Text>
      ))}
    </>
  );
}
