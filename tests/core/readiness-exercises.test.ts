import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import { runnableDecks } from '../../src/core/exercise.js';
import { readiness, type ReadinessInput } from '../../src/core/readiness.js';
import { createScheduler } from '../../src/core/scheduler.js';

const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();
const scheduler = createScheduler({ retention: 0.9 });

const parsed = parseDeck(
  JSON.stringify({
    id: 'sqlx', title: 'SQL', area: 'skills', version: 1,
    datasets: { d: 'CREATE TABLE t (a);' },
    cards: [
      { id: 'f', type: 'flashcard', front: 'f?', back: 'yes' },
      { id: 'q1', type: 'sql', prompt: 'All rows.', dataset: 'd', solution: 'SELECT * FROM t' },
      { id: 'q2', type: 'sql', prompt: 'Count.', dataset: 'd', solution: 'SELECT COUNT(*) FROM t' },
      { id: 'c1', type: 'code', prompt: 'add', language: 'python', starter: 'def add(a, b): pass', tests: 'from solution import add', solution: 'def add(a, b): return a + b' },
    ],
  }),
  'sqlx.json',
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const deck: Deck = parsed.deck;
const input = (records: ReadinessInput['records']): ReadinessInput => ({ decks: [deck], records, entries: [], attempts: [], scheduler, now: NOW, interviewAt: null, targetRetention: 0.9, newPerDay: 20 });

describe('exercises on Readiness', () => {
  it('are an area of their own, counted from the sql and code cards, with the others\' figures', () => {
    const state = scheduler.next(undefined, NOW - 3_600_000, 3);
    const r = readiness(input(new Map([['sqlx/q1', { state, firstReview: NOW - 3_600_000 }]])));
    const area = r.areas.find((a) => a.area === 'exercises');
    expect(area).toMatchObject({ cards: 3, seen: 1, coverage: 1 / 3 });
    expect(area!.recallSeenCards).toBeGreaterThan(0.9);
    expect(area!.trend).toHaveLength(r.trendDays.length);
    expect(r.areas.map((a) => a.area)).toEqual(['skills', 'exercises']);
  });

  it('is absent when no deck has exercises', () => {
    const r = readiness({ ...input(new Map()), decks: [{ ...deck, cards: deck.cards.filter((c) => c.type === 'flashcard') }] });
    expect(r.areas.map((a) => a.area)).toEqual(['skills']);
  });
});

describe('runnableDecks', () => {
  it('leaves code exercises out when code cannot run, the same deck object each time', () => {
    expect(runnableDecks([deck], true)[0]).toBe(deck);
    const [without] = runnableDecks([deck], false);
    expect(without!.cards.map((c) => c.id)).toEqual(['f', 'q1', 'q2']);
    expect(runnableDecks([deck], false)[0]).toBe(without);
  });
});
