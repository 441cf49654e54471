// What Readiness, report and stats --json say about where the predictions' parameters come from,
// and the calibration table's rows.
import { describe, expect, it } from 'vitest';
import { calibration, emptyTrust, UNITS } from '../../src/core/calibration.js';
import { defaultParameters } from '../../src/core/fsrs-params.js';
import { calibrationHeading, calibrationRows, calibrationSummary, parametersLine, parametersSource } from '../../src/core/prediction-trust.js';

describe('how far to trust the predictions', () => {
  it('names fitted parameters with their date, reviews and figures, and the defaults with what a fit needs', () => {
    const fitted = parametersSource({ w: defaultParameters(), fittedAt: new Date(2026, 10, 3, 12).getTime(), reviews: 3412, default: { logLoss: 0.41, rmse: 0.071 }, fitted: { logLoss: 0.372, rmse: 0.046 } });
    expect(fitted).toEqual({ source: 'fitted', fittedAt: '2026-11-03', reviews: 3412, default: { logLoss: 0.41, rmse: 0.071 }, fitted: { logLoss: 0.372, rmse: 0.046 } });
    expect(parametersLine(fitted, 3000)).toBe('Predictions use parameters fitted to your 3,412 reviews on 2026-11-03: log loss 0.4100 → 0.3720, RMSE 0.0710 → 0.0460 (defaults → fitted, on later reviews held out).');
    const defaults = parametersSource(null);
    expect(defaults).toEqual({ source: 'default', fittedAt: null, reviews: null, default: null, fitted: null });
    expect(parametersLine(defaults, 120)).toBe("Predictions use FSRS's default parameters; a fit to your own (Settings > FSRS parameters, or keeper-prep optimize) needs 400 reviews a day or more apart (you have 120).");
    expect(parametersLine(defaults, 1200)).toMatch(/with 1,200 reviews a day or more apart, yours can be fitted \(Settings > FSRS parameters, or keeper-prep optimize\)/);
    // After a fit the table is the fit's predictions for reviews it mostly learned from: it says so.
    expect(calibrationHeading(defaults)).toBe('Past predictions against the share you recalled (Hard or better):');
    expect(calibrationHeading(fitted)).toMatch(/^What the fitted parameters predict for your past reviews, .* the held-out figures above are the fairer test:$/);
  });

  it('lays the bins out as a table of aligned columns, and says so when there is nothing to check', () => {
    const trust = emptyTrust();
    trust.reviews[9] = 1200;
    trust.recalled[9] = 1080;
    trust.predicted[9] = 1200 * 0.93 * UNITS;
    trust.reviews[8] = 40;
    trust.recalled[8] = 33;
    trust.predicted[8] = 40 * 0.86 * UNITS;
    const c = calibration(trust);
    expect(calibrationRows(c)).toEqual(['  Predicted  Mean  Recalled  Reviews', '  80-90%      86%       83%       40', '  90-100%     93%       90%    1,200']);
    expect(calibrationSummary(c)).toMatch(/^Over 1,240 reviews a day or more after the one before, predicted 93% and recalled 90%; the bins are off by \d\.\d points \(RMSE\)\.$/);
    expect(calibrationRows(calibration(emptyTrust()))).toEqual(['No review a day or more after the one before yet: nothing to check the predictions against.']);
    expect(calibrationSummary(calibration(emptyTrust()))).toBeNull();
  });
});
