// A deck loaded from its outline (cards parsed only when read) must be the deck read in full in
// every way a caller can see: its facts, and the deck itself spread, serialised or compared,
// before and after its cards are read. And an outline read back from a file is trusted only whole.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deckFacts, isDeckOutline, lazyDeck, outlineOf, type DeckFacts } from '../../src/core/deck-facts.js';
import { CARD_KINDS, type Card, type Deck } from '../../src/core/deck.js';

const word = fc.constantFrom('a', 'b', 'sql', 'joins', 'Caching', 'x-y');
const card = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 6 }),
    type: fc.constantFrom(...CARD_KINDS),
    tags: fc.array(word, { maxLength: 3 }),
    section: word,
    prompt: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: ['id', 'type', 'prompt'] },
);
const deckArb = fc.record({
  id: fc.constantFrom('d', 'deck-2'),
  title: fc.string({ maxLength: 8 }),
  area: fc.constantFrom('culture', 'skills', 'design', 'custom'),
  sections: fc.option(fc.array(fc.record({ name: word, intro: fc.constant('i') }), { maxLength: 2 }), { nil: undefined }),
  cards: fc.array(card, { maxLength: 30 }),
  datasets: fc.option(fc.dictionary(word, fc.string({ maxLength: 10 }), { maxKeys: 2 }), { nil: undefined }),
}).map((d) => JSON.parse(JSON.stringify(d)) as Deck);

/** What a figure can read of the facts (items and quizCards read the cards, and are compared after). */
const seen = (f: DeckFacts) => ({ keys: f.keys, exercise: [...f.exercise], guided: f.guided, designKeys: f.designKeys, kinds: f.kinds, cardCount: f.cardCount, topicNames: f.topicNames, topicStart: [...f.topicStart], topics: [...f.topics] });

function outlined(deck: Deck): { lazy: Deck; reads: () => number } {
  let reads = 0;
  const head = Object.entries(deck).map(([k, v]): [string, unknown] => [k, k === 'cards' ? null : v]);
  const outline = JSON.parse(JSON.stringify(outlineOf(deck))) as unknown;
  expect(isDeckOutline(outline, deck.id)).toBe(true);
  expect(isDeckOutline(outline, `${deck.id}x`)).toBe(deck.cards.length === 0);
  // The built-in bundle reads datasets lazily too, from the same line as the cards.
  const fields = 'datasets' in deck ? ['cards', 'datasets'] : ['cards'];
  const lazy = lazyDeck(JSON.parse(JSON.stringify(head)) as [string, unknown][], fields, outline as ReturnType<typeof outlineOf>, () => {
    reads++;
    return JSON.parse(JSON.stringify({ cards: deck.cards, datasets: deck.datasets })) as Record<string, unknown>;
  });
  return { lazy, reads: () => reads };
}

describe('a deck loaded from its outline', () => {
  it('has the facts of the deck read in full, without reading its cards', () => {
    fc.assert(
      fc.property(deckArb, (deck) => {
        const { lazy, reads } = outlined(deck);
        expect(seen(deckFacts(lazy))).toEqual(seen(deckFacts(deck)));
        expect(lazy.id).toBe(deck.id);
        expect(reads()).toBe(0);
        // The quiz cards and items, once asked for, are the same cards in the same order.
        expect(deckFacts(lazy).items.map((i) => [i.key, i.card])).toEqual(deckFacts(deck).items.map((i) => [i.key, i.card]));
        expect(reads()).toBe(1);
        // Reading the cards keeps the facts: the same object, not worked out again.
        const facts = deckFacts(lazy);
        expect(lazy.cards).toEqual(deck.cards);
        expect(deckFacts(lazy)).toBe(facts);
        expect(lazy.datasets).toEqual(deck.datasets);
        expect(reads()).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('spreads, serialises and compares as the deck read in full, before and after its cards are read', () => {
    fc.assert(
      fc.property(deckArb, (deck) => {
        expect(JSON.stringify(outlined(deck).lazy)).toBe(JSON.stringify(deck));
        expect(isDeepStrictEqual(outlined(deck).lazy, deck)).toBe(true);
        expect({ ...outlined(deck).lazy }).toEqual(deck);
        const { lazy } = outlined(deck);
        void lazy.cards;
        expect(Object.getOwnPropertyDescriptor(lazy, 'cards')).toEqual({ value: deck.cards, writable: true, enumerable: true, configurable: true });
        expect(JSON.stringify(lazy)).toBe(JSON.stringify(deck));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps facts taken before its cards were replaced paired with the cards they were taken from', () => {
    const deck = { id: 'd', title: 'D', area: 'skills', cards: [{ id: 'a', type: 'flashcard', front: 'f', back: 'b' }] } as unknown as Deck;
    const { lazy } = outlined(deck);
    const before = deckFacts(lazy);
    lazy.cards = [{ id: 'z', type: 'flashcard', front: 'z', back: 'z' }] as unknown as Card[];
    expect(before.items.map((i) => [i.key, i.card.id])).toEqual([['d/a', 'a']]);
    expect(deckFacts(lazy).items.map((i) => [i.key, i.card.id])).toEqual([['d/z', 'z']]);
  });

  it('gets new facts when its cards are replaced before they were read', () => {
    const deck = { id: 'd', title: 'D', area: 'skills', cards: [{ id: 'a', type: 'flashcard', front: 'f', back: 'b' }] } as unknown as Deck;
    const { lazy, reads } = outlined(deck);
    expect(deckFacts(lazy).keys).toEqual(['d/a']);
    lazy.cards = [{ id: 'b', type: 'flashcard', front: 'f', back: 'b' }, { id: 'c', type: 'design', prompt: 'p' }] as unknown as Card[];
    expect(deckFacts(lazy).keys).toEqual(['d/b']);
    expect(deckFacts(lazy).designKeys).toEqual(['d/c']);
    expect(reads()).toBe(0);
  });
});

describe('an outline read back from a file', () => {
  it('is refused when any part is out of shape or out of bounds', () => {
    const outline = outlineOf({ id: 'd', title: 'D', area: 'skills', cards: [
      { id: 'a', type: 'sql', tags: ['x', 'y'] },
      { id: 'b', type: 'design' },
      { id: 'c', type: 'flashcard' },
    ] } as unknown as Deck);
    expect(isDeckOutline(outline, 'd')).toBe(true);
    const broken: unknown[] = [
      null, [], 'x',
      { ...outline, quiz: ['a'] },
      { ...outline, exercise: '12' },
      { ...outline, topics: [0, 1, 5] },
      { ...outline, topicStart: [0, 2] },
      { ...outline, topicStart: [0, 3, 2, 3] },
      { ...outline, kinds: { ...outline.kinds, code: 1 } },
      { ...outline, kinds: { ...outline.kinds, sql: -1, flashcard: 2 } },
      { ...outline, design: [1] },
      { ...outline, design: ['b'] },
      // Counts that add up but disagree with the lists: no design card, two code exercises.
      { ...outline, kinds: { ...outline.kinds, design: 0, sql: 0, code: 2 } },
      { ...outline, quiz: ['e/a', 'd/c'] },
    ];
    for (const value of broken) expect(isDeckOutline(value, 'd')).toBe(false);
  });

  it('never throws, whatever JSON it is', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof isDeckOutline(value, 'd')).toBe('boolean');
      }),
    );
  });
});
