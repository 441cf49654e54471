// Readiness's two walks over the quiz cards: one pass over every card of the decks (recall on the
// day, the states at the figures' cutoff, the forecast, the retention tallies), and the trend's
// replay of the figures' window from those states. The figures are read as columns (FigureRows),
// by each key's place among the figures' keys: a card costs one lookup of its key there and one in
// the records, and no object is made for any state read back.
import type { Area, Deck } from './deck.js';
import { deckFacts } from './deck-facts.js';
import { FigureRows } from './figures-columns.js';
import type { CardRecord } from './progress.js';
import type { MemoryState, Scheduler } from './scheduler.js';

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
  /** Predicted recall on the day of each card's current record; NaN for a card never seen. */
  recall: Float64Array;
  /** The same from the states at the figures' cutoff (0 for a card not seen by then), and their sum per deck. */
  values: Float64Array;
  /** The records at the cutoff, by card place, as offsets into the figures' numbers (-1 for none): where the trend's replay starts. */
  based: Int32Array;
  sums: Float64Array;
  exerciseCount: number;
  exerciseSum: number;
  forecast: number[];
  retained: Map<Area, { reviews: number; passed: number }>;
}

/** A state to read the figures' records into, one at a time: recall asks for a state, and thousands are read. */
const scratchState = (): MemoryState => ({ due: 0, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, phase: 'new', lastReview: null });

export function readCards(decks: readonly Deck[], records: ReadonlyMap<string, CardRecord>, rows: FigureRows, scheduler: Scheduler, predictedAt: number, forecastEnds: readonly number[]): CardPass {
  const facts = decks.map(deckFacts);
  const count = facts.reduce((n, f) => n + f.keys.length, 0);
  const deckOf = new Int32Array(count);
  const exercise = new Uint8Array(count);
  const cardOf = new Int32Array(rows.keys.length).fill(-1);
  const alsoAt = new Map<number, number[]>();
  const { places } = rows;
  const scratch = scratchState();

  // The trend: the records as they stood at the end of each day, from the states at the cutoff.
  // Each card's recall is kept in `values`, and each deck's sum of them in `sums`, changed only
  // when an entry changes a card: the window holds a few days of entries, the decks every card.
  // Today's records in the same pass: recall on the day, and the forecast's due per day, overdue counting today.
  const values = new Float64Array(count);
  const sums = new Float64Array(decks.length);
  const recall = new Float64Array(count);
  const based = new Int32Array(count);
  const forecast = new Array<number>(FORECAST_DAYS).fill(0);
  const forecastEnd = forecastEnds[FORECAST_DAYS - 1]!;
  // Exercises are also an area of their own, across decks: writing SQL and code is its own skill.
  let exerciseCount = 0;
  let exerciseSum = 0;
  // Reviews and passes per area, each key once (at its first card): from the log's tallies per key.
  const retained = new Map<Area, { reviews: number; passed: number }>();
  let i = 0;
  for (let d = 0; d < decks.length; d++) {
    const { keys, exercise: flags } = facts[d]!;
    const area = decks[d]!.area;
    for (let local = 0; local < keys.length; local++, i++) {
      const key = keys[local]!;
      deckOf[i] = d;
      exercise[i] = flags[local]!;
      const place = places.get(key);
      let held = -1;
      if (place !== undefined) {
        held = rows.baseRecord(place);
        if (cardOf[place] === -1) {
          cardOf[place] = i;
          const reviews = rows.reviews(place);
          if (reviews !== 0) {
            const r = retained.get(area) ?? { reviews: 0, passed: 0 };
            r.reviews += reviews;
            r.passed += rows.passed(place);
            retained.set(area, r);
          }
        } else alsoAt.set(place, [...(alsoAt.get(place) ?? []), i]);
      }
      const record = records.get(key);
      const current = record ? scheduler.recall(record.state, predictedAt) : NaN;
      recall[i] = current;
      based[i] = held;
      // A card the window never touched holds the same state at the cutoff as now: its recall is known.
      const value = held === -1 ? 0 : record && rows.holds(held, record.state) ? current : scheduler.recall(rows.state(held, scratch), predictedAt);
      values[i] = value;
      sums[d]! += value;
      if (flags[local] === 1) {
        exerciseCount++;
        exerciseSum += value;
      }
      if (!record) continue;
      const due = record.state.due;
      // Most cards of a long history are due beyond the fortnight: one comparison says so.
      if (due >= forecastEnd) continue;
      let day = 0;
      while (due >= forecastEnds[day]!) day++;
      forecast[day]!++;
    }
  }
  return { count, deckOf, exercise, cardOf, alsoAt, recall, values, based, sums, exerciseCount, exerciseSum, forecast, retained };
}

const mean = (sum: number, n: number): number => (n > 0 ? sum / n : 0);

/** The trend per deck and for the exercises: the records as they stood at the end of each day (`dayEnds`), from the states at the cutoff. */
export function replayTrend(pass: CardPass, rows: FigureRows, scheduler: Scheduler, predictedAt: number, dayEnds: readonly number[]): { deckTrend: number[][]; exerciseTrend: number[] } {
  // The records as the replay goes, by card place (a key met twice is replayed at its first),
  // starting from the base: the window holds a few days of entries, the base every card ever seen.
  const { deckOf, exercise, cardOf, alsoAt, values, sums, exerciseCount, based: replay } = pass;
  let { exerciseSum } = pass;
  const deckTrend = Array.from(sums, () => [] as number[]);
  const exerciseTrend: number[] = [];
  const scratch = scratchState();
  const setValue = (i: number, value: number): void => {
    sums[deckOf[i]!]! += value - values[i]!;
    if (exercise[i] === 1) exerciseSum += value - values[i]!;
    values[i] = value;
  };
  let entry = rows.windowStart;
  for (const dayEnd of dayEnds) {
    for (; entry < rows.windowEnd && rows.entryAt(entry) < dayEnd; entry += FigureRows.ENTRY) {
      // A card of no deck given changes no figure: its entries are passed over, not replayed.
      const place = rows.entryPlace(entry);
      const i = cardOf[place]!;
      if (i === -1) continue;
      const record = (replay[i] = rows.after(replay[i]!, entry));
      const value = record === -1 ? 0 : scheduler.recall(rows.state(record, scratch), predictedAt);
      setValue(i, value);
      if (alsoAt.size > 0) for (const j of alsoAt.get(place) ?? []) setValue(j, value);
    }
    sums.forEach((sum, d) => deckTrend[d]!.push(sum));
    exerciseTrend.push(mean(exerciseSum, exerciseCount));
  }
  return { deckTrend, exerciseTrend };
}
