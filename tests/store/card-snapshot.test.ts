// card-states.bin, the card snapshot as keys and blocks of doubles: every record read back exactly as it
// was written, and any other bytes (damaged, cut short, garbage under a right checksum, another
// version) refused, so the store sets the file aside, says so once and rebuilds from the log.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/core/record-rows.js';
import type { CardRecord } from '../../src/core/progress.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import { decodeSnapshot, encodeSnapshot, FORMER_SNAPSHOT_FILE, SNAPSHOT_FILE } from '../../src/store/card-snapshot.js';
import { ProgressStore } from '../../src/store/progress-store.js';
import { damage, damaged, numbersStart, resigned } from '../helpers/binary-file.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const HOUR = 3_600_000;
const scheduler = createScheduler({ retention: 0.9 });

// What the log can hold: JSON has no NaN, no infinity and no -0.
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0));
const record: fc.Arbitrary<CardRecord> = fc.record({
  state: fc.record({
    due: finite,
    stability: finite,
    difficulty: finite,
    scheduledDays: fc.oneof(fc.nat(), finite),
    learningSteps: fc.nat(),
    reps: fc.nat(),
    lapses: fc.nat(),
    phase: fc.constantFrom(...PHASES),
    lastReview: fc.option(finite, { nil: null }),
  }),
  firstReview: finite,
});

/** A data directory whose log rated a dozen cards, with its card-states.bin; the records it holds. */
function saved(): { dir: string; bytes: Buffer; cards: Map<string, CardRecord> } {
  const dir = tempDir();
  const store = ProgressStore.open(dir, T0, []);
  for (let i = 0; i < 40; i++) {
    const key = `d/c${i % 12}`;
    const at = T0 + i * HOUR;
    const before = store.progress.cards.get(key);
    const rating = ((i % 4) + 1) as Rating;
    store.record(key, rating, { state: scheduler.next(before?.state, at, rating), firstReview: before?.firstReview ?? at }, at, 1000);
  }
  const cards = new Map(store.progress.cards);
  store.close();
  return { dir, bytes: readFileSync(join(dir, SNAPSHOT_FILE)), cards };
}

/** Opens the store over `bytes` as card-states.bin: its cards, and what it said. */
function openOver(dir: string, bytes: Buffer, now: number): { cards: Map<string, CardRecord>; notices: string[] } {
  writeFileSync(join(dir, SNAPSHOT_FILE), bytes);
  const notices: string[] = [];
  const store = ProgressStore.open(dir, now, notices);
  const cards = new Map(store.progress.cards);
  store.close();
  return { cards, notices };
}

