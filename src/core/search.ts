// Fuzzy search over every loaded card: prompts and tags first, then answers.
//
// uFuzzy rather than fuse.js: at 10,000 cards fuse.js took 330 ms per search over prompts,
// answers and tags (110 ms even without answers, and every tuning we tried stayed above 100 ms),
// while uFuzzy answers in 4-13 ms with no index to build and still forgives a typo per word.
import uFuzzy from '@leeoniya/ufuzzy';
import { cardAnswer, cardKey, cardPrompt, type Card, type Deck } from './deck.js';

export interface SearchEntry {
  key: string;
  deckId: string;
  deckTitle: string;
  card: Card;
  prompt: string;
  answer: string;
  tags: string[];
}

export interface SearchHit {
  entry: SearchEntry;
  /** 0 is the best match; hits in prompts and tags score below 0.5, hits only in answers above. */
  score: number;
}

export interface SearchIndex {
  /** keep: only these entries can match (search filters); ranking is among them. */
  search(query: string, limit?: number, keep?: (entry: SearchEntry) => boolean): SearchHit[];
  size: number;
  /** Every card, in deck order. */
  entries: readonly SearchEntry[];
}

/** Above this many matches uFuzzy skips ranking; such a query is too broad to rank usefully. */
const RANK_LIMIT = 1000;

export function buildSearchIndex(decks: readonly Deck[]): SearchIndex {
  const entries: SearchEntry[] = [];
  for (const deck of decks) {
    for (const card of deck.cards) {
      entries.push({ key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card, prompt: cardPrompt(card), answer: cardAnswer(card), tags: card.tags ?? [] });
    }
  }
  const heads = entries.map((e) => `${e.prompt} ${e.tags.join(' ')}`);
  const bodies = entries.map((e) => e.answer);
  // One typo (insert, delete, swap or substitute) per word is forgiven; words match in any order.
  const fuzzy = new uFuzzy({ intraMode: 1 });
  return {
    size: entries.length,
    entries,
    search(query, limit = 50, keep) {
      const q = query.trim();
      if (!q) return [];
      // Filters apply after the fuzzy match, not as uFuzzy's pre-filtered list: that list is
      // taken as already matching a one-word query, so it would come back whole.
      const kept = keep ? new Set(entries.flatMap((e, i) => (keep(e) ? [i] : []))) : null;
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      for (const [haystack, base] of [[heads, 0], [bodies, 0.5]] as const) {
        const [matches, info, order] = fuzzy.search(haystack, q, 1, RANK_LIMIT);
        if (!matches) continue;
        const ranked = info && order ? order.map((i) => info.idx[i]!) : matches;
        ranked.forEach((index, rank) => {
          if (hits.length >= limit || seen.has(index) || (kept && !kept.has(index))) return;
          seen.add(index);
          hits.push({ entry: entries[index]!, score: base + (0.5 * rank) / ranked.length });
        });
      }
      return hits;
    },
  };
}

/**
 * The ids a mistyped one was probably meant to be, best first: the same forgiving match as card
 * search (a typo per word, or a part of the id), so "sql-drill" finds "sql-drills".
 */
export function nearbyIds(typed: string, ids: readonly string[], limit = 3): string[] {
  const q = typed.trim();
  if (!q) return [];
  const [matches, info, order] = new uFuzzy({ intraMode: 1 }).search([...ids], q, 1, RANK_LIMIT);
  if (!matches) return [];
  const ranked = info && order ? order.map((i) => info.idx[i]!) : matches;
  return ranked.slice(0, limit).map((i) => ids[i]!);
}
