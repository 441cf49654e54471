// The scheduler's recall skips ts-fsrs's Date conversions for speed: it must give exactly what
// get_retrievability gives, for any card and moment.
import fc from 'fast-check';
import { fsrs, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createScheduler, type MemoryState, type Rating } from '../../src/core/scheduler.js';

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
