// The readiness figures' running totals against a full replay: reviews, undos and imported
// progress appended in random order, and after every step the figures kept up to date equal the
// figures built from the whole log, and so does every readiness figure computed from them, whether
// the figures were kept in memory or read back from their columns (the file's) and folded on from there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck.js';
import { columnsOf, figuresFromColumns, figuresToColumns, RECORD, TOTALS } from '../../src/core/figures-columns.js';
import { buildFigures, foldEntry, type HistoryFigures } from '../../src/core/history-figures.js';
import { applyEntry, emptyProgress, LOG_VERSION, type CardRecord, type LogEntry, type ReviewEntry } from '../../src/core/progress.js';
import { readiness } from '../../src/core/readiness.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import { startOfDay } from '../../src/core/day.js';
import { plainFigures as plain } from '../helpers/figures.js';

const T0 = Date.UTC(2026, 9, 1, 9);
const HOUR = 3_600_000;
const scheduler = createScheduler({ retention: 0.9 });

const DECKS: Deck[] = [
  { id: 'a', title: 'A', version: 1, area: 'skills', cards: [0, 1, 2, 3].map((i) => ({ id: `c${i}`, type: 'flashcard', front: 'q', back: 'a', tags: [i % 2 ? 'odd' : 'even'] })) },
  { id: 'b', title: 'B', version: 1, area: 'culture', cards: [0, 1, 2].map((i) => ({ id: `c${i}`, type: 'choice', prompt: 'q', choices: ['x', 'y'], answer: 0 })) },
] as unknown as Deck[];
const KEYS = ['a/c0', 'a/c1', 'a/c2', 'a/c3', 'b/c0', 'b/c1', 'b/c2', 'gone/c9'];

// What an answer adds to its rating: calibration marks, typed open answers' tick counts (and a
// damaged count, which no figure may take in).
const MARKS = [
  {},
  { confidence: 'sure', correct: true },
  { confidence: 'sure', correct: false },
  { confidence: 'guess', correct: true },
  { confidence: 'guess', correct: false },
  { ticks: { evidenced: 2, unevidenced: 1 } },
  { ticks: { evidenced: 0, unevidenced: 3 } },
  { ticks: { evidenced: 4, unevidenced: 0 } },
  { ticks: { evidenced: -1, unevidenced: 'x' } },
] as const;

type Step =
  | { kind: 'review'; key: number; rating: Rating; gap: number; mark: number }
  | { kind: 'undo'; back: number; gap: number }
  | { kind: 'undo-unknown'; gap: number }
  | { kind: 'import'; reviews: { key: number; rating: Rating; ago: number }[] };

const rating = fc.constantFrom<Rating>(1, 2, 3, 4);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('review' as const), key: fc.nat(KEYS.length - 1), rating, gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 80 * HOUR })), mark: fc.nat(MARKS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), back: fc.nat(30), gap: fc.integer({ min: 0, max: 2 * HOUR }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo-unknown' as const), gap: fc.integer({ min: 0, max: HOUR }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), reviews: fc.array(fc.record({ key: fc.nat(KEYS.length - 1), rating, ago: fc.integer({ min: 0, max: 40 * 24 * HOUR }) }), { minLength: 1, maxLength: 6 }) }) },
);

/** Turns steps into the entries the app and an import would append, in order. */
function entriesOf(steps: readonly Step[]): LogEntry[][] {
  const batches: LogEntry[][] = [];
  const cards = new Map<string, CardRecord>();
  const reviews: ReviewEntry[] = [];
  let now = T0;
  let n = 0;
  for (const s of steps) {
    if (s.kind === 'review') {
      now += s.gap;
      const key = KEYS[s.key]!;
      const before = cards.get(key);
      const record = { state: scheduler.next(before?.state, now, s.rating), firstReview: before?.firstReview ?? now };
      const entry: ReviewEntry = { v: LOG_VERSION, t: 'review', id: `r${n++}`, key, rating: s.rating, at: now, ms: 1000, record, ...(MARKS[s.mark] as unknown as Partial<ReviewEntry>) };
      cards.set(key, record);
      reviews.push(entry);
      batches.push([entry]);
    } else if (s.kind === 'undo') {
      if (reviews.length === 0) continue;
      const target = reviews[Math.max(0, reviews.length - 1 - s.back)]!;
      now += s.gap;
      batches.push([{ v: LOG_VERSION, t: 'undo', id: target.id, key: target.key, at: now, restore: null }]);
    } else if (s.kind === 'undo-unknown') {
      now += s.gap;
      batches.push([{ v: LOG_VERSION, t: 'undo', id: `nowhere${n++}`, key: KEYS[0]!, at: now, restore: null }]);
    } else {
      // Another machine's reviews: older than ours, in no particular order.
      batches.push(
        s.reviews.map((r) => {
          const at = now - r.ago;
          const entry: ReviewEntry = { v: LOG_VERSION, t: 'review', id: `i${n++}`, key: KEYS[r.key]!, rating: r.rating, at, ms: 1000, record: { state: scheduler.next(undefined, at, r.rating), firstReview: at } };
          reviews.push(entry);
          return entry;
        }),
      );
    }
  }
  return batches;
}

