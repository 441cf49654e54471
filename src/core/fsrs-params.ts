// The FSRS parameters the scheduler uses: ts-fsrs's defaults (the medians over many Anki
// collections), or parameters fitted to the user's own reviews by `keeper-prep optimize` and kept in
// settings with when and how well they were fitted.
import { CLAMP_PARAMETERS, default_w } from 'ts-fsrs';

/** Log loss and RMSE (over recall bins) of a set of parameters on held-out reviews: lower is better. */
export interface FitFigures {
  logLoss: number;
  rmse: number;
}

/** Parameters fitted to the user's reviews, as kept in settings. */
export interface FittedParameters {
  /** The 21 FSRS-6 parameters. */
  w: number[];
  /** When the fit was made, epoch ms. */
  fittedAt: number;
  /** Reviews in the log at the fit (ratings stored, less those undone): the Home offer counts from it. */
  reviews: number;
  /** How the defaults and the fitted parameters predicted the held-out later reviews. */
  default: FitFigures;
  fitted: FitFigures;
}

const PARAMETER_COUNT = default_w.length;

/** The defaults, as a new array each time (ts-fsrs's own is frozen). */
export function defaultParameters(): number[] {
  return [...default_w];
}

// ts-fsrs's own bounds for each parameter (with short-term learning and one relearning step, as the
// scheduler runs): anything outside them is not a fit, whatever wrote it.
const BOUNDS = CLAMP_PARAMETERS(2, true);

/** Whether a value is 21 numbers inside ts-fsrs's bounds: settings come from disk. */
export function isParameterList(value: unknown): value is number[] {
  return isParameterShape(value) && value.every((x, i) => x >= BOUNDS[i]![0]! - 1e-9 && x <= BOUNDS[i]![1]! + 1e-9);
}

function isFigures(value: unknown): value is FitFigures {
  if (!value || typeof value !== 'object') return false;
  const { logLoss, rmse } = value as Record<string, unknown>;
  return typeof logLoss === 'number' && Number.isFinite(logLoss) && logLoss >= 0 && typeof rmse === 'number' && Number.isFinite(rmse) && rmse >= 0;
}

/**
 * Whether a value has the shape of a fit (21 finite numbers, a time, a count, two sets of figures),
 * whatever the numbers: what a settings file must hold, where a fit saved under other bounds (an
 * older ts-fsrs) is no damage, only a fit not used (isFittedParameters).
 */
export function isFittedShape(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return isParameterShape(v.w) && isFitRecord(v);
}

function isParameterShape(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === PARAMETER_COUNT && value.every((x) => typeof x === 'number' && Number.isFinite(x));
}

export function isFittedParameters(value: unknown): value is FittedParameters {
  return isFittedShape(value) && isParameterList((value as { w: unknown }).w);
}

function isFitRecord(v: Record<string, unknown>): boolean {
  return (
    typeof v.fittedAt === 'number' &&
    Number.isFinite(v.fittedAt) &&
    Math.abs(v.fittedAt) <= 8.64e15 &&
    typeof v.reviews === 'number' &&
    Number.isSafeInteger(v.reviews) &&
    v.reviews >= 0 &&
    isFigures(v.default) &&
    isFigures(v.fitted)
  );
}

/**
 * Names the parameters a card snapshot was worked out with: "default", or the fitted numbers
 * themselves (21 short numbers), so a snapshot from other parameters is never taken for this one's.
 */
export function parametersTag(w: readonly number[] | null): string {
  return w === null ? 'default' : w.map((x) => x.toPrecision(9)).join(',');
}

/** What card records must have been worked out with under these settings: null for the defaults, which the log's own records are. */
export function fitTag(fsrs: Pick<FittedParameters, 'w'> | null): string | null {
  return fsrs ? parametersTag(fsrs.w) : null;
}
