// The optimizer on simulated learners whose memory follows known parameters that are not the
// defaults (tests/helpers/simulated-learner.ts): a fit on each one's history predicts the held-out
// later reviews better than the defaults, in log loss and in RMSE; the health check finds the Hard
// misuse planted in one learner and in no other; and such a log is a data directory the app opens.
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/core/fsrs-params.js';
import { healthCheck, reviewHistories, trainingItems } from '../../src/core/review-history.js';
import { fitParameters } from '../../src/store/fsrs-optimizer.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { LEARNERS, simulateLearner, writeLearnerDir } from '../helpers/simulated-learner.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

/** A few thousand reviews: weeks of daily study, enough for the fit and for long gaps to show. */
const REVIEWS = 6000;

describe.each(LEARNERS.map((learner) => [learner.name, learner] as const))('a simulated learner: %s', (_name, learner) => {
  const log = simulateLearner(learner, { reviews: REVIEWS });
  const histories = reviewHistories(log.entries);

  it('gets parameters that predict its held-out reviews better than the defaults, in log loss and RMSE', async () => {
    const { train, test } = trainingItems(histories);
    expect(train.length).toBeGreaterThan(1000);
    const fit = await fitParameters(train, test);
    if (!fit.ok) throw new Error(`the fit failed: ${fit.reason}: ${fit.message}`);
    expect(fit.fitted.logLoss).toBeLessThan(fit.default.logLoss);
    expect(fit.fitted.rmse).toBeLessThan(fit.default.rmse);
    expect(fit.w).not.toEqual(defaultParameters());
  });

  it(learner.hardMisuse ? 'is found to press Hard on forgotten cards, and nothing else' : 'is found to rate well', () => {
    const kinds = healthCheck(histories).map((f) => f.kind);
    if (learner.hardMisuse) {
      expect(log.misusedHard).toBeGreaterThan(20);
      expect(kinds).toContain('hard-when-forgotten');
    } else {
      expect(kinds).not.toContain('hard-when-forgotten');
    }
    // Each learner rates honestly otherwise, and has plenty of data.
    expect(kinds.filter((k) => k !== 'hard-when-forgotten')).toEqual([]);
  });
});

describe('a simulated learner\'s data directory', () => {
  it('opens in the app with every review and card the log holds, none of them orphaned', async () => {
    const dir = tempDir();
    const now = Date.now();
    const log = writeLearnerDir(dir, LEARNERS[0]!, 1500, now);
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now });
    try {
      expect(ws.progress.progress.reviews).toBe(log.reviews);
      expect(ws.progress.progress.cards.size).toBe(log.cards);
      expect([...ws.orphans().keys()]).toEqual([]);
      // Nothing about the log, the records or the deck (a machine without python3 is told about that).
      expect(ws.notices.filter((n) => !/python3/.test(n))).toEqual([]);
      // The log ends before today, as one written by daily study would.
      const last = Math.max(...log.entries.map((e) => e.at));
      expect(last).toBeLessThan(now);
      expect(now - last).toBeLessThan(2 * 86_400_000);
      // The records are the app's own: replaying the log gives the states it holds.
      const scheduler = ws.scheduler();
      const held = ws.progress.progress.cards.get('sim/card-0')!;
      const undone = new Set(log.entries.filter((e) => e.t === 'undo').map((e) => e.id));
      const reviews = log.entries.filter((e) => e.t === 'review' && e.key === 'sim/card-0' && !undone.has(e.id));
      expect(reviews.length).toBeGreaterThan(1);
      let state;
      for (const e of reviews) if (e.t === 'review') state = scheduler.next(state, e.at, e.rating);
      expect(held.state).toEqual(state);
    } finally {
      ws.close();
    }
  });
});
