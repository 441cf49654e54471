// A search query is words plus filters: `deck:sql kind:choice tag:joins due: seen:no window`.
//
// Rules, as the help and `search --help` state them:
// - A filter is a known name, a colon and a value (quoted when it has spaces: deck:"system des").
//   Names are deck, kind, tag, due and seen, in any case. Any other `foo:` is an ordinary word,
//   so "p-value:" or a URL still searches as typed.
// - deck: takes the start of a deck's id or title, tag: the start of a tag, kind: the start of a
//   card kind (kind:f is flashcard), all in any case; due: alone or due:today is due today,
//   due:no not due today (never-seen cards included); seen:yes / seen:no reviewed or never.
// - The same filter twice means either value (deck:sql deck:python); different filters must all
//   hold. So the order of the filters never changes the result.
// - A known filter with a value it cannot take (kind:banana, seen:maybe, an empty deck:) is left
//   out of the matching and reported in `problems`, one short sentence each: the app shows it
//   above the results, the command line stops with it.
import { endOfDay } from './day.js';
import { CARD_KINDS, type CardKind } from './deck.js';
import type { CardRecord } from './progress.js';
import type { SearchEntry, SearchHit, SearchIndex } from './search.js';

export interface SearchFilters {
  /** Lowercase starts of a deck id or title; a card's deck must start with one of them. */
  decks: string[];
  kinds: CardKind[];
  /** Lowercase starts of a tag; one of the card's tags must start with one of them. */
  tags: string[];
  /** true: due today; false: not due today (never seen included). Both: either. */
  due: boolean[];
  /** true: reviewed at least once; false: never. */
  seen: boolean[];
}

export interface SearchQuery {
  /** The words to look for, in the order typed, one space apart; empty for a filter-only query. */
  words: string;
  filters: SearchFilters;
  problems: string[];
}

export const FILTER_NAMES = ['deck', 'kind', 'tag', 'due', 'seen'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

/** One line for help texts. */
export const FILTER_HELP = 'filters: deck:ID-or-title kind:choice tag:joins due: (due today) due:no seen:no seen:yes';

// A token: name:"quoted value" (the closing quote may be missing), or any run of non-space.
const TOKEN = /([A-Za-z]+):"([^"]*)"?|\S+/g;

function emptyFilters(): SearchFilters {
  return { decks: [], kinds: [], tags: [], due: [], seen: [] };
}

function add<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

function yesNo(value: string): boolean | null {
  if (value === 'yes' || value === 'y') return true;
  if (value === 'no' || value === 'n') return false;
  return null;
}

/** Applies one filter; a problem sentence when the value does not fit. */
function apply(filters: SearchFilters, name: FilterName, raw: string): string | null {
  const value = raw.trim().toLowerCase();
  switch (name) {
    case 'deck':
      if (!value) return 'deck: needs a deck id or the start of its title, e.g. deck:sql';
      add(filters.decks, value);
      return null;
    case 'tag':
      if (!value) return 'tag: needs a tag, e.g. tag:joins';
      add(filters.tags, value);
      return null;
    case 'kind': {
      const kinds = value ? CARD_KINDS.filter((k) => k.startsWith(value)) : [];
      if (kinds.length !== 1) return `kind: is one of ${CARD_KINDS.join(', ')}`;
      add(filters.kinds, kinds[0]!);
      return null;
    }
    case 'due': {
      const due = value === '' || value === 'today' ? true : yesNo(value);
      if (due === null) return 'due: alone means due today; due:no means not due today';
      add(filters.due, due);
      return null;
    }
    case 'seen': {
      const seen = yesNo(value);
      if (seen === null) return 'seen: takes yes or no';
      add(filters.seen, seen);
      return null;
    }
  }
}

export function parseSearchQuery(text: string): SearchQuery {
  const filters = emptyFilters();
  const words: string[] = [];
  const problems: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const quoted = match[1] !== undefined;
    const colon = token.indexOf(':');
    const name = (quoted ? match[1]! : colon > 0 ? token.slice(0, colon) : '').toLowerCase();
    if (!(FILTER_NAMES as readonly string[]).includes(name)) {
      words.push(token);
      continue;
    }
    const problem = apply(filters, name as FilterName, quoted ? match[2]! : token.slice(colon + 1));
    if (problem && !problems.includes(problem)) problems.push(problem);
  }
  for (const list of Object.values(filters) as unknown[][]) list.sort();
  return { words: words.join(' '), filters, problems };
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((list: unknown[]) => list.length > 0);
}

/** What matching needs besides the card: its review record, if any, and the moment "today" is about. */
export interface MatchContext {
  records: ReadonlyMap<string, CardRecord>;
  now: number;
}

/** Whether a card passes every filter (true for no filters). */
export function matchesFilters(entry: SearchEntry, filters: SearchFilters, context: MatchContext): boolean {
  const { decks, kinds, tags, due, seen } = filters;
  if (decks.length > 0) {
    const id = entry.deckId.toLowerCase();
    const title = entry.deckTitle.toLowerCase();
    if (!decks.some((d) => id.startsWith(d) || title.startsWith(d))) return false;
  }
  if (kinds.length > 0 && !kinds.includes(entry.card.type)) return false;
  if (tags.length > 0) {
    const own = entry.tags.map((t) => t.toLowerCase());
    if (!tags.some((t) => own.some((o) => o.startsWith(t)))) return false;
  }
  const record = context.records.get(entry.key);
  if (seen.length > 0 && !seen.includes(!!record)) return false;
  if (due.length > 0 && !due.includes(!!record && record.state.due < endOfDay(context.now))) return false;
  return true;
}

/**
 * The cards a query finds: with words, the best `limit` fuzzy matches among the cards the filters
 * keep; with filters only, every card they keep, in deck order; with neither, none.
 */
export function searchCards(index: SearchIndex, query: SearchQuery, context: MatchContext, limit: number): SearchHit[] {
  const { words, filters } = query;
  if (!hasFilters(filters)) return index.search(words, limit);
  const keep = (entry: SearchEntry) => matchesFilters(entry, filters, context);
  if (words.trim()) return index.search(words, limit, keep);
  return index.entries.filter(keep).map((entry) => ({ entry, score: 0 }));
}

const FENCE = /^\s*```/;

/**
 * The line a result list shows for a prompt: its first line with text that is not a code fence's
 * opening or closing line, so "```sql" never stands for a card.
 */
export function promptLine(prompt: string): string {
  const line = prompt.split('\n').find((l) => l.trim() !== '' && !FENCE.test(l));
  return (line ?? '').replace(/\s+/g, ' ').trim();
}
