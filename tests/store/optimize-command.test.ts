// `keeper-prep optimize`: too little data says how much more; a learner whose memory is not the
// defaults' gets a fit that is adopted, card states replayed with it; --defaults goes back exactly.
import { describe, expect, it } from 'vitest';
import { optimize, optimizeCommand, restoreDefaultParameters, fitIsBetter } from '../../src/commands/optimize.js';
import { MIN_FIT_REVIEWS } from '../../src/core/review-history.js';
import type { LogEntry } from '../../src/core/progress.js';
import { LEARNERS, simulateLearner } from '../helpers/simulated-learner.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { replayRecords } from '../../src/core/replay.js';
import { join } from 'node:path';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;
const LEARNER = LEARNERS[1]!;

/** A learner's log of about this many reviews, and a moment the day after it ends. */
function learnerLog(reviews: number): { entries: LogEntry[]; now: number } {
  const log = simulateLearner(LEARNER, { reviews });
  return { entries: log.entries, now: log.entries.at(-1)!.at + DAY };
}

async function workspaceWith(entries: LogEntry[], now: number): Promise<Workspace> {
  const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now });
  ws.progress.appendEntries(entries);
  return ws;
}

describe('optimize', () => {
  it('says how many more reviews a fit needs, and changes nothing', async () => {
    const { entries, now } = learnerLog(300);
    const ws = await workspaceWith(entries, now);
    const report = await optimize(ws, now);
    expect(report.outcome).toBe('too-few');
    expect(report.longTermReviews).toBeLessThan(MIN_FIT_REVIEWS);
    expect(report.message).toContain(`a fit needs ${MIN_FIT_REVIEWS}`);
    expect(report.health.map((h) => h.kind)).toContain('little-data');
    expect(ws.settings.get().fsrs).toBeNull();
    ws.close();
  });

  it('fits a learner whose memory is not the defaults\', adopts it, replays the cards, and --defaults goes back', async () => {
    const { entries, now } = learnerLog(4000);
    const ws = await workspaceWith(entries, now);
    const logged = new Map(ws.progress.progress.cards);
    const dueBefore = ws.dayPlan(now).figures.due;
    const progress: number[] = [];
    const report = await optimize(ws, now, { onProgress: (done, total) => progress.push(done / total) });
    expect(report.outcome, report.message).toBe('adopted');
    expect(report.fitted!.logLoss).toBeLessThan(report.default!.logLoss);
    expect(report.message).toContain(`Reviews due today: ${dueBefore} before, ${ws.dayPlan(now).figures.due} now.`);
    // A fit this small may end before the optimizer's first progress poll: each report it did make is a share.
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    const fit = ws.settings.get().fsrs!;
    expect(fit).toMatchObject({ w: report.parameters, fittedAt: now, reviews: ws.progress.progress.reviews });
    // The card states were worked out again with the fit: the same reviews, other memories.
    const key = [...logged.keys()][0]!;
    expect(ws.progress.progress.cards.get(key)!.state.lastReview).toBe(logged.get(key)!.state.lastReview);
    expect(ws.progress.progress.cards.get(key)!.state.stability).not.toBe(logged.get(key)!.state.stability);
    const json = JSON.parse(await optimizeCommand(ws, now, { json: true })) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['reviews', 'default', 'fitted', 'adopted', 'parameters']));
    expect(restoreDefaultParameters(ws, now)).toMatch(/default FSRS parameters are in use again/);
    expect(ws.settings.get().fsrs).toBeNull();
    expect(ws.progress.progress.cards).toEqual(logged);
    ws.close();
  }, 30_000);

  it('cancels: nothing changes', async () => {
    const { entries, now } = learnerLog(4000);
    const ws = await workspaceWith(entries, now);
    const controller = new AbortController();
    controller.abort();
    const report = await optimize(ws, now, { signal: controller.signal });
    expect(report.outcome).toBe('cancelled');
    expect(ws.settings.get().fsrs).toBeNull();
    ws.close();
  }, 30_000);

  it('adopts only a lower log loss, with RMSE no more than half a point worse', () => {
    expect(fitIsBetter({ logLoss: 0.35, rmse: 0.03 }, { logLoss: 0.34, rmse: 0.034 })).toBe(true);
    expect(fitIsBetter({ logLoss: 0.35, rmse: 0.03 }, { logLoss: 0.34, rmse: 0.036 })).toBe(false);
    expect(fitIsBetter({ logLoss: 0.35, rmse: 0.03 }, { logLoss: 0.35, rmse: 0.01 })).toBe(false);
  });

  it('a fit made by another process: this one works its card states out again before it rates with it', async () => {
    const { entries, now } = learnerLog(4000);
    const here = await workspaceWith(entries, now);
    const dir = here.dataDir;
    const there = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now });
    expect((await optimize(there, now)).outcome).toBe('adopted');
    const fitted = new Map(there.progress.progress.cards);
    there.close();
    // The settings are read again from disk: the scheduler of the fit, and the records it gives.
    here.scheduler();
    expect(here.progress.progress.cards).toEqual(fitted);
    here.close();
  }, 30_000);

  it('reviews imported while a fit is in use: every card worked out again with the fit', async () => {
    const { entries, now } = learnerLog(4000);
    const ws = await workspaceWith(entries, now);
    expect((await optimize(ws, now)).outcome).toBe('adopted');
    // Another machine on the defaults rated one card once more.
    const other = await workspaceWith(entries, now);
    const key = [...other.progress.progress.cards.keys()][0]!;
    other.rate(key, 3, now + 3600_000, 1000);
    const file = join(other.dataDir, 'progress.json');
    exportProgressCommand(other, file, now + 7200_000);
    other.close();
    importProgressCommand(ws, file);
    const expected = replayRecords(ws.progress.entries(), ws.scheduler());
    expect(ws.progress.progress.cards.get(key)).toEqual(expected.get(key));
    ws.close();
  }, 30_000);
});
