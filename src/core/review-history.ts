// Each card's reviews as the FSRS optimizer reads them (issue "FSRS fitted to you"): ratings with
// the whole days since the card's previous review, from the log with undone reviews taken out.
// Days are UTC calendar days, as ts-fsrs counts them when it schedules (its dateDiffInDays): the fit
// and the scheduler must agree on what a day is.
//
// Training items are prefixes of a card's reviews, each predicting its last review from the ones
// before it, and only those ending in a review a day or more after the one before: the FSRS
// convention, and what the optimizer needs (fsrs-rs stops the process at an item with no such
// review). Items are split by time: the latest reviews are held out, so parameters are judged on
// reviews they were not fitted to.
import { dateDiffInDays } from 'ts-fsrs';
import type { LogEntry } from './progress.js';
import { isRating, type Rating } from './scheduler.js';

export interface HistoryReview {
  rating: Rating;
  /** Whole UTC days since the card's previous review; 0 for its first. */
  deltaT: number;
  at: number;
}

/** A training item: a card's reviews up to one a day or more after the one before, which it predicts. */
export type TrainingItem = readonly { rating: Rating; deltaT: number }[];

/**
 * Each card's reviews in time order, undone ones left out (an undo names the review it takes back).
 * Entries that could not be a review here (a rating that is no rating, a time that is no time) are
 * left out too: the log comes from disk and from other machines.
 */
export function reviewHistories(entries: Iterable<LogEntry>): Map<string, HistoryReview[]> {
  const undone = new Set<string>();
  const reviews: { key: string; id: string; rating: Rating; at: number }[] = [];
  for (const entry of entries) {
    if (entry.t === 'undo') undone.add(entry.id);
    else if (isRating(entry.rating) && Number.isFinite(entry.at) && Math.abs(entry.at) <= 8.64e15) reviews.push({ key: entry.key, id: entry.id, rating: entry.rating, at: entry.at });
  }
  const byCard = new Map<string, { rating: Rating; at: number }[]>();
  for (const r of reviews) {
    if (undone.has(r.id)) continue;
    let list = byCard.get(r.key);
    if (!list) byCard.set(r.key, (list = []));
    list.push({ rating: r.rating, at: r.at });
  }
  const histories = new Map<string, HistoryReview[]>();
  for (const [key, list] of byCard) {
    // Stable: two reviews of one millisecond keep their log order, as the records do.
    list.sort((a, b) => a.at - b.at);
    histories.set(
      key,
      list.map((r, i) => ({ rating: r.rating, at: r.at, deltaT: i === 0 ? 0 : dateDiffInDays(new Date(list[i - 1]!.at), new Date(r.at)) })),
    );
  }
  return histories;
}

/** How many reviews a day or more after the one before (what the optimizer learns from) the histories hold. */
export function longTermReviews(histories: ReadonlyMap<string, readonly HistoryReview[]>): number {
  let n = 0;
  for (const list of histories.values()) for (const r of list) if (r.deltaT >= 1) n++;
  return n;
}

/**
 * The training items of every card, split by time: those whose predicted review comes before the
 * `trainShare` quantile of all such reviews' times train, the later ones test.
 */
export function trainingItems(histories: ReadonlyMap<string, readonly HistoryReview[]>, trainShare = 0.8): { train: TrainingItem[]; test: TrainingItem[] } {
  const ends: { item: TrainingItem; at: number }[] = [];
  for (const list of histories.values()) {
    const reviews = list.map(({ rating, deltaT }) => ({ rating, deltaT }));
    for (let k = 1; k < list.length; k++) if (list[k]!.deltaT >= 1) ends.push({ item: reviews.slice(0, k + 1), at: list[k]!.at });
  }
  if (ends.length === 0) return { train: [], test: [] };
  const times = ends.map((e) => e.at).sort((a, b) => a - b);
  const cutoff = times[Math.min(times.length - 1, Math.floor(times.length * trainShare))]!;
  const train: TrainingItem[] = [];
  const test: TrainingItem[] = [];
  for (const { item, at } of ends) (at < cutoff ? train : test).push(item);
  return { train, test };
}

