// Which desired retention the days left allow: the days from today to the interview simulated at
// each of a few retentions (0.80 to 0.97), each giving the reviews a day it costs and the recall it
// leaves on the day, and the cheapest one that reaches the target recommended.
//
// Day-level: one study session a day, at today's time of day (day d at now + d days), every card due
// before the next session answered in it, learning steps (minutes) taken in the same session. Each
// answer's outcome is drawn: recalled (Good) with the probability FSRS predicts at that moment, else
// forgotten (Again); a new card's first answer is Good, as the day plan assumes. The draws come from
// a counter-based PRNG keyed by (seed, card, answer number), so every retention sees the same luck
// for the same card (differences between rows are the retention's, not noise), and the output is
// the same for the same input.
//
// Driven by ts-fsrs's own algorithm functions (next_state, next_interval, forgetting_curve and its
// learning-steps strategy) rather than `FSRS.next()` on Card objects: `.next()` builds Dates, copies
// cards and previews four ratings on every answer, some ten times the cost, and this runs up to
// ~100,000 answers per computation. The state machine around them (learning steps, the Hard/Good
// interval ordering, relearning after a lapse) is BasicScheduler's, and
// tests/core/retention-sim.test.ts holds the per-day counts to `.next()` run forward day by day.
// Pure: the clock and the PRNG seed come in as arguments.
import { BasicLearningStepsStrategy, computeDecayFactor, dateDiffInDays, fsrs, generatorParameters, roundTo, S_MIN, State, type FSRS, type Grade } from 'ts-fsrs';
import type { MemoryState } from './scheduler.js';

/** The desired retentions simulated. */
export const RETENTIONS: readonly number[] = [0.8, 0.83, 0.85, 0.87, 0.9, 0.93, 0.95, 0.97];

/**
 * The recall on the interview day the advice aims at: mean predicted recall over every card of the
 * plan's decks, unseen ones counting as 0, as Readiness's "recall on the day" reads. core/readiness
 * has no "ready" threshold of its own (its targetRetention is the desired retention itself, which
 * is what is being chosen here), so the target is 0.90: nine cards in ten recalled on the day.
 */
export const TARGET_RECALL = 0.9;

/**
 * Cards simulated at most (seen and new together, sampled evenly and weighted back up): ~12 ms warm
 * and ~30-50 ms in a fresh `stats --json` on a 10,000-card deck with 60 days left. Against 4,000
 * cards simulated, 400 moved recall on the day by under half a point and reviews a day by about
 * the seed's own noise (±5%), and recommended the same retention.
 */
export const MAX_SIMULATED_CARDS = 400;

/** The seed the app uses: any fixed number would do, the point is the same answer every time. */
export const DEFAULT_SEED = 0x19f5;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSimInput {
  /** The plan's seen cards' states (from the records). */
  seen: readonly MemoryState[];
  /** The plan's cards not seen yet. */
  unseen: number;
  /** New cards a day the plan introduces (DailyPlan.newPerDay). */
  newPerDay: number;
  /** Of those, already seen today (the plan counts them in today's share). */
  firstSeenToday?: number | undefined;
  /** Study days from today up to the day before the interview (DailyPlan.daysLeft). */
  daysLeft: number;
  now: number;
  /** The moment recall is predicted for (parseInterviewDate's noon of the day). */
  interviewAt: number;
  /** FSRS parameters; null: ts-fsrs's defaults. */
  w: readonly number[] | null;
  seed?: number | undefined;
  retentions?: readonly number[] | undefined;
  target?: number | undefined;
  maxCards?: number | undefined;
}

export interface RetentionRow {
  retention: number;
  /** Mean answers a day over the days left, new cards' first showing not counted (the plan says those apart). */
  reviewsPerDay: number;
  /** The busiest day's. */
  peakReviewsPerDay: number;
  /** Mean predicted recall on the interview day over every card, unseen ones as 0. */
  recallOnDay: number;
}

