// How far to trust the recall predictions (issue "FSRS fitted to you"): every review a day or more
// after the card's previous one, the recall predicted for that moment from the card's state before
// it, against whether it was recalled (rated Hard or better), in bins of predicted recall. "87% on
// the day" means something when the reviews predicted at 85-90% were recalled about that often.
//
// The same reviews give the health check (core/review-history) its counts: the readiness figures
// (core/history-figures) fold both in per log entry as running totals, so neither reads the whole
// log; calibrationFromLog and trustCountsFromLog are the plain computation over a whole log that
// those totals must equal.
//
// A prediction is made from the state the log recorded (stability from the parameters of its day)
// with the forgetting curve of the parameters in use: a review's recall depends on the parameters
// only through the curve's decay, so the totals are kept per decay and counted again for another.
import type { CardRecord, LogEntry, ReviewEntry } from './progress.js';
import { LONG_GAP_DAYS, type HealthCounts } from './review-history.js';
import { isRating, type Scheduler } from './scheduler.js';

/** Bins of predicted recall, each BIN_WIDTH wide: 0-10%, ..., 90-100%. */
export const BINS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A prediction kept as a whole number of 1e-8 (ts-fsrs rounds recall to 8 places): sums stay exact in any order. */
export const UNITS = 1e8;

/** Running totals: per bin, reviews, recalled, and predicted recall summed (in UNITS); then the health counts. */
export interface TrustCounts extends HealthCounts {
  reviews: number[];
  recalled: number[];
  predicted: number[];
}

export function emptyTrust(): TrustCounts {
  return { reviews: new Array<number>(BINS).fill(0), recalled: new Array<number>(BINS).fill(0), predicted: new Array<number>(BINS).fill(0), longTerm: 0, good: 0, hardAfterGap: 0, thenAgain: 0, goodAfterGap: 0, goodThenAgain: 0 };
}

// A review's part in the health counts, as bits: kept with the review so an undo takes back exactly it.
const LONG_TERM = 1;
const GOOD = 2;
/** This review is a Hard (or a Good) after a long gap: what the card's next review is counted against. */
const HARD_AFTER_GAP = 4;
const GOOD_AFTER_GAP = 32;
/** The card's review before this one was a Hard after a long gap (so an undo of this one puts that back), and this one is Again. */
const AFTER_HARD = 16;
const THEN_AGAIN = 8;
/** The same after a Good. */
const AFTER_GOOD = 64;
const GOOD_THEN_AGAIN = 128;

/** What the card's latest review that stands was, for the health check: a Hard or Good after a long gap, or neither. */
export type GapMark = 'hard' | 'good' | null;

/** The mark a review leaves for the card's next one. */
export function gapMarkOf(flags: number): GapMark {
  return flags & HARD_AFTER_GAP ? 'hard' : flags & GOOD_AFTER_GAP ? 'good' : null;
}

/** The mark the card had before a review (what undoing it puts back). */
export function gapMarkBefore(flags: number): GapMark {
  return flags & AFTER_HARD ? 'hard' : flags & AFTER_GOOD ? 'good' : null;
}

/** One review's part in the totals: its predicted recall in UNITS (NaN when it predicts nothing) and health bits. */
export interface TrustPart {
  predicted: number;
  flags: number;
}

const utcDay = (at: number): number => Math.floor(at / DAY_MS);

/**
 * A review's part, from the card's record just before it and the mark its review before that left
 * (a Hard or Good after a long gap, see core/review-history's health check). The prediction needs a
 * whole day since the previous review (floor of the elapsed time, as the forgetting curve counts
 * it): a same-day review predicts 100% and says nothing.
 */
export function trustPart(before: CardRecord | undefined, review: Pick<ReviewEntry, 'rating' | 'at'>, mark: GapMark, recallFrom: Scheduler['recallFrom']): TrustPart {
  const again = review.rating === 1;
  let flags = mark === 'hard' ? AFTER_HARD | (again ? THEN_AGAIN : 0) : mark === 'good' ? AFTER_GOOD | (again ? GOOD_THEN_AGAIN : 0) : 0;
  const last = before?.state.lastReview ?? null;
  if (!before || last === null || before.state.phase === 'new') return { predicted: NaN, flags };
  const days = utcDay(review.at) - utcDay(last);
  if (days >= 1) flags |= LONG_TERM | (review.rating === 3 ? GOOD : 0);
  if (days >= LONG_GAP_DAYS) flags |= review.rating === 2 ? HARD_AFTER_GAP : review.rating === 3 ? GOOD_AFTER_GAP : 0;
  const predicted = review.at - last >= DAY_MS ? Math.round(recallFrom(before.state.phase, last, before.state.stability, review.at) * UNITS) : NaN;
  return { predicted: Number.isFinite(predicted) ? predicted : NaN, flags };
}

function binOf(predicted: number): number {
  return Math.min(BINS - 1, Math.max(0, Math.floor((predicted * BINS) / UNITS)));
}

