import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyCard, dateDiffInDays, fsrs, generatorParameters, Rating, State, type Card } from 'ts-fsrs';
import { createScheduler, toFsrs, type MemoryState, type Rating as AppRating } from '../../src/core/scheduler.js';
import { defaultParameters } from '../../src/core/fsrs-params.js';
import { introductions, outcomeDraw, retentionAdvice, runRetention, sampleCards, RETENTIONS, SAME_LOAD, type SimCard } from '../../src/core/retention-sim.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 17, 30, 0);

// Non-default parameters, inside ts-fsrs's bounds: a learner who forgets faster and recovers slower.
const OTHER_W = defaultParameters().map((x, i) => (i < 4 ? x * 0.6 : i === 20 ? 0.3 : x));

/** A seen card: a short history answered with the app's scheduler before NOW. */
function seenState(ratings: readonly AppRating[], gaps: readonly number[], w: readonly number[] | null): MemoryState {
  const scheduler = createScheduler({ retention: 0.9, w });
  let at = NOW - 40 * DAY;
  let state = scheduler.next(undefined, at, ratings[0] ?? 3);
  for (let i = 1; i < ratings.length; i++) {
    at = Math.min(NOW - 60_000, Math.max(at + 60_000, state.due + (gaps[i] ?? 0) * DAY));
    state = scheduler.next(state, at, ratings[i]!);
  }
  return state;
}


/**
 * The reference: ts-fsrs's own `next()` on Card objects, run forward a day at a time. Each day's
 * session is at NOW + d days; every card due before the next session is answered in it (again and
 * again while its learning steps keep it due), recalled with the probability ts-fsrs predicts, drawn
 * with the same (seed, card, answer) numbers.
 */
function reference(cards: readonly SimCard[], opts: { daysLeft: number; interviewAt: number; w: readonly number[] | null; retention: number; seed: number }) {
  const f = fsrs(generatorParameters({ request_retention: opts.retention, enable_fuzz: false, enable_short_term: true, ...(opts.w ? { w: [...opts.w] } : {}) }));
  const live: (Card | null)[] = cards.map((c) => (c.state ? toFsrs(c.state) : null));
  const answers = cards.map(() => 0);
  const reviews: number[] = [];
  for (let d = 0; d < opts.daysLeft; d++) {
    const at = new Date(NOW + d * DAY);
    const end = NOW + (d + 1) * DAY;
    cards.forEach((c, i) => {
      if (c.introDay === d) live[i] = createEmptyCard(at);
    });
    let count = 0;
    for (let busy = true; busy; ) {
      busy = false;
      live.forEach((card, i) => {
        if (!card || card.due.getTime() >= end) return;
        busy = true;
        const u = outcomeDraw(opts.seed, i, answers[i]!++);
        let grade = Rating.Good;
        if (card.state !== State.New) {
          count++;
          const r = f.forgetting_curve(dateDiffInDays(card.last_review!, at), card.stability);
          grade = u < r ? Rating.Good : Rating.Again;
        }
        live[i] = f.next(card, at, grade).card;
      });
    }
    reviews.push(count);
  }
  const recallSum = live.reduce((s, card) => s + (card ? (f.get_retrievability(card, new Date(opts.interviewAt), false) as number) : 0), 0);
  return { reviews, recallSum };
}

const ratingArb = fc.constantFrom<AppRating>(1, 2, 3, 3, 3, 4);
const historyArb = fc.record({ ratings: fc.array(ratingArb, { minLength: 1, maxLength: 6 }), gaps: fc.array(fc.integer({ min: -3, max: 10 }), { maxLength: 6 }) });

