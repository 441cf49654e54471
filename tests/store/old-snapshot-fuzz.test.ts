// The card snapshot of earlier versions (cards.json, version 1 or 2) is still read once, when there
// is no cards.bin. It has no checksum, so whatever its bytes or fields say, a start must not stop:
// the file is read, or moved aside with one notice and the cards rebuilt from the log.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCardRecord } from '../../src/core/progress.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { OLD_SNAPSHOT_FILE, ProgressStore } from '../../src/store/progress-store.js';
import { damage, damaged } from '../helpers/binary-file.js';
import { writeOldSnapshot } from '../helpers/old-snapshot.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const scheduler = createScheduler({ retention: 0.9 });

/** A data directory whose snapshot is the cards.json `version` wrote, beside the log it was taken from. */
function template(version: 1 | 2): { dir: string; text: string } {
  const dir = tempDir();
  const store = ProgressStore.open(dir, T0, []);
  ['d/a', 'd/b', 'd/c'].forEach((key, i) => store.record(key, 3, { state: scheduler.next(undefined, T0 + i, 3), firstReview: T0 + i }, T0 + i, 1000));
  store.close();
  return { dir, text: writeOldSnapshot(dir, version) };
}

function open(from: string, text: string | Buffer): { notices: string[]; store: ProgressStore } {
  const dir = tempDir();
  cpSync(from, dir, { recursive: true });
  writeFileSync(join(dir, OLD_SNAPSHOT_FILE), text);
  const notices: string[] = [];
  return { notices, store: ProgressStore.open(dir, T0 + 10, notices) };
}

const odd = fc.constantFrom<unknown>(-5, -1, 1.5, 1e300, Number.MAX_SAFE_INTEGER + 2, '7', null, true, [], {});

describe.each([1, 2] as const)('cards.json of version %i', (version) => {
  it('opens, whatever its bytes: read, or moved aside with one notice', () => {
    const { dir, text } = template(version);
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (damages) => {
        const bytes = damages.reduce<Buffer>((b, d) => damaged(b, d), Buffer.from(text));
        const { notices, store } = open(dir, bytes);
        expect(notices.length).toBeLessThanOrEqual(1);
        expect(Number.isSafeInteger(store.progress.reviews) && store.progress.reviews >= 0).toBe(true);
        for (const record of store.progress.cards.values()) expect(isCardRecord(record)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an offset or a review count that is not a whole count from 0, and rebuilds from the log', () => {
    const { dir, text } = template(version);
    fc.assert(
      fc.property(fc.constantFrom('logOffset', 'reviews'), odd, (field, value) => {
        const { notices, store } = open(dir, JSON.stringify({ ...(JSON.parse(text) as object), [field]: value }));
        expect(notices).toHaveLength(1);
        expect(notices[0]).toMatch(/could not be read/);
        expect([...store.progress.cards.keys()].sort()).toEqual(['d/a', 'd/b', 'd/c']);
        expect(store.progress.reviews).toBe(3);
      }),
      { numRuns: 40 },
    );
  });
});
