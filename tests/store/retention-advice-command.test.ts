// `stats --json`'s readiness.retentionAdvice: null without an interview date ahead, the simulated
// rows with one recommended when there is one; the second look reads the day's cache, and a review
// or new parameters make a new computation.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsCommand } from '../../src/commands/stats.js';
import { RETENTIONS } from '../../src/core/retention-sim.js';
import { RETENTION_ADVICE_FILE } from '../../src/store/retention-advice-store.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';
import { defaultParameters } from '../../src/core/fsrs-params.js';
import { deckFacts } from '../../src/core/deck-facts.js';

const NOW = new Date(2026, 10, 20, 18, 0).getTime();

const adviceOf = (text: string) => (JSON.parse(text) as { readiness: { retentionAdvice: unknown } }).readiness.retentionAdvice as {
  recommended: number;
  target: number;
  reached: boolean;
  interviewDate: string;
  daysLeft: number;
  current: number;
  rows: { retention: number; reviewsPerDay: number; peakReviewsPerDay: number; recallOnDay: number }[];
} | null;

describe('stats --json retentionAdvice', () => {
  it('is null without a date, and with one carries every retention, the recommended one among them; cached for the day', async () => {
    const dataDir = tempDir();
    const ws = await openWorkspace({ dataDir, env: {}, builtinDir: BUILTIN_DECKS, now: NOW });
    ws.settings.set({ role: 'software-engineer' });
    expect(adviceOf(statsCommand(ws, NOW, true))).toBeNull();
    expect(existsSync(join(dataDir, RETENTION_ADVICE_FILE))).toBe(false);

    ws.settings.set({ interviewDate: '2026-12-20', retention: 0.87 });
    const advice = adviceOf(statsCommand(ws, NOW, true))!;
    expect(advice).toMatchObject({ target: 0.9, interviewDate: '2026-12-20', daysLeft: 30, current: 0.87 });
    expect(advice.rows.map((r) => r.retention)).toEqual(RETENTIONS);
    expect(RETENTIONS).toContain(advice.recommended);
    expect(existsSync(join(dataDir, RETENTION_ADVICE_FILE))).toBe(true);
    expect(statsCommand(ws, NOW, false)).toMatch(/Retention for the 30 days left: /);

    // Cached: the same figures, and they come from the file (a figure planted in it is read back).
    expect(adviceOf(statsCommand(ws, NOW + 60_000, true))).toEqual(advice);
    const file = join(dataDir, RETENTION_ADVICE_FILE);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { advice: { rows: { peakReviewsPerDay: number }[] } };
    kept.advice.rows[0]!.peakReviewsPerDay = 4242;
    writeFileSync(file, JSON.stringify(kept));
    expect(adviceOf(statsCommand(ws, NOW + 60_000, true))!.rows[0]!.peakReviewsPerDay).toBe(4242);

    // A review changes the seen states; new parameters change the tag: either is a new key.
    ws.rate(deckFacts(ws.studyDecks().find((d) => deckFacts(d).keys.length > 0)!).keys[0]!, 3, NOW + 120_000, 4000);
    const afterReview = adviceOf(statsCommand(ws, NOW + 180_000, true))!;
    expect(afterReview.rows.map((r) => r.retention)).toEqual(RETENTIONS);
    expect(afterReview.rows[0]!.peakReviewsPerDay).not.toBe(4242);
    const w = defaultParameters().map((x, i) => (i < 4 ? x * 2 : x));
    ws.settings.set({ fsrs: { w, fittedAt: NOW, reviews: 1, default: { logLoss: 0.4, rmse: 0.05 }, fitted: { logLoss: 0.3, rmse: 0.04 } } });
    const fitted = adviceOf(statsCommand(ws, NOW + 240_000, true))!;
    expect(fitted.rows).not.toEqual(afterReview.rows);
  });

  it('is null once the date has passed or on the day itself', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: NOW });
    ws.settings.set({ role: 'software-engineer', interviewDate: '2026-11-20' });
    expect(adviceOf(statsCommand(ws, NOW, true))).toBeNull();
    ws.settings.set({ interviewDate: '2026-11-01' });
    expect(adviceOf(statsCommand(ws, NOW, true))).toBeNull();
  });
});
