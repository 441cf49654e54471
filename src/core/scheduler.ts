// Spaced repetition through ts-fsrs (FSRS-6). This module only adapts between ts-fsrs's Card and
// the plain JSON shape we store; every scheduling decision is ts-fsrs's.
import { computeDecayFactor, createEmptyCard, default_w, fsrs, generatorParameters, roundTo, Rating as FsrsRating, State, type Card as FsrsCard, type FSRS } from 'ts-fsrs';

export type Rating = 1 | 2 | 3 | 4;
export const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export type Phase = 'new' | 'learning' | 'review' | 'relearning';
const PHASES: Phase[] = ['new', 'learning', 'review', 'relearning'];

/** A card's memory state as stored: times in epoch milliseconds. */
export interface MemoryState {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  phase: Phase;
  lastReview: number | null;
}

/** Whether two states are the same memory (the same object, or equal in every field). */
export function sameState(a: MemoryState, b: MemoryState): boolean {
  return (
    a === b ||
    (a.due === b.due &&
      a.stability === b.stability &&
      a.difficulty === b.difficulty &&
      a.lastReview === b.lastReview &&
      a.phase === b.phase &&
      a.scheduledDays === b.scheduledDays &&
      a.learningSteps === b.learningSteps &&
      a.reps === b.reps &&
      a.lapses === b.lapses)
  );
}

export interface SchedulerOptions {
  /** Desired retention, 0.7 to 0.99. */
  retention: number;
  /** FSRS parameters fitted to the user (core/fsrs-params); absent or null: ts-fsrs's defaults. */
  w?: readonly number[] | null | undefined;
}

export interface Scheduler {
  /** The state after rating a card (undefined state: a new card) at `now`. */
  next(state: MemoryState | undefined, now: number, rating: Rating): MemoryState;
  /** Predicted probability of recall at `at` (0 for a card never reviewed). */
  recall(state: MemoryState, at: number): number;
  /**
   * recall from the only fields it reads, a state's phase, last review and stability: Readiness
   * reads some 30,000 states from the figures' columns at its first open, and a state whose three
   * fields are another's has its recall, without working it out again.
   */
  recallFrom(phase: Phase, lastReview: number | null, stability: number, at: number): number;
  /** The forgetting curve's decay parameter (w[20]): with a state's stability, all its recall depends on. */
  readonly decay: number;
  /** When each rating would next show the card, for the rating buttons. */
  preview(state: MemoryState | undefined, now: number): Record<Rating, number>;
}

/** A stored state as ts-fsrs's Card (for tests that run ts-fsrs itself beside the scheduler). */
export function toFsrs(state: MemoryState): FsrsCard {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: PHASES.indexOf(state.phase) as State,
    ...(state.lastReview === null ? {} : { last_review: new Date(state.lastReview) }),
  };
}

function fromFsrs(card: FsrsCard): MemoryState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    phase: PHASES[card.state] ?? 'new',
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

const TO_FSRS_RATING: Record<Rating, FsrsRating.Again | FsrsRating.Hard | FsrsRating.Good | FsrsRating.Easy> = {
  1: FsrsRating.Again,
  2: FsrsRating.Hard,
  3: FsrsRating.Good,
  4: FsrsRating.Easy,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `+x.toFixed(8)`, as ts-fsrs rounds stability before the forgetting curve, without a string:
 * readiness asks it for every card several times. toFixed takes the integer nearest to x * 1e8,
 * exactly; the product in floating point is off by under 2^-13 while it is below 2^40, so away
 * from a half it rounds to the same integer, and that integer over 1e8 is the double the string
 * reads back as. Near a half, or for a huge, zero or negative x, toFixed itself decides.
 */
export function toFixed8(x: number): number {
  const p = x * 1e8;
  if (p > 0 && p < 2 ** 40) {
    const frac = p - Math.floor(p);
    if (Math.abs(frac - 0.5) > 1e-3) return Math.round(p) / 1e8;
  }
  return +x.toFixed(8);
}

/** The forgetting curve's decay at ts-fsrs's default parameters. */
export const DEFAULT_DECAY = default_w[20]!;

/**
 * Scheduler.recallFrom for the parameters whose decay (w[20]) is `decay`: the readiness figures
 * (core/history-figures) predict each past review's recall with it, without a scheduler.
 */
export function recallCurve(decay: number): Scheduler['recallFrom'] {
  // ts-fsrs's forgetting curve works its decay factor out again on every call; it depends only on the parameters.
  const { decay: exponent, factor } = computeDecayFactor(decay);
  return (phase, lastReview, stability, at) => {
    if (phase === 'new' || lastReview === null) return 0;
    // get_retrievability's own arithmetic (whole days elapsed, stability to 8 places, its
    // forgetting curve) without its conversion of the card to Dates: readiness asks this for
    // every card on 14 days. tests/core/scheduler-recall.test.ts holds it to the same result.
    const days = Math.max(Math.floor((at - lastReview) / DAY_MS), 0);
    return roundTo(Math.pow(1 + (factor * days) / toFixed8(stability), exponent), 8);
  };
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  // Fuzz off: the same history always yields the same schedule, so a rebuilt snapshot matches.
  const engine: FSRS = fsrs(generatorParameters({ request_retention: options.retention, enable_fuzz: false, enable_short_term: true, ...(options.w ? { w: [...options.w] } : {}) }));
  const start = (state: MemoryState | undefined, now: number): FsrsCard => (state ? toFsrs(state) : createEmptyCard(new Date(now)));
  const decay = engine.parameters.w[20]!;
  const recallFrom = recallCurve(decay);
  return {
    next(state, now, rating) {
      return fromFsrs(engine.next(start(state, now), new Date(now), TO_FSRS_RATING[rating]).card);
    },
    recall(state, at) {
      return recallFrom(state.phase, state.lastReview, state.stability, at);
    },
    recallFrom,
    decay,
    preview(state, now) {
      const card = start(state, now);
      const out = {} as Record<Rating, number>;
      for (const rating of [1, 2, 3, 4] as Rating[]) {
        out[rating] = engine.next(card, new Date(now), TO_FSRS_RATING[rating]).card.due.getTime();
      }
      return out;
    },
  };
}

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** "10m", "3h", "4d", "2mo": how far `due` is from `now`, for rating buttons. */
export function formatInterval(now: number, due: number): string {
  const minutes = Math.max(1, Math.round((due - now) / 60000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days}d`;
  const months = Math.round(days / 30);
  if (months < 12) return `${months}mo`;
  return `${(days / 365).toFixed(1)}y`;
}
