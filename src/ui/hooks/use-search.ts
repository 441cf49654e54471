// The hits of a search query with its filters, for the Search screen and what acts on its
// results (study them, suspend or flag one): one place that knows which cards are listed.
import { useMemo } from 'react';
import { parseSearchQuery, searchCards, type SearchQuery } from '../../core/search-query.js';
import { buildSearchIndex, type SearchHit } from '../../core/search.js';
import { useAppState } from '../app-context.js';

/** With words, the best this many; a filter-only query lists every card it keeps. */
export const WORD_LIMIT = 50;

export interface SearchResults {
  query: SearchQuery;
  hits: SearchHit[];
  /** The hits' card keys, in the order listed (a custom-study scope takes these). */
  keys: string[];
  /** Cards searched. */
  size: number;
  /** The words' matches were cut at WORD_LIMIT. */
  capped: boolean;
}

export function useSearch(text: string): SearchResults {
  const { ws, clock, revision } = useAppState();
  const index = useMemo(() => buildSearchIndex(ws.decks()), [ws]);
  const query = useMemo(() => parseSearchQuery(text), [text]);
  // due: and seen: read progress, which changes with revision (a card studied from here).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const hits = useMemo(() => searchCards(index, query, { records: ws.progress.progress.cards, now: clock() }, WORD_LIMIT), [index, query, ws, clock, revision]);
  const keys = useMemo(() => hits.map((h) => h.entry.key), [hits]);
  return { query, hits, keys, size: index.size, capped: query.words !== '' && hits.length === WORD_LIMIT };
}