export interface RetentionAdvice {
  /** The retention that reaches the target with the fewest reviews a day (the lowest within SAME_LOAD of them); else the one with the highest recall. */
  recommended: number;
  target: number;
  /** Whether the recommended row reaches the target. */
  reached: boolean;
  daysLeft: number;
  /** Cards the recall is a mean over, and how many of them were simulated (the rest weighted in). */
  cards: number;
  simulated: number;
  rows: RetentionRow[];
}

/** One simulated card: its state now (null: new), the day it is introduced (new ones), its weight. */
export interface SimCard {
  state: MemoryState | null;
  introDay: number;
  weight: number;
}

export interface SimRun {
  /** Weighted answers per day (new cards' first showing not counted), day 0 first. */
  reviews: number[];
  /** Weighted new cards shown per day. */
  shown: number[];
  /** Weighted sum of each card's predicted recall at the interview (new cards never shown: 0). */
  recallSum: number;
}

/** A uniform draw in [0, 1) for a card's n-th answer: a hash, so any order of answers gets the same draws. */
export function outcomeDraw(seed: number, card: number, n: number): number {
  let h = (seed ^ Math.imul(card + 1, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  h ^= h >>> 15;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** New cards introduced on each study day: the plan's share a day, today's less what was seen today, none on the last day before the interview. */
export function introductions(input: Pick<RetentionSimInput, 'unseen' | 'newPerDay' | 'firstSeenToday' | 'daysLeft'>): number[] {
  const days = new Array<number>(Math.max(0, input.daysLeft)).fill(0);
  const introDays = Math.min(days.length, Math.max(1, input.daysLeft - 1));
  let left = input.unseen;
  for (let d = 0; d < introDays && left > 0; d++) {
    const share = d === 0 ? Math.max(0, input.newPerDay - (input.firstSeenToday ?? 0)) : input.newPerDay;
    days[d] = Math.min(share, left);
    left -= days[d]!;
  }
  return days;
}

/**
 * The cards to simulate: at most `maxCards`, seen ones at evenly spaced places of the list and new
 * ones spread over the days as the plan introduces them, each weighted by how many it stands for.
 */
export function sampleCards(input: RetentionSimInput): SimCard[] {
  const perDay = introductions(input);
  const introduced = perDay.reduce((a, b) => a + b, 0);
  const total = input.seen.length + introduced;
  const share = Math.min(1, (input.maxCards ?? MAX_SIMULATED_CARDS) / Math.max(1, total));
  const cards: SimCard[] = [];
  const seenCount = input.seen.length === 0 ? 0 : Math.max(1, Math.round(input.seen.length * share));
  for (let i = 0; i < seenCount; i++) {
    cards.push({ state: input.seen[Math.floor(((i + 0.5) * input.seen.length) / seenCount)]!, introDay: -1, weight: input.seen.length / seenCount });
  }
  const newCount = introduced === 0 ? 0 : Math.max(1, Math.round(introduced * share));
  let cumulative = 0;
  let taken = 0;
  perDay.forEach((n, day) => {
    cumulative += n;
    const upTo = Math.round((cumulative * newCount) / introduced);
    for (; taken < upTo; taken++) cards.push({ state: null, introDay: day, weight: introduced / newCount });
  });
  return cards;
}

const PHASE_STATE: Record<MemoryState['phase'], State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

interface StepOutcome {
  minutes: number;
  nextStep: number;
}

/** BasicScheduler.applyLearningSteps's reading of the steps strategy, memoised per state, step and grade. */
function stepsOf(engine: FSRS): (state: State, step: number, grade: Grade) => StepOutcome {
  const memo = new Map<number, StepOutcome>();
  return (state, step, grade) => {
    const key = (step * 8 + state) * 8 + grade;
    let hit = memo.get(key);
    if (!hit) {
      const info = BasicLearningStepsStrategy(engine.parameters, state, step)[grade];
      hit = { minutes: Math.max(0, info?.scheduled_minutes ?? 0), nextStep: Math.max(0, info?.next_step ?? 0) };
      memo.set(key, hit);
    }
    return hit;
  };
}

export interface RunOptions {
  now: number;
  interviewAt: number;
  daysLeft: number;
  w: readonly number[] | null;
  retention: number;
  seed: number;
}

/** One retention's run over the days left: the weighted answers a day and recall on the day. */
export function runRetention(cards: readonly SimCard[], options: RunOptions): SimRun {
  const { now, daysLeft, seed } = options;
  const engine = fsrs(generatorParameters({ request_retention: options.retention, enable_fuzz: false, enable_short_term: true, ...(options.w ? { w: [...options.w] } : {}) }));
  const steps = stepsOf(engine);
  const n = cards.length;
  const stability = new Float64Array(n);
  const difficulty = new Float64Array(n);
  const state = new Uint8Array(n);
  const step = new Int32Array(n);
  /** Day of the last answer, as ts-fsrs counts whole days (UTC dates) back from today's session. */
  const lastDay = new Float64Array(n);
  const lastAt = new Float64Array(n);
  const answers = new Int32Array(n);
  const buckets: number[][] = Array.from({ length: daysLeft }, () => []);
  const reviews = new Array<number>(daysLeft).fill(0);
  const shown = new Array<number>(daysLeft).fill(0);
  const today = new Date(now);

  cards.forEach((card, i) => {
    const s = card.state;
    if (s === null || s.phase === 'new' || s.lastReview === null || !(s.stability >= S_MIN) || !(s.difficulty >= 1)) {
      state[i] = State.New;
      lastAt[i] = NaN;
      if (card.introDay >= 0 && card.introDay < daysLeft) buckets[card.introDay]!.push(i);
      else if (s !== null && daysLeft > 0) buckets[0]!.push(i);
      return;
    }
    stability[i] = s.stability;
    difficulty[i] = s.difficulty;
    state[i] = PHASE_STATE[s.phase];
    step[i] = s.learningSteps;
    lastDay[i] = -dateDiffInDays(new Date(s.lastReview), today);
    lastAt[i] = s.lastReview;
    const due = Math.max(0, Math.floor((s.due - now) / DAY_MS));
    if (due < daysLeft) buckets[due]!.push(i);
  });

  for (let d = 0; d < daysLeft; d++) {
    const queue = buckets[d]!;
    // Learning steps bring a card back into the same session: it is pushed on this same queue.
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q]!;
      const weight = cards[i]!.weight;
      const u = outcomeDraw(seed, i, answers[i]!++);
      const was = state[i]! as State;
      let dueDay: number;
      if (was === State.New) {
        shown[d]! += weight;
        const first = engine.next_state(null, 0, 3);
        stability[i] = first.stability;
        difficulty[i] = first.difficulty;
        dueDay = d + applySteps(i, State.Learning, 3, 0);
      } else {
        reviews[d]! += weight;
        const t = d - lastDay[i]!;
        const r = engine.forgetting_curve(t, stability[i]!);
        const grade: Grade = u < r ? 3 : 1;
        const memory = { difficulty: difficulty[i]!, stability: stability[i]! };
        if (was === State.Review) {
          if (grade === 1) {
            const next = engine.next_state(memory, t, 1, r);
            stability[i] = next.stability;
            difficulty[i] = next.difficulty;
            dueDay = d + applySteps(i, State.Relearning, 1, t);
          } else {
            // BasicScheduler.next_interval: Good is at least a day past Hard.
            const hard = engine.next_state(memory, t, 2, r);
            const good = engine.next_state(memory, t, 3, r);
            const hardInterval = Math.min(engine.next_interval(hard.stability, t), engine.next_interval(good.stability, t));
            const interval = Math.max(engine.next_interval(good.stability, t), hardInterval + 1);
            stability[i] = good.stability;
            difficulty[i] = good.difficulty;
            state[i] = State.Review;
            step[i] = 0;
            dueDay = d + interval;
          }
        } else {
          const next = engine.next_state(memory, t, grade);
          stability[i] = next.stability;
          difficulty[i] = next.difficulty;
          dueDay = d + applySteps(i, was, grade, t);
        }
      }
      lastDay[i] = d;
      lastAt[i] = now + d * DAY_MS;
      if (dueDay === d) queue.push(i);
      else if (dueDay < daysLeft) buckets[dueDay]!.push(i);
    }
    buckets[d] = [];
  }

  /** BasicScheduler.applyLearningSteps: sets the card's phase and step, returns the days to its next answer. */
  function applySteps(i: number, toState: State, grade: Grade, elapsed: number): number {
    const { minutes, nextStep } = steps(state[i]! as State, step[i]!, grade);
    if (minutes > 0 && minutes < 1440) {
      step[i] = nextStep;
      state[i] = toState;
      return 0;
    }
    state[i] = State.Review;
    if (minutes >= 1440) {
      step[i] = nextStep;
      return Math.floor(Math.round(minutes) / 1440);
    }
    step[i] = 0;
    return engine.next_interval(stability[i]!, elapsed);
  }

  // Recall on the day as the scheduler predicts it (Scheduler.recallFrom: whole days elapsed,
  // stability to 8 places), so a card nothing happens to reads as Readiness reads it.
  const { decay, factor } = computeDecayFactor(engine.parameters.w);
  let recallSum = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] === State.New || Number.isNaN(lastAt[i]!)) continue;
    const days = Math.max(Math.floor((options.interviewAt - lastAt[i]!) / DAY_MS), 0);
    recallSum += cards[i]!.weight * roundTo(Math.pow(1 + (factor * days) / +stability[i]!.toFixed(8), decay), 8);
  }
  return { reviews, shown, recallSum };
}

