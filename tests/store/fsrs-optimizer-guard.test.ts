// What the optimizer is given, whatever the log holds: fsrs-rs aborts the whole process on an item
// without a review a day or more after the one before (a Rust panic, which no try/catch stops), so
// every item core/review-history builds must be one it takes, for any log: random ratings and
// times, undo entries, same-day bursts, gaps of years. The real addon is run on such items in a
// child process, whose exit code shows an abort. And a fit can be cancelled.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_VERSION, type LogEntry } from '../../src/core/progress.js';
import { reviewHistories, trainingItems, type TrainingItem } from '../../src/core/review-history.js';
import type { Rating } from '../../src/core/scheduler.js';
import { acceptableItem, fitParameters } from '../../src/store/fsrs-optimizer.js';
import { LEARNERS, simulateLearner } from '../helpers/simulated-learner.js';
import { REPO, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 9, 1, 9);
const DAY = 86_400_000;
const record = { state: { due: 0, stability: 1, difficulty: 5, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, phase: 'review' as const, lastReview: 0 }, firstReview: 0 };

/** A time: within a burst of seconds, hours, days, years from T0, at the ends of what a Date holds, or none at all. */
const time = fc.oneof(
  fc.integer({ min: 0, max: 120_000 }).map((ms) => T0 + ms),
  fc.integer({ min: -48, max: 48 }).map((h) => T0 + h * 3_600_000),
  fc.integer({ min: -400, max: 400 }).map((d) => T0 + d * DAY + 1),
  fc.integer({ min: -30, max: 30 }).map((y) => T0 + y * 365 * DAY),
  fc.constantFrom(0, -1, 8.64e15, -8.64e15, 8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, 0.5),
  fc.double({ noNaN: false }),
);
const rating = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 5, -1, 2.5, Number.NaN));

/** A log of a few cards: reviews, bursts of the same card within seconds, undo entries naming reviews or nothing. */
const log = fc
  .array(
    fc.oneof(
      fc.record({ t: fc.constant('review' as const), card: fc.nat(3), rating, at: time }),
      fc.record({ t: fc.constant('burst' as const), card: fc.nat(3), ratings: fc.array(rating, { minLength: 2, maxLength: 6 }), at: time }),
      fc.record({ t: fc.constant('undo' as const), card: fc.nat(3), of: fc.nat(80), at: time }),
    ),
    { maxLength: 80 },
  )
  .map((rows) => {
    const entries: LogEntry[] = [];
    let n = 0;
    const review = (card: number, r: number, at: number) => entries.push({ v: LOG_VERSION, t: 'review', id: `r${n++}`, key: `d/c${card}`, rating: r as Rating, at, ms: 1000, record });
    for (const row of rows) {
      if (row.t === 'review') review(row.card, row.rating, row.at);
      else if (row.t === 'burst') row.ratings.forEach((r, i) => review(row.card, r, row.at + i * 1500));
      else entries.push({ v: LOG_VERSION, t: 'undo', id: `r${row.of}`, key: `d/c${row.card}`, at: row.at, restore: null });
    }
    return entries;
  });

const itemsOf = (entries: LogEntry[], share: number) => trainingItems(reviewHistories(entries), share);

describe('the items the optimizer is given', () => {
  it('are all ones fsrs-rs takes, whatever the log holds', () => {
    fc.assert(
      fc.property(log, fc.double({ min: 0, max: 1, noNaN: true }), (entries, share) => {
        const { train, test } = itemsOf(entries, share);
        for (const item of [...train, ...test]) expect(acceptableItem(item)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  // The addon is given the items as built, without fitParameters' own filter: the child fits on
  // each log's training items and evaluates on its test items. A JS error (too few items) is fine;
  // an abort is not.
  const child = (dir: string, batches: { train: TrainingItem[]; test: TrainingItem[] }[]) => {
    const input = join(dir, 'batches.json');
    writeFileSync(input, JSON.stringify(batches));
    const script = join(dir, 'fit-all.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const b = createRequire(${JSON.stringify(join(REPO, 'package.json'))})('@open-spaced-repetition/binding');
const items = (list) => list.map((item) => new b.FSRSBindingItem(item.map((r) => new b.FSRSBindingReview(r.rating, r.deltaT))));
const fit = async (list) => {
  try { await b.computeParameters(items(list), { enableShortTerm: true, numRelearningSteps: 1, timeout: 5 }); return 1; } catch { return 0; }
};
const batches = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let fitted = 0;
for (const { train, test } of batches) {
  if (train.length > 0) fitted += await fit(train);
  if (test.length > 0) try { new b.FSRSBinding().evaluate(items(test)); } catch {}
}
// All of them at once too, so that the fit gets past its too-little-data checks to training.
const all = batches.flatMap(({ train, test }) => [...train, ...test]);
const whole = await fit(all);
try { new b.FSRSBinding().evaluate(items(all)); } catch {}
console.log(JSON.stringify({ fitted, whole }));
`,
    );
    return spawnSync(process.execPath, [script, input], { encoding: 'utf8', timeout: 60_000 });
  };

  it('do not abort the real addon: fitted and evaluated in a child process, which exits 0', () => {
    const dir = tempDir();
    const batches = fc.sample(fc.tuple(log, fc.double({ min: 0.2, max: 0.9, noNaN: true })), { numRuns: 400, seed: 19 }).map(([entries, share]) => itemsOf(entries, share));
    const withItems = batches.filter((b) => b.train.length + b.test.length > 0);
    expect(withItems.length).toBeGreaterThan(100);
    const run = child(dir, withItems);
    expect(run.stderr).not.toMatch(/panicked/);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ whole: 1 });
  });

  it('(the child process does show an abort: an item of same-day reviews only ends it)', () => {
    const run = child(tempDir(), [{ train: [[{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }]], test: [] }]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/panicked|delta_t/);
  });
});

describe('a fit cancelled', () => {
  const { train, test } = trainingItems(reviewHistories(simulateLearner(LEARNERS[1]!, { reviews: 15_000 }).entries));

  it('resolves as cancelled soon after the signal, not at the end of the fit', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    let calls = 0;
    const result = await fitParameters(train, test, {
      signal: controller.signal,
      onProgress: (done, total) => {
        calls++;
        if (!controller.signal.aborted && done < total) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const after = performance.now() - abortedAt;
    expect(calls).toBeGreaterThan(0);
    expect(abortedAt).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(after).toBeLessThan(300);
  });

  it('does not start when the signal was aborted before', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    expect(await fitParameters(train, test, { signal: controller.signal, onProgress: () => calls++ })).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(calls).toBe(0);
  });
});
