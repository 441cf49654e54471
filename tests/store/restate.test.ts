// Card states follow the FSRS parameters in use: replayed (and the snapshot saved so) when they
// change, left alone while they do not, and never at the cost of a card or a line of the log.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parametersTag } from '../../src/core/fsrs-params.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { decodeSnapshot } from '../../src/store/card-snapshot.js';
import { trustCountsFromLog } from '../../src/core/calibration.js';
import { restatedEntries } from '../../src/core/replay.js';
import { recallCurve } from '../../src/core/scheduler.js';
import { LOG_FILE, ProgressStore, SNAPSHOT_FILE, type RecordParameters } from '../../src/store/progress-store.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 2, 9);
const DAY = 86_400_000;
const W = [2, 3, 5, 20, 6.4, 0.93, 3.1, 0.02, 1.6, 0.5, 0.7, 1.7, 0.007, 0.3, 1.8, 0.3, 1.6, 0.37, 0.008, 0.16, 0.1];
const defaults = createScheduler({ retention: 0.9 });
const fitted = createScheduler({ retention: 0.9, w: W });

function counting(tag: string | null, scheduler = tag ? fitted : defaults): RecordParameters & { made: number } {
  const p = { tag, made: 0, scheduler: () => (p.made++, scheduler) };
  return p;
}

/** A data directory whose log holds three cards rated over a few weeks with the defaults. */
function history(): string {
  const dir = tempDir();
  const store = ProgressStore.open(dir, T0, []);
  for (let day = 0; day < 20; day += 3) {
    for (const key of ['d/a', 'd/b', 'd/c']) {
      const before = store.progress.cards.get(key);
      const at = T0 + day * DAY + key.length;
      const rating = day % 2 === 0 ? 3 : 2;
      store.record(key, rating, { state: defaults.next(before?.state, at, rating), firstReview: before?.firstReview ?? at }, at, 1000);
    }
  }
  store.close();
  return dir;
}

const snapshotParams = (dir: string) => decodeSnapshot(readFileSync(join(dir, SNAPSHOT_FILE)))!.params;

describe('card states and the parameters in use', () => {
  it('leaves the log\'s own records while the defaults are in use', () => {
    const dir = history();
    const p = counting(null);
    const store = ProgressStore.open(dir, T0, [], p);
    expect(p.made).toBe(0);
    store.close();
    expect(snapshotParams(dir)).toBeUndefined();
  });

  it('replays once for fitted parameters, saving the snapshot with their tag; the log is untouched', () => {
    const dir = history();
    const log = readFileSync(join(dir, LOG_FILE));
    const before = new Map(ProgressStore.open(dir, T0, []).progress.cards);
    const tag = parametersTag(W);
    const first = counting(tag);
    const store = ProgressStore.open(dir, T0, [], first);
    expect(first.made).toBe(1);
    for (const [key, record] of store.progress.cards) {
      expect(record.state.lastReview).toBe(before.get(key)!.state.lastReview);
      expect(record.state.stability).not.toBe(before.get(key)!.state.stability);
    }
    store.close();
    expect(snapshotParams(dir)).toBe(tag);
    expect(readFileSync(join(dir, LOG_FILE))).toEqual(log);
    const again = counting(tag);
    expect(ProgressStore.open(dir, T0, [], again).progress.cards).toEqual(store.progress.cards);
    expect(again.made).toBe(0);
  });

  it('goes back to the log\'s own records when the defaults return', () => {
    const dir = history();
    const logs = new Map(ProgressStore.open(dir, T0, []).progress.cards);
    ProgressStore.open(dir, T0, [], counting(parametersTag(W))).close();
    const back = counting(null);
    const store = ProgressStore.open(dir, T0, [], back);
    expect(back.made).toBe(1);
    expect(store.progress.cards).toEqual(logs);
    store.close();
    expect(snapshotParams(dir)).toBe('default');
    const again = counting(null);
    ProgressStore.open(dir, T0, [], again);
    expect(again.made).toBe(0);
  });

  it('replays a snapshot rebuilt from the log (the file lost) when a fit is in use', () => {
    const dir = history();
    const tag = parametersTag(W);
    const store = ProgressStore.open(dir, T0, [], counting(tag));
    const states = new Map(store.progress.cards);
    store.close();
    rmSync(join(dir, SNAPSHOT_FILE));
    const p = counting(tag);
    expect(ProgressStore.open(dir, T0, [], p).progress.cards).toEqual(states);
    expect(p.made).toBe(1);
  });

  it('keeps a card the log no longer has the ratings of', () => {
    const dir = history();
    const store = ProgressStore.open(dir, T0, []);
    const kept = store.progress.cards.get('d/a')!;
    store.close();
    // The log cut back to nothing: the snapshot's cards are kept (with a notice), and a replay must not drop them.
    rmSync(join(dir, LOG_FILE));
    const notices: string[] = [];
    const after = ProgressStore.open(dir, T0, notices, counting(parametersTag(W)));
    expect(after.progress.cards.get('d/a')).toEqual(kept);
    expect(after.progress.cards.size).toBe(3);
  });

  it('has the readiness figures judge the parameters in use: past predictions counted again from the replayed records', () => {
    const dir = history();
    const logged = ProgressStore.open(dir, T0, []);
    const entries = logged.entries();
    expect(logged.figures.current('UTC', defaults.decay).model).toBe('log');
    logged.close();
    const tag = parametersTag(W);
    const store = ProgressStore.open(dir, T0, [], counting(tag));
    const figures = store.figures.current('UTC', fitted.decay);
    expect(figures.model).toBe(tag);
    expect(figures.trust).toEqual(trustCountsFromLog(restatedEntries(entries, fitted), recallCurve(fitted.decay)));
    store.close();
    // Read back from figures.bin at the next start, not counted again.
    const again = ProgressStore.open(dir, T0, [], counting(tag));
    expect(again.figures.current('UTC', fitted.decay).trust).toEqual(figures.trust);
    // Back to the defaults: counted again from the records the defaults give, which are the log's own here.
    const back = ProgressStore.open(dir, T0, [], counting(null));
    const restored = back.figures.current('UTC', defaults.decay);
    expect(restored.model).toBe('default');
    expect(restored.trust).toEqual(trustCountsFromLog(entries, recallCurve(defaults.decay)));
  });
});
