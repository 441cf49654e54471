// How ready the user is for the interview, said honestly: every recall figure is FSRS's own
// prediction for the interview day (or for now, without a date), cards never seen count as not
// known, and the daily plan's review estimate comes from running the scheduler itself forward.
// Pure: the clock readings, the records and the log all come in as arguments.
import { AREAS, type Area, type Deck } from './deck.js';
import { daysUntil, formatDate, startOfDay } from './day.js';
import type { CardRecord, LogEntry } from './progress.js';
import { buildFigures, coversTrend, type HistoryFigures } from './history-figures.js';
import type { MemoryState, Scheduler } from './scheduler.js';
import { deckWeight, type Track } from './tracks.js';
import { byText, mean, RecallLayout, type FigureScope } from './recall-layout.js';
import { deckFacts } from './deck-facts.js';
import { FORECAST_DAYS, readCards, replayTrend } from './card-pass.js';
import { columnsOf } from './figures-columns.js';
import { FigureRows } from './figure-rows.js';

export const TREND_DAYS = 14;
export const HEATMAP_DAYS = 16 * 7;
/** Design scores average over this many of the latest attempts: recent form, not the first tries. */
export const RECENT_ATTEMPTS = 10;

/** What readiness needs of a finished design attempt (the store's Attempt has more). */
export interface AttemptLike {
  key: string;
  finishedAt: number;
  scores: readonly { dimension: string; score: number }[];
}

export interface ReadinessInput {
  decks: readonly Deck[];
  records: ReadonlyMap<string, CardRecord>;
  /**
   * What the figures need of the review log, kept up to date as it grows (store/figures-store);
   * used when it covers the trend window for `now`, else the figures are built from `entries`.
   */
  history?: HistoryFigures | undefined;
  /** The whole review log in log order, undo entries included (or how to read it): needed without a usable `history`. */
  entries?: readonly LogEntry[] | (() => readonly LogEntry[]) | undefined;
  attempts: readonly AttemptLike[];
  scheduler: Scheduler;
  now: number;
  /** The moment to predict for (parseInterviewDate: local noon of the day); null without a date. */
  interviewAt: number | null;
  /** Desired retention: cards predicted below it on the day are worth reviewing ahead. */
  targetRetention: number;
  /** The new-cards-per-day setting, reported beside what the plan needs. */
  newPerDay: number;
  /** Orders decks as the track weighs them (culture first, then its heaviest skills). */
  track?: Track | undefined;
  /** Cram answers that stand (practice never reaches the log), for calibration. */
  practice?: readonly MarkedAnswer[] | undefined;
  /** The day's plan as worked out already (core/day-plan); without it, one over all the decks given. */
  plan?: DailyPlan | null | undefined;
}

/** A group of cards on one subject within a deck: a tag, else the walkthrough section, else the deck. */
export interface Topic {
  name: string;
  deckId: string;
  deckTitle: string;
  /** Quiz cards in the group, and how many of them have been seen. */
  cards: number;
  seen: number;
  /** Mean predicted recall of the group's seen cards at the predicted moment. */
  recall: number;
  /** The seen cards, weakest first: what to study to lift this topic. */
  keys: string[];
}

export interface RecallFigures {
  /** Quiz cards (design prompts are in `design`). */
  cards: number;
  seen: number;
  /** seen / cards (0 when there are no cards). */
  coverage: number;
  /** Mean predicted recall over every card, an unseen card counting as 0: what the day would hold. */
  recallAllCards: number;
  /** Mean predicted recall over the seen cards only; null when none is seen. */
  recallSeenCards: number | null;
  /** recallAllCards as the records stood at the end of each of the last TREND_DAYS days, oldest first (today last). */
  trend: number[];
  weakest: Topic[];
}

export interface AreaReadiness extends RecallFigures {
  /** A deck area, or "exercises": the SQL and code exercises of every deck, a figure of their own. */
  area: Area | 'exercises';
}

