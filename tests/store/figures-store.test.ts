// figures.bin, the readiness figures' running totals beside the card snapshot: always what a
// full replay of the log gives, whether it was read back, caught up, rebuilt after damage, a
// changed log or another version, or kept by two processes rating at once.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Deck } from '../../src/core/deck.js';
import { buildFigures } from '../../src/core/history-figures.js';
import { readiness } from '../../src/core/readiness.js';
import { LOG_VERSION, type CardRecord } from '../../src/core/progress.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import { decodeFiguresFile, encodeFiguresFile, FIGURES_FILE, localTimeZone } from '../../src/store/figures-store.js';
import { LOG_FILE, OLD_SNAPSHOT_FILE, ProgressStore, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { io } from '../../src/store/safe-write.js';
import { damage, damaged, numbersStart, resigned } from '../helpers/binary-file.js';
import { plainFigures as plain } from '../helpers/figures.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 9, 1, 9);
const HOUR = 3_600_000;
const scheduler = createScheduler({ retention: 0.9 });
const TZ = 'UTC';
/** The deck the histories below rate the cards of. */
const DECKS = [{ id: 'd', title: 'D', version: 1, area: 'skills', cards: Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, type: 'flashcard', front: 'q', back: 'a', tags: [i % 2 ? 'odd' : 'even'] })) }] as unknown as Deck[];

afterEach(() => vi.restoreAllMocks());

/** What a full replay of the store's log gives. */
const replayed = (store: ProgressStore) => plain(buildFigures(store.entries(), TZ, scheduler.decay));

function rate(store: ProgressStore, key: string, rating: Rating, at: number): string {
  store.refresh();
  const before = store.progress.cards.get(key);
  // The scheduler refuses a moment before the card's last review; the entry keeps the moment given (out of order).
  const record: CardRecord = { state: scheduler.next(before?.state, Math.max(at, before?.state.lastReview ?? at), rating), firstReview: before?.firstReview ?? at };
  return store.record(key, rating, record, at, 1000, { confidence: 'sure', correct: rating > 1 }).id;
}

/** A data directory with `days` days of reviews, a few of them taken back. */
function history(days: number): string {
  const dir = tempDir();
  const store = ProgressStore.open(dir, T0, []);
  for (let i = 0; i < days * 6; i++) {
    const at = T0 + i * 4 * HOUR;
    const id = rate(store, `d/c${i % 9}`, ((i % 4) + 1) as Rating, at);
    if (i % 17 === 0) store.undo(id, `d/c${i % 9}`, null, at + 1);
  }
  store.close();
  return dir;
}

