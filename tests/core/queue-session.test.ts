import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import type { CardRecord } from '../../src/core/progress.js';
import { buildQueue, newIntroducedToday, studyItems } from '../../src/core/queue.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { sessionProgress, sessionReducer, startSession, type SessionState } from '../../src/core/session.js';
import { MINI_DECK } from '../helpers/temp.js';

const T0 = new Date(2026, 10, 20, 9, 0, 0).getTime();
const DAY = 86_400_000;
const scheduler = createScheduler({ retention: 0.9 });

function miniDeck(): Deck {
  const result = parseDeck(readFileSync(MINI_DECK, 'utf8'), 'mini.json');
  if (!result.ok) throw new Error('fixture is broken');
  return result.deck;
}

function reviewed(stability: number, lastReview: number, due: number): CardRecord {
  return { firstReview: lastReview, state: { due, stability, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 3, lapses: 0, phase: 'review', lastReview } };
}

describe('today\'s queue', () => {
  const items = studyItems([miniDeck()]);

  it('puts due cards first, the least likely to be recalled leading, then new cards', () => {
    const records = new Map<string, CardRecord>([
      ['mini/capital', reviewed(20, T0 - 10 * DAY, T0 - DAY)],
      ['mini/primes', reviewed(2, T0 - 10 * DAY, T0 - 5 * DAY)],
      ['mini/two-plus-two', reviewed(50, T0 - DAY, T0 + 30 * DAY)],
    ]);
    const queue = buildQueue(items, records, T0, { newPerDay: 20, newSeenToday: 0, scheduler });
    expect(queue.due.map((i) => i.key)).toEqual(['mini/primes', 'mini/capital']);
    expect(queue.fresh.map((i) => i.key)).toEqual(['mini/cap-theorem']);
  });

  it('limits new cards to what is left of the daily limit', () => {
    expect(buildQueue(items, new Map(), T0, { newPerDay: 3, newSeenToday: 1, scheduler }).fresh).toHaveLength(2);
    expect(buildQueue(items, new Map(), T0, { newPerDay: 3, newSeenToday: 5, scheduler }).fresh).toHaveLength(0);
  });

  it('counts cards first rated today against the new-card limit', () => {
    const records = new Map<string, CardRecord>([
      ['mini/capital', { ...reviewed(1, T0 - 60_000, T0), firstReview: T0 - 60_000 }],
      ['mini/primes', reviewed(1, T0 - 2 * DAY, T0)],
    ]);
    expect(newIntroducedToday(records, T0)).toBe(1);
  });
});

describe('study session', () => {
  const items = studyItems([miniDeck()]);

  function rate(state: SessionState, rating: 1 | 2 | 3 | 4, now: number, id: string): SessionState {
    const item = state.current!;
    const record: CardRecord = { state: scheduler.next(undefined, now, rating), firstReview: now };
    return sessionReducer(state, { type: 'rated', item, rating, record, reviewId: id, restore: null, now, sessionEnd: T0 + DAY });
  }

  it('shows cards in order and brings a card back inside the session while it is learning', () => {
    let s = startSession(items.slice(0, 2), T0);
    expect(s.current?.key).toBe('mini/capital');
    s = rate(s, 1, T0, 'r1'); // Again: due in 1 minute, comes back
    expect(s.current?.key).toBe('mini/two-plus-two');
    expect(sessionProgress(s)).toMatchObject({ done: 1, left: 2, learning: 1 });
    s = rate(s, 4, T0 + 1000, 'r2'); // Easy: graduates, gone for today
    expect(s.current?.key).toBe('mini/capital');
    s = rate(s, 4, T0 + 2 * 60_000, 'r3');
    expect(s.current).toBeNull();
    expect(s).toMatchObject({ rated: 3, lapses: 1 });
  });

  it('undo returns to the card that was rated and forgets the rating', () => {
    let s = startSession(items, T0);
    s = rate(s, 3, T0, 'r1');
    s = rate(s, 1, T0 + 1000, 'r2');
    expect(s.undo[0]).toMatchObject({ reviewId: 'r2', key: 'mini/two-plus-two' });
    s = sessionReducer(s, { type: 'undone', now: T0 + 2000 });
    expect(s.current?.key).toBe('mini/two-plus-two');
    expect(s).toMatchObject({ rated: 1, lapses: 0 });
    expect(s.undo.map((u) => u.reviewId)).toEqual(['r1']);
    s = sessionReducer(s, { type: 'undone', now: T0 + 3000 });
    s = sessionReducer(s, { type: 'undone', now: T0 + 4000 });
    expect(s.current?.key).toBe('mini/capital');
    expect(s.rated).toBe(0);
  });

  describe('progress', () => {
    it('counts what is queued now: a learning step joins "left" when its card is rated, and no total grows', () => {
      let s = startSession(items, T0);
      expect(sessionProgress(s)).toEqual({ done: 0, left: 4, learning: 0, share: 0 });
      s = rate(s, 3, T0, 'r1'); // Good on a new card: a learning step, back in 10 minutes
      expect(sessionProgress(s)).toEqual({ done: 1, left: 4, learning: 1, share: 1 / 5 });
      s = rate(s, 4, T0 + 1000, 'r2'); // Easy: graduates
      expect(sessionProgress(s)).toEqual({ done: 2, left: 3, learning: 1, share: 2 / 5 });
      s = rate(s, 4, T0 + 2000, 'r3');
      s = rate(s, 4, T0 + 3000, 'r4');
      // Only the learning step is left, shown early: it is the current card, no longer waiting.
      expect(s.current?.key).toBe('mini/capital');
      expect(sessionProgress(s)).toEqual({ done: 4, left: 1, learning: 0, share: 4 / 5 });
      s = rate(s, 4, T0 + 4000, 'r5');
      expect(sessionProgress(s)).toEqual({ done: 5, left: 0, learning: 0, share: 1 });
    });

    it('goes back with undo, and a session with nothing in it is full', () => {
      let s = startSession(items.slice(0, 2), T0);
      s = rate(s, 1, T0, 'r1');
      s = sessionReducer(s, { type: 'undone', now: T0 + 1000 });
      expect(sessionProgress(s)).toEqual({ done: 0, left: 2, learning: 0, share: 0 });
      expect(sessionProgress(startSession([], T0))).toEqual({ done: 0, left: 0, learning: 0, share: 1 });
    });
  });
});
