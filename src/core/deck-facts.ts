// What the day's figures, readiness and the queues all derive from a deck's cards, worked out once
// per loaded deck: a deck never changes (an edit loads a new Deck object), and a 10,000-card deck
// walked again for each figure cost more than the figures themselves.
import { QUIZ_KINDS, type Card, type Deck } from './deck.js';
import type { StudyItem } from './queue.js';
import { isWalkthroughDeck } from './walkthrough.js';

export interface DeckFacts {
  /** The quiz cards as the queue has them, in card order. */
  items: readonly StudyItem[];
  /** items[i].key, as an array of its own for the loops that need only the key. */
  keys: readonly string[];
  /** Per quiz card: 1 for an SQL or code exercise. */
  exercise: Uint8Array;
  exercises: number;
  /** New cards come through the walkthrough (every item is `guided`). */
  guided: boolean;
  /** Code exercises among all the deck's cards. */
  code: number;
  /** The design prompts' keys, in card order. */
  designKeys: readonly string[];
}

const held = new WeakMap<Deck, { cards: readonly Card[]; facts: DeckFacts }>();

// "deck/card" made by concatenation is a rope that every Map lookup first flattens; joined, it is flat once.
const keyOf = (deckId: string, cardId: string): string => [deckId, cardId].join('/');

export function deckFacts(deck: Deck): DeckFacts {
  const known = held.get(deck);
  if (known && known.cards === deck.cards) return known.facts;
  const guided = isWalkthroughDeck(deck);
  const items: StudyItem[] = [];
  const keys: string[] = [];
  const flags: number[] = [];
  const designKeys: string[] = [];
  let code = 0;
  let exercises = 0;
  for (const card of deck.cards) {
    if (card.type === 'code') code++;
    if (card.type === 'design') {
      designKeys.push(keyOf(deck.id, card.id));
      continue;
    }
    if (!QUIZ_KINDS.includes(card.type)) continue;
    const key = keyOf(deck.id, card.id);
    items.push(guided ? { key, deckId: deck.id, deckTitle: deck.title, card, guided } : { key, deckId: deck.id, deckTitle: deck.title, card });
    keys.push(key);
    const exercise = card.type === 'sql' || card.type === 'code' ? 1 : 0;
    flags.push(exercise);
    exercises += exercise;
  }
  const facts: DeckFacts = { items, keys, exercise: Uint8Array.from(flags), exercises, guided, code, designKeys };
  held.set(deck, { cards: deck.cards, facts });
  return facts;
}
