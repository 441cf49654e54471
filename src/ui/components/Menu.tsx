// A list to pick from: ↑↓ (or j/k) move, PgUp/PgDn jump a page, Enter chooses. It draws at most
// `rows` lines, keeping the cursor in view, with a line saying how many entries are above or
// below, so a long list never outgrows its screen. Keys come through the app's input router, so
// a key pressed while the list mounts is not lost.
import { Box, Text } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import { useKeys } from '../keys.js';
import { listWindow, moreLines } from '../layout.js';
import { safeText } from '../../core/safe-text.js';

export interface MenuItem<V extends string> {
  label: string;
  value: V;
  key?: string;
}

export function Menu<V extends string>({ items, onSelect, onHighlight, rows, initialIndex = 0, isActive = true }: {
  items: MenuItem<V>[];
  onSelect: (value: V) => void;
  onHighlight?: (value: V) => void;
  /** Lines the list may use, its "more" lines included; all of them when absent. */
  rows?: number | undefined;
  initialIndex?: number;
  isActive?: boolean;
}) {
  const [cursor, setCursor] = useState(() => Math.min(Math.max(0, initialIndex), Math.max(0, items.length - 1)));
  const at = Math.min(cursor, Math.max(0, items.length - 1));
  const win = listWindow(items.length, at, rows ?? items.length);
  const more = moreLines(win, rows ?? items.length);
  // Relative to the latest cursor: keys of one burst ("jjj") arrive before React re-renders.
  const latest = useRef(at);
  useLayoutEffect(() => {
    latest.current = at;
  });
  const move = (step: (from: number) => number) => {
    const next = ((step(latest.current) % items.length) + items.length) % items.length;
    latest.current = next;
    setCursor(next);
    const item = items[next];
    if (item && onHighlight) onHighlight(item.value);
  };
  const page = Math.max(1, win.shown - 1);
  useKeys(
    {
      up: () => move((c) => c - 1),
      down: () => move((c) => c + 1),
      pageUp: () => move((c) => Math.max(0, c - page)),
      pageDown: () => move((c) => Math.min(items.length - 1, c + page)),
      select: () => {
        const item = items[latest.current];
        if (item) onSelect(item.value);
      },
    },
    { isActive: isActive && items.length > 0 },
  );
  return (
    <Box flexDirection="column" flexShrink={0}>
      {more.above ? <Text dimColor>{`  ▲ ${win.above} more`}</Text> : null}
      {items.slice(win.top, win.top + win.shown).map((item, i) => {
        const selected = win.top + i === at;
        return (
          <Text key={item.key ?? item.value} color={selected ? 'cyan' : undefined} bold={selected} wrap="truncate-end">
            {`${selected ? '› ' : '  '}${safeText(item.label)}`}
          </Text>
        );
      })}
      {more.below ? <Text dimColor>{`  ▼ ${win.below} more`}</Text> : null}
    </Box>
  );
}
