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
/**
 * Of the Hard answers after a long gap, at least this share followed by Again, and this many times
 * the share of Good answers after a long gap followed by Again, says Hard stood in for Again. Against
 * Good, not alone: a learner who forgets faster than the defaults expect sees Again after an honest
 * Hard often too, but as often after Good (simulated learners: 26% after Hard and 24% after Good for
 * a fast forgetter; 30% against 8% for one who presses Hard on half the cards forgotten).
 */
const HARD_THEN_AGAIN_SHARE = 0.25;
const HARD_THEN_AGAIN_RATIO = 2;
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
  const counts: HealthCounts = { longTerm: longTermReviews(histories), good: 0, hardAfterGap: 0, thenAgain: 0, goodAfterGap: 0, goodThenAgain: 0 };
  for (const list of histories.values()) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.deltaT >= 1 && r.rating === 3) counts.good++;
      // Only an answer the card has been reviewed after says anything: Hard lengthens the interval,
      // so in a log still growing most such cards have not come back yet, and counting them hides the pattern.
      if (r.deltaT < LONG_GAP_DAYS || i + 1 === list.length) continue;
      const again = list[i + 1]!.rating === 1 ? 1 : 0;
      if (r.rating === 2) {
        counts.hardAfterGap++;
        counts.thenAgain += again;
      } else if (r.rating === 3) {
        counts.goodAfterGap++;
        counts.goodThenAgain += again;
      }
    }
  }
  return healthFindings(counts);
}

/** What the health check counts; the readiness figures keep them as running totals (core/calibration). */
export interface HealthCounts {
  /** Reviews a day or more after the one before. */
  longTerm: number;
  /** Of those, rated Good. */
  good: number;
  /** Hard after a gap of LONG_GAP_DAYS or more that the card was reviewed after, and how many of those next reviews were Again. */
  hardAfterGap: number;
  thenAgain: number;
  /** The same for Good after such a gap: what an honest rating's share looks like for this learner. */
  goodAfterGap: number;
  goodThenAgain: number;
}

/** The health check's findings from its counts. */
export function healthFindings({ longTerm, good, hardAfterGap, thenAgain, goodAfterGap, goodThenAgain }: HealthCounts): HealthFinding[] {
  const findings: HealthFinding[] = [];
  if (longTerm < MIN_FIT_REVIEWS) {
    findings.push({
      kind: 'little-data',
      found: `${longTerm} review${longTerm === 1 ? '' : 's'} a day or more after the one before; a fit needs ${MIN_FIT_REVIEWS}.`,
      advice: `Keep reviewing daily: ${MIN_FIT_REVIEWS - longTerm} more such review${MIN_FIT_REVIEWS - longTerm === 1 ? '' : 's'} and your own parameters can be fitted.`,
    });
  }
  const hardShare = hardAfterGap > 0 ? thenAgain / hardAfterGap : 0;
  const goodShare = goodAfterGap > 0 ? goodThenAgain / goodAfterGap : 0;
  if (hardAfterGap >= MIN_HARD && hardShare >= HARD_THEN_AGAIN_SHARE && hardShare >= HARD_THEN_AGAIN_RATIO * goodShare) {
    findings.push({
      kind: 'hard-when-forgotten',
      found: `${thenAgain} of ${hardAfterGap} Hard answers after a gap of a week or more were followed by Again at the card's next review (${Math.round(100 * hardShare)}%; after Good, ${Math.round(100 * goodShare)}%).`,
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
