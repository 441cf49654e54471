import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cramItems, standingCram, type CramEntry } from '../../src/core/cram.js';
import { daysUntil, parseInterviewDate } from '../../src/core/day.js';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { CardRecord } from '../../src/core/progress.js';
import { buildQueue, studyItems } from '../../src/core/queue.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { MINI_DECK } from '../helpers/temp.js';

const T0 = new Date(2026, 10, 20, 9, 0, 0).getTime();
const DAY = 86_400_000;
const scheduler = createScheduler({ retention: 0.9 });
const deck = (() => {
  const result = parseDeck(readFileSync(MINI_DECK, 'utf8'), 'mini.json');
  if (!result.ok) throw new Error('fixture is broken');
  return result.deck;
})();
const items = studyItems([deck]);

function reviewed(stability: number, lastReview: number, due: number): CardRecord {
  return { firstReview: lastReview, state: { due, stability, difficulty: 5, scheduledDays: Math.round((due - lastReview) / DAY), learningSteps: 0, reps: 3, lapses: 0, phase: 'review', lastReview } };
}

describe('the interview date', () => {
  it('is local noon on a real calendar day, and days are counted to it', () => {
    expect(new Date(parseInterviewDate('2026-12-03')!).getHours()).toBe(12);
    expect(parseInterviewDate('2026-02-30')).toBeNull();
    expect(parseInterviewDate('12/03/2026')).toBeNull();
    expect(daysUntil(T0, parseInterviewDate('2026-12-02')!)).toBe(12);
    expect(daysUntil(T0, parseInterviewDate('2026-11-20')!)).toBe(0);
  });
});

describe('review ahead of the interview', () => {
  const interview = T0 + 5 * DAY;
  const records = new Map<string, CardRecord>([
    // Due after the interview, but likely forgotten by then: pulled forward.
    ['mini/capital', reviewed(4, T0 - 2 * DAY, T0 + 8 * DAY)],
    // Due after the interview and safe that day: left alone.
    ['mini/primes', reviewed(200, T0 - 2 * DAY, T0 + 150 * DAY)],
  ]);

  it('brings in cards predicted below the target on the day, weakest first, and only when asked', () => {
    const ahead = buildQueue(items, records, T0, { newPerDay: 0, newSeenToday: 0, scheduler, ahead: { at: interview, target: 0.9 } });
    expect(scheduler.recall(records.get('mini/capital')!.state, interview)).toBeLessThan(0.9);
    expect(ahead.ahead.map((i) => i.key)).toEqual(['mini/capital']);
    expect(ahead.due).toEqual([]);
    expect(buildQueue(items, records, T0, { newPerDay: 0, newSeenToday: 0, scheduler }).ahead).toEqual([]);
  });

  it('leaves the schedule after the interview sound: an early review gains less stability than an on-time one', () => {
    const state = records.get('mini/capital')!.state;
    const early = scheduler.next(state, T0, 3);
    const onTime = scheduler.next(state, state.due, 3);
    expect(early.stability).toBeGreaterThan(state.stability);
    expect(early.stability).toBeLessThan(onTime.stability);
    // And it holds through the interview day better than not reviewing at all.
    expect(scheduler.recall(early, interview)).toBeGreaterThan(scheduler.recall(state, interview));
  });
});

describe('cram', () => {
  it('takes seen cards weakest on the day first, then unseen ones, up to the limit', () => {
    const records = new Map<string, CardRecord>([
      ['mini/capital', reviewed(30, T0 - DAY, T0 + 30 * DAY)],
      ['mini/primes', reviewed(1, T0 - 3 * DAY, T0 - DAY)],
    ]);
    const picked = cramItems(items, records, scheduler, T0 + 3 * DAY, 3).map((i) => i.key);
    expect(picked.slice(0, 2)).toEqual(['mini/primes', 'mini/capital']);
    expect(picked).toHaveLength(3);
  });

  it('keeps only the practice answers that were not taken back', () => {
    const entries: CramEntry[] = [
      { v: 1, t: 'cram', id: 'a', key: 'mini/capital', at: T0, rating: 3 },
      { v: 1, t: 'cram', id: 'b', key: 'mini/primes', at: T0, rating: 1 },
      { v: 1, t: 'undo', id: 'b', key: 'mini/primes', at: T0 + 1 },
    ];
    expect(standingCram(entries).map((e) => e.id)).toEqual(['a']);
  });
});
