import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import type { CardRecord } from '../../src/core/progress.js';
import { buildQueue, studyItemsForTrack } from '../../src/core/queue.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { interleaveByWeight, trackById } from '../../src/core/tracks.js';
import { walkthrough } from '../../src/core/walkthrough.js';
import { REPO } from '../helpers/temp.js';

const T0 = new Date(2026, 10, 20, 9, 0, 0).getTime();
const scheduler = createScheduler({ retention: 0.9 });

function fixture(name: string): Deck {
  const result = parseDeck(readFileSync(join(REPO, 'tests/fixtures', name), 'utf8'), name);
  if (!result.ok) throw new Error(`fixture ${name} is broken`);
  return result.deck;
}

/** A skills deck of n flashcards. */
function skillDeck(id: string, n: number): Deck {
  return {
    id,
    title: id,
    area: 'skills',
    version: 1,
    cards: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, type: 'flashcard' as const, front: `${id} ${i}`, back: 'b' })),
  };
}

const seen = (): CardRecord => ({ firstReview: T0 - 1, state: scheduler.next(undefined, T0 - 1, 3) });

describe('track weighting', () => {
  it('takes from each list in proportion to its weight, heaviest first, keeping each list in order', () => {
    const mixed = interleaveByWeight([
      { weight: 1, items: ['a1', 'a2', 'a3'] },
      { weight: 3, items: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'] },
    ]);
    expect(mixed.slice(0, 4)).toEqual(['b1', 'b2', 'b3', 'a1']);
    expect(mixed).toHaveLength(9);
    expect(mixed.filter((x) => x.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
  });

  it("shows an ML engineer ML Fundamentals and A/B Testing first, a software engineer distributed systems and Java", () => {
    const decks = ['java', 'kotlin', 'python', 'distributed-systems', 'product-metrics', 'ab-testing', 'ml-fundamentals'].map((id) => skillDeck(id, 30));
    const firstDecks = (track: string) => {
      const items = studyItemsForTrack(decks, trackById(track));
      const fresh = buildQueue(items, new Map(), T0, { newPerDay: 10, newSeenToday: 0, scheduler }).fresh;
      const counts = new Map<string, number>();
      for (const item of fresh) counts.set(item.deckId, (counts.get(item.deckId) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    };
    expect(firstDecks('ml-engineer').slice(0, 2)).toEqual(['ml-fundamentals', 'ab-testing']);
    expect(firstDecks('software-engineer').slice(0, 2).sort()).toEqual(['distributed-systems', 'java']);
    expect(firstDecks('product-manager')[0]).toBe('product-metrics');
  });

  it('never brings in a walkthrough card as a plain new card', () => {
    const items = studyItemsForTrack([fixture('walk.json'), skillDeck('sql', 3)], trackById('analytics-engineer'));
    const fresh = buildQueue(items, new Map(), T0, { newPerDay: 20, newSeenToday: 0, scheduler }).fresh;
    expect(fresh.map((i) => i.deckId)).toEqual(['sql', 'sql', 'sql']);
  });
});

describe('culture walkthrough', () => {
  const deck = fixture('walk.json');

  it('starts at the first section with nothing done', () => {
    const walk = walkthrough(deck, new Map());
    expect(walk).toMatchObject({ done: 0, current: 0 });
    expect(walk.sections.map((s) => [s.name, s.keys.length, s.answered])).toEqual([
      ['First Principle', 2, 0],
      ['Second Principle', 1, 0],
    ]);
  });

  it('resumes in a half-done section, and moves on once every card of it is answered', () => {
    const half = walkthrough(deck, new Map([['walk/one-a', seen()]]));
    expect(half).toMatchObject({ done: 0, current: 0 });
    expect(half.sections[0]).toMatchObject({ answered: 1, done: false });
    const first = walkthrough(deck, new Map([['walk/one-a', seen()], ['walk/one-b', seen()]]));
    expect(first).toMatchObject({ done: 1, current: 1 });
  });

  it('is complete when every section is done, even if they were done out of order', () => {
    const records = new Map([['walk/two-a', seen()]]);
    expect(walkthrough(deck, records)).toMatchObject({ done: 1, current: 0 });
    records.set('walk/one-a', seen()).set('walk/one-b', seen());
    expect(walkthrough(deck, records)).toMatchObject({ done: 2, current: 2 });
  });
});
