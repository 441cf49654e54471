// Readiness's two walks over the quiz cards: one pass over every card of the decks (recall on the
// day, the states at the figures' cutoff, the forecast, the retention tallies), and the trend's
// replay of the figures' window from those states. The figures are read as columns (FigureRows),
// by each key's place among the figures' keys: a card costs one lookup of its key there and one in
// the records, and no object is made for any state read back.
import type { Area, Deck } from './deck.js';
import { deckFacts } from './deck-facts.js';
import type { CardPlaces, FigureRows } from './figure-rows.js';
import type { CardRecord } from './progress.js';
import type { Scheduler } from './scheduler.js';
import { mean } from './recall-layout.js';

export const FORECAST_DAYS = 14;

/** What one pass over the quiz cards (each deck's a run, in deck order) finds. */
export interface CardPass {
  count: number;
  deckOf: Int32Array;
  exercise: Uint8Array;
  /** Per place among the figures' keys, the first card of that key; -1 for a key of no card given. */
  cardOf: Int32Array;
  /** A key's other cards by its place, when a key is held twice (not in a valid library). */
  alsoAt: Map<number, number[]>;
  /** Each card's current record. */
  current: readonly (CardRecord | undefined)[];
  /** Predicted recall on the day of each card's current record; NaN for a card never seen. */
  recall: Float64Array;
  /** The same from the states at the figures' cutoff (0 for a card not seen by then), and their sum per deck. */
  values: Float64Array;
  /** The records at the cutoff, by card, as offsets into the figures' numbers (-1 for none): where the trend's replay starts. */
  based: Int32Array;
  sums: Float64Array;
  exerciseCount: number;
  exerciseSum: number;
  forecast: number[];
  retained: Map<Area, { reviews: number; passed: number }>;
}

/**
 * The pass over the cards, in small loops of their own: each deck's records (with their recall
 * and the forecast), its cards placed among the figures' keys, the states at the cutoff, the sums.
 * The first Readiness of a process runs every loop over every card before V8 has optimized it,
 * and then V8 optimizes each while it runs, on another thread: one loop doing all of it cost more
 * to optimize than to run.
 */
export function readCards(decks: readonly Deck[], records: ReadonlyMap<string, CardRecord>, rows: FigureRows, scheduler: Scheduler, predictedAt: number, forecastEnds: readonly number[]): CardPass {
  const facts = decks.map(deckFacts);
  const count = facts.reduce((n, f) => n + f.keys.length, 0);
  const deckOf = new Int32Array(count);
  const exercise = new Uint8Array(count);
  const now: Current = { current: new Array<CardRecord | undefined>(count), recall: new Float64Array(count), forecast: new Array<number>(FORECAST_DAYS).fill(0) };
  const placed: CardPlaces = { cardOf: new Int32Array(rows.keys.length).fill(-1), alsoAt: new Map(), based: new Int32Array(count) };
  const tallies = new Float64Array(2);
  // Reviews and passes per area, each key once (at its first card): from the log's tallies per key.
  const retained = new Map<Area, { reviews: number; passed: number }>();
  for (let d = 0, i = 0; d < decks.length; d++) {
    const { keys, exercise: flags } = facts[d]!;
    deckOf.fill(d, i, i + keys.length);
    exercise.set(flags, i);
    readRecords(keys, i, records, scheduler, predictedAt, forecastEnds, now);
    rows.placeCards(keys, i, placed, tallies);
    i += keys.length;
    if (tallies[0] === 0) continue;
    const area = decks[d]!.area;
    const r = retained.get(area) ?? { reviews: 0, passed: 0 };
    r.reviews += tallies[0]!;
    r.passed += tallies[1]!;
    retained.set(area, r);
  }
  const { based } = placed;
  const { current, recall, forecast } = now;

  // The trend: the records as they stood at the end of each day, from the states at the cutoff.
  // Each card's recall is kept in `values`, and each deck's sum of them in `sums`, changed only
  // when an entry changes a card: the window holds a few days of entries, the decks every card.
  // A card the window never touched holds the same state at the cutoff as now: its recall is known.
  const values = rows.cutoffRecall(based, current, recall, scheduler, predictedAt);
  const { sums, exerciseCount, exerciseSum } = sumValues(values, facts, exercise);
  return { count, deckOf, exercise, cardOf: placed.cardOf, alsoAt: placed.alsoAt, current, recall, values, based, sums, exerciseCount, exerciseSum, forecast, retained };
}

