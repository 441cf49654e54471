// What the readiness figures need of the review log, kept as running totals so they cost the
// same at 100,000 reviews as at 1,000: reviews per local day (heatmap), per-card tallies of
// graduated reviews passed (true retention), sure/guess tallies (calibration), key points ticked
// with and without the matcher's evidence (self-grading), and the cards'
// states as of a cutoff a little before the trend window with every entry since (the trend).
//
// The figures are what readiness's full replay computes: entries folded in time order (log order
// on a tie), a review counting nowhere once any undo names it. Entries arrive at the end of that
// order as they are appended; one that does not (an import of older reviews, a second process's
// rating stamped a moment earlier), or an undo of a review already folded into the base, is
// refused by foldEntry, and the caller builds the figures again from the whole log.
// Pure: the time zone the days were counted in comes in as an argument.
import { startOfDay } from './day.js';
import { putRecord, RECORD_NUMBERS as RECORD, recordAt, small } from './record-rows.js';
import { applyEntry, LOG_VERSION, tickCounts, type CardRecord, type LogEntry, type Progress, type ReviewEntry, type TickCounts, type UndoEntry } from './progress.js';
import { isRating } from './scheduler.js';

/** The layout of figuresToColumns; the file of another is built again from the log, never read. */
export const FIGURES_VERSION = 2;
/**
 * The base trails the latest entry's day by this many days. The 14-day trend needs the states as
 * of 12 days before today (see coversTrend), so this leaves two days' slack for a clock set back;
 * a trend asked for further back is counted from the log. (16 kept two more days of entries in
 * the window, each read, parsed and replayed at every first Readiness for nothing.)
 */
export const WINDOW_DAYS = 14;

export interface Tally {
  reviews: number;
  passed: number;
}

export interface HistoryFigures {
  /** The time zone the local days were counted in: another one means counting again. */
  timeZone: string;
  /** The latest entry folded in; null before the first. */
  lastAt: number | null;
  /** Every entry before this moment is folded into `base`, every later one is in `window`. */
  cutoff: number | null;
  base: Map<string, CardRecord>;
  /** Entries at or after the cutoff, in fold order; `counted` when a review was tallied for retention. */
  window: { entry: LogEntry; counted: boolean }[];
  undone: Set<string>;
  /** Local day start → reviews that stand. */
  days: Map<number, number>;
  /** Card key → its reviews made in the review phase that stand, and how many were Hard or better. */
  retention: Map<string, Tally>;
  sure: { n: number; right: number };
  guess: { n: number; right: number };
  /** Key points ticked on typed open answers, with the matcher's evidence and without. */
  ticks: TickCounts;
  /** The records as the fold stands now (base plus window): what a review's "before" is. Rebuilt on demand. */
  replay: Progress | null;
}

export function emptyFigures(timeZone: string): HistoryFigures {
  return { timeZone, lastAt: null, cutoff: null, base: new Map(), window: [], undone: new Set(), days: new Map(), retention: new Map(), sure: { n: 0, right: 0 }, guess: { n: 0, right: 0 }, ticks: { evidenced: 0, unevidenced: 0 }, replay: null };
}

function addDays(dayStart: number, n: number): number {
  const d = new Date(dayStart);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n).getTime();
}

