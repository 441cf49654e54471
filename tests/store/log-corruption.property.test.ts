// Property: whatever happens to the review log and its snapshot (cut, bytes inserted, bytes
// changed, lines dropped, the snapshot damaged or gone), opening the store never loses a card whose
// review line is still intact somewhere in the log, nor a card of an undamaged snapshot, also
// after the next rating is written and the store opened again.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/core/scheduler.js';
import { decodeSnapshot } from '../../src/store/card-snapshot.js';
import { LOG_FILE, ProgressStore, SNAPSHOT_FILE } from '../../src/store/progress-store.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const scheduler = createScheduler({ retention: 0.9 });
const KEYS = Array.from({ length: 10 }, (_, i) => `deck/card-${i}`);

function reviewLine(i: number, key: string): string {
  const at = T0 + i * 3_600_000;
  return JSON.stringify({ v: 1, t: 'review', id: `r${i}-${key}`, key, rating: 3, at, ms: 1000, record: { state: scheduler.next(undefined, at, 3), firstReview: at } });
}

type Op =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'drop'; line: number }
  | { kind: 'snapshot-truncate'; at: number }
  | { kind: 'snapshot-flip'; at: number; byte: number }
  | { kind: 'snapshot-delete' };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.constantFrom(...['\n', 'null\n', '{"v":1,', '[]', '}\n{'].map((s) => new TextEncoder().encode(s)))) }),
  fc.record({ kind: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat(60) }),
  fc.record({ kind: fc.constant('snapshot-truncate' as const), at: position }),
  fc.record({ kind: fc.constant('snapshot-flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('snapshot-delete' as const) }),
);

function apply(bytes: Buffer, o: Op): Buffer {
  const at = Math.floor(('at' in o ? o.at : 0) * bytes.length);
  switch (o.kind) {
    case 'truncate':
    case 'snapshot-truncate':
      return bytes.subarray(0, at);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(o.bytes), bytes.subarray(at)]);
    case 'flip':
    case 'snapshot-flip': {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      copy[at] = o.byte;
      return copy;
    }
    case 'drop': {
      const lines = bytes.toString('latin1').split('\n');
      lines.splice(o.line % Math.max(1, lines.length), 1);
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 'snapshot-delete':
      return bytes;
  }
}

describe('random corruption of the review log and its snapshot', () => {
  it('never loses a card whose review line is intact, nor one an undamaged snapshot holds', () => {
    const started = Date.now();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: KEYS.length - 1 }), { minLength: 1, maxLength: 40 }),
        fc.nat(40),
        fc.array(op, { maxLength: 4 }),
        (keyIndexes, snapshotAfter, ops) => {
          const dir = mkdtempSync(join(tmpdir(), 'keeper-prep-prop-'));
          try {
            const lines = keyIndexes.map((k, i) => reviewLine(i, KEYS[k]!));
            const logPath = join(dir, LOG_FILE);
            const snapshotPath = join(dir, SNAPSHOT_FILE);
            // A snapshot taken after some of the lines, then more lines appended by "another process".
            const cut = Math.min(snapshotAfter, lines.length);
            writeFileSync(logPath, lines.slice(0, cut).map((l) => `${l}\n`).join(''));
            if (cut > 0) ProgressStore.open(dir, T0, []).close();
            appendFileSync(logPath, lines.slice(cut).map((l) => `${l}\n`).join(''));
            const snapshotCards = existsSync(snapshotPath) ? decodeSnapshot(readFileSync(snapshotPath))!.keys : [];

            let log: Buffer = readFileSync(logPath);
            let snapshot: Buffer | null = existsSync(snapshotPath) ? readFileSync(snapshotPath) : null;
            for (const o of ops) {
              if (o.kind === 'snapshot-delete') snapshot = null;
              else if (o.kind.startsWith('snapshot-')) snapshot = snapshot && apply(snapshot, o);
              else log = apply(log, o);
            }
            writeFileSync(logPath, log);
            if (snapshot) writeFileSync(snapshotPath, snapshot);
            else if (existsSync(snapshotPath)) unlinkSync(snapshotPath);
            const snapshotUntouched = !ops.some((o) => o.kind.startsWith('snapshot-'));

            const text = log.toString('latin1');
            const keyOf = (l: string): string => (JSON.parse(l) as { key: string }).key;
            // A last line without its newline may be a write still in progress: it counts once the
            // next write ends it, not before.
            const lastLine = text.slice(text.lastIndexOf('\n') + 1);
            const mustKeep = new Set(lines.filter((l) => text.includes(l) && !(lastLine.includes(l) && text.indexOf(l) >= text.length - lastLine.length)).map(keyOf));
            const mustKeepAfterWrite = new Set([...mustKeep, ...lines.filter((l) => text.includes(l)).map(keyOf)]);
            if (snapshotUntouched) for (const key of snapshotCards) mustKeep.add(key);
            if (snapshotUntouched) for (const key of snapshotCards) mustKeepAfterWrite.add(key);

            const store = ProgressStore.open(dir, T0 + 1, []);
            for (const key of mustKeep) expect(store.progress.cards.has(key), key).toBe(true);
            // The next rating is written and the store opened again: still nothing lost.
            const at = T0 + 1000 * 3_600_000;
            store.record('deck/new-card', 3, { state: scheduler.next(undefined, at, 3), firstReview: at }, at, 1000);
            store.close();
            const again = ProgressStore.open(dir, T0 + 2, []);
            for (const key of [...mustKeepAfterWrite, 'deck/new-card']) expect(again.progress.cards.has(key), key).toBe(true);
            again.close();
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      // Bounded by time as well as runs: the machine is shared.
      { numRuns: 400, interruptAfterTimeLimit: 10_000 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
