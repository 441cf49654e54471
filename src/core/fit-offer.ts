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

/** The parameters in use, for the Settings row: "defaults (620 more to fit)", "fitted 2026-12-06". */
export function parametersLabel(input: FitOfferInput, date: (at: number) => string): string {
  const more = nextOfferAt(input) - input.reviews;
  const used = input.fsrs ? `fitted ${date(input.fsrs.fittedAt)}` : 'defaults';
  if (more <= 0) return `${used} (${input.fsrs ? 'ready to fit again' : 'ready to fit'})`;
  // Short enough for the Settings table at 60 columns.
  return input.fsrs ? used : `${used} (${more} more to fit)`;
}