export interface DeckReadiness extends RecallFigures {
  deckId: string;
  title: string;
  area: Area;
  skill: string | null;
}

export interface DimensionScore {
  dimension: string;
  /** Mean rubric score, 1 to 4. */
  mean: number;
  n: number;
}

export interface DesignReadiness {
  /** Design prompts in the decks, and how many have at least one finished attempt. */
  prompts: number;
  attempted: number;
  /** Attempts the scores average over: the latest RECENT_ATTEMPTS at most. */
  recentAttempts: number;
  /** Mean of every rubric score in those attempts; null without attempts. */
  meanScore: number | null;
  /** Per rubric dimension name, weakest first. */
  dimensions: DimensionScore[];
}

export interface ConfidenceFigures {
  n: number;
  right: number;
  /** right / n; null when n is 0. */
  rate: number | null;
}

export interface Calibration {
  sure: ConfidenceFigures;
  guess: ConfidenceFigures;
  /** Key points ticked on typed open answers, and how many of those the answer's words did not back. */
  ticks: { ticked: number; unevidenced: number };
}

export interface Heatmap {
  /** Local start of the first day. */
  start: number;
  /** Reviews per local day, HEATMAP_DAYS of them, oldest first (today last). */
  days: number[];
  total: number;
}

export interface Forecast {
  /** Local start of today. */
  start: number;
  /** Quiz cards due per day for FORECAST_DAYS days from today; overdue cards count today. */
  days: number[];
}

export interface AreaRetention {
  area: Area;
  /** Reviews of cards that were in the review phase (not new, not in learning steps). */
  reviews: number;
  /** Of those, rated Hard or better. */
  passed: number;
  /** passed / reviews; null when there are none. */
  rate: number | null;
}

export interface DailyPlan {
  interviewAt: number;
  /** ahead: days to go; today: it is the interview day; past: the date has gone by. */
  status: 'ahead' | 'today' | 'past';
  /** Study days from today up to the day before the interview (0 on the day and after it). */
  daysLeft: number;
  /** The coverage goal: every quiz card of the decks seen once. */
  cards: number;
  unseen: number;
  /** New cards a day to see them all, the last day before the interview kept for review. */
  newPerDay: number;
  /** The user's new-cards-per-day setting; the plan may need more. */
  newPerDayLimit: number;
  /** Reviews a day the plan brings on (an estimate, see dailyPlan). */
  reviewsPerDay: number;
  reviewsTotal: number;
  /** Seen cards predicted below the target retention on the day and not due before it, weakest first. */
  pullForward: string[];
}

export interface Readiness {
  now: number;
  interviewAt: number | null;
  /** What recall is predicted for: the interview (interviewAt), or today (now) without a date or after it. */
  predictedFor: 'interview' | 'today';
  predictedAt: number;
  targetRetention: number;
  /** Local starts of the trend's days, oldest first. */
  trendDays: number[];
  overall: RecallFigures;
  areas: AreaReadiness[];
  decks: DeckReadiness[];
  design: DesignReadiness;
  calibration: Calibration;
  heatmap: Heatmap;
  forecast: Forecast;
  retention: AreaRetention[];
  plan: DailyPlan | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Local midnight `n` days after the day of `dayStart`; calendar arithmetic, so DST days are 23 or 25 hours. */
function addDays(dayStart: number, n: number): number {
  const d = new Date(dayStart);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n).getTime();
}

// The Readiness screen still imports the date format under its old name.
export { formatDate as localDate } from './day.js';

function orderDecks(decks: readonly Deck[], track: Track | undefined): Deck[] {
  const rank = (d: Deck) => (d.area === 'culture' ? 0 : d.area === 'skills' ? 1 : d.area === 'custom' ? 2 : 3);
  return decks
    .map((deck, order) => ({ deck, order }))
    .sort((a, b) => rank(a.deck) - rank(b.deck) || (a.deck.area === 'skills' ? deckWeight(track, b.deck.id) - deckWeight(track, a.deck.id) : 0) || a.order - b.order)
    .map((d) => d.deck);
}


