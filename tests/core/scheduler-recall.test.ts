// The scheduler's recall skips ts-fsrs's Date conversions for speed: it must give exactly what
// get_retrievability gives, for any card and moment.
import fc from 'fast-check';
import { fsrs, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createScheduler, toFixed8, type MemoryState, type Rating } from '../../src/core/scheduler.js';

const T0 = Date.UTC(2026, 0, 1, 9);

describe('recall', () => {
  it('equals ts-fsrs get_retrievability bit for bit', () => {
    fc.assert(
      fc.property(fc.constantFrom(0.8, 0.9, 0.95), fc.array(fc.tuple(fc.constantFrom<Rating>(1, 2, 3, 4), fc.integer({ min: 0, max: 40 * 86_400_000 })), { minLength: 1, maxLength: 8 }), fc.integer({ min: -86_400_000, max: 400 * 86_400_000 }), (retention, ratings, later) => {
        const scheduler = createScheduler({ retention });
        const engine = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false, enable_short_term: true }));
        let state: MemoryState | undefined;
        let at = T0;
        for (const [rating, gap] of ratings) {
          at += gap;
          state = scheduler.next(state, at, rating);
        }
        const when = at + later;
        const card = { due: new Date(state!.due), stability: state!.stability, difficulty: state!.difficulty, elapsed_days: 0, scheduled_days: state!.scheduledDays, learning_steps: state!.learningSteps, reps: state!.reps, lapses: state!.lapses, state: ['new', 'learning', 'review', 'relearning'].indexOf(state!.phase), last_review: new Date(state!.lastReview!) };
        expect(scheduler.recall(state!, when)).toBe(engine.get_retrievability(card, new Date(when), false));
      }),
      { numRuns: 300 },
    );
  });
});

describe('toFixed8', () => {
  it('equals +x.toFixed(8) bit for bit, near halves and at the edges too', () => {
    const near = fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom(0.5, 0.4999, 0.5001, 0.49999999, 0.50000001, 0.499, 0.501)).map(([n, f]) => (n + f) / 1e8);
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 40_000, noNaN: true }), fc.double({ noNaN: false }), near), (x) => {
        expect(Object.is(toFixed8(x), +x.toFixed(8))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const x of [0, -0, 1e-9, 5e-9, 4.999999999e-9, 1e300, -3.5, Infinity, -Infinity, NaN, 2 ** 40 / 1e8, 0.123456785]) expect(Object.is(toFixed8(x), +x.toFixed(8))).toBe(true);
  });
});
