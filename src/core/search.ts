// Fuzzy search over every loaded card: prompts, answers and tags.
import Fuse from 'fuse.js';
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
  /** 0 is a perfect match, 1 no match. */
  score: number;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  size: number;
}

export function buildSearchIndex(decks: readonly Deck[]): SearchIndex {
  const entries: SearchEntry[] = [];
  for (const deck of decks) {
    for (const card of deck.cards) {
      entries.push({ key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card, prompt: cardPrompt(card), answer: cardAnswer(card), tags: card.tags ?? [] });
    }
  }
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'prompt', weight: 2 },
      { name: 'tags', weight: 1.5 },
      { name: 'answer', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.3,
    minMatchCharLength: 2,
  });
  return {
    size: entries.length,
    search(query, limit = 50) {
      const q = query.trim();
      if (!q) return [];
      return fuse.search(q, { limit }).map((r) => ({ entry: r.item, score: r.score ?? 1 }));
    },
  };
}