/** An answer marked sure or guess before it was given: from a review, or from cram practice. */
export interface MarkedAnswer {
  confidence?: 'sure' | 'guess' | undefined;
  correct?: boolean | undefined;
}

/** The log's tallies for one mark, and the practice answers with it. */
function confidence(logged: { n: number; right: number }, practice: readonly MarkedAnswer[], which: 'sure' | 'guess'): ConfidenceFigures {
  const mine = practice.filter((e) => e.confidence === which && typeof e.correct === 'boolean');
  const n = logged.n + mine.length;
  const right = logged.right + mine.filter((e) => e.correct).length;
  return { n, right, rate: n > 0 ? right / n : null };
}

function designFigures(decks: readonly Deck[], attempts: readonly AttemptLike[]): DesignReadiness {
  const prompts = new Set(decks.flatMap((deck) => deckFacts(deck).designKeys));
  const mine = attempts.filter((a) => prompts.has(a.key));
  const recent = mine.slice().sort((a, b) => a.finishedAt - b.finishedAt).slice(-RECENT_ATTEMPTS);
  const byDimension = new Map<string, { sum: number; n: number }>();
  let sum = 0;
  let n = 0;
  for (const attempt of recent) {
    for (const { dimension, score } of attempt.scores) {
      const d = byDimension.get(dimension) ?? { sum: 0, n: 0 };
      d.sum += score;
      d.n++;
      byDimension.set(dimension, d);
      sum += score;
      n++;
    }
  }
  return {
    prompts: prompts.size,
    attempted: new Set(mine.map((a) => a.key)).size,
    recentAttempts: recent.length,
    meanScore: n > 0 ? sum / n : null,
    dimensions: [...byDimension.entries()]
      .map(([dimension, d]) => ({ dimension, mean: d.sum / d.n, n: d.n }))
      .sort((a, b) => a.mean - b.mean || b.n - a.n || byText(a.dimension, b.dimension)),
  };
}

/** Reviews a card brings on before `until` if every one is rated Good, starting from `state`. */
function goodReviewsBefore(scheduler: Scheduler, state: MemoryState, from: number, until: number): number {
  let count = 0;
  let t = Math.max(state.due, from);
  // The cap only guards against a scheduler that stops moving forward; FSRS never needs near it.
  while (t < until && count < 500) {
    count++;
    state = scheduler.next(state, t, 3);
    if (state.due <= t) break;
    t = state.due;
  }
  return count;
}

export interface PlanInput {
  cards: number;
  /** Seen quiz cards' current states. */
  seen: readonly { key: string; state: MemoryState }[];
  scheduler: Scheduler;
  now: number;
  interviewAt: number;
  targetRetention: number;
  newPerDay: number;
  /**
   * Of the seen cards, how many were first seen today. The day's new-card figure is planned as of
   * the start of the day, so learning today's cards does not move today's target under the user.
   */
  firstSeenToday?: number | undefined;
}

/**
 * What it takes to see every card by the interview, and the reviews that brings on.
 *
 * New cards: the unseen ones spread evenly over the study days but the last (that one is kept for
 * review): ceil(unseen / max(1, daysLeft - 1)) a day. On the interview day itself, and after it,
 * no new cards are planned.
 *
 * Reviews: the scheduler run forward, every answer assumed Good. Each seen card from its due date
 * (today if overdue) until the interview; and one new card introduced on each planned day, its
 * follow-ups counted as many times as cards come in that day. The total is spread over the days
 * left. Forgotten cards would add more, so this is a floor, not a ceiling.
 */
