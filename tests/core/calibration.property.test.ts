// The calibration of past predictions and the health check's counts, kept as running totals in
// the readiness figures, against the plain computation over the whole log; and the bins they show.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINS, calibration, calibrationFromLog, emptyTrust, trustCountsFromLog, UNITS, type TrustCounts } from '../../src/core/calibration.js';
import { figuresFromColumns, figuresToColumns } from '../../src/core/figures-columns.js';
import { buildFigures, foldEntry, type HistoryFigures } from '../../src/core/history-figures.js';
import { LOG_VERSION, type CardRecord, type LogEntry, type ReviewEntry } from '../../src/core/progress.js';
import { healthCheck, healthFindings, reviewHistories } from '../../src/core/review-history.js';
import { createScheduler, recallCurve, type Rating } from '../../src/core/scheduler.js';

const T0 = Date.UTC(2026, 6, 1, 9);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const scheduler = createScheduler({ retention: 0.9 });
const KEYS = ['a/1', 'a/2', 'b/1'];

type Step = { kind: 'review'; key: number; rating: Rating; gap: number } | { kind: 'undo'; gap: number; back: number };
// Few cards, many Hard and Again answers, gaps around a week: the Hard-then-Again pattern and its undos come up often.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('review' as const), key: fc.nat(1), rating: fc.constantFrom<Rating>(1, 1, 2, 2, 3, 4), gap: fc.oneof(fc.integer({ min: 0, max: 3 * HOUR }), fc.integer({ min: 0, max: 4 * DAY }), fc.integer({ min: 6 * DAY, max: 9 * DAY })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), gap: fc.integer({ min: 0, max: HOUR }), back: fc.constantFrom(0, 0, 0, 1, 2) }) },
);

/**
 * The log the app writes: each rating's record from the one before, an undo taking back the latest
 * rating and restoring what it replaced. `anyUndo`: an undo may take back an earlier rating too
 * (as a log from elsewhere might), restoring nothing.
 */
function logOf(steps: readonly Step[], anyUndo = false): LogEntry[] {
  const log: LogEntry[] = [];
  const cards = new Map<string, CardRecord>();
  const undoable: { entry: ReviewEntry; before: CardRecord | null }[] = [];
  let now = T0;
  let n = 0;
  for (const s of steps) {
    now += s.gap;
    if (s.kind === 'review') {
      const key = KEYS[s.key]!;
      const before = cards.get(key) ?? null;
      const record = { state: scheduler.next(before?.state, now, s.rating), firstReview: before?.firstReview ?? now };
      const entry: ReviewEntry = { v: LOG_VERSION, t: 'review', id: `r${n++}`, key, rating: s.rating, at: now, ms: 1000, record };
      cards.set(key, record);
      undoable.push({ entry, before });
      log.push(entry);
    } else {
      if (anyUndo && s.back > 0 && undoable.length > s.back) {
        const [taken] = undoable.splice(undoable.length - 1 - s.back, 1);
        log.push({ v: LOG_VERSION, t: 'undo', id: taken!.entry.id, key: taken!.entry.key, at: now, restore: null });
        cards.delete(taken!.entry.key);
        continue;
      }
      const last = undoable.pop();
      if (!last) continue;
      if (last.before) cards.set(last.entry.key, last.before);
      else cards.delete(last.entry.key);
      log.push({ v: LOG_VERSION, t: 'undo', id: last.entry.id, key: last.entry.key, at: now, restore: last.before });
    }
  }
  return log;
}

function reread(f: HistoryFigures): HistoryFigures {
  const { text, numbers } = figuresToColumns(f);
  return figuresFromColumns(JSON.parse(JSON.stringify(text)), numbers.slice())!;
}

const recallFrom = recallCurve(scheduler.decay);