/** The cards' current records, their recall on the day (NaN for a card never seen), and the forecast: quiz cards due per day from today, overdue counting today. */
interface Current {
  current: (CardRecord | undefined)[];
  recall: Float64Array;
  forecast: number[];
}

/** One deck's cards' records, its cards from `first` on, their recall at `at` and their part in the forecast. */
function readRecords(keys: readonly string[], first: number, records: ReadonlyMap<string, CardRecord>, scheduler: Scheduler, at: number, forecastEnds: readonly number[], into: Current): void {
  const { current, recall, forecast } = into;
  const forecastEnd = forecastEnds[FORECAST_DAYS - 1]!;
  for (let local = 0, i = first, count = keys.length; local < count; local++, i++) {
    const record = records.get(keys[local]!);
    current[i] = record;
    if (!record) {
      recall[i] = NaN;
      continue;
    }
    recall[i] = scheduler.recall(record.state, at);
    const due = record.state.due;
    // Most cards of a long history are due beyond the fortnight: one comparison says so.
    if (due >= forecastEnd) continue;
    let day = 0;
    while (due >= forecastEnds[day]!) day++;
    forecast[day]!++;
  }
}

/**
 * Each deck's sum of values, its run of cards added in card order, and the exercises' (an area of
 * their own across decks: writing SQL and code is its own skill), in card order.
 */
function sumValues(values: Float64Array, facts: readonly { keys: readonly string[] }[], exercise: Uint8Array): { sums: Float64Array; exerciseCount: number; exerciseSum: number } {
  const sums = new Float64Array(facts.length);
  for (let d = 0, start = 0; d < facts.length; d++) {
    const end = start + facts[d]!.keys.length;
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i]!;
    sums[d] = sum;
    start = end;
  }
  let exerciseCount = 0;
  let exerciseSum = 0;
  for (let i = 0, count = values.length; i < count; i++) {
    if (exercise[i] !== 1) continue;
    exerciseCount++;
    exerciseSum += values[i]!;
  }
  return { sums, exerciseCount, exerciseSum };
}

/** The trend per deck and for the exercises: the records as they stood at the end of each day (`dayEnds`), from the states at the cutoff. */
export function replayTrend(pass: CardPass, rows: FigureRows, scheduler: Scheduler, predictedAt: number, dayEnds: readonly number[]): { deckTrend: number[][]; exerciseTrend: number[] } {
  // First each entry's record after it, then their recall, then the sums day by day.
  const { entryCard, entryRecord, entryAt } = rows.replay(pass.cardOf, pass.based);
  const entryValue = rows.entryRecall(entryRecord, entryCard, pass.current, pass.recall, scheduler, predictedAt);
  const { deckOf, exercise, alsoAt, values, sums, exerciseCount } = pass;
  let { exerciseSum } = pass;
  const deckTrend = Array.from(sums, () => [] as number[]);
  const exerciseTrend: number[] = [];
  let e = 0;
  for (const dayEnd of dayEnds) {
    // A day's entries, each card's value moved to its recall after the entry, and its deck's sum with it.
    for (; e < entryCard.length && entryAt[e]! < dayEnd; e++) {
      const i = entryCard[e]!;
      if (i === -1) continue;
      const value = entryValue[e]!;
      const change = value - values[i]!;
      sums[deckOf[i]!]! += change;
      if (exercise[i] === 1) exerciseSum += change;
      values[i] = value;
      if (alsoAt.size > 0) exerciseSum = copyToOthers(pass, alsoAt.get(rows.entryPlace(e)), value, exerciseSum);
    }
    for (let d = 0; d < sums.length; d++) deckTrend[d]!.push(sums[d]!);
    exerciseTrend.push(mean(exerciseSum, exerciseCount));
  }
  return { deckTrend, exerciseTrend };
}

/** A value copied to the other cards of a key held twice, as the replay sets it at the first; the exercises' sum after. */
function copyToOthers(pass: CardPass, others: readonly number[] | undefined, value: number, exerciseSum: number): number {
  const { deckOf, exercise, values, sums } = pass;
  for (const j of others ?? []) {
    const change = value - values[j]!;
    sums[deckOf[j]!]! += change;
    if (exercise[j] === 1) exerciseSum += change;
    values[j] = value;
  }
  return exerciseSum;
}
