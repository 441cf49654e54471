// How far to trust the readiness predictions, for a workspace (core/prediction-trust): the
// parameters in settings, and the calibration and health counts the readiness figures keep as
// running totals, so this costs nothing more at 100,000 reviews than at 1,000.
import { calibration } from '../core/calibration.js';
import { parametersSource, type PredictionTrust } from '../core/prediction-trust.js';
import { healthFindings } from '../core/review-history.js';
import type { Workspace } from '../store/workspace.js';

export function predictionTrust(ws: Workspace): PredictionTrust {
  const { trust } = ws.progress.figures.current(undefined, ws.scheduler().decay);
  return { parameters: parametersSource(ws.settings.get().fsrs), calibration: calibration(trust), health: healthFindings(trust), longTerm: trust.longTerm };
}