describe('readiness figures on disk', () => {
  it('are built once, saved, read back, and caught up with ratings appended since', () => {
    const dir = history(30);
    const store = ProgressStore.open(dir, T0, []);
    expect(plain(store.figures.current(TZ))).toEqual(replayed(store));
    store.close();
    expect(existsSync(join(dir, FIGURES_FILE))).toBe(true);

    const again = ProgressStore.open(dir, T0, []);
    const later = T0 + 200 * 24 * HOUR;
    const id = rate(again, 'd/c1', 3, later);
    rate(again, 'd/c2', 1, later + HOUR);
    again.undo(id, 'd/c1', null, later + 2 * HOUR);
    expect(plain(again.figures.current(TZ))).toEqual(replayed(again));
    again.close();
  });

  it('converge when two processes rate at once, their ratings interleaved and out of time order', () => {
    const dir = history(5);
    const a = ProgressStore.open(dir, T0, []);
    const b = ProgressStore.open(dir, T0, []);
    const t = T0 + 40 * 24 * HOUR;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -HOUR, max: 3 * HOUR }), fc.boolean()), { minLength: 1, maxLength: 12 }), (steps) => {
        let at = t;
        for (const [first, gap, look] of steps) {
          at += gap;
          const store = first ? a : b;
          rate(store, `d/c${Math.abs(gap) % 9}`, 3, at);
          if (look) expect(plain(store.figures.current(TZ))).toEqual(replayed(store));
        }
        expect(plain(a.figures.current(TZ))).toEqual(replayed(a));
        expect(plain(b.figures.current(TZ))).toEqual(replayed(b));
        a.figures.save();
        b.figures.save();
      }),
      { numRuns: 15 },
    );
    a.close();
    b.close();
    const c = ProgressStore.open(dir, T0, []);
    expect(plain(c.figures.current(TZ))).toEqual(replayed(c));
    c.close();
  });

  it('are rebuilt when the log under them changed, was cut, or is gone', () => {
    const dir = history(10);
    ProgressStore.open(dir, T0, []).figures.current(TZ);
    const open = () => ProgressStore.open(dir, T0, []);
    // Another log restored in its place, longer than the old one.
    const other = history(20);
    writeFileSync(join(dir, LOG_FILE), readFileSync(join(other, LOG_FILE)));
    writeFileSync(join(dir, SNAPSHOT_FILE), readFileSync(join(other, SNAPSHOT_FILE)));
    let store = open();
    expect(plain(store.figures.current(TZ))).toEqual(replayed(store));
    store.close();
    // Cut short.
    const text = readFileSync(join(dir, LOG_FILE), 'utf8');
    writeFileSync(join(dir, LOG_FILE), text.slice(0, text.indexOf('\n', text.length / 3) + 1));
    store = open();
    expect(plain(store.figures.current(TZ))).toEqual(replayed(store));
    store.close();
  });

  it('are rebuilt from a file that is damaged, of another version, a folder, or for another time zone', () => {
    const dir = history(8);
    const first = ProgressStore.open(dir, T0, []);
    const full = replayed(first);
    first.figures.current(TZ);
    first.close();
    const saved = readFileSync(join(dir, FIGURES_FILE));
    const value = decodeFiguresFile(saved)!;
    expect(plain(value.figures)).toEqual(full);
    const files = [
      Buffer.alloc(0),
      Buffer.from('KPFIGURE'),
      saved.subarray(0, saved.length - 1),
      saved.subarray(0, saved.length / 2),
      // Well made, but not the log's: an offset no log has.
      encodeFiguresFile({ ...value, logOffset: -5 }),
      encodeFiguresFile({ ...value, logOffset: 1e12 }),
      // Another version, its checksum right: never read as this one (3, the one before the calibration's totals).
      resigned(saved, (bytes) => bytes.writeUInt32LE(1, 8)),
      resigned(saved, (bytes) => bytes.writeUInt32LE(2, 8)),
      resigned(saved, (bytes) => bytes.writeUInt32LE(3, 8)),
      resigned(saved, (bytes) => bytes.writeUInt32LE(5, 8)),
      // Another byte order: the mark is not this machine's double.
      resigned(saved, (bytes) => bytes.subarray(16, 24).reverse()),
    ];
    for (const bytes of files.slice(6)) expect(decodeFiguresFile(bytes)).toBeNull();
    // Counted with another forgetting curve (parameters fitted since): read, and counted again.
    const otherCurve = encodeFiguresFile({ ...value, figures: buildFigures(first.entries(), TZ, 0.3) });
    expect(decodeFiguresFile(otherCurve)!.figures.decay).toBe(0.3);
    files.push(otherCurve);
    for (const bytes of files) {
      writeFileSync(join(dir, FIGURES_FILE), bytes);
      const store = ProgressStore.open(dir, T0, []);
      expect(plain(store.figures.current(TZ))).toEqual(full);
      store.close();
    }
    const store = ProgressStore.open(dir, T0, []);
    expect(store.figures.current('Asia/Tokyo').timeZone).toBe('Asia/Tokyo');
    const fitted = store.figures.current(TZ, 0.25);
    expect(plain(fitted)).toEqual(plain(buildFigures(store.entries(), TZ, 0.25)));
    expect(plain(fitted)).not.toEqual(full);
    store.close();
    writeFileSync(join(dir, FIGURES_FILE), saved);
    const folder = tempDir();
    writeFileSync(join(folder, LOG_FILE), readFileSync(join(dir, LOG_FILE)));
    mkdirSync(join(folder, FIGURES_FILE));
    const inFolder = ProgressStore.open(folder, T0, []);
    expect(plain(inFolder.figures.current(TZ))).toEqual(full);
    inFolder.close();
  });

  it('leave the previous version\'s figures.json unread, and remove it once the new file is written', () => {
    const dir = history(6);
    const first = ProgressStore.open(dir, T0, []);
    const full = replayed(first);
    first.close();
    // What the previous version wrote: well formed, but nothing of it is read.
    writeFileSync(join(dir, 'figures.json'), JSON.stringify({ logOffset: 0, tail: '', figures: { version: 1 } }));
    const store = ProgressStore.open(dir, T0, []);
    expect(plain(store.figures.current(TZ))).toEqual(full);
    store.close();
    expect(existsSync(join(dir, FIGURES_FILE))).toBe(true);
    expect(existsSync(join(dir, 'figures.json'))).toBe(false);
  });

  it('never crash nor differ from a replay, whatever bytes the file holds', () => {
    const dir = history(6);
    const first = ProgressStore.open(dir, T0, []);
    const full = replayed(first);
    first.figures.current(TZ);
    first.close();
    const saved = readFileSync(join(dir, FIGURES_FILE));
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (steps) => {
        const bytes = steps.reduce(damaged, saved);
        writeFileSync(join(dir, FIGURES_FILE), bytes);
        const store = ProgressStore.open(dir, T0, []);
        // Any change is a checksum that does not match: built again from the log.
        expect(plain(store.figures.current(TZ))).toEqual(full);
        store.close();
      }),
      { numRuns: 60 },
    );
    // Damage with the checksum made right again (only a writer of its own could): read or
    // refused, never a throw, whatever the bytes say.
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (steps) => {
        // The body without its 4-byte CRC, damaged, then signed again: the new fields are reached.
        const bytes = resigned(steps.reduce(damaged, saved.subarray(0, saved.length - 4)), () => undefined, false);
        expect(() => decodeFiguresFile(bytes)).not.toThrow();
        writeFileSync(join(dir, FIGURES_FILE), bytes);
        const store = ProgressStore.open(dir, T0, []);
        expect(() => store.figures.current(TZ)).not.toThrow();
        store.close();
      }),
      { numRuns: 200 },
    );
    // Any number in the block changed so: never a throw, however the figures read.
    const start = numbersStart(saved);
    fc.assert(
      fc.property(fc.nat(), fc.double(), (at, value) => {
        const bytes = resigned(saved, (body) => body.writeDoubleLE(value, start + 8 * (at % ((body.length - start) / 8))));
        writeFileSync(join(dir, FIGURES_FILE), bytes);
        const store = ProgressStore.open(dir, T0, []);
        expect(() => plain(store.figures.current(TZ))).not.toThrow();
        store.close();
      }),
      { numRuns: 100 },
    );
    // Nor when Readiness reads them where they lie, before anything else touched them, and after a
    // rating folded on top (the log grows by one each time: the ratings before it are folded on too).
    fc.assert(
      fc.property(fc.nat(), fc.double(), (at, value) => {
        const bytes = resigned(saved, (body) => body.writeDoubleLE(value, start + 8 * (at % ((body.length - start) / 8))));
        writeFileSync(join(dir, FIGURES_FILE), bytes);
        const store = ProgressStore.open(dir, T0, []);
        const figures = (now: number) => readiness({ decks: DECKS, records: store.progress.cards, history: store.figures.current(TZ), attempts: [], scheduler, now, interviewAt: null, targetRetention: 0.9, newPerDay: 10 });
        const last = store.entries().at(-1)!.at;
        expect(() => figures(last + HOUR)).not.toThrow();
        rate(store, 'd/c1', 3, last + 2 * HOUR);
        expect(() => figures(last + 3 * HOUR)).not.toThrow();
        store.close();
      }),
      { numRuns: 100 },
    );
  });

  it('are still given when the disk refuses the file, and leave no temp file behind', () => {
    const dir = history(5);
    vi.spyOn(io, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC', syscall: 'write' });
    });
    const store = ProgressStore.open(dir, T0, []);
    expect(plain(store.figures.current(TZ))).toEqual(replayed(store));
    store.close();
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, FIGURES_FILE))).toBe(false);
  });

  it('read a card snapshot and log as the previous version wrote them, with no figures file', () => {
    const dir = tempDir();
    const record: CardRecord = { state: scheduler.next(undefined, T0, 3), firstReview: T0 };
    const line = JSON.stringify({ v: LOG_VERSION, t: 'review', id: 'old', key: 'd/c0', rating: 3, at: T0, ms: 10, record });
    appendFileSync(join(dir, LOG_FILE), `${line}\n`);
    writeFileSync(join(dir, OLD_SNAPSHOT_FILE), JSON.stringify({ version: 1, logOffset: line.length + 1, reviews: 1, cards: { 'd/c0': record } }));
    const store = ProgressStore.open(dir, T0, []);
    expect(store.progress.cards.get('d/c0')).toEqual(record);
    expect(plain(store.figures.current(TZ))).toEqual(replayed(store));
    expect(store.figures.current(TZ).days.size).toBe(1);
    store.close();
  });
});

describe('the time zone key', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('is the same for the same zone and another for another zone, so figures are counted again only when days move', () => {
    process.env.TZ = 'Asia/Tokyo';
    const tokyo = localTimeZone();
    expect(localTimeZone()).toBe(tokyo);
    process.env.TZ = 'America/New_York';
    expect(localTimeZone()).not.toBe(tokyo);
    delete process.env.TZ;
    expect(localTimeZone()).not.toBe(tokyo);
    expect(localTimeZone()).toBe(localTimeZone());
  });
});