function replayOf(figures: HistoryFigures): Progress {
  if (!figures.replay) {
    const replay: Progress = { cards: new Map(figures.base), reviews: 0 };
    for (const { entry } of figures.window) applyEntry(replay, entry);
    figures.replay = replay;
  }
  return figures.replay;
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

/** A review's part in the day totals and calibration (its retention part is in `counted`). */
function count(figures: HistoryFigures, review: ReviewEntry, sign: 1 | -1): void {
  bump(figures.days, startOfDay(review.at), sign);
  if (review.confidence && typeof review.correct === 'boolean') {
    const c = figures[review.confidence];
    c.n += sign;
    if (review.correct) c.right += sign;
  }
  const ticks = tickCounts(review.ticks);
  if (ticks) {
    figures.ticks.evidenced += sign * ticks.evidenced;
    figures.ticks.unevidenced += sign * ticks.unevidenced;
  }
}

function tally(figures: HistoryFigures, review: ReviewEntry, sign: 1 | -1): void {
  const t = figures.retention.get(review.key) ?? { reviews: 0, passed: 0 };
  t.reviews += sign;
  if (review.rating >= 2) t.passed += sign;
  if (t.reviews === 0) figures.retention.delete(review.key);
  else figures.retention.set(review.key, t);
}

/**
 * Folds one entry in. False when it cannot be folded in order (see above): the figures are then
 * unusable, and must be built again from the log. `maxCutoff` keeps entries after it in the
 * window, for a trend asked for days before the latest entry.
 */
export function foldEntry(figures: HistoryFigures, entry: LogEntry, maxCutoff = Infinity): boolean {
  if (figures.lastAt !== null && entry.at < figures.lastAt) return false;
  figures.lastAt = entry.at;
  const cutoff = Math.min(maxCutoff, addDays(startOfDay(entry.at), -WINDOW_DAYS));
  if (figures.cutoff === null || cutoff > figures.cutoff) {
    const base: Progress = { cards: figures.base, reviews: 0 };
    let moved = 0;
    while (moved < figures.window.length && figures.window[moved]!.entry.at < cutoff) applyEntry(base, figures.window[moved++]!.entry);
    if (moved > 0) figures.window.splice(0, moved);
    figures.cutoff = cutoff;
  }
  const replay = replayOf(figures);
  if (entry.t === 'review') {
    let counted = false;
    if (!figures.undone.has(entry.id)) {
      count(figures, entry, 1);
      // True retention: only reviews of cards that had graduated, as they stood just before.
      if (replay.cards.get(entry.key)?.state.phase === 'review') {
        tally(figures, entry, 1);
        counted = true;
      }
    }
    applyEntry(replay, entry);
    figures.window.push({ entry, counted });
    return true;
  }
  if (!figures.undone.has(entry.id)) {
    const taken = figures.window.filter((w) => w.entry.t === 'review' && w.entry.id === entry.id);
    // The review is in the base, or nowhere: its part in the totals is not known here.
    if (taken.length === 0) return false;
    figures.undone.add(entry.id);
    for (const w of taken) {
      const review = w.entry as ReviewEntry;
      count(figures, review, -1);
      if (w.counted) tally(figures, review, -1);
      w.counted = false;
    }
  }
  applyEntry(replay, entry);
  figures.window.push({ entry, counted: false });
  return true;
}

/** The figures of a whole log, as readiness's full replay sees it. */
export function buildFigures(entries: readonly LogEntry[], timeZone: string, maxCutoff = Infinity): HistoryFigures {
  const figures = emptyFigures(timeZone);
  // Every undo is known before the fold, so a review counts only if none names it, wherever it is.
  for (const entry of entries) if (entry.t === 'undo') figures.undone.add(entry.id);
  const sorted = entries.map((entry, order) => ({ entry, order })).sort((a, b) => a.entry.at - b.entry.at || a.order - b.order);
  for (const { entry } of sorted) foldEntry(figures, entry, maxCutoff);
  return figures;
}

/** Whether the figures hold the trend's states for a window starting at `trendStart` (see readiness). */
export function coversTrend(figures: HistoryFigures, trendStart: number): boolean {
  return figures.cutoff === null || figures.cutoff <= addDays(trendStart, 1);
}

const MARKS = [undefined, 'sure', 'guess'] as const;

/**
 * The figures as the file beside the card snapshot holds them (store/figures-store frames the
 * file and checks its bytes): the strings as JSON, and everything counted per card, per entry
 * and per day as one block of doubles, read as it lies, every value exact. As JSON rows, reading
 * them back at ~97,000 reviews parsed some 250,000 numbers and left 13 MB of garbage (75-80 ms of
 * CPU in a fresh process, half of it collecting); from the doubles it is about 30 ms, 5 MB.
 * What is left is making the records themselves, which Readiness reads every one of.
 */
export interface FiguresColumns {
  text: FiguresText;
  numbers: Float64Array;
}

export interface FiguresText {
  timeZone: string;
  lastAt: number | null;
  cutoff: number | null;
  /** Card keys: the base's in its order, then the others a window entry or a tally names. Rows name a key by its place here. */
  keys: string[];
  /** The window's entry ids, in its order. */
  ids: string[];
  undone: string[];
  /** How many rows the base, the window and the days have in `numbers`. */
  rows: { base: number; window: number; days: number };
}

// The parts of `numbers`, in this order: the totals (sure, guess, ticks); the base, a record per
// key; the window, an entry per row; the tallies, reviews and passed for every key (0 for none);
// the days, day start and reviews. A record: as core/record-rows puts it. An entry: kind (0
// review, 1 undo), key, at, rating, mark, correct (0 not said, 1 wrong, 2 right), counted, the
// tick counts (NaN for none), whether a record follows (an undo's may be null), the record.
const TOTALS = 6;
const ENTRY = 10 + RECORD;
const TALLY = 2;
const DAY = 2;

/** The figures as strings and numbers, for the file beside the card snapshot. */
export function figuresToColumns(figures: HistoryFigures): FiguresColumns {
  const keys: string[] = [];
  const records: CardRecord[] = [];
  for (const [key, record] of figures.base) {
    keys.push(key);
    records.push(record);
  }
  const places = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) places.set(keys[i]!, i);
  const place = (key: string): number => {
    let i = places.get(key);
    if (i === undefined) {
      i = keys.push(key) - 1;
      places.set(key, i);
    }
    return i;
  };
  for (const { entry } of figures.window) place(entry.key);
  // Sorted: the same figures make the same file, however the reviews that made them interleaved.
  for (const key of [...figures.retention].map(([k]) => k).sort()) place(key);
  const rows = { base: records.length, window: figures.window.length, days: figures.days.size };
  const n = new Float64Array(TOTALS + rows.base * RECORD + rows.window * ENTRY + keys.length * TALLY + rows.days * DAY);
  n.set([figures.sure.n, figures.sure.right, figures.guess.n, figures.guess.right, figures.ticks.evidenced, figures.ticks.unevidenced]);
  let at = TOTALS;
  for (const record of records) {
    putRecord(n, at, record);
    at += RECORD;
  }
  const ids: string[] = [];
  for (const { entry, counted } of figures.window) {
    ids.push(entry.id);
    n[at + 1] = place(entry.key);
    n[at + 2] = entry.at;
    const record = entry.t === 'undo' ? entry.restore : entry.record;
    if (entry.t === 'undo') n[at] = 1;
    else {
      const ticks = tickCounts(entry.ticks);
      n[at + 3] = entry.rating;
      n[at + 4] = MARKS.indexOf(entry.confidence);
      n[at + 5] = typeof entry.correct === 'boolean' ? Number(entry.correct) + 1 : 0;
      n[at + 6] = Number(counted);
      n[at + 7] = ticks ? ticks.evidenced : NaN;
      n[at + 8] = ticks ? ticks.unevidenced : NaN;
    }
    if (record) {
      n[at + 9] = 1;
      putRecord(n, at + 10, record);
    }
    at += ENTRY;
  }
  for (const [key, t] of figures.retention) {
    const i = at + places.get(key)! * TALLY;
    n[i] = t.reviews;
    n[i + 1] = t.passed;
  }
  at += keys.length * TALLY;
  for (const [dayStart, count] of figures.days) {
    n[at] = dayStart;
    n[at + 1] = count;
    at += DAY;
  }
  return { text: { timeZone: figures.timeZone, lastAt: figures.lastAt, cutoff: figures.cutoff, keys, ids, undone: [...figures.undone], rows }, numbers: n };
}