/** The figures as the file holds them and back: the text through JSON, the numbers copied. */
function reread(f: HistoryFigures): HistoryFigures {
  const { text, numbers } = figuresToColumns(f);
  const back = figuresFromColumns(JSON.parse(JSON.stringify(text)), numbers.slice());
  expect(back).not.toBeNull();
  return back!;
}

function readinessOf(log: readonly LogEntry[], history: HistoryFigures | undefined, now: number) {
  const progress = emptyProgress();
  for (const e of log) applyEntry(progress, e);
  return readiness({ decks: DECKS, records: progress.cards, history, entries: log, attempts: [], scheduler, now, interviewAt: null, targetRetention: 0.9, newPerDay: 10 });
}

const addDays = (dayStart: number, n: number): number => {
  const d = new Date(dayStart);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n).getTime();
};

/** The log's figures the way readiness replayed the whole log before running totals: the reference. */
function replayed(log: readonly LogEntry[], now: number) {
  const today = startOfDay(now);
  const undone = new Set(log.filter((e) => e.t === 'undo').map((e) => e.id));
  const stands = (e: LogEntry): e is ReviewEntry => e.t === 'review' && !undone.has(e.id);
  const area = (key: string) => (key.startsWith('a/') ? 'skills' : key.startsWith('b/') ? 'culture' : null);
  const quiz = KEYS.filter((k) => area(k));
  const sorted = log.map((entry, order) => ({ entry, order })).sort((a, b) => a.entry.at - b.entry.at || a.order - b.order).map((e) => e.entry);
  const replay = emptyProgress();
  const retained: Record<string, { reviews: number; passed: number }> = { culture: { reviews: 0, passed: 0 }, skills: { reviews: 0, passed: 0 } };
  const one = (e: LogEntry) => {
    const a = area(e.key);
    if (stands(e) && a && replay.cards.get(e.key)?.state.phase === 'review') {
      retained[a]!.reviews++;
      if (e.rating >= 2) retained[a]!.passed++;
    }
    applyEntry(replay, e);
  };
  const trend: number[] = [];
  let next = 0;
  for (let i = 13; i >= 0; i--) {
    const dayEnd = addDays(addDays(today, -i), 1);
    for (; next < sorted.length && sorted[next]!.at < dayEnd; next++) one(sorted[next]!);
    trend.push(quiz.reduce((sum, k) => sum + (replay.cards.has(k) ? scheduler.recall(replay.cards.get(k)!.state, now) : 0), 0) / quiz.length);
  }
  for (; next < sorted.length; next++) one(sorted[next]!);
  const heatStart = addDays(today, -(16 * 7 - 1));
  const heat = new Array<number>(16 * 7).fill(0);
  for (const e of log.filter(stands)) {
    const day = Math.round((startOfDay(e.at) - heatStart) / 86_400_000);
    if (day >= 0 && day < heat.length) heat[day]!++;
  }
  const marked = (which: string) => log.filter(stands).filter((e) => e.confidence === which && typeof e.correct === 'boolean');
  let evidenced = 0;
  let unevidenced = 0;
  for (const e of log.filter(stands)) {
    const t = e.ticks;
    if (t && Number.isSafeInteger(t.evidenced) && Number.isSafeInteger(t.unevidenced) && t.evidenced >= 0 && t.unevidenced >= 0) {
      evidenced += t.evidenced;
      unevidenced += t.unevidenced;
    }
  }
  return { trend, retained, heat, ticks: { ticked: evidenced + unevidenced, unevidenced }, sure: [marked('sure').length, marked('sure').filter((e) => e.correct).length], guess: [marked('guess').length, marked('guess').filter((e) => e.correct).length] };
}