describe('retention simulator', () => {
  it("the simulator's workload matches ts-fsrs run forward day by day", () => {
    fc.assert(
      fc.property(
        fc.array(historyArb, { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(...RETENTIONS),
        fc.boolean(),
        fc.integer(),
        (histories, unseen, daysLeft, newPerDay, retention, fitted, seed) => {
          const w = fitted ? OTHER_W : null;
          const seen = histories.map((h) => seenState(h.ratings, h.gaps, w));
          const interviewAt = NOW + daysLeft * DAY + 3 * 3_600_000;
          const cards = sampleCards({ seen, unseen, newPerDay, daysLeft, now: NOW, interviewAt, w, maxCards: 10_000 });
          expect(cards.every((c) => c.weight === 1)).toBe(true);
          const sim = runRetention(cards, { now: NOW, interviewAt, daysLeft, w, retention, seed });
          const ref = reference(cards, { daysLeft, interviewAt, w, retention, seed });
          expect(sim.reviews).toEqual(ref.reviews);
          expect(sim.recallSum).toBeCloseTo(ref.recallSum, 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('introduces the unseen cards as the plan spreads them, the last day kept for review', () => {
    expect(introductions({ unseen: 50, newPerDay: 10, daysLeft: 7 })).toEqual([10, 10, 10, 10, 10, 0, 0]);
    expect(introductions({ unseen: 12, newPerDay: 5, firstSeenToday: 3, daysLeft: 4 })).toEqual([2, 5, 5, 0]);
    expect(introductions({ unseen: 12, newPerDay: 12, daysLeft: 1 })).toEqual([12]);
  });

  const inputArb = fc.record({
    histories: fc.array(historyArb, { maxLength: 30 }),
    unseen: fc.integer({ min: 0, max: 3000 }),
    daysLeft: fc.integer({ min: -2, max: 40 }),
    newPerDay: fc.integer({ min: 0, max: 200 }),
    maxCards: fc.integer({ min: 1, max: 200 }),
    fitted: fc.boolean(),
  });
  const inputOf = (v: { histories: { ratings: AppRating[]; gaps: number[] }[]; unseen: number; daysLeft: number; newPerDay: number; maxCards: number; fitted: boolean }) => {
    const w = v.fitted ? OTHER_W : null;
    return {
      seen: v.histories.map((h) => seenState(h.ratings, h.gaps, w)),
      unseen: v.unseen,
      newPerDay: v.newPerDay,
      daysLeft: v.daysLeft,
      now: NOW,
      interviewAt: NOW + Math.max(0, v.daysLeft) * DAY,
      w,
      maxCards: v.maxCards,
    };
  };

  it('rows come in retention order, figures are sane, the recommendation is one of the rows, and the same input gives the same advice', () => {
    fc.assert(
      fc.property(inputArb, (v) => {
        const input = inputOf(v);
        const advice = retentionAdvice(input);
        if (input.daysLeft <= 0 || input.seen.length + input.unseen === 0) {
          expect(advice).toBeNull();
          return;
        }
        expect(advice).not.toBeNull();
        const rows = advice!.rows;
        expect(rows.map((r) => r.retention)).toEqual([...RETENTIONS].sort((a, b) => a - b));
        for (const row of rows) {
          expect(row.reviewsPerDay).toBeGreaterThanOrEqual(0);
          expect(row.peakReviewsPerDay).toBeGreaterThanOrEqual(row.reviewsPerDay - 1e-9);
          expect(row.recallOnDay).toBeGreaterThanOrEqual(0);
          expect(row.recallOnDay).toBeLessThanOrEqual(1);
        }
        expect(rows.map((r) => r.retention)).toContain(advice!.recommended);
        const pick = rows.find((r) => r.retention === advice!.recommended)!;
        expect(advice!.reached).toBe(pick.recallOnDay >= advice!.target);
        if (advice!.reached) {
          // The lowest retention reaching the target whose load is within SAME_LOAD of the cheapest such row.
          const reaching = rows.filter((r) => r.recallOnDay >= advice!.target);
          const cheapest = Math.min(...reaching.map((r) => r.reviewsPerDay));
          for (const r of reaching) expect(pick.reviewsPerDay).toBeLessThanOrEqual(r.reviewsPerDay * (1 + SAME_LOAD) + 1e-9);
          for (const r of reaching) if (r.retention < pick.retention) expect(r.reviewsPerDay).toBeGreaterThan(cheapest * (1 + SAME_LOAD));
        } else {
          for (const r of rows) expect(pick.recallOnDay).toBeGreaterThanOrEqual(r.recallOnDay);
        }
        expect(advice!.simulated).toBeLessThanOrEqual(Math.max(v.maxCards, 2) + 1);
        expect(retentionAdvice(input)).toEqual(advice);
      }),
      { numRuns: 40 },
    );
  });

  it('a 10,000-card deck with 60 days left is simulated well under 150 ms', () => {
    const seen: MemoryState[] = [];
    const scheduler = createScheduler({ retention: 0.9 });
    for (let i = 0; i < 3000; i++) {
      const first = scheduler.next(undefined, NOW - (60 - (i % 50)) * DAY, (1 + (i % 4)) as AppRating);
      seen.push(scheduler.next(first, first.due + (i % 7) * DAY, 3));
    }
    const input = { seen, unseen: 7000, newPerDay: Math.ceil(7000 / 59), daysLeft: 60, now: NOW, interviewAt: NOW + 60 * DAY, w: null };
    retentionAdvice(input);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      retentionAdvice(input);
      times.push(performance.now() - start);
    }
    const best = Math.min(...times);
    console.log(`retention advice, 10,000 cards, 60 days: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    expect(best).toBeLessThan(150);
  });
});
