// What the day's figures, readiness and the queues all derive from a deck's cards, worked out once
// per loaded deck: a deck never changes (an edit loads a new Deck object), and a 10,000-card deck
// walked again for each figure cost more than the figures themselves.
//
// The same facts, as plain data (an outline), let a large deck load without its cards: the store
// keeps the outline beside the deck cache, and the cards are parsed only when something reads them
// (a review, search, the card list). Figures never need them.
import { CARD_KINDS, QUIZ_KINDS, type Card, type CardKind, type Deck } from './deck.js';
import type { StudyItem } from './queue.js';
import { isWalkthroughDeck } from './walkthrough.js';

export interface DeckFacts {
  /** The quiz cards as the queue has them, in card order: made when first asked for (the figures need only the keys). */
  readonly items: readonly StudyItem[];
  /** The quiz cards alone, in card order (items[i].card): read from the deck when first asked for. */
  readonly quizCards: readonly Card[];
  /** items[i].key, as an array of its own for the loops that need only the key. */
  keys: readonly string[];
  /** Per quiz card: 1 for an SQL or code exercise (kinds.sql + kinds.code of them). */
  exercise: Uint8Array;
  /** New cards come through the walkthrough (every item is `guided`). */
  guided: boolean;
  /** The design prompts' keys, in card order. */
  designKeys: readonly string[];
  /** Cards of each kind, and in all. */
  kinds: Readonly<Record<CardKind, number>>;
  cardCount: number;
  /**
   * Each quiz card's topics (its tags; without tags, its section or else the deck's title), each
   * once: names are numbered in order of first appearance, and card i has
   * topics[topicStart[i]] up to topics[topicStart[i + 1]].
   */
  topicNames: readonly string[];
  topicStart: Int32Array;
  topics: Int32Array;
}

/** DeckFacts as plain JSON data, less what the deck's own top-level fields say. */
export interface DeckOutline {
  /** Quiz card keys ("deck/card"), in card order: stored whole, so a start makes no key. */
  quiz: string[];
  /** Per quiz card, "1" for an exercise, else "0". */
  exercise: string;
  /** Design card keys, in card order. */
  design: string[];
  kinds: Record<CardKind, number>;
  topicNames: string[];
  topicStart: number[];
  topics: number[];
}

/** The cards a deck loaded without them: deckFacts answers from the outline until they are read. */
const PENDING: readonly Card[] = [];
const held = new WeakMap<Deck, { cards: readonly Card[]; facts: DeckFacts }>();

// cardKey's "deck/card" made by concatenation stays a rope, and every map lookup compares it to the
// stored key piece by piece; joined, it is one flat string, compared at once.
const flatKey = (deckId: string, cardId: string): string => [deckId, cardId].join('/');

function topicsOf(card: Card, deck: Deck): readonly string[] {
  return card.tags && card.tags.length > 0 ? card.tags : [card.section ?? deck.title];
}

/** The outline of a deck read in full. */
export function outlineOf(deck: Deck): DeckOutline {
  const kinds = Object.fromEntries(CARD_KINDS.map((k) => [k, 0])) as Record<CardKind, number>;
  const quiz: string[] = [];
  const design: string[] = [];
  let exercise = '';
  const ids = new Map<string, number>();
  const topicNames: string[] = [];
  const topicStart = [0];
  const topics: number[] = [];
  for (const card of deck.cards) {
    kinds[card.type]++;
    if (card.type === 'design') {
      design.push(flatKey(deck.id, card.id));
      continue;
    }
    if (!QUIZ_KINDS.includes(card.type)) continue;
    quiz.push(flatKey(deck.id, card.id));
    exercise += card.type === 'sql' || card.type === 'code' ? '1' : '0';
    const start = topics.length;
    for (const name of topicsOf(card, deck)) {
      let t = ids.get(name);
      if (t === undefined) {
        t = topicNames.length;
        ids.set(name, t);
        topicNames.push(name);
      }
      // A tag given twice counts once.
      if (topics.indexOf(t, start) < 0) topics.push(t);
    }
    topicStart.push(topics.length);
  }
  return { quiz, exercise, design, kinds, topicNames, topicStart, topics };
}

/** A deck's top-level fields in file order, each `lazy` one (cards, datasets) standing there as null: what an outline keeps beside the facts. */
export function outlineHead(deck: Deck, lazy: readonly string[]): [string, unknown][] {
  return Object.entries(deck).map(([key, value]): [string, unknown] => [key, lazy.includes(key) ? null : value]);
}

