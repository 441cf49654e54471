// When Home offers to fit FSRS to the user's reviews: once the log holds enough ratings, and again
// each time it has grown by half since the last fit or offer. Counted from the ratings in memory
// (never the log on disk), so Home pays nothing for it.
import type { FittedParameters } from './fsrs-params.js';

/**
 * Ratings before the first offer. A fit needs MIN_FIT_REVIEWS reviews a day or more apart
 * (core/review-history); with the learning steps' same-day ratings, about this many ratings hold them.
 */
export const FIRST_OFFER_REVIEWS = 1000;
/** Growth since the last fit or offer that makes another worth offering. */
const GROWTH = 1.5;

export interface FitOfferInput {
  /** Ratings stored, less those undone. */
  reviews: number;
  fitOfferedAt: number;
  fsrs: FittedParameters | null;
}

/** The ratings the next offer waits for. */
export function nextOfferAt(input: Omit<FitOfferInput, 'reviews'>): number {
  const last = Math.max(input.fitOfferedAt, input.fsrs?.reviews ?? 0);
  return Math.max(FIRST_OFFER_REVIEWS, Math.ceil(last * GROWTH));
}

export function shouldOfferFit(input: FitOfferInput): boolean {
  return input.reviews >= nextOfferAt(input);
}

/**
 * The parameters in use, for the Settings row: "defaults (620 more to fit)" before a first fit is
 * worth trying, then "defaults (ready to fit)"; "fitted 2026-12-06", and "(ready to fit again)" once
 * the log has grown as much as Home's next offer waits for.
 */
export function parametersLabel(input: FitOfferInput, date: (at: number) => string): string {
  if (!input.fsrs) {
    const more = FIRST_OFFER_REVIEWS - input.reviews;
    // Short enough for the Settings table at 60 columns.
    return more > 0 ? `defaults (${more} more to fit)` : 'defaults (ready to fit)';
  }
  const fitted = `fitted ${date(input.fsrs.fittedAt)}`;
  return input.reviews >= Math.ceil(input.fsrs.reviews * GROWTH) ? `${fitted} (ready to fit again)` : fitted;
}
