// The fit in settings.json comes from disk: a shape that is no fit is moved aside with the other
// damage, a fit outside today's bounds is simply not used, and nothing in the fields throws or
// leaves the settings other than well formed.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters, isFittedParameters } from '../../src/core/fsrs-params.js';
import { openSettings } from '../../src/store/settings.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const fit = (w: number[]) => ({ w, fittedAt: T0, reviews: 3000, default: { logLoss: 0.4, rmse: 0.07 }, fitted: { logLoss: 0.38, rmse: 0.05 } });

function open(fields: Record<string, unknown>): { notices: string[]; settings: ReturnType<ReturnType<typeof openSettings>['get']>; files: string[] } {
  const dir = tempDir();
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ role: 'software-engineer', interviewDate: '2026-12-24', ...fields }));
  const notices: string[] = [];
  const settings = openSettings(dir, T0, notices).get();
  return { notices, settings, files: readdirSync(dir) };
}

describe('the fitted parameters in settings.json', () => {
  it('a fit is read as it was saved', () => {
    const { notices, settings } = open({ fsrs: fit(defaultParameters()), fitOfferedAt: 3000 });
    expect(notices).toEqual([]);
    expect(settings.fsrs).toEqual(fit(defaultParameters()));
    expect(settings.fitOfferedAt).toBe(3000);
  });

  it('a fit outside the bounds ts-fsrs allows (saved under others) is not used, and is no damage', () => {
    const w = defaultParameters();
    w[20] = 0.95;
    const { notices, settings, files } = open({ fsrs: fit(w) });
    expect(notices).toEqual([]);
    expect(files.filter((f) => f.includes('damaged'))).toEqual([]);
    expect(settings.fsrs).toBeNull();
    expect(settings.interviewDate).toBe('2026-12-24');
  });

  it('a value that is no fit is moved aside with the notice, the other settings kept', () => {
    const { notices, settings } = open({ fsrs: fit(defaultParameters().slice(0, 20)) });
    expect(notices).toEqual([expect.stringMatching(/had values of the wrong kind; .* Back to the default: fitted FSRS parameters\./)]);
    expect(settings).toMatchObject({ role: 'software-engineer', interviewDate: '2026-12-24', fsrs: null });
  });

  it('whatever the two fields hold: no throw, a fit or null, a whole count', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (fsrs, fitOfferedAt) => {
        const { settings } = open({ fsrs, fitOfferedAt });
        expect(settings.fsrs === null || isFittedParameters(settings.fsrs)).toBe(true);
        expect(Number.isSafeInteger(settings.fitOfferedAt) && settings.fitOfferedAt >= 0).toBe(true);
        expect(settings.role).toBe('software-engineer');
      }),
      { numRuns: 60 },
    );
  });
});
