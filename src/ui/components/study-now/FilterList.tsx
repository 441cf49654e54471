// A long list narrowed by typing (hundreds of tags): the field always has the keys, so letters
// filter and arrows move through what is left; Enter picks, Esc goes back.
import { Box, Text } from 'ink';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAppActions } from '../../app-context.js';
import { useScreenInput } from '../../keys.js';
import { listWindow, moreLines } from '../../layout.js';
import { useRoom } from '../Layout.js';
import { TextField } from '../TextField.js';
import { nameWidth, rowLabel, shortFigures, type Choice } from './choices.js';

const LABEL = 'Filter: ';

export function FilterList({ choices, noun, onPick, onBack }: { choices: readonly Choice[]; noun: string; onPick: (choice: Choice) => void; onBack: () => void }) {
  const room = useRoom();
  const actions = useAppActions();
  // The field always has the keys: ? and q are typed, not help and back.
  useEffect(() => {
    actions.setTyping(true);
    return () => actions.setTyping(false);
  }, [actions]);
  const [filter, setFilter] = useState('');
  const [cursor, setCursor] = useState(0);
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    // The tag named, then those starting with it, then the rest, each group the most used first.
    const rank = (c: Choice) => (c.id === words.join(' ') ? 0 : words[0] && c.id.startsWith(words[0]) ? 1 : 2);
    return choices.filter((c) => words.every((w) => c.id.includes(w))).sort((a, b) => rank(a) - rank(b));
  }, [choices, filter]);
  const at = Math.min(cursor, Math.max(0, shown.length - 1));
  const latest = useRef(at);
  useLayoutEffect(() => {
    latest.current = at;
  });
  // The field line, the count line and a blank line come first.
  const rows = Math.max(1, room.height - 3);
  const win = listWindow(shown.length, at, rows);
  const more = moreLines(win, rows);
  const page = Math.max(1, win.shown - 1);
  const move = (step: (from: number) => number) => {
    if (shown.length === 0) return;
    const next = Math.min(shown.length - 1, Math.max(0, step(latest.current)));
    latest.current = next;
    setCursor(next);
  };
  useScreenInput((_input, key) => {
    if (key.escape) onBack();
    else if (key.upArrow) move((c) => c - 1);
    else if (key.downArrow) move((c) => c + 1);
    else if (key.pageUp) move((c) => c - page);
    else if (key.pageDown) move((c) => c + page);
    else if (key.return) {
      const choice = shown[latest.current];
      if (choice) onPick(choice);
    }
  });
  const figures = shown.map((c) => shortFigures(c.figures));
  const column = nameWidth(shown.slice(win.top, win.top + win.shown).map((c) => c.name), figures, room.width);
  return (
    <>
      <Box flexShrink={0}>
        <Text color="cyan">{LABEL}</Text>
        <TextField
          width={room.width - LABEL.length}
          placeholder="joins, latency"
          onChange={(value) => {
            setFilter(value);
            latest.current = 0;
            setCursor(0);
          }}
        />
      </Box>
      <Text dimColor wrap="truncate-end">
        {filter.trim() ? `${shown.length} of ${choices.length} ${noun}s` : `${choices.length} ${noun}s, the most used first`}
      </Text>
      <Text> </Text>
      {more.above ? <Text dimColor>{`  ▲ ${win.above} more`}</Text> : null}
      {shown.slice(win.top, win.top + win.shown).map((choice, i) => {
        const selected = win.top + i === at;
        return (
          <Text key={choice.id} color={selected ? 'cyan' : undefined} bold={selected} wrap="truncate-end">
            {`${selected ? '› ' : '  '}${rowLabel(choice.name, figures[win.top + i]!, column)}`}
          </Text>
        );
      })}
      {more.below ? <Text dimColor>{`  ▼ ${win.below} more`}</Text> : null}
      {shown.length === 0 ? <Text dimColor>{`No ${noun} has that in its name.`}</Text> : null}
    </>
  );
}