const isCount = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isRows = (v: unknown): v is number => typeof v === 'number' && isCount(v);

/** Two counts at `at`, the second no more than the first (of n, how many right). */
function isPairAt(n: Float64Array, at: number): boolean {
  return isCount(n[at]!) && isCount(n[at + 1]!) && n[at + 1]! <= n[at]!;
}

/**
 * Figures back from their columns, or null when they are not as figuresToColumns makes them. The
 * file's bytes are checked whole by the store (a checksum), so this checks only what would read as
 * something else than a number: a key, a phase, a kind of entry or mark out of range, a part of
 * the wrong length, the window out of order, a count that is no count.
 */
export function figuresFromColumns(text: unknown, n: Float64Array): HistoryFigures | null {
  if (!text || typeof text !== 'object') return null;
  const v = text as Record<string, unknown>;
  const rows = v.rows as Record<string, unknown> | null;
  if (typeof v.timeZone !== 'string' || !(v.lastAt === null || isTime(v.lastAt)) || !(v.cutoff === null || isTime(v.cutoff)) || (v.lastAt === null) !== (v.cutoff === null)) return null;
  if (!isStrings(v.keys) || !isStrings(v.ids) || !isStrings(v.undone) || !rows || typeof rows !== 'object') return null;
  if (!isRows(rows.base) || !isRows(rows.window) || !isRows(rows.days)) return null;
  const keys = v.keys;
  const baseRows = rows.base;
  if (rows.window !== v.ids.length || baseRows > keys.length || n.length !== TOTALS + baseRows * RECORD + rows.window * ENTRY + keys.length * TALLY + rows.days * DAY) return null;
  if (!isPairAt(n, 0) || !isPairAt(n, 2) || !isCount(n[4]!) || !isCount(n[5]!)) return null;
  const baseAt = TOTALS;
  const windowAt = baseAt + baseRows * RECORD;
  const tallyAt = windowAt + rows.window * ENTRY;

  const figures = emptyFigures(v.timeZone);
  figures.lastAt = v.lastAt;
  figures.cutoff = v.cutoff;
  figures.sure = { n: small(n[0]!), right: small(n[1]!) };
  figures.guess = { n: small(n[2]!), right: small(n[3]!) };
  figures.ticks = { evidenced: small(n[4]!), unevidenced: small(n[5]!) };
  for (let i = 0, at = baseAt; i < baseRows; i++, at += RECORD) {
    const record = recordAt(n, at);
    if (!record) return null;
    figures.base.set(keys[i]!, record);
  }
  if (figures.base.size !== baseRows) return null;
  for (let i = 0, at = tallyAt; i < keys.length; i++, at += TALLY) {
    const reviews = n[at]!;
    const passed = n[at + 1]!;
    if (reviews === 0) continue;
    // isPairAt, written out: this runs for every card.
    if (!(reviews > 0 && passed >= 0 && passed <= reviews && reviews <= Number.MAX_SAFE_INTEGER && reviews % 1 === 0 && passed % 1 === 0)) return null;
    figures.retention.set(keys[i]!, { reviews: small(reviews), passed: small(passed) });
  }
  let previous = -Infinity;
  let at = windowAt;
  for (let i = 0; i < rows.window; i++, at += ENTRY) {
    // Indexes made small integers (| 0) before use: an array indexed by a double takes V8's slow path.
    const place = n[at + 1]!;
    const key = keys[place | 0];
    const when = n[at + 2]!;
    if (key === undefined || place !== (place | 0) || !(when >= previous) || (figures.cutoff !== null && when < figures.cutoff) || (figures.lastAt !== null && when > figures.lastAt)) return null;
    previous = when;
    const hasRecord = n[at + 9]!;
    const record = hasRecord === 1 ? recordAt(n, at + 10) : null;
    if (hasRecord === 1 ? !record : hasRecord !== 0) return null;
    const id = v.ids[i]!;
    if (n[at] === 1) {
      const entry: UndoEntry = { v: LOG_VERSION, t: 'undo', id, key, at: when, restore: record };
      figures.window.push({ entry, counted: false });
      continue;
    }
    const rating = n[at + 3];
    const mark = n[at + 4]!;
    const correct = n[at + 5]!;
    const counted = n[at + 6]!;
    const evidenced = n[at + 7]!;
    if (n[at] !== 0 || !record || !isRating(rating) || (mark !== 0 && mark !== 1 && mark !== 2) || (correct !== 0 && correct !== 1 && correct !== 2) || (counted !== 0 && counted !== 1)) return null;
    const value: Record<string, unknown> = { v: LOG_VERSION, t: 'review', id, key, at: when, rating: small(rating), ms: 0, record };
    if (mark) value.confidence = MARKS[mark | 0];
    if (correct) value.correct = correct === 2;
    if (!Number.isNaN(evidenced)) {
      const ticks = tickCounts({ evidenced: small(evidenced), unevidenced: small(n[at + 8]!) });
      if (!ticks) return null;
      value.ticks = ticks;
    }
    figures.window.push({ entry: value as unknown as ReviewEntry, counted: counted === 1 });
  }
  at += keys.length * TALLY;
  for (let i = 0; i < rows.days; i++, at += DAY) {
    const day = n[at]!;
    if (!isTime(day) || !isCount(n[at + 1]!) || n[at + 1] === 0 || figures.days.has(day)) return null;
    figures.days.set(day, n[at + 1]!);
  }
  for (const id of v.undone) figures.undone.add(id);
  return figures;
}