/** Whether a value read back from a file is an outline of deck `deckId` every use can trust (shape and bounds, not content). */
export function isDeckOutline(value: unknown, deckId: string): value is DeckOutline {
  if (!value || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  const prefix = `${deckId}/`;
  const keys = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.startsWith(prefix));
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const ints = (v: unknown, below: number): v is number[] => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n <= below);
  if (!keys(o.quiz) || !keys(o.design) || !strings(o.topicNames) || typeof o.exercise !== 'string') return false;
  if (!/^[01]*$/.test(o.exercise) || o.exercise.length !== o.quiz.length) return false;
  if (!ints(o.topics, o.topicNames.length - 1) || !ints(o.topicStart, o.topics.length) || o.topicStart.length !== o.quiz.length + 1) return false;
  const starts = o.topicStart;
  if (starts[0] !== 0 || starts[starts.length - 1] !== o.topics.length || starts.some((s, i) => i > 0 && s < starts[i - 1]!)) return false;
  const raw = o.kinds as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || !CARD_KINDS.every((k) => Number.isInteger(raw[k]) && (raw[k] as number) >= 0)) return false;
  // The counts agree with the lists: design cards, exercises (SQL and code), and quiz cards in all.
  const kinds = raw as Record<CardKind, number>;
  const exercises = o.exercise.split('1').length - 1;
  const quiz = CARD_KINDS.reduce((n, k) => n + (k === 'design' ? 0 : kinds[k]), 0);
  return kinds.design === o.design.length && kinds.sql + kinds.code === exercises && quiz === o.quiz.length;
}

function factsFrom(deck: Deck, outline: DeckOutline, cards: () => readonly Card[]): DeckFacts {
  const guided = isWalkthroughDeck(deck);
  const keys = outline.quiz;
  const flags = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) flags[i] = outline.exercise.charCodeAt(i) - 48;
  let quizCards: readonly Card[] | undefined;
  let items: StudyItem[] | undefined;
  return {
    get quizCards() {
      return (quizCards ??= cards().filter((card) => QUIZ_KINDS.includes(card.type)));
    },
    get items() {
      return (items ??= this.quizCards.map((card, i) => (guided ? { key: keys[i]!, deckId: deck.id, deckTitle: deck.title, card, guided } : { key: keys[i]!, deckId: deck.id, deckTitle: deck.title, card })));
    },
    keys,
    exercise: flags,
    guided,
    designKeys: outline.design,
    kinds: outline.kinds,
    cardCount: outline.quiz.length + outline.design.length,
    topicNames: outline.topicNames,
    topicStart: Int32Array.from(outline.topicStart),
    topics: Int32Array.from(outline.topics),
  };
}

export function deckFacts(deck: Deck): DeckFacts {
  const known = held.get(deck);
  // A pending entry is only ever replaced by the deck's own accessor (lazyDeck), so reading deck.cards here would be the only way to lose it.
  if (known && (known.cards === PENDING || known.cards === deck.cards)) return known.facts;
  const cards = deck.cards;
  const facts = factsFrom(deck, outlineOf(deck), () => cards);
  held.set(deck, { cards, facts });
  return facts;
}

/**
 * A deck whose cards (and any other `lazy` fields, such as a large `datasets`) are read only when
 * first asked for. `head` is the deck's top-level fields in file order, a lazy field standing
 * where it goes; `readBody` returns an object holding the lazy fields, called once. Once read, or
 * once replaced, a field is an ordinary property: the deck spreads, serialises and compares like any other.
 */
export function lazyDeck(head: readonly (readonly [string, unknown])[], lazy: readonly string[], outline: DeckOutline, readBody: () => Record<string, unknown>): Deck {
  const deck = {} as Record<string, unknown>;
  const result = deck as unknown as Deck;
  let body: Record<string, unknown> | undefined;
  const read = (): Record<string, unknown> => (body ??= readBody());
  const plain = (key: string, value: unknown): void => {
    Object.defineProperty(deck, key, { value, writable: true, enumerable: true, configurable: true });
  };
  for (const [key, value] of head) {
    if (!lazy.includes(key)) {
      deck[key] = value;
      continue;
    }
    Object.defineProperty(deck, key, {
      get: () => {
        const value = read()[key];
        plain(key, value);
        const entry = held.get(result);
        // The outline was taken from these very cards, so the facts stay.
        if (key === 'cards' && entry?.cards === PENDING) held.set(result, { cards: value as Card[], facts: entry.facts });
        return value;
      },
      set: (value: unknown) => {
        // Cards replaced before they were read: the facts are worked out again from the new ones.
        if (key === 'cards') held.delete(result);
        plain(key, value);
      },
      enumerable: true,
      configurable: true,
    });
  }
  // The facts pair the outline's keys with the cards it was taken from, even after the deck's cards are replaced.
  if (lazy.includes('cards')) held.set(result, { cards: PENDING, facts: factsFrom(result, outline, () => read().cards as Card[]) });
  return result;
}