describe('readiness figures kept up to date', () => {
  it('equal a full replay after every step, however reviews, undos and imports interleave', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 20 * 24 * HOUR }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (steps, later, rereads) => {
        const log: LogEntry[] = [];
        let figures = buildFigures([], 'UTC', scheduler.decay);
        let rebuilds = 0;
        for (const [b, batch] of entriesOf(steps).entries()) {
          log.push(...batch);
          // Read back from the file now and then, and folded on from there.
          if (rereads[b]) figures = reread(figures);
          for (const entry of batch) {
            if (!foldEntry(figures, entry)) {
              figures = buildFigures(log, 'UTC', scheduler.decay);
              rebuilds++;
              break;
            }
          }
          const full = buildFigures(log, 'UTC', scheduler.decay);
          expect(plain(figures)).toEqual(plain(full));
          // And read back from its columns, it is the same again.
          expect(plain(reread(figures))).toEqual(plain(full));
          // And so are the columns Readiness reads: the file's, the file's with entries appended, or laid out anew.
          const read = columnsOf(figures);
          expect(plain(figuresFromColumns(JSON.parse(JSON.stringify(read.text)), read.numbers.slice())!)).toEqual(plain(full));
        }
        const now = (log.reduce((m, e) => Math.max(m, e.at), T0)) + later;
        const r = readinessOf(log, figures, now);
        expect(r).toEqual(readinessOf(log, undefined, now));
        expect(readinessOf(log, reread(figures), now)).toEqual(r);
        const reference = replayed(log, now);
        r.overall.trend.forEach((value, i) => expect(value).toBeCloseTo(reference.trend[i]!, 12));
        for (const a of r.retention) expect({ reviews: a.reviews, passed: a.passed }).toEqual(reference.retained[a.area]);
        expect(r.heatmap.days).toEqual(reference.heat);
        expect([r.calibration.sure.n, r.calibration.sure.right, r.calibration.guess.n, r.calibration.guess.right]).toEqual([...reference.sure, ...reference.guess]);
        expect(r.calibration.ticks).toEqual(reference.ticks);
        expect(rebuilds).toBeLessThanOrEqual(log.length);
      }),
      { numRuns: 150 },
    );
  });

  it('fall back to the log for a trend asked for before the cutoff (a clock set back)', () => {
    const batches = entriesOf(Array.from({ length: 60 }, (_, i): Step => ({ kind: 'review', key: i % KEYS.length, rating: ((i % 4) + 1) as Rating, gap: 20 * HOUR, mark: i % 5 })));
    const log = batches.flat();
    const figures = buildFigures(log, 'UTC', scheduler.decay);
    const early = log[10]!.at;
    expect(readinessOf(log, figures, early)).toEqual(readinessOf(log, undefined, early));
  });

  it('refuses columns that are not as they were written, rather than misreading them', () => {
    const log = entriesOf([
      { kind: 'review', key: 0, rating: 3, gap: 0, mark: 1 },
      { kind: 'review', key: 1, rating: 2, gap: HOUR, mark: 5 },
      { kind: 'undo', back: 0, gap: 1 },
    ]).flat();
    const { text, numbers } = figuresToColumns(buildFigures(log, 'UTC', scheduler.decay));
    const read = (t: unknown, n = numbers) => figuresFromColumns(JSON.parse(JSON.stringify(t)), n.slice());
    expect(plain(read(text)!)).toEqual(plain(buildFigures(log, 'UTC', scheduler.decay)));
    expect(read(null)).toBeNull();
    expect(read({ ...text, keys: [...text.keys, 7] })).toBeNull();
    expect(read({ ...text, keys: [...text.keys, text.keys[0]] })).toBeNull();
    expect(read({ ...text, ids: text.ids.slice(1) })).toBeNull();
    expect(read({ ...text, rows: { ...text.rows, days: text.rows.days + 1 } })).toBeNull();
    expect(read({ ...text, lastAt: null })).toBeNull();
    expect(read(text, numbers.subarray(1))).toBeNull();
    // A window entry of no kind, of a rating out of range, naming no key, out of time order.
    const entryAt = TOTALS + text.rows.base * RECORD;
    for (const [offset, value] of [[0, 2], [3, 7], [1, 99], [1, 0.5], [2, -1], [9, 3], [17, 9], [4, 3], [7, -1]] as const) {
      const damaged = numbers.slice();
      damaged[entryAt + offset] = value;
      expect(read(text, damaged)).toBeNull();
    }
    const tooMany = numbers.slice();
    tooMany[1] = tooMany[0]! + 1;
    expect(read(text, tooMany)).toBeNull();
  });

  it('read any columns as refused or as figures Readiness reads whole, as they read back again', () => {
    const log = entriesOf(Array.from({ length: 40 }, (_, i): Step => (i % 9 === 8 ? { kind: 'undo', back: i % 3, gap: HOUR } : { kind: 'review', key: i % KEYS.length, rating: ((i % 4) + 1) as Rating, gap: (i % 5) * 9 * HOUR, mark: i % MARKS.length }))).flat();
    const { text, numbers } = figuresToColumns(buildFigures(log, 'UTC', scheduler.decay));
    const values = fc.oneof(fc.double(), fc.constantFrom(0, 1, 2, 3, 4, 5, -1, 0.5, NaN, -0, 1e300, ...numbers.slice(0, 40)));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), values), { minLength: 1, maxLength: 4 }), (changes) => {
        const damaged = numbers.slice();
        for (const [at, value] of changes) damaged[at % damaged.length] = value;
        const figures = figuresFromColumns(JSON.parse(JSON.stringify(text)), damaged);
        if (!figures) return;
        const now = (figures.lastAt ?? T0) + HOUR;
        const progress = emptyProgress();
        for (const e of log) applyEntry(progress, e);
        // Read where the numbers lie, before anything else touched them...
        expect(() => readiness({ decks: DECKS, records: progress.cards, history: figures, attempts: [], scheduler, now, interviewAt: now + 3 * 24 * HOUR, targetRetention: 0.9, newPerDay: 10 })).not.toThrow();
        // ...and what was read is what reads back from its columns.
        const read = columnsOf(figures);
        expect(plain(figuresFromColumns(JSON.parse(JSON.stringify(read.text)), read.numbers.slice())!)).toEqual(plain(figures));
      }),
      { numRuns: 300 },
    );
  });
});
