// What the readiness figures need of the review log, kept as running totals so they cost the
// same at 100,000 reviews as at 1,000: reviews per local day (heatmap), per-card tallies of
// graduated reviews passed (true retention), sure/guess tallies (calibration), key points ticked
// with and without the matcher's evidence (self-grading), and the cards'
// states as of a cutoff a little before the trend window with every entry since (the trend), and
// how past predictions fared with the health check's counts (core/calibration).
//
// The figures are what readiness's full replay computes: entries folded in time order (log order
// on a tie), a review counting nowhere once any undo names it. Entries arrive at the end of that
// order as they are appended; one that does not (an import of older reviews, a second process's
// rating stamped a moment earlier), or an undo of a review already folded into the base, is
// refused by foldEntry, and the caller builds the figures again from the whole log.
// Pure: the time zone the days were counted in comes in as an argument.
import { addPart, emptyTrust, gapMarkBefore, gapMarkOf, trustPart, type GapMark, type TrustCounts, type TrustPart } from './calibration.js';
import { startOfDay } from './day.js';
import type { FiguresColumns } from './figures-columns.js';
import { applyEntry, tickCounts, type CardRecord, type LogEntry, type Progress, type ReviewEntry, type TickCounts } from './progress.js';
import { recallCurve, type Scheduler } from './scheduler.js';

/**
 * The base trails the latest entry's day by this many days. The 14-day trend needs the states as
 * of 12 days before today (see coversTrend), so this leaves two days' slack for a clock set back;
 * a trend asked for further back is counted from the log. (16 kept two more days of entries in
 * the window, each read, parsed and replayed at every first Readiness for nothing.)
 */
export const WINDOW_DAYS = 14;

/** HistoryFigures.model for figures folded from the log's own records. */
export const LOG_MODEL = 'log';

export interface Tally {
  reviews: number;
  passed: number;
}

/** A window entry: `counted` when a review was tallied for retention; `part`, its part in `trust` while it stands. */
export interface WindowEntry {
  entry: LogEntry;
  counted: boolean;
  part: TrustPart | null;
}

export interface HistoryFigures {
  /** The time zone the local days were counted in: another one means counting again. */
  timeZone: string;
  /** The forgetting curve's decay the predictions in `trust` were made with (core/calibration): another one means counting again. */
  decay: number;
  /**
   * Whose records the figures were folded from: "log", the log's own; otherwise the FSRS parameters'
   * tag the records were worked out again with (core/replay restatedEntries), after a fit or a
   * return to the defaults. Another one means counting again.
   */
  model: string;
  /** The latest entry folded in; null before the first. */
  lastAt: number | null;
  /** Every entry before this moment is folded into `base`, every later one is in `window`. */
  cutoff: number | null;
  base: Map<string, CardRecord>;
  /** Entries at or after the cutoff, in fold order. */
  window: WindowEntry[];
  undone: Set<string>;
  /** Local day start → reviews that stand. */
  days: Map<number, number>;
  /** Card key → its reviews made in the review phase that stand, and how many were Hard or better. */
  retention: Map<string, Tally>;
  sure: { n: number; right: number };
  guess: { n: number; right: number };
  /** Key points ticked on typed open answers, with the matcher's evidence and without. */
  ticks: TickCounts;
  /** Past predictions against what happened, and the health check's counts. */
  trust: TrustCounts;
  /** Cards whose latest review that stands was a Hard, or a Good, after a long gap (the health check's Hard-then-Again against Good-then-Again). */
  hard: Set<string>;
  good: Set<string>;
  /** The records as the fold stands now (base plus window): what a review's "before" is. Rebuilt on demand. */
  replay: Progress | null;
  /**
   * The figures as columns (core/figures-columns), while nothing has been folded in since: what
   * Readiness reads, card by card place, without a record object or a map lookup per card. Figures
   * read from the file start with the file's own; foldEntry drops them, and they are made again when asked for.
   */
  columns: FiguresColumns | null;
}

export function emptyFigures(timeZone: string, decay: number, model = LOG_MODEL): HistoryFigures {
  return { timeZone, decay, model, trust: emptyTrust(), hard: new Set(), good: new Set(), lastAt: null, cutoff: null, base: new Map(), window: [], undone: new Set(), days: new Map(), retention: new Map(), sure: { n: 0, right: 0 }, guess: { n: 0, right: 0 }, ticks: { evidenced: 0, unevidenced: 0 }, replay: null, columns: null };
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
  figures.columns = null;
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
    let part: TrustPart | null = null;
    if (!figures.undone.has(entry.id)) {
      const before = replay.cards.get(entry.key);
      count(figures, entry, 1);
      // True retention: only reviews of cards that had graduated, as they stood just before.
      if (before?.state.phase === 'review') {
        tally(figures, entry, 1);
        counted = true;
      }
      part = trustPart(before, entry, markOf(figures, entry.key), recallOf(figures));
      addPart(figures.trust, part, entry.rating > 1, 1);
      setMark(figures, entry.key, gapMarkOf(part.flags));
    }
    applyEntry(replay, entry);
    figures.window.push({ entry, counted, part });
    return true;
  }
  if (!figures.undone.has(entry.id)) {
    const taken: WindowEntry[] = [];
    let latest = true;
    for (const w of figures.window) {
      if (w.entry.t !== 'review') continue;
      if (w.entry.id === entry.id) taken.push(w);
      // A later review of the card that stands was predicted with this one standing: only the card's latest can be taken back here.
      else if (taken.length > 0 && w.entry.key === taken[0]!.entry.key && w.part) latest = false;
    }
    // The review is in the base, or nowhere: its part in the totals is not known here.
    if (taken.length === 0 || !latest) return false;
    figures.undone.add(entry.id);
    for (const w of taken) {
      const review = w.entry as ReviewEntry;
      count(figures, review, -1);
      if (w.counted) tally(figures, review, -1);
      w.counted = false;
      if (w.part) {
        addPart(figures.trust, w.part, review.rating > 1, -1);
        setMark(figures, review.key, gapMarkBefore(w.part.flags));
        w.part = null;
      }
    }
  }
  applyEntry(replay, entry);
  figures.window.push({ entry, counted: false, part: null });
  return true;
}

function markOf(figures: HistoryFigures, key: string): GapMark {
  return figures.hard.has(key) ? 'hard' : figures.good.has(key) ? 'good' : null;
}

function setMark(figures: HistoryFigures, key: string, mark: GapMark): void {
  if (mark === 'hard') figures.hard.add(key);
  else figures.hard.delete(key);
  if (mark === 'good') figures.good.add(key);
  else figures.good.delete(key);
}

const curves = new Map<number, Scheduler['recallFrom']>();
function recallOf(figures: HistoryFigures): Scheduler['recallFrom'] {
  let curve = curves.get(figures.decay);
  if (!curve) curves.set(figures.decay, (curve = recallCurve(figures.decay)));
  return curve;
}

/** The figures of a whole log, as readiness's full replay sees it. */
export function buildFigures(entries: readonly LogEntry[], timeZone: string, decay: number, maxCutoff = Infinity, model = LOG_MODEL): HistoryFigures {
  const figures = emptyFigures(timeZone, decay, model);
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
