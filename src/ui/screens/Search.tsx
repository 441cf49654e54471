// Fuzzy search over every loaded card; Enter opens the highlighted card. Two modes, like a
// filter in lazygit: typing in the query (arrows move through results), or browsing the results
// (j/k too), switched with Tab or /.
import { Box, Text } from 'ink';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { safeText } from '../../core/safe-text.js';
import { buildSearchIndex } from '../../core/search.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { TextField } from '../components/TextField.js';
import { hint, useKeys, useScreenInput } from '../keys.js';
import { listWindow, moreLines } from '../layout.js';
import { markGlyphs } from '../../core/card-marks.js';
import { useCardActions } from '../components/card-actions/use-card-actions.js';

const LIMIT = 50;
const LABEL = 'Search: ';

export function Search() {
  const { ws } = useAppState();
  const actions = useAppActions();
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const [typing, setTyping] = useState(true);
  const index = useMemo(() => buildSearchIndex(ws.decks()), [ws]);
  const hits = useMemo(() => index.search(query, LIMIT), [index, query]);
  const at = Math.min(cursor, Math.max(0, hits.length - 1));
  const latest = useRef(at);
  useLayoutEffect(() => {
    latest.current = at;
  });

  useEffect(() => {
    actions.setTyping(typing);
    return () => actions.setTyping(false);
  }, [actions, typing]);

  const move = (step: (from: number) => number) => {
    if (hits.length === 0) return;
    const next = Math.min(hits.length - 1, Math.max(0, step(latest.current)));
    latest.current = next;
    setCursor(next);
  };
  const open = () => {
    const hit = hits[latest.current];
    if (hit) actions.push({ name: 'card', item: { key: hit.entry.key, deckId: hit.entry.deckId, deckTitle: hit.entry.deckTitle, card: hit.entry.card } });
  };

  const hit = hits[at];
  const acts = useCardActions(hit ? { key: hit.entry.key, deckId: hit.entry.deckId, card: hit.entry.card } : null, { isActive: !typing });
  const marks = ws.marks.current();

  const room = useRoom();
  // The query line, the count line and a blank line come first.
  const rows = Math.max(1, room.height - 3);
  const win = listWindow(hits.length, at, rows);
  const more = moreLines(win, rows);
  const page = Math.max(1, win.shown - 1);

  // Either mode: arrows and pages move, Enter opens, Esc leaves.
  useScreenInput((_input, key) => {
    if (key.escape) actions.pop();
    else if (key.upArrow) move((c) => c - 1);
    else if (key.downArrow) move((c) => c + 1);
    else if (key.pageUp) move((c) => c - page);
    else if (key.pageDown) move((c) => c + page);
    else if (key.tab) setTyping((t) => !t);
    else if (key.return) open();
  });
  useKeys({ up: () => move((c) => c - 1), down: () => move((c) => c + 1), search: () => setTyping(true), back: actions.pop }, { isActive: !typing });

  const footer = typing
    ? 'type to search · ↑↓ move · Enter open · Tab then ? help · Esc back'
    : (acts.promptFooter ?? hint([['↑↓ j k', 'move'], ['Enter', 'open'], ['/ Tab', 'edit the query'], ...acts.keys, ['Esc', 'back']]));
  return (
    <Frame title="Search" commands={['up', 'down', 'pageUp', 'pageDown', 'select', 'search', ...acts.commands, 'back']} footer={footer} fixed>
      <Box flexShrink={0}>
        <Text color="cyan">{LABEL}</Text>
        <TextField width={room.width - LABEL.length} placeholder="join, p-value or a tag" isActive={typing} onChange={(q) => {
          setQuery(q);
          latest.current = 0;
          setCursor(0);
        }} />
      </Box>
      {acts.prompt ?? <Text dimColor wrap="truncate-end">
        {acts.notice ?? (query.trim() ? `${hits.length === LIMIT ? `${LIMIT}+` : hits.length} match${hits.length === 1 ? '' : 'es'} in ${index.size} cards` : `${index.size} cards searchable`)}
      </Text>}
      <Text> </Text>
      {more.above ? <Text dimColor>{`  ▲ ${win.above} more`}</Text> : null}
      {hits.slice(win.top, win.top + win.shown).map((hit, i) => {
        const selected = win.top + i === at;
        const prompt = safeText(hit.entry.prompt.replace(/```[^\n]*\n?/g, ' ').replace(/\s+/g, ' ').trim());
        return (
          <Text key={hit.entry.key} color={selected ? 'cyan' : undefined} bold={selected} wrap="truncate-end">
            {`${selected ? '› ' : '  '}${markGlyphs(marks, hit.entry.key)}${prompt}`}
            <Text dimColor>{`  ${safeText(hit.entry.deckTitle)}`}</Text>
          </Text>
        );
      })}
      {more.below ? <Text dimColor>{`  ▼ ${win.below} more`}</Text> : null}
    </Frame>
  );
}
