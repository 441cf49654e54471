// What the day's figures, readiness and the queues all derive from a deck's cards, worked out once
// per loaded deck: a deck never changes (an edit loads a new Deck object), and a 10,000-card deck
// walked again for each figure cost more than the figures themselves.
import { QUIZ_KINDS, type Card, type Deck } from './deck.js';
import type { StudyItem } from './queue.js';
import { isWalkthroughDeck } from './walkthrough.js';

export interface DeckFacts {
  /** The quiz cards as the queue has them, in card order: made when first asked for (the figures need only the keys). */
  readonly items: readonly StudyItem[];
  /** The quiz cards alone, in card order (items[i].card). */
  quizCards: readonly Card[];
  /** items[i].key, as an array of its own for the loops that need only the key. */
  keys: readonly string[];
  /** Per quiz card: 1 for an SQL or code exercise. */
  exercise: Uint8Array;
  exercises: number;
  /** New cards come through the walkthrough (every item is `guided`). */
  guided: boolean;
  /** The design prompts' keys, in card order. */
  designKeys: readonly string[];
}

const held = new WeakMap<Deck, { cards: readonly Card[]; facts: DeckFacts }>();

// cardKey's "deck/card" made by concatenation stays a rope, and every map lookup compares it to the
// stored key piece by piece; joined, it is one flat string, compared at once.
const flatKey = (deckId: string, cardId: string): string => [deckId, cardId].join('/');

export function deckFacts(deck: Deck): DeckFacts {
  const known = held.get(deck);
  if (known && known.cards === deck.cards) return known.facts;
  const guided = isWalkthroughDeck(deck);
  const cards: Card[] = [];
  const keys: string[] = [];
  const flags = new Uint8Array(deck.cards.length);
  const designKeys: string[] = [];
  let exercises = 0;
  for (let i = 0; i < deck.cards.length; i++) {
    const card = deck.cards[i]!;
    if (card.type === 'design') {
      designKeys.push(flatKey(deck.id, card.id));
      continue;
    }
    if (!QUIZ_KINDS.includes(card.type)) continue;
    const exercise = card.type === 'sql' || card.type === 'code' ? 1 : 0;
    flags[keys.length] = exercise;
    exercises += exercise;
    keys.push(flatKey(deck.id, card.id));
    cards.push(card);
  }
  let items: StudyItem[] | undefined;
  const facts: DeckFacts = {
    get items() {
      return (items ??= cards.map((card, i) => (guided ? { key: keys[i]!, deckId: deck.id, deckTitle: deck.title, card, guided } : { key: keys[i]!, deckId: deck.id, deckTitle: deck.title, card })));
    },
    quizCards: cards,
    keys,
    exercise: keys.length === flags.length ? flags : flags.slice(0, keys.length),
    exercises,
    guided,
    designKeys,
  };
  held.set(deck, { cards: deck.cards, facts });
  return facts;
}