describe('calibration of past predictions', () => {
  it('kept entry by entry (read back from the file now and then) equals the plain computation over the whole log', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (steps, rereads) => {
        const log = logOf(steps);
        let figures = buildFigures([], 'UTC', scheduler.decay);
        for (const [i, entry] of log.entries()) {
          if (rereads[i]) figures = reread(figures);
          // An undo the fold cannot take back exactly: built again, as the store does.
          if (!foldEntry(figures, entry)) figures = buildFigures(log.slice(0, i + 1), 'UTC', scheduler.decay);
        }
        const plain = trustCountsFromLog(log, recallFrom);
        expect(figures.trust).toEqual(plain);
        expect(buildFigures(log, 'UTC', scheduler.decay).trust).toEqual(plain);
        // The health check from the running counts says what it says from the reviews themselves.
        expect(healthFindings(figures.trust)).toEqual(healthCheck(reviewHistories(log)));
      }),
      { numRuns: 300 },
    );
  });

  it('kept entry by entry equal those counted from the whole log at once, whatever the undos take back', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (steps, rereads) => {
        const log = logOf(steps, true);
        let figures = buildFigures([], 'UTC', scheduler.decay);
        for (const [i, entry] of log.entries()) {
          if (rereads[i]) figures = reread(figures);
          if (!foldEntry(figures, entry)) figures = buildFigures(log.slice(0, i + 1), 'UTC', scheduler.decay);
          const full = buildFigures(log.slice(0, i + 1), 'UTC', scheduler.decay);
          expect(figures.trust).toEqual(full.trust);
          expect([...figures.hard].sort()).toEqual([...full.hard].sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('builds again when an undo takes back a review a later one of the card was predicted after', () => {
    const log = logOf(
      [
        { kind: 'review', key: 0, rating: 3, gap: 0 },
        { kind: 'review', key: 0, rating: 2, gap: 8 * DAY },
        { kind: 'review', key: 0, rating: 1, gap: 3 * DAY },
        { kind: 'undo', gap: 1, back: 1 },
      ],
      true,
    );
    const figures = buildFigures(log.slice(0, 3), 'UTC', scheduler.decay);
    expect(figures.trust).toMatchObject({ hardAfterGap: 1, thenAgain: 1 });
    expect(foldEntry(figures, log[3]!)).toBe(false);
    expect(buildFigures(log, 'UTC', scheduler.decay).trust).toMatchObject({ hardAfterGap: 0, thenAgain: 0 });
  });

  it('predicts each review from the card before it, a day or more later, and counts it recalled when rated Hard or better', () => {
    const log = logOf([
      { kind: 'review', key: 0, rating: 3, gap: 0 },
      { kind: 'review', key: 0, rating: 3, gap: 2 * HOUR },
      { kind: 'review', key: 0, rating: 1, gap: 3 * DAY },
      { kind: 'review', key: 0, rating: 3, gap: 10 * DAY },
      { kind: 'undo', gap: 1, back: 0 },
    ]);
    const trust = trustCountsFromLog(log, recallFrom);
    // The same-day second review predicts nothing; the undone fourth counts nowhere; the third was forgotten.
    expect(trust.reviews.reduce((a, b) => a + b)).toBe(1);
    const third = log[2] as ReviewEntry;
    const second = (log[1] as ReviewEntry).record.state;
    const p = Math.round(scheduler.recall(second, third.at) * UNITS);
    expect(trust.predicted.reduce((a, b) => a + b)).toBe(p);
    expect(trust.recalled.reduce((a, b) => a + b)).toBe(0);
    expect(calibrationFromLog(log, recallFrom)).toMatchObject({ reviews: 1, recalled: 0, predicted: p / UNITS });
  });

  it('shows bins that cover every review once, each mean within its bin, thin low bins merged', () => {
    const counts: fc.Arbitrary<TrustCounts> = fc
      .array(fc.tuple(fc.nat(80), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: BINS, maxLength: BINS })
      .map((bins) => {
        const trust = emptyTrust();
        bins.forEach(([n, share, spot], b) => {
          trust.reviews[b] = n;
          trust.recalled[b] = Math.round(n * share);
          // n predictions inside the bin: sum of whole units between n*from and n*to.
          trust.predicted[b] = Math.round(n * ((b + spot) / BINS) * UNITS);
        });
        return trust;
      });
    fc.assert(
      fc.property(counts, (trust) => {
        const c = calibration(trust);
        const total = trust.reviews.reduce((a, b) => a + b);
        expect(c.reviews).toBe(total);
        expect(c.bins.reduce((a, b) => a + b.reviews, 0)).toBe(total);
        let edge = 0;
        for (const bin of c.bins) {
          expect(bin.from).toBeGreaterThanOrEqual(edge - 1e-12);
          expect(bin.to).toBeGreaterThan(bin.from);
          edge = bin.to;
          expect(bin.reviews).toBeGreaterThan(0);
          expect(bin.predicted).toBeGreaterThanOrEqual(bin.from - 1e-9);
          expect(bin.predicted).toBeLessThanOrEqual(bin.to + 1e-9);
          expect(bin.recalled).toBeGreaterThanOrEqual(0);
          expect(bin.recalled).toBeLessThanOrEqual(1);
          // From 70% up, 10-point bins; below, wider only when a 10-point one would be thin.
          if (bin.from >= 0.7 - 1e-9) expect(bin.to - bin.from).toBeCloseTo(0.1, 9);
        }
        const low = c.bins.filter((b) => b.to <= 0.7 + 1e-9);
        if (low.length > 1) for (const bin of low) expect(bin.reviews).toBeGreaterThanOrEqual(30);
        if (total === 0) expect(c).toMatchObject({ predicted: null, recalled: null, rmse: null });
        else {
          expect(c.rmse).toBeGreaterThanOrEqual(0);
          expect(c.rmse).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
