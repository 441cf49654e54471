// Search over every loaded card, words and filters (deck:, kind:, tag:, due:, seen:); Enter opens
// the highlighted card. Two modes, like a filter in lazygit: typing in the query (arrows move
// through results), or browsing the results (j/k too), switched with Tab or /. The query, the
// highlighted card and the mode are kept in the app's menu memory, so coming back from a card (or
// anything opened from here) finds the list as it was; leaving with Esc forgets them.
import { Box, Text } from 'ink';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { hasFilters } from '../../core/search-query.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { ResultList } from '../components/search/ResultList.js';
import { TextField } from '../components/TextField.js';
import { useSearch, type SearchResults } from '../hooks/use-search.js';
import { fitFooter } from '../components/footer.js';
import { useKeys, useScreenInput } from '../keys.js';
import { listWindow } from '../layout.js';
import { fitFooter as firstThatFits } from '../wrap-lines.js';
import { markGlyphs } from '../../core/card-marks.js';
import { useCardActions } from '../components/card-actions/use-card-actions.js';

const LABEL = 'Search: ';
const QUERY_MEMORY = 'search';
const AT_MEMORY = 'search-at';
const MODE_MEMORY = 'search-mode';

export function Search() {
  const { ws, menuMemory, width } = useAppState();
  const actions = useAppActions();
  const [query, setQuery] = useState(() => menuMemory[QUERY_MEMORY] ?? '');
  const results = useSearch(query);
  const { hits } = results;
  const [cursor, setCursor] = useState(() => Math.max(0, results.keys.indexOf(menuMemory[AT_MEMORY] ?? '')));
  const [typing, setTyping] = useState(() => menuMemory[MODE_MEMORY] !== 'browse');
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
  /** Call before opening anything from here: the list comes back with this card highlighted. */
  const keepPlace = () => {
    const hit = hits[latest.current];
    if (hit) actions.rememberMenu(AT_MEMORY, hit.entry.key);
  };
  const open = () => {
    const hit = hits[latest.current];
    if (!hit) return;
    keepPlace();
    actions.push({ name: 'card', item: { key: hit.entry.key, deckId: hit.entry.deckId, deckTitle: hit.entry.deckTitle, card: hit.entry.card } });
  };
  const leave = () => {
    for (const memory of [QUERY_MEMORY, AT_MEMORY, MODE_MEMORY]) actions.rememberMenu(memory, '');
    actions.pop();
  };
  const switchMode = (toTyping: boolean) => {
    setTyping(toTyping);
    actions.rememberMenu(MODE_MEMORY, toTyping ? 'type' : 'browse');
  };

  const hit = hits[at];
  const acts = useCardActions(hit ? { key: hit.entry.key, deckId: hit.entry.deckId, card: hit.entry.card } : null, { isActive: !typing });
  const marks = ws.marks.current();

  const room = useRoom();
  // The query line, the count line and a blank line come first.
  const rows = Math.max(1, room.height - 3);
  const page = Math.max(1, listWindow(hits.length, at, rows).shown - 1);

  // Either mode: pages move, Enter opens, Tab switches. While typing, arrows move and Esc leaves
  // here; while browsing useKeys has them (with j, k and q), so no key acts twice.
  useScreenInput((_input, key) => {
    if (typing && key.escape) leave();
    else if (typing && key.upArrow) move((c) => c - 1);
    else if (typing && key.downArrow) move((c) => c + 1);
    else if (key.pageUp) move((c) => c - page);
    else if (key.pageDown) move((c) => c + page);
    else if (key.tab) switchMode(!typing);
    else if (key.return) open();
  });
  useKeys({ up: () => move((c) => c - 1), down: () => move((c) => c + 1), search: () => switchMode(true), back: leave }, { isActive: !typing });
  // s: Study now on the results as listed.
  const studyResults = () => {
    keepPlace();
    actions.push({ name: 'study-now', scope: { kind: 'search', query: query.trim(), keys: results.keys } });
  };
  useKeys({ studyResults }, { isActive: !typing && hits.length > 0 });

  const footer = typing
    ? firstThatFits(width, 'type to search · ↑↓ move · Enter open · Tab then ? help · Esc back', '↑↓ move · Enter open · Tab then ? help · Esc back')
    : (acts.promptFooter ?? fitFooter(width, [], [['↑↓ j k', 'move'], ['Enter', 'open'], ...(hits.length > 0 ? ([['s', 'study these']] as const) : []), ['/ Tab', 'edit the query'], ...acts.keys], [['Esc', 'back']]));
  return (
    <Frame title="Search" commands={['up', 'down', 'pageUp', 'pageDown', 'select', 'studyResults', 'search', ...acts.commands, 'back']} footer={footer} fixed>
      <Box flexShrink={0}>
        <Text color="cyan">{LABEL}</Text>
        <TextField width={room.width - LABEL.length} initial={query} placeholder="join deck:sql kind:choice seen:no" isActive={typing} onChange={(q) => {
          setQuery(q);
          actions.rememberMenu(QUERY_MEMORY, q);
          latest.current = 0;
          setCursor(0);
        }} />
      </Box>
      {acts.prompt ?? <Text dimColor wrap="truncate-end">{acts.notice ?? countLine(results)}</Text>}
      <Text> </Text>
      <ResultList hits={hits} at={at} rows={rows} width={room.width} mark={(key) => markGlyphs(marks, key)} />
    </Frame>
  );
}

/** How many cards the query finds, or why a filter in it is not used. */
function countLine({ query, hits, size, capped }: SearchResults): string {
  if (query.problems.length > 0) return `! ${query.problems[0]}`;
  if (!query.words && !hasFilters(query.filters)) return `${size} cards searchable; filters: deck: kind: tag: due: seen:`;
  return `${capped ? `${hits.length}+` : hits.length} match${hits.length === 1 ? '' : 'es'} in ${size} cards`;
}
