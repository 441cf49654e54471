// `keeper-prep optimize`: too little data says how much more; a learner whose memory is not the
// defaults' gets a fit that is adopted, card states replayed with it; --defaults goes back exactly.
import { describe, expect, it } from 'vitest';
import { optimize, optimizeCommand, restoreDefaultParameters, fitIsBetter } from '../../src/commands/optimize.js';
import { MIN_FIT_REVIEWS } from '../../src/core/review-history.js';
import type { CardRecord, LogEntry } from '../../src/core/progress.js';
import { createScheduler, type MemoryState, type Rating } from '../../src/core/scheduler.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 6, 1, 9);
// A learner who forgets much faster than the defaults assume (initial stabilities a fifth of theirs).
const TRUE_W = [0.04, 0.25, 0.63, 3.1, 6.4, 0.83, 3.02, 0.0012, 1.87, 0.17, 0.8, 1.49, 0.06, 0.26, 1.65, 0.6, 1.87, 0.54, 0.09, 0.07, 0.15];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

/** `days` of daily reviews scheduled with the defaults, recalled as TRUE_W predicts. */
function learnerLog(days: number, newPerDay: number): LogEntry[] {
  const scheduler = createScheduler({ retention: 0.9 });
  const truth = createScheduler({ retention: 0.9, w: TRUE_W });
  const rand = random(7);
  const cards: { key: string; record?: CardRecord; real?: MemoryState }[] = [];
  const entries: LogEntry[] = [];
  let n = 0;
  for (let day = 0; day < days; day++) {
    const at0 = T0 + day * DAY;
    for (let i = 0; i < newPerDay; i++) cards.push({ key: `d/c${cards.length}` });
    let at = at0;
    for (const card of cards) {
      if (card.record && card.record.state.due > at0 + DAY / 2) continue;
      at += 20_000;
      const p = card.real ? truth.recall(card.real, at) : 0.6;
      const rating: Rating = rand() < p ? (rand() < 0.1 ? 4 : 3) : 1;
      const state = scheduler.next(card.record?.state, at, rating);
      card.real = truth.next(card.real, at, rating);
      card.record = { state, firstReview: card.record?.firstReview ?? at };
      entries.push({ v: 1, t: 'review', id: `r${n++}`, key: card.key, rating, at, ms: 1000, record: card.record });
    }
  }
  return entries;
}

async function workspaceWith(entries: LogEntry[], now: number): Promise<Workspace> {
  const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now });
  ws.progress.appendEntries(entries);
  return ws;
}

describe('optimize', () => {
  it('says how many more reviews a fit needs, and changes nothing', async () => {
    const ws = await workspaceWith(learnerLog(6, 10), T0 + 7 * DAY);
    const report = await optimize(ws, T0 + 7 * DAY);
    expect(report.outcome).toBe('too-few');
    expect(report.longTermReviews).toBeLessThan(MIN_FIT_REVIEWS);
    expect(report.message).toContain(`a fit needs ${MIN_FIT_REVIEWS}`);
    expect(report.health.map((h) => h.kind)).toContain('little-data');
    expect(ws.settings.get().fsrs).toBeNull();
    ws.close();
  });

  it('fits a learner whose memory is not the defaults\', adopts it, replays the cards, and --defaults goes back', async () => {
    const now = T0 + 80 * DAY;
    const ws = await workspaceWith(learnerLog(80, 25), now);
    const logged = new Map(ws.progress.progress.cards);
    const progress: number[] = [];
    const report = await optimize(ws, now, { onProgress: (done, total) => progress.push(done / total) });
    expect(report.outcome, report.message).toBe('adopted');
    expect(report.fitted!.logLoss).toBeLessThan(report.default!.logLoss);
    expect(report.message).toMatch(/Reviews due today: \d+ before, \d+ now\./);
    expect(progress.length).toBeGreaterThan(0);
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
    const now = T0 + 80 * DAY;
    const ws = await workspaceWith(learnerLog(80, 25), now);
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
});