export function dailyPlan(input: PlanInput): DailyPlan {
  const { scheduler, now, interviewAt } = input;
  const daysLeft = daysUntil(now, interviewAt);
  const status = startOfDay(interviewAt) < startOfDay(now) ? 'past' : daysLeft === 0 ? 'today' : 'ahead';
  const unseen = Math.max(0, input.cards - input.seen.length);
  const base = { interviewAt, status, daysLeft, cards: input.cards, unseen, newPerDayLimit: input.newPerDay } as const;
  if (status === 'past') return { ...base, newPerDay: 0, reviewsPerDay: 0, reviewsTotal: 0, pullForward: [] };

  let reviewsTotal = 0;
  for (const card of input.seen) reviewsTotal += goodReviewsBefore(scheduler, card.state, now, interviewAt);

  let newPerDay = 0;
  if (status === 'ahead' && unseen > 0) {
    const introDays = Math.max(1, daysLeft - 1);
    newPerDay = Math.ceil((unseen + (input.firstSeenToday ?? 0)) / introDays);
    const today = startOfDay(now);
    const timeOfDay = now - today;
    let left = unseen;
    for (let day = 0; day < introDays && left > 0; day++) {
      const count = Math.min(newPerDay, left);
      left -= count;
      const at = day === 0 ? now : addDays(today, day) + timeOfDay;
      const first = scheduler.next(undefined, at, 3);
      reviewsTotal += count * goodReviewsBefore(scheduler, first, at, interviewAt);
    }
  }

  const pullForward = input.seen
    .filter((c) => c.state.due >= interviewAt)
    .map((c) => ({ key: c.key, recall: scheduler.recall(c.state, interviewAt) }))
    .filter((c) => c.recall < input.targetRetention)
    .sort((a, b) => a.recall - b.recall || byText(a.key, b.key))
    .map((c) => c.key);

  return { ...base, newPerDay, reviewsPerDay: Math.round(reviewsTotal / Math.max(1, daysLeft)), reviewsTotal, pullForward };
}

/** The plan as Home shows it: "12 days left: 25 new + ~40 reviews a day". */
export function planLine(plan: DailyPlan): string {
  if (plan.status === 'past') return `The interview date (${formatDate(plan.interviewAt)}) has passed: set the next one in Settings.`;
  const reviews = `~${plan.reviewsPerDay} review${plan.reviewsPerDay === 1 ? '' : 's'}`;
  if (plan.status === 'today') return `Interview day: ${reviews} before it, no new cards. Good luck!`;
  const days = `${plan.daysLeft} day${plan.daysLeft === 1 ? '' : 's'} left`;
  const when = plan.daysLeft === 1 ? 'today' : 'a day';
  if (plan.unseen === 0) return `${days}: every card seen; ${reviews} ${when}`;
  return `${days}: ${plan.newPerDay} new + ${reviews} ${when}`;
}

/**
 * Every readiness figure for the decks, from the log's running totals (history-figures), so the
 * cost does not grow with the history.
 *
 * Recall is predicted for the interview (or for now without a date, or once it has passed). The
 * trend replays the log (sorted by time; the sort is stable, so an undo stays after its review)
 * from the states at the figures' cutoff, and takes the predicted recall for that same moment from the records as they stood at the end
 * of each of the last 14 days, so it rises with what was learned, not with the calendar.
 * Heatmap and calibration cover every review in the log (they describe the user, not a deck);
 * forecast, retention and recall cover the quiz cards of the decks given. Undone reviews count nowhere.
 */
