// "How far to trust these figures" (issue "FSRS fitted to you"): where the recall predictions'
// parameters come from, how past predictions fared against what the user recalled, and the
// health check's findings, as data for `stats --json` and as the lines the Readiness screen and
// `report` both show.
import type { Calibration } from './calibration.js';
import { formatDate } from './day.js';
import type { FitFigures, FittedParameters } from './fsrs-params.js';
import type { HealthFinding } from './review-history.js';
import { MIN_FIT_REVIEWS } from './review-history.js';

export interface ParametersSource {
  source: 'fitted' | 'default';
  /** When the fit was made (local YYYY-MM-DD); null for the defaults. */
  fittedAt: string | null;
  /** Reviews in the log at the fit; null for the defaults. */
  reviews: number | null;
  /** Both sets of parameters on the held-out reviews at the fit; null for the defaults. */
  default: FitFigures | null;
  fitted: FitFigures | null;
}

export interface PredictionTrust {
  parameters: ParametersSource;
  calibration: Calibration;
  health: HealthFinding[];
  /** Reviews a day or more after the one before: what a fit learns from. */
  longTerm: number;
}

export function parametersSource(fsrs: FittedParameters | null): ParametersSource {
  if (!fsrs) return { source: 'default', fittedAt: null, reviews: null, default: null, fitted: null };
  return { source: 'fitted', fittedAt: formatDate(fsrs.fittedAt), reviews: fsrs.reviews, default: { ...fsrs.default }, fitted: { ...fsrs.fitted } };
}

const count = (n: number): string => n.toLocaleString('en-US');
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The health check with nothing to say, as Readiness, report, the fit screen and `optimize` all put it. */
export const HEALTHY = 'Health check: nothing found in how you rate.';

/** One finding as a line: what was found, then what to do. */
export function findingLine(f: HealthFinding): string {
  return `${f.found} ${f.advice}`;
}

/** Where the predictions' parameters come from, in a sentence. */
export function parametersLine(p: ParametersSource, longTerm: number): string {
  if (p.source === 'fitted' && p.default && p.fitted) {
    return `Predictions use parameters fitted to your ${count(p.reviews ?? 0)} reviews on ${p.fittedAt}: log loss ${p.default.logLoss.toFixed(4)} → ${p.fitted.logLoss.toFixed(4)}, RMSE ${p.default.rmse.toFixed(4)} → ${p.fitted.rmse.toFixed(4)} (defaults → fitted, on later reviews held out).`;
  }
  if (longTerm < MIN_FIT_REVIEWS) {
    return `Predictions use FSRS's default parameters; a fit to your own (Settings > FSRS parameters, or keeper-prep optimize) needs ${MIN_FIT_REVIEWS} reviews a day or more apart (you have ${count(longTerm)}).`;
  }
  return `Predictions use FSRS's default parameters; with ${count(longTerm)} reviews a day or more apart, yours can be fitted (Settings > FSRS parameters, or keeper-prep optimize).`;
}

/**
 * What the calibration table shows. With the defaults, the predictions the schedule made at each
 * review. After a fit, the fitted parameters' predictions for the same reviews (the card states are
 * worked out again with them): most of those reviews are the ones the fit learned from, so the
 * table flatters it, and the held-out figures are the fairer test.
 */
export function calibrationHeading(p: ParametersSource): string {
  return p.source === 'fitted'
    ? 'What the fitted parameters predict for your past reviews, against the share you recalled (Hard or better). The fit learned from most of these reviews, so the held-out figures above are the fairer test:'
    : 'Past predictions against the share you recalled (Hard or better):';
}

/** The calibration as a small table: each bin's range, mean predicted recall, share recalled, reviews. */
export function calibrationRows(c: Calibration): string[] {
  if (c.reviews === 0) return ['No review a day or more after the one before yet: nothing to check the predictions against.'];
  const rows = c.bins.map((b) => [`${Math.round(b.from * 100)}-${Math.round(b.to * 100)}%`, pct(b.predicted), pct(b.recalled), count(b.reviews)]);
  const header = ['Predicted', 'Mean', 'Recalled', 'Reviews'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`;
  return [line(header), ...rows.map(line)];
}

/** The calibration in one sentence. */
export function calibrationSummary(c: Calibration): string | null {
  if (c.reviews === 0 || c.predicted === null || c.recalled === null || c.rmse === null) return null;
  return `Over ${count(c.reviews)} reviews a day or more after the one before, predicted ${pct(c.predicted)} and recalled ${pct(c.recalled)}; the bins are off by ${(c.rmse * 100).toFixed(1)} points (RMSE).`;
}