describe('the card snapshot file', () => {
  it('gives back every record exactly as written, null last reviews included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ unit: 'binary' }), record), { selector: ([key]) => key, maxLength: 30 }), fc.nat(), fc.nat(), fc.string(), (pairs, logOffset, reviews, tail) => {
        const cards = new Map(pairs);
        const read = decodeSnapshot(encodeSnapshot(logOffset, tail, reviews, cards));
        expect(read).toEqual({ logOffset, tail, reviews, keys: [...cards.keys()], records: [...cards.values()] });
      }),
    );
  });

  it('is refused when cut short at any length, or of another version, or garbage under a right checksum', () => {
    const { bytes } = saved();
    expect(decodeSnapshot(bytes)).not.toBeNull();
    for (let n = 0; n < bytes.length; n++) expect(decodeSnapshot(bytes.subarray(0, n)), `cut at ${n}`).toBeNull();
    for (const version of [0, 1, 2, 3, 5, 0xffffffff]) expect(decodeSnapshot(resigned(bytes, (body) => body.writeUInt32LE(version, 8)))).toBeNull();
    // Another byte order: the mark is not this machine's double.
    expect(decodeSnapshot(resigned(bytes, (body) => body.subarray(16, 24).reverse()))).toBeNull();
    // Another cache's layout: figures.bin's magic.
    expect(decodeSnapshot(resigned(bytes, (body) => body.write('KPFIGURE', 0, 'latin1')))).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (garbage, keepHead) => {
        // The head kept (magic, version, text length, byte order mark) or not: the rest is garbage.
        const body = keepHead ? Buffer.concat([bytes.subarray(0, 24), garbage]) : Buffer.from(garbage);
        expect(decodeSnapshot(resigned(body, () => undefined, false))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('in cards.bin as the release before wrote it (version 3, sha1 at the end): rebuilt from the log with nothing to report, and removed; a damaged one is damage', () => {
    const { dir, bytes, cards } = saved();
    const body = Buffer.from(bytes.subarray(0, bytes.length - 4));
    body.writeUInt32LE(3, 8);
    const former = Buffer.concat([body, createHash('sha1').update(body).digest()]);
    const openFormer = (file: Buffer, now: number) => {
      rmSync(join(dir, SNAPSHOT_FILE), { force: true });
      writeFileSync(join(dir, FORMER_SNAPSHOT_FILE), file);
      const notices: string[] = [];
      const store = ProgressStore.open(dir, now, notices);
      const held = new Map(store.progress.cards);
      store.close();
      return { cards: held, notices };
    };
    const read = openFormer(former, T0 + 1);
    expect(read.notices).toEqual([]);
    expect(read.cards).toEqual(cards);
    expect(readdirSync(dir).filter((name) => name.includes('damaged') || name === FORMER_SNAPSHOT_FILE)).toEqual([]);
    expect(decodeSnapshot(readFileSync(join(dir, SNAPSHOT_FILE)))).not.toBeNull();
    // This version's layout under the former name (a build before the file had its own): read as it is.
    const asIs = openFormer(bytes, T0 + 2);
    expect(asIs.notices).toEqual([]);
    expect(asIs.cards).toEqual(cards);
    expect(existsSync(join(dir, FORMER_SNAPSHOT_FILE))).toBe(false);
    former[30] = former[30]! ^ 1;
    const damagedRead = openFormer(former, T0 + 3);
    expect(damagedRead.notices).toEqual([expect.stringMatching(/card states file \(cards\.bin\) could not be read/)]);
    expect(damagedRead.cards).toEqual(cards);
  });

  it('damaged in any way: set aside with one notice, the cards rebuilt from the log, never a throw nor a misread', () => {
    const { dir, bytes, cards } = saved();
    let now = T0;
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (steps) => {
        const bad = steps.reduce(damaged, bytes);
        fc.pre(!bad.equals(bytes));
        now += 1;
        const read = openOver(dir, bad, now);
        expect(read.notices).toHaveLength(1);
        expect(read.notices[0]).toMatch(/card states file \(card-states\.bin\) could not be read; it was moved to .*card-states\.bin\.damaged-\d+ and rebuilt from the review log\./);
        expect(readFileSync(join(dir, `${SNAPSHOT_FILE}.damaged-${now}`)).equals(bad)).toBe(true);
        expect(read.cards).toEqual(cards);
        // Rebuilt and saved: the next start reads it.
        expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('changed under a right checksum: read as its numbers say, or refused and rebuilt, never a throw', () => {
    const { dir, bytes, cards } = saved();
    const start = numbersStart(bytes);
    const rewritten = fc.oneof(
      fc.array(damage, { minLength: 1, maxLength: 3 }).map((steps) => resigned(steps.reduce(damaged, bytes.subarray(0, bytes.length - 4)), () => undefined, false)),
      fc.tuple(fc.nat(), fc.double()).map(([at, value]) => resigned(bytes, (body) => body.writeDoubleLE(value, start + 8 * (at % ((body.length - start) / 8))))),
    );
    let now = T0;
    fc.assert(
      fc.property(rewritten, (bad) => {
        now += 1;
        let decoded: ReturnType<typeof decodeSnapshot> = null;
        expect(() => (decoded = decodeSnapshot(bad))).not.toThrow();
        const read = openOver(dir, bad, now);
        if (decoded === null) {
          expect(read.notices).toHaveLength(1);
          expect(read.cards).toEqual(cards);
        } else {
          const { keys, records } = decoded as NonNullable<ReturnType<typeof decodeSnapshot>>;
          // Whatever the numbers, a record the log could hold: one of the four phases, no NaN nor infinity.
          for (const { state, firstReview } of records) {
            expect(PHASES).toContain(state.phase);
            for (const v of [state.due, state.stability, state.difficulty, state.scheduledDays, state.learningSteps, state.reps, state.lapses, state.lastReview ?? 0, firstReview]) expect(Number.isFinite(v)).toBe(true);
          }
          expect(keys.every((k) => typeof k === 'string')).toBe(true);
          expect(read.cards.size).toBeGreaterThanOrEqual(new Set(keys).size);
        }
      }),
      { numRuns: 150 },
    );
  });
});