const round = (x: number, per: number): number => Math.round(x * per) / per;

/**
 * Reviews a day within this share of the cheapest row's are taken as the same load: the draws move
 * a row's load by about that much (five seeds on a flat stretch put the cheapest at 0.80, 0.83 or
 * 0.90 in turn). Among rows that close, the lowest retention is advised: it is the cheaper one in
 * expectation wherever the rows are not flat, and the same answer on every run where they are.
 */
export const SAME_LOAD = 0.05;

/** The rows for every retention and the one to recommend; null when there are no days left to study or no cards. */
export function retentionAdvice(input: RetentionSimInput): RetentionAdvice | null {
  const daysLeft = Math.floor(input.daysLeft);
  const cardCount = input.seen.length + input.unseen;
  if (daysLeft <= 0 || cardCount === 0) return null;
  const cards = sampleCards({ ...input, daysLeft });
  const target = input.target ?? TARGET_RECALL;
  const retentions = [...(input.retentions ?? RETENTIONS)].sort((a, b) => a - b);
  const rows = retentions.map((retention): RetentionRow => {
    const run = runRetention(cards, { now: input.now, interviewAt: input.interviewAt, daysLeft, w: input.w, retention, seed: input.seed ?? DEFAULT_SEED });
    // Rounded here, to what is shown and kept, so the choice below is made on the figures as read.
    return {
      retention,
      reviewsPerDay: round(run.reviews.reduce((a, b) => a + b, 0) / daysLeft, 10),
      peakReviewsPerDay: Math.round(Math.max(0, ...run.reviews)),
      recallOnDay: round(Math.min(1, run.recallSum / cardCount), 10_000),
    };
  });
  const reaching = rows.filter((r) => r.recallOnDay >= target);
  const cheapest = Math.min(...reaching.map((r) => r.reviewsPerDay));
  const pick = reaching.length > 0
    ? reaching.find((r) => r.reviewsPerDay <= cheapest * (1 + SAME_LOAD))!
    : rows.reduce((best, r) => (r.recallOnDay > best.recallOnDay ? r : best));
  return { recommended: pick.retention, target, reached: reaching.length > 0, daysLeft, cards: cardCount, simulated: cards.length, rows };
}
