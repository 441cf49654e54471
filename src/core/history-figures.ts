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
import { recordRow, rowRecord } from './record-rows.js';
import { applyEntry, LOG_VERSION, tickCounts, type CardRecord, type LogEntry, type Progress, type ReviewEntry, type TickCounts, type UndoEntry } from './progress.js';
import { isRating } from './scheduler.js';

export const FIGURES_VERSION = 1;
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

// Records and entries are written as rows of numbers, not objects: figures.json holds some
// 20,000 of them at 100,000 reviews. A review with tick counts has them as a tenth item.
function entryRow(entry: LogEntry, counted: boolean): unknown[] {
  if (entry.t === 'undo') return [1, entry.id, entry.key, entry.at, entry.restore ? recordRow(entry.restore) : null];
  const correct = typeof entry.correct === 'boolean' ? Number(entry.correct) + 1 : 0;
  const ticks = tickCounts(entry.ticks);
  return [0, entry.id, entry.key, entry.at, entry.rating, recordRow(entry.record), MARKS.indexOf(entry.confidence), correct, Number(counted), ...(ticks ? [[ticks.evidenced, ticks.unevidenced]] : [])];
}

/** An entry back from its row; `ms` is not kept (no figure uses it). */
function rowEntry(row: unknown): { entry: LogEntry; counted: boolean } | null {
  if (!Array.isArray(row)) return null;
  // Indexed, not destructured: a window holds thousands of rows, and this reads them twice as fast.
  const r = row as unknown[];
  const kind = r[0];
  const id = r[1];
  const key = r[2];
  const at = r[3];
  // What logEntryFrom asks of an entry, checked here on the row: its records are checked once, by rowRecord.
  if (typeof id !== 'string' || typeof key !== 'string' || typeof at !== 'number') return null;
  if (kind === 1 && row.length === 5) {
    const restore = row[4] === null ? null : rowRecord(row[4]);
    if (row[4] !== null && !restore) return null;
    const entry: UndoEntry = { v: LOG_VERSION, t: 'undo', id, key, at, restore };
    return { entry, counted: false };
  }
  if (kind !== 0 || (row.length !== 9 && row.length !== 10)) return null;
  const rating = r[4];
  const record = r[5];
  const mark = r[6];
  const correct = r[7];
  const counted = r[8];
  const tickRow = r[9];
  if ((mark !== 0 && mark !== 1 && mark !== 2) || (correct !== 0 && correct !== 1 && correct !== 2) || (counted !== 0 && counted !== 1)) return null;
  const ticks = row.length === 10 ? (Array.isArray(tickRow) && tickRow.length === 2 ? tickCounts({ evidenced: tickRow[0], unevidenced: tickRow[1] }) : null) : undefined;
  if (ticks === null || !isRating(rating)) return null;
  const held = rowRecord(record);
  if (!held) return null;
  const value: Record<string, unknown> = { v: LOG_VERSION, t: 'review', id, key, at, rating, ms: 0, record: held };
  if (mark) value.confidence = MARKS[mark];
  if (correct) value.correct = correct === 2;
  if (ticks) value.ticks = ticks;
  return { entry: value as unknown as ReviewEntry, counted: counted === 1 };
}

/** The figures as JSON, for the file beside the card snapshot. */
export function figuresToJson(figures: HistoryFigures): Record<string, unknown> {
  return {
    version: FIGURES_VERSION,
    timeZone: figures.timeZone,
    lastAt: figures.lastAt,
    cutoff: figures.cutoff,
    base: [...figures.base].map(([key, record]) => [key, recordRow(record)]),
    window: figures.window.map((w) => entryRow(w.entry, w.counted)),
    undone: [...figures.undone],
    days: [...figures.days],
    // Sorted: the same figures make the same file, however the reviews that made them interleaved.
    retention: [...figures.retention].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, t]) => [key, t.reviews, t.passed]),
    sure: [figures.sure.n, figures.sure.right],
    guess: [figures.guess.n, figures.guess.right],
    ticks: [figures.ticks.evidenced, figures.ticks.unevidenced],
  };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]) && v[1] <= v[0];

/**
 * Figures read back from JSON, or null when anything in it is not as figuresToJson writes it
 * (another version, damage): the caller then builds them from the log. Never a partial read.
 */
export function figuresFromJson(value: unknown): HistoryFigures | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.version !== FIGURES_VERSION || typeof v.timeZone !== 'string') return null;
  if (!(v.lastAt === null || isTime(v.lastAt)) || !(v.cutoff === null || isTime(v.cutoff))) return null;
  if (!Array.isArray(v.base) || !Array.isArray(v.window) || !Array.isArray(v.undone) || !Array.isArray(v.days) || !Array.isArray(v.retention)) return null;
  // Files from before tick counts have none: null, so the figures are counted again from the log.
  if (!isPair(v.sure) || !isPair(v.guess) || !Array.isArray(v.ticks) || v.ticks.length !== 2 || !isCount(v.ticks[0]) || !isCount(v.ticks[1])) return null;
  const figures = emptyFigures(v.timeZone);
  figures.lastAt = v.lastAt;
  figures.cutoff = v.cutoff;
  if ((figures.lastAt === null) !== (figures.cutoff === null)) return null;
  for (const item of v.base) {
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || figures.base.has(item[0])) return null;
    const record = rowRecord(item[1]);
    if (!record) return null;
    figures.base.set(item[0], record);
  }
  let previous = -Infinity;
  for (const row of v.window) {
    const item = rowEntry(row);
    if (!item) return null;
    const { entry } = item;
    if (entry.at < previous || (figures.cutoff !== null && entry.at < figures.cutoff) || (figures.lastAt !== null && entry.at > figures.lastAt)) return null;
    previous = entry.at;
    figures.window.push(item);
  }
  for (const id of v.undone) {
    if (typeof id !== 'string') return null;
    figures.undone.add(id);
  }
  for (const day of v.days) {
    if (!Array.isArray(day) || day.length !== 2 || !isTime(day[0]) || !isCount(day[1]) || day[1] === 0 || figures.days.has(day[0])) return null;
    figures.days.set(day[0], day[1]);
  }
  for (const t of v.retention) {
    if (!Array.isArray(t) || t.length !== 3 || typeof t[0] !== 'string' || !isPair([t[1], t[2]]) || t[1] === 0 || figures.retention.has(t[0])) return null;
    figures.retention.set(t[0], { reviews: t[1] as number, passed: t[2] as number });
  }
  figures.sure = { n: v.sure[0], right: v.sure[1] };
  figures.guess = { n: v.guess[0], right: v.guess[1] };
  figures.ticks = { evidenced: v.ticks[0] as number, unevidenced: v.ticks[1] as number };
  return figures;
}