export function readiness(input: ReadinessInput): Readiness {
  const { scheduler, now, interviewAt } = input;
  const decks = orderDecks(input.decks, input.track);
  const today = startOfDay(now);
  const upcoming = interviewAt !== null && startOfDay(interviewAt) >= today;
  const predictedAt = upcoming ? Math.max(now, interviewAt) : now;

  // The log's part comes as running totals (see history-figures); from a list of entries, they are built here.
  const trendDays = Array.from({ length: TREND_DAYS }, (_, i) => addDays(today, i - (TREND_DAYS - 1)));
  const entries = (): readonly LogEntry[] => (typeof input.entries === 'function' ? input.entries() : (input.entries ?? []));
  const history = input.history && coversTrend(input.history, trendDays[0]!) ? input.history : buildFigures(entries(), '', input.scheduler.decay, trendDays[0]!);
  const forecastEnds = Array.from({ length: FORECAST_DAYS }, (_, i) => addDays(today, i + 1));
  const rows = new FigureRows(columnsOf(history));
  const pass = readCards(decks, input.records, rows, scheduler, predictedAt, forecastEnds);
  const { recall, forecast, retained, exerciseCount } = pass;
  const { deckTrend, exerciseTrend } = replayTrend(
    pass,
    rows,
    scheduler,
    predictedAt,
    trendDays.map((dayStart) => addDays(dayStart, 1)),
  );

  const layout = new RecallLayout(decks, recall);
  const { ranges } = layout;
  const trendOf = (deckIndexes: readonly number[], count: number): number[] =>
    trendDays.map((_, day) => mean(deckIndexes.reduce((s, i) => s + deckTrend[i]![day]!, 0), count));
  const figuresOf = (scope: FigureScope): RecallFigures => {
    const deckIndexes = layout.decksOf(scope);
    const count = deckIndexes.reduce((n, d) => n + ranges[d]![1] - ranges[d]![0], 0);
    return layout.figures(scope, trendOf(deckIndexes, count));
  };

  const deckFigures = decks.flatMap((deck, index): DeckReadiness[] => {
    if (ranges[index]![1] === ranges[index]![0]) return [];
    return [{ deckId: deck.id, title: deck.title, area: deck.area, skill: deck.skill ?? null, ...figuresOf({ deck: index }) }];
  });
  const areaDecks = (area: Area): number[] => layout.decksOf({ area });
  const areas = AREAS.flatMap((area): AreaReadiness[] => (areaDecks(area).length === 0 ? [] : [{ area, ...figuresOf({ area }) }]));
  if (exerciseCount > 0) areas.push({ area: 'exercises', ...layout.figures('exercises', exerciseTrend) });

  const heatStart = addDays(today, -(HEATMAP_DAYS - 1));
  const heat = new Array<number>(HEATMAP_DAYS).fill(0);
  for (const [dayStart, n] of history.days) {
    const day = Math.round((dayStart - heatStart) / DAY_MS);
    if (day >= 0 && day < HEATMAP_DAYS) heat[day]! += n;
  }
  // The plan's seen states, only when the plan is worked out here.
  const seenStates = (): { key: string; state: MemoryState }[] =>
    layout.facts.flatMap(({ keys }) =>
      keys.flatMap((key) => {
        const record = input.records.get(key);
        return record ? [{ key, state: record.state }] : [];
      }),
    );

  return {
    now,
    interviewAt,
    predictedFor: upcoming ? 'interview' : 'today',
    predictedAt,
    targetRetention: input.targetRetention,
    trendDays,
    overall: figuresOf('all'),
    areas,
    decks: deckFigures,
    design: designFigures(decks, input.attempts),
    calibration: {
      sure: confidence(history.sure, input.practice ?? [], 'sure'),
      guess: confidence(history.guess, input.practice ?? [], 'guess'),
      ticks: { ticked: history.ticks.evidenced + history.ticks.unevidenced, unevidenced: history.ticks.unevidenced },
    },
    heatmap: { start: heatStart, days: heat, total: heat.reduce((a, b) => a + b, 0) },
    forecast: { start: today, days: forecast },
    retention: AREAS.flatMap((area): AreaRetention[] => {
      if (areaDecks(area).length === 0) return [];
      const r = retained.get(area) ?? { reviews: 0, passed: 0 };
      return [{ area, reviews: r.reviews, passed: r.passed, rate: r.reviews > 0 ? r.passed / r.reviews : null }];
    }),
    plan:
      input.plan !== undefined
        ? input.plan
        : interviewAt === null
        ? null
        : dailyPlan({ cards: pass.count, seen: seenStates(), scheduler, now, interviewAt, targetRetention: input.targetRetention, newPerDay: input.newPerDay }),
  };
}