/** Adds (sign 1) or takes back (sign -1) a review's part. */
export function addPart(trust: TrustCounts, part: TrustPart, recalled: boolean, sign: 1 | -1): void {
  if (!Number.isNaN(part.predicted)) {
    const bin = binOf(part.predicted);
    trust.reviews[bin]! += sign;
    if (recalled) trust.recalled[bin]! += sign;
    trust.predicted[bin]! += sign * part.predicted;
  }
  if (part.flags & LONG_TERM) trust.longTerm += sign;
  if (part.flags & GOOD) trust.good += sign;
  if (part.flags & AFTER_HARD) trust.hardAfterGap += sign;
  if (part.flags & THEN_AGAIN) trust.thenAgain += sign;
  if (part.flags & AFTER_GOOD) trust.goodAfterGap += sign;
  if (part.flags & GOOD_THEN_AGAIN) trust.goodThenAgain += sign;
}

/**
 * The totals over a whole log, plainly: each card's reviews that stand (no undo names them) in
 * time order, each predicted from the record the card's previous standing review left. What the
 * running totals hold for a log the app wrote (an undo takes back a card's latest review).
 */
export function trustCountsFromLog(entries: Iterable<LogEntry>, recallFrom: Scheduler['recallFrom']): TrustCounts {
  const undone = new Set<string>();
  const reviews: ReviewEntry[] = [];
  for (const entry of entries) {
    if (entry.t === 'undo') undone.add(entry.id);
    else reviews.push(entry);
  }
  const byCard = new Map<string, ReviewEntry[]>();
  for (const r of reviews) {
    if (undone.has(r.id) || !isRating(r.rating) || !Number.isFinite(r.at)) continue;
    let list = byCard.get(r.key);
    if (!list) byCard.set(r.key, (list = []));
    list.push(r);
  }
  const trust = emptyTrust();
  for (const list of byCard.values()) {
    list.sort((a, b) => a.at - b.at);
    let mark: GapMark = null;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      const part = trustPart(list[i - 1]?.record, r, mark, recallFrom);
      addPart(trust, part, r.rating > 1, 1);
      mark = gapMarkOf(part.flags);
    }
  }
  return trust;
}

export interface CalibrationBin {
  /** Predicted recall from `from` to `to` (fractions, `to` excluded but for the top bin). */
  from: number;
  to: number;
  reviews: number;
  /** Mean predicted recall of its reviews. */
  predicted: number;
  /** Share of its reviews recalled (Hard or better). */
  recalled: number;
}

export interface Calibration {
  bins: CalibrationBin[];
  /** Reviews with a prediction, in all. */
  reviews: number;
  /** Mean predicted recall and share recalled over them all; null without reviews. */
  predicted: number | null;
  recalled: number | null;
  /** Root mean square of (predicted - recalled) over the bins, weighted by their reviews (FSRS's "RMSE (bins)"); null without reviews. */
  rmse: number | null;
}

/** Bins below this share of predicted recall are merged, from the top down, until each has MIN_BIN reviews. */
const COARSE_BELOW = 7;
const MIN_BIN = 30;

/**
 * The totals as bins to show: 10-point bins from 70% up, where most predictions fall; below, where
 * reviews are few, neighbouring bins merged until each holds MIN_BIN reviews (a last thin one
 * joins the one above it). Empty bins are left out.
 */
export function calibration(trust: TrustCounts): Calibration {
  const groups: number[][] = [];
  let open: number[] = [];
  let held = 0;
  for (let b = COARSE_BELOW - 1; b >= 0; b--) {
    open.push(b);
    held += trust.reviews[b]!;
    if (held >= MIN_BIN) {
      groups.unshift(open.reverse());
      open = [];
      held = 0;
    }
  }
  if (open.length > 0) {
    if (held > 0 && groups.length > 0 && held < MIN_BIN) groups[0] = [...open.reverse(), ...groups[0]!];
    else groups.unshift(open.reverse());
  }
  for (let b = COARSE_BELOW; b < BINS; b++) groups.push([b]);
  const bins: CalibrationBin[] = [];
  let reviews = 0;
  let recalled = 0;
  let predicted = 0;
  let squares = 0;
  for (const group of groups) {
    let n = 0;
    let r = 0;
    let p = 0;
    for (const b of group) {
      n += trust.reviews[b]!;
      r += trust.recalled[b]!;
      p += trust.predicted[b]!;
    }
    if (n <= 0) continue;
    const bin = { from: group[0]! / BINS, to: (group[group.length - 1]! + 1) / BINS, reviews: n, predicted: p / UNITS / n, recalled: r / n };
    bins.push(bin);
    reviews += n;
    recalled += r;
    predicted += p / UNITS;
    squares += n * (bin.predicted - bin.recalled) ** 2;
  }
  return reviews === 0 ? { bins, reviews, predicted: null, recalled: null, rmse: null } : { bins, reviews, predicted: predicted / reviews, recalled: recalled / reviews, rmse: Math.sqrt(squares / reviews) };
}

/** calibration over a whole log (see trustCountsFromLog). */
export function calibrationFromLog(entries: Iterable<LogEntry>, recallFrom: Scheduler['recallFrom']): Calibration {
  return calibration(trustCountsFromLog(entries, recallFrom));
}