export interface HealthFinding {
  kind: 'little-data' | 'hard-when-forgotten' | 'mostly-good';
  /** What was found, in figures. */
  found: string;
  /** One line of what to do. */
  advice: string;
}

/** Below this many long-term reviews, a fit is not worth offering (the issue: "a few hundred reviews in all"). */
export const MIN_FIT_REVIEWS = 400;
/** A gap this long before a Hard, then Again next time, is the pattern FSRS's authors warn about. */
export const LONG_GAP_DAYS = 7;
/** Of the Hard answers after a long gap, this share followed by Again says Hard stood in for Again. */
const HARD_THEN_AGAIN_SHARE = 0.4;
const MIN_HARD = 10;
/** This share of Good among long-term reviews, over MIN_MOSTLY_GOOD of them, leaves the model little to learn from. */
const MOSTLY_GOOD_SHARE = 0.95;
const MIN_MOSTLY_GOOD = 100;

/**
 * What makes a fit, and the predictions made from the ratings, less trustworthy: too few reviews;
 * Hard pressed on cards that were forgotten (Hard after a long gap, then Again at the next review:
 * Hard means recalled with effort, and FSRS lengthens the interval for it); almost only Good.
 */
export function healthCheck(histories: ReadonlyMap<string, readonly HistoryReview[]>): HealthFinding[] {
  let hardAfterGap = 0;
  let thenAgain = 0;
  let good = 0;
  for (const list of histories.values()) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.deltaT >= 1 && r.rating === 3) good++;
      if (r.rating !== 2 || r.deltaT < LONG_GAP_DAYS) continue;
      hardAfterGap++;
      if (list[i + 1]?.rating === 1) thenAgain++;
    }
  }
  return healthFindings({ longTerm: longTermReviews(histories), good, hardAfterGap, thenAgain });
}

/** What the health check counts; the readiness figures keep them as running totals (core/calibration). */
export interface HealthCounts {
  /** Reviews a day or more after the one before. */
  longTerm: number;
  /** Of those, rated Good. */
  good: number;
  /** Hard after a gap of LONG_GAP_DAYS or more, and how many of those the next review rated Again. */
  hardAfterGap: number;
  thenAgain: number;
}

/** The health check's findings from its counts. */
export function healthFindings({ longTerm, good, hardAfterGap, thenAgain }: HealthCounts): HealthFinding[] {
  const findings: HealthFinding[] = [];
  if (longTerm < MIN_FIT_REVIEWS) {
    findings.push({
      kind: 'little-data',
      found: `${longTerm} review${longTerm === 1 ? '' : 's'} a day or more after the one before; a fit needs ${MIN_FIT_REVIEWS}.`,
      advice: `Keep reviewing daily: ${MIN_FIT_REVIEWS - longTerm} more such review${MIN_FIT_REVIEWS - longTerm === 1 ? '' : 's'} and your own parameters can be fitted.`,
    });
  }
  if (hardAfterGap >= MIN_HARD && thenAgain / hardAfterGap >= HARD_THEN_AGAIN_SHARE) {
    findings.push({
      kind: 'hard-when-forgotten',
      found: `${thenAgain} of ${hardAfterGap} Hard answers after a gap of a week or more were followed by Again.`,
      advice: 'Press Again when you could not recall the answer; Hard is for an answer you recalled with effort.',
    });
  }
  if (longTerm >= MIN_MOSTLY_GOOD && good / longTerm >= MOSTLY_GOOD_SHARE) {
    findings.push({
      kind: 'mostly-good',
      found: `${Math.round((100 * good) / longTerm)}% of your ${longTerm} later reviews were rated Good.`,
      advice: 'Rate what happened: Again when you forgot, Hard when it was a struggle, Easy when it was instant.',
    });
  }
  return findings;
}
