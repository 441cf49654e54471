// Lines counted beforehand (output-lines.ts) drawn in exactly `rows` lines: cut with a "more" line
// when they do not fit, scrolled by an offset the screen keeps (PgUp/PgDn).
import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../../keys.js';
import type { Line } from './output-lines.js';

const TONE: Record<NonNullable<Line['tone']>, { color?: string; dimColor?: boolean; bold?: boolean }> = {
  right: { color: 'green' },
  wrong: { color: 'red' },
  dim: { dimColor: true },
  bold: { bold: true },
};

/** The first line shown, kept inside the lines (the lines may have shrunk since the user scrolled). */
export function clampOffset(offset: number, count: number, rows: number): number {
  if (count <= rows) return 0;
  return Math.max(0, Math.min(offset, count - (rows - 1)));
}

/**
 * The lines' count for scrolling: one more when a table's header may be kept in view above its
 * rows, so the last row can still be scrolled to.
 */
export function scrollCount(lines: readonly Line[], rows: number): number {
  return lines.length > rows && lines.some((line) => line.head !== undefined) ? lines.length + 1 : lines.length;
}

/** scrollKey: how to scroll from here, said on the "more" line (PgDn, or Esc first while typing). */
export function LinesView({ lines, rows, offset = 0, scrollKey = 'PgDn' }: { lines: readonly Line[]; rows: number; offset?: number; scrollKey?: string }) {
  const room = Math.max(1, rows);
  const over = lines.length > room;
  const top = clampOffset(offset, scrollCount(lines, room), room);
  // Rows scrolled away from their header: the header stays on top (sticky), so columns keep their names.
  const head = over && top > 0 && room > 2 ? lines[top]?.head : undefined;
  const body = over ? lines.slice(top, top + room - 1 - (head !== undefined ? 1 : 0)) : lines;
  const shown: readonly Line[] = head !== undefined ? [{ text: head, tone: 'bold' }, ...body] : body;
  const below = lines.length - top - body.length;
  return (
    <Box flexDirection="column" height={room} flexShrink={0} overflow="hidden">
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end" {...(line.tone ? TONE[line.tone] : {})}>
          {line.text || ' '}
        </Text>
      ))}
      {over ? <Text dimColor wrap="truncate-end">{below > 0 ? `▼ ${below} more (${scrollKey})` : `▲ ${top} more above (PgUp)`}</Text> : null}
    </Box>
  );
}

/** PgUp/PgDn over lines shown in `rows`: the offset, and whether there is anything to scroll. */
export interface LinesScroll {
  offset: number;
  overflow: boolean;
  reset: () => void;
  down: () => void;
  up: () => void;
}

/**
 * view: names what is shown (the task, a run's result, the verdict). A new view starts at its top,
 * whatever the one before was scrolled to.
 */
export function useLinesScroll(count: number, rows: number, isActive: boolean, view = ''): LinesScroll {
  const [state, setState] = useState({ view, offset: 0 });
  if (state.view !== view) setState({ view, offset: 0 });
  const offset = state.view === view ? state.offset : 0;
  const setOffset = (next: number) => setState({ view, offset: next });
  const page = Math.max(1, rows - 2);
  const top = clampOffset(offset, count, rows);
  const overflow = count > rows;
  const down = () => setOffset(clampOffset(top + page, count, rows));
  const up = () => setOffset(Math.max(0, top - page));
  useKeys({ pageDown: down, pageUp: up }, { isActive: isActive && overflow });
  return { offset: top, overflow, reset: () => setOffset(0), down, up };
}
