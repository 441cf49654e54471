// The review log as the FSRS optimizer reads it: each card's reviews in time order with undone ones
// left out, whole UTC days between them, training items that each end in a review a day or more
// after the one before, split by time; and the health check finding a planted misuse of Hard.
import fc from 'fast-check';
import { dateDiffInDays } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { LOG_VERSION, type LogEntry } from '../../src/core/progress.js';
import { healthCheck, longTermReviews, MIN_FIT_REVIEWS, reviewHistories, trainingItems, type HistoryReview } from '../../src/core/review-history.js';
import type { Rating } from '../../src/core/scheduler.js';

const T0 = Date.UTC(2026, 9, 1, 9);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const record = { state: { due: 0, stability: 1, difficulty: 5, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, phase: 'review' as const, lastReview: 0 }, firstReview: 0 };

const review = (id: string, key: string, rating: number, at: number): LogEntry => ({ v: LOG_VERSION, t: 'review', id, key, rating: rating as Rating, at, ms: 1000, record });
const undo = (id: string, key: string, at: number): LogEntry => ({ v: LOG_VERSION, t: 'undo', id, key, at, restore: null });

/** A log: reviews of a few cards at random times (out of order, as imports leave them), some undone, some not reviews at all. */
const log = fc
  .array(fc.record({ card: fc.nat(4), rating: fc.integer({ min: 0, max: 5 }), hours: fc.nat(24 * 60), undone: fc.boolean() }), { maxLength: 60 })
  .map((rows) => {
    const entries: LogEntry[] = [];
    rows.forEach((row, i) => {
      entries.push(review(`r${i}`, `d/c${row.card}`, row.rating, T0 + row.hours * HOUR));
      if (row.undone) entries.push(undo(`r${i}`, `d/c${row.card}`, T0 + row.hours * HOUR + 1));
    });
    return { rows, entries };
  });

describe('review histories', () => {
  it('hold each card\'s reviews that were not undone, in time order, with whole UTC days between them', () => {
    fc.assert(
      fc.property(log, ({ rows, entries }) => {
        const histories = reviewHistories(entries);
        const kept = rows.filter((r) => !r.undone && r.rating >= 1 && r.rating <= 4);
        expect([...histories.values()].reduce((n, list) => n + list.length, 0)).toBe(kept.length);
        for (const [key, list] of histories) {
          expect(list.length).toBe(kept.filter((r) => `d/c${r.card}` === key).length);
          list.forEach((r, i) => {
            if (i === 0) expect(r.deltaT).toBe(0);
            else {
              expect(r.at).toBeGreaterThanOrEqual(list[i - 1]!.at);
              expect(r.deltaT).toBe(dateDiffInDays(new Date(list[i - 1]!.at), new Date(r.at)));
            }
          });
        }
      }),
    );
  });

  it('give training items that each end in a review a day or more after the one before, all of them, the latest held out', () => {
    fc.assert(
      fc.property(log, fc.double({ min: 0.1, max: 0.9, noNaN: true }), ({ entries }, share) => {
        const histories = reviewHistories(entries);
        const { train, test } = trainingItems(histories, share);
        const ends = [...histories.values()].flatMap((list) => list.filter((r, i) => i > 0 && r.deltaT >= 1));
        expect(train.length + test.length).toBe(ends.length);
        expect(longTermReviews(histories)).toBe(ends.length);
        for (const item of [...train, ...test]) {
          expect(item.length).toBeGreaterThanOrEqual(2);
          expect(item.at(-1)!.deltaT).toBeGreaterThanOrEqual(1);
          expect(item[0]!.deltaT).toBe(0);
          for (const r of item) {
            expect([1, 2, 3, 4]).toContain(r.rating);
            expect(Number.isInteger(r.deltaT) && r.deltaT >= 0).toBe(true);
          }
        }
        // Held out: the reviews at or after the share's quantile of times.
        if (ends.length > 0) expect(test.length).toBeGreaterThan(0);
        expect(train.length).toBeLessThanOrEqual(Math.floor(ends.length * share));
      }),
    );
  });
});

/** A learner's histories: `cards` cards reviewed every `gap` days, rated by `rate(i, previous)`. */
function learner(cards: number, reviews: number, gap: number, rate: (i: number, previous: Rating | undefined) => Rating): Map<string, HistoryReview[]> {
  const entries: LogEntry[] = [];
  for (let c = 0; c < cards; c++) {
    let previous: Rating | undefined;
    for (let i = 0; i < reviews; i++) {
      previous = rate(c * reviews + i, previous);
      entries.push(review(`c${c}r${i}`, `d/c${c}`, previous, T0 + i * gap * DAY + c * HOUR));
    }
  }
  return reviewHistories(entries);
}

describe('the health check', () => {
  it('says how many more reviews a fit needs, below the threshold', () => {
    const few = learner(10, 5, 2, () => 3);
    const findings = healthCheck(few);
    expect(findings.map((f) => f.kind)).toEqual(['little-data']);
    expect(findings[0]!.advice).toContain(`${MIN_FIT_REVIEWS - 40} more`);
  });

  it('finds Hard pressed on forgotten cards (Hard after a long gap, then Again), and not in a learner who uses Hard well', () => {
    const mix: Rating[] = [3, 3, 4, 3, 2, 3, 3, 1, 3, 3];
    const misuse = learner(60, 10, 8, (i, previous) => (previous === 2 ? 1 : i % 5 === 4 ? 2 : mix[i % mix.length]!));
    expect(healthCheck(misuse).map((f) => f.kind)).toContain('hard-when-forgotten');
    const honest = learner(60, 10, 8, (i, previous) => (previous === 2 ? 3 : mix[i % mix.length]!));
    expect(healthCheck(honest).map((f) => f.kind)).toEqual([]);
  });

  it('finds a self-rating of almost only Good', () => {
    const good = learner(60, 10, 3, (i) => (i % 50 === 0 ? 1 : 3));
    expect(healthCheck(good).map((f) => f.kind)).toEqual(['mostly-good']);
  });
});
