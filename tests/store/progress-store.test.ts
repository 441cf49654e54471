import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/core/scheduler.js';
import type { CardRecord } from '../../src/core/progress.js';
import { decodeSnapshot } from '../../src/store/card-snapshot.js';
import { LOG_FILE, OLD_SNAPSHOT_FILE, ProgressStore, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { writeOldSnapshot } from '../helpers/old-snapshot.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const scheduler = createScheduler({ retention: 0.9 });

function rateInto(store: ProgressStore, key: string, rating: 1 | 2 | 3 | 4, at: number) {
  const before = store.progress.cards.get(key);
  return store.record(key, rating, { state: scheduler.next(before?.state, at, rating), firstReview: before?.firstReview ?? at }, at, 1500);
}

function logLines(dir: string): string[] {
  return readFileSync(join(dir, LOG_FILE), 'utf8').split('\n').filter(Boolean);
}

describe('progress store', () => {
  it('round-trips ratings through the log and the snapshot', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    rateInto(store, 'd/b', 1, T0 + 1000);
    rateInto(store, 'd/a', 3, T0 + 600_000);
    const expected = new Map(store.progress.cards);
    store.close();
    expect(logLines(dir)).toHaveLength(3);
    expect(decodeSnapshot(readFileSync(join(dir, SNAPSHOT_FILE)))).toMatchObject({ reviews: 3, keys: ['d/a', 'd/b'] });

    const again = ProgressStore.open(dir, T0, []);
    expect(again.progress.reviews).toBe(3);
    expect(again.progress.cards).toEqual(expected);
  });

  for (const version of [1, 2] as const) {
    it(`reads the cards.json version ${version} wrote as it is, and replaces it with card-states.bin at the next save`, () => {
      const dir = tempDir();
      const store = ProgressStore.open(dir, T0, []);
      rateInto(store, 'd/a', 3, T0);
      rateInto(store, 'd/b', 1, T0 + 1000);
      store.close();
      // A card only the snapshot holds: it is there only if the file was read, not rebuilt from the log.
      const only: CardRecord = { state: scheduler.next(undefined, T0, 4), firstReview: T0 - 1 };
      const old = writeOldSnapshot(dir, version, [['d/only-in-snapshot', only]]);
      const notices: string[] = [];
      const again = ProgressStore.open(dir, T0, notices);
      expect(notices).toEqual([]);
      expect(again.progress.cards.get('d/only-in-snapshot')).toEqual(only);
      expect(again.progress.reviews).toBe(2);
      const expected = new Map(again.progress.cards);
      // Reading writes nothing: cards.json stays until cards.bin is written.
      expect(readFileSync(join(dir, OLD_SNAPSHOT_FILE), 'utf8')).toBe(old);
      expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(false);
      again.close();
      expect(existsSync(join(dir, OLD_SNAPSHOT_FILE))).toBe(false);
      expect(decodeSnapshot(readFileSync(join(dir, SNAPSHOT_FILE)))).toMatchObject({ reviews: 2, keys: ['d/a', 'd/b', 'd/only-in-snapshot'] });
      const third = ProgressStore.open(dir, T0, notices);
      expect(notices).toEqual([]);
      expect(third.progress.cards).toEqual(expected);
      rateInto(third, 'd/c', 3, T0 + 2000);
      third.close();
      expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
      expect(ProgressStore.open(dir, T0, notices).progress.cards.size).toBe(4);
      expect(notices).toEqual([]);
    });
  }

  it('sets aside a cards.json whose rows are damaged and rebuilds from the log, never misreading it', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    rateInto(store, 'd/b', 1, T0 + 1000);
    const expected = new Map(store.progress.cards);
    store.close();
    const damaged = JSON.parse(writeOldSnapshot(dir, 2)) as { cards: [string, unknown[]][] };
    damaged.cards[0]![1][7] = 9;
    writeFileSync(join(dir, OLD_SNAPSHOT_FILE), JSON.stringify(damaged));
    const notices: string[] = [];
    const again = ProgressStore.open(dir, T0 + 5, notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/card states file \(cards\.json\) could not be read; it was moved to .*cards\.json\.damaged-/);
    expect(again.progress.cards).toEqual(expected);
    again.close();
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(true);
    expect(existsSync(join(dir, `${OLD_SNAPSHOT_FILE}.damaged-${T0 + 5}`))).toBe(true);
  });

  it('leaves a cards.json beside card-states.bin unread (a removal that failed), and removes it at the next save', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    const expected = new Map(store.progress.cards);
    store.close();
    writeFileSync(join(dir, OLD_SNAPSHOT_FILE), 'not read');
    const notices: string[] = [];
    const again = ProgressStore.open(dir, T0, notices);
    expect(notices).toEqual([]);
    expect(again.progress.cards).toEqual(expected);
    rateInto(again, 'd/b', 3, T0 + 1000);
    again.close();
    expect(existsSync(join(dir, OLD_SNAPSHOT_FILE))).toBe(false);
  });

  it('has every rating on disk before record() returns, without a snapshot or close', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    rateInto(store, 'd/b', 2, T0);
    // No close(): as if the process were killed here.
    const fresh = ProgressStore.open(dir, T0, []);
    expect(fresh.progress.reviews).toBe(2);
    expect(fresh.progress.cards.has('d/b')).toBe(true);
  });

  it('undo restores the card and takes the review out of the count, on disk too', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    const first = store.progress.cards.get('d/a')!;
    const second = rateInto(store, 'd/a', 1, T0 + 600_000);
    store.undo(second.id, 'd/a', first, T0 + 601_000);
    const fresh = ProgressStore.open(dir, T0, []);
    expect(fresh.progress.reviews).toBe(1);
    expect(fresh.progress.cards.get('d/a')).toEqual(first);
    const third = rateInto(fresh, 'd/new', 3, T0);
    fresh.undo(third.id, 'd/new', null, T0);
    expect(ProgressStore.open(dir, T0, []).progress.cards.has('d/new')).toBe(false);
  });

  it('skips a torn last line without complaint and keeps appending on a fresh line', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    store.close();
    appendFileSync(join(dir, LOG_FILE), '{"v":1,"t":"review","id":"x","key":"d/b","rat');
    const notices: string[] = [];
    const reopened = ProgressStore.open(dir, T0, notices);
    expect(reopened.progress.reviews).toBe(1);
    expect(notices).toEqual([]);
    rateInto(reopened, 'd/c', 3, T0);
    reopened.close();
    const last = ProgressStore.open(dir, T0, []);
    expect(last.progress.reviews).toBe(2);
    expect([...last.progress.cards.keys()].sort()).toEqual(['d/a', 'd/c']);
  });

  it('skips damaged lines inside the log, keeps a copy of it and says where', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    appendFileSync(join(dir, LOG_FILE), 'garbage that is not json\n');
    rateInto(store, 'd/b', 3, T0);
    const notices: string[] = [];
    const reopened = ProgressStore.open(dir, T0 + 5, notices);
    expect(reopened.progress.reviews).toBe(2);
    expect(notices[0]).toMatch(/1 damaged line in your review log \(reviews\.jsonl\) was skipped\. A copy of the log as it was is at .*reviews\.jsonl\.damaged-/);
    expect(readdirSync(dir).filter((f) => f.startsWith('reviews.jsonl.damaged-'))).toHaveLength(1);
  });

  it('moves an unreadable snapshot aside, never deleting it, and rebuilds from the log', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    rateInto(store, 'd/b', 4, T0);
    store.close();
    writeFileSync(join(dir, SNAPSHOT_FILE), '{"version": 1, "cards": ');
    const notices: string[] = [];
    const reopened = ProgressStore.open(dir, T0 + 7, notices);
    expect(reopened.progress.reviews).toBe(2);
    expect(notices[0]).toMatch(/card states file \(card-states\.bin\) could not be read; it was moved to .*card-states\.bin\.damaged-/);
    expect(readFileSync(join(dir, `${SNAPSHOT_FILE}.damaged-${T0 + 7}`), 'utf8')).toBe('{"version": 1, "cards": ');
  });

  it('rebuilds a snapshot of an unknown version from the log, and skips log lines of a future version', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    store.close();
    writeFileSync(join(dir, SNAPSHOT_FILE), JSON.stringify({ version: 99, whatever: true }));
    appendFileSync(join(dir, LOG_FILE), `${JSON.stringify({ v: 2, t: 'review', id: 'z', key: 'd/z', at: T0 })}\n`);
    const reopened = ProgressStore.open(dir, T0, []);
    expect(reopened.progress.reviews).toBe(1);
    expect(reopened.progress.cards.has('d/z')).toBe(false);
  });

  it('keeps the cards of a snapshot whose log is shorter than it says (a log restored from elsewhere), with copies and a notice', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, T0, []);
    rateInto(store, 'd/a', 3, T0);
    rateInto(store, 'd/b', 3, T0);
    store.close();
    const [first] = logLines(dir);
    writeFileSync(join(dir, LOG_FILE), `${first}\n`);
    const notices: string[] = [];
    const reopened = ProgressStore.open(dir, T0, notices);
    expect(reopened.progress.reviews).toBe(2);
    expect([...reopened.progress.cards.keys()].sort()).toEqual(['d/a', 'd/b']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/shorter than your card states file/);
    expect(readdirSync(dir).filter((f) => f.includes('.damaged-')).sort()).toEqual([`${SNAPSHOT_FILE}.damaged-${T0}`, `${LOG_FILE}.damaged-${T0}`]);
    // Repaired once: the next start finds nothing to report.
    const later: string[] = [];
    expect(ProgressStore.open(dir, T0 + 1, later).progress.cards.size).toBe(2);
    expect(later).toEqual([]);
  });

  it('replays a log larger than its 1 MB read slices without losing or splitting a line', () => {
    const dir = tempDir();
    const lines: string[] = [];
    const record = { state: scheduler.next(undefined, T0, 3), firstReview: T0 };
    for (let i = 0; i < 8000; i++) lines.push(JSON.stringify({ v: 1, t: 'review', id: `r${i}`, key: `d/card-${i % 1500}`, rating: 3, at: T0 + i, ms: 1000, record }));
    writeFileSync(join(dir, LOG_FILE), `${lines.join('\n')}\n`);
    expect(readFileSync(join(dir, LOG_FILE)).length).toBeGreaterThan(2 * 1024 * 1024);
    const notices: string[] = [];
    const store = ProgressStore.open(dir, T0, notices);
    expect(notices).toEqual([]);
    expect(store.progress.reviews).toBe(8000);
    expect(store.progress.cards.size).toBe(1500);
  });

  it('loses no review when two processes rate into the same data directory at once', async () => {
    const dir = tempDir();
    const helper = join(tempDir(), 'rate-many.mjs');
    await build({ entryPoints: [join(REPO, 'tests/helpers/rate-many.ts')], bundle: true, platform: 'node', format: 'esm', outfile: helper, mainFields: ['module', 'main'], logLevel: 'error', banner: { js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);" } });
    const run = (label: string) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, [helper, dir, BUILTIN_DECKS, label, '150'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`helper ${label} exited ${code}: ${err}`))));
      });
    await Promise.all([run('one'), run('two')]);
    expect(logLines(dir)).toHaveLength(300);
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: Date.now() });
    expect(ws.progress.progress.reviews).toBe(300);
    expect([...ws.progress.progress.cards.keys()].filter((k) => k.startsWith('one/'))).toHaveLength(75);
    expect([...ws.progress.progress.cards.keys()].filter((k) => k.startsWith('two/'))).toHaveLength(75);
    ws.close();
    // Every process's snapshot is a fold of a prefix of the same log, so a reload agrees.
    expect(ProgressStore.open(dir, T0, []).progress.reviews).toBe(300);
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(true);
  });
});
