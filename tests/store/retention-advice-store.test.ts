// The retention advice cache: read back as written for its key, and from a damaged file (mutated
// bytes, another key or version, a folder or FIFO in its place) never an error and never a value of
// the wrong shape: then it is worked out again.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RetentionAdvice } from '../../src/core/retention-sim.js';
import { cachedRetentionAdvice, parseRetentionAdvice, readRetentionAdvice, RETENTION_ADVICE_FILE, writeRetentionAdvice } from '../../src/store/retention-advice-store.js';
import { mutate, mutations } from '../helpers/mutate.js';
import { tempDir } from '../helpers/temp.js';

const ADVICE: RetentionAdvice = {
  recommended: 0.87,
  target: 0.9,
  reached: true,
  daysLeft: 21,
  cards: 512,
  simulated: 512,
  rows: [0.8, 0.83, 0.85, 0.87, 0.9, 0.93, 0.95, 0.97].map((retention, i) => ({ retention, reviewsPerDay: 10 + i * 3.1, peakReviewsPerDay: 40 + i, recallOnDay: 0.85 + i * 0.015 })),
};
const KEY = '[1,"2026-12-06","default"]';

/** The shape the readers promise: every number finite and in range, the recommendation among the rows. */
function wellShaped(advice: RetentionAdvice): void {
  expect(Object.keys(advice).sort()).toEqual(['cards', 'daysLeft', 'reached', 'recommended', 'rows', 'simulated', 'target']);
  for (const x of [advice.recommended, advice.target]) expect(x >= 0 && x <= 1).toBe(true);
  expect(typeof advice.reached).toBe('boolean');
  for (const n of [advice.daysLeft, advice.cards, advice.simulated]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
  expect(advice.rows.length).toBeGreaterThan(0);
  for (const row of advice.rows) {
    expect(Object.keys(row).sort()).toEqual(['peakReviewsPerDay', 'recallOnDay', 'retention', 'reviewsPerDay']);
    for (const x of Object.values(row)) expect(Number.isFinite(x) && x >= 0).toBe(true);
    expect(row.recallOnDay).toBeLessThanOrEqual(1);
  }
  expect(advice.rows.map((r) => r.retention)).toContain(advice.recommended);
}

describe('retention advice cache', () => {
  it('gives back what was written, for the same key only', () => {
    const dir = tempDir();
    expect(readRetentionAdvice(dir, KEY)).toBeNull();
    writeRetentionAdvice(dir, KEY, ADVICE);
    expect(readRetentionAdvice(dir, KEY)).toEqual(ADVICE);
    expect(readRetentionAdvice(dir, `${KEY} `)).toBeNull();
  });

  it('works the advice out once per key and keeps it', () => {
    const dir = tempDir();
    let runs = 0;
    const compute = () => {
      runs++;
      return ADVICE;
    };
    expect(cachedRetentionAdvice(dir, KEY, compute)).toEqual(ADVICE);
    expect(cachedRetentionAdvice(dir, KEY, compute)).toEqual(ADVICE);
    expect(runs).toBe(1);
    expect(cachedRetentionAdvice(dir, 'other', compute)).toEqual(ADVICE);
    expect(runs).toBe(2);
    expect(cachedRetentionAdvice(dir, 'nothing', () => null)).toBeNull();
  });

  it('works it out again, without a word, over a folder, a FIFO or junk in its place, and on a disk that refuses the write', () => {
    const dir = tempDir();
    mkdirSync(join(dir, RETENTION_ADVICE_FILE));
    expect(cachedRetentionAdvice(dir, KEY, () => ADVICE)).toEqual(ADVICE);
    const fifoDir = tempDir();
    execFileSync('mkfifo', [join(fifoDir, RETENTION_ADVICE_FILE)]);
    expect(cachedRetentionAdvice(fifoDir, KEY, () => ADVICE)).toEqual(ADVICE);
    const junk = tempDir();
    writeFileSync(join(junk, RETENTION_ADVICE_FILE), '\u0000{"version":1');
    expect(cachedRetentionAdvice(junk, KEY, () => ADVICE)).toEqual(ADVICE);
    expect(readRetentionAdvice(junk, KEY)).toEqual(ADVICE);
    expect(cachedRetentionAdvice(join(junk, 'missing', 'dir'), KEY, () => ADVICE)).toEqual(ADVICE);
  });

  it('fuzz: mutated bytes never throw and never give a wrong-shaped value', () => {
    const dir = tempDir();
    writeRetentionAdvice(dir, KEY, ADVICE);
    const seed = readFileSync(join(dir, RETENTION_ADVICE_FILE), 'utf8');
    fc.assert(
      fc.property(mutations, (changes) => {
        const advice = parseRetentionAdvice(mutate(seed, changes), KEY);
        if (advice !== null) wellShaped(advice);
      }),
      { numRuns: 3000, interruptAfterTimeLimit: 4000, markInterruptAsFailure: false },
    );
  });

  it('fuzz: any JSON value of roughly the right shape is taken only when well shaped', () => {
    const num = fc.oneof(fc.double(), fc.integer(), fc.constant(0.87), fc.constant(Number.MAX_VALUE));
    const row = fc.record({ retention: num, reviewsPerDay: num, peakReviewsPerDay: num, recallOnDay: num }, { requiredKeys: [] });
    const advice = fc.record(
      { recommended: num, target: num, reached: fc.oneof(fc.boolean(), fc.constant(1)), daysLeft: num, cards: num, simulated: num, rows: fc.oneof(fc.array(row, { maxLength: 40 }), fc.constant(null)) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(advice, fc.constantFrom(1, 2, '1'), (value, version) => {
        const got = parseRetentionAdvice(JSON.stringify({ version, key: KEY, advice: value }), KEY);
        if (got !== null) wellShaped(got);
      }),
      { numRuns: 3000 },
    );
  });
});
