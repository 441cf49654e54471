// The readiness figures' columns (core/figures-columns) as Readiness reads them, where they lie:
// each card's key placed among the figures' keys, the base's records and the window's entries
// by their offset in the block of doubles, the window replayed as recordAfter would, recall
// worked out from the numbers, no object made for any record.
import type { CardRecord } from './progress.js';
import { ENTRY, partsOf, RECORD, TALLY, TOTALS, type FiguresColumns } from './figures-columns.js';
import { PHASES } from './record-rows.js';
import type { Scheduler } from './scheduler.js';

/** What a pass over the cards finds of each card among the figures' keys (see FigureRows.placeCards). */
export interface CardPlaces {
  /** Per place among the figures' keys, the first card of that key; -1 for a key of no card given. */
  cardOf: Int32Array;
  /** A key's other cards by its place, when a key is held twice (not in a valid library). */
  alsoAt: Map<number, number[]>;
  /** Per card, the offset of its record at the cutoff in the figures' numbers; -1 for none. */
  based: Int32Array;
}

/**
 * The columns as Readiness reads them. Each walk over the rows is one loop here, reading the
 * numbers where they lie: the first Readiness of a process runs these loops before V8 optimizes
 * them, where a call per field read or per row costs more than the reading.
 */
export class FigureRows {
  readonly keys: readonly string[];
  readonly numbers: Float64Array;
  private readonly places: ReadonlyMap<string, number>;
  private readonly baseRows: number;
  private readonly windowAt: number;
  private readonly windowRows: number;
  private readonly talliesAt: number;

  constructor(columns: FiguresColumns) {
    const { text } = columns;
    const parts = partsOf(text.rows, text.keys.length);
    this.keys = text.keys;
    this.places = columns.places;
    this.numbers = columns.numbers;
    this.baseRows = text.rows.base;
    this.windowAt = parts.window;
    this.windowRows = text.rows.window;
    this.talliesAt = parts.tallies;
  }

  /**
   * One deck's keys, its cards from `first` on, placed among the figures' keys: each card's record
   * at the cutoff, and each key's first card; the deck's graduated reviews and passes, each key
   * counted at its first card, into `tallies`.
   */
  placeCards(keys: readonly string[], first: number, into: CardPlaces, tallies: Float64Array): void {
    const { places, numbers: n, baseRows, talliesAt } = this;
    const { cardOf, based } = into;
    let reviews = 0;
    let passed = 0;
    for (let local = 0, i = first, count = keys.length; local < count; local++, i++) {
      const place = places.get(keys[local]!);
      if (place === undefined) {
        based[i] = -1;
        continue;
      }
      based[i] = place < baseRows ? TOTALS + place * RECORD : -1;
      if (cardOf[place] !== -1) {
        const others = into.alsoAt.get(place);
        if (others) others.push(i);
        else into.alsoAt.set(place, [i]);
        continue;
      }
      cardOf[place] = i;
      reviews += n[talliesAt + place * TALLY]!;
      passed += n[talliesAt + place * TALLY + 1]!;
    }
    tallies[0] = reviews;
    tallies[1] = passed;
  }

  /**
   * Predicted recall at `at` of each card's record at the cutoff (`based`, by card; 0 for -1,
   * none). A record with the fields recall reads (Scheduler.recallFrom) as the card's current
   * record has them takes that record's recall (`currentRecall`).
   */
  cutoffRecall(based: Int32Array, current: readonly (CardRecord | undefined)[], currentRecall: Float64Array, scheduler: Scheduler, at: number): Float64Array {
    const n = this.numbers;
    const recall = new Float64Array(based.length);
    for (let i = 0, count = based.length; i < count; i++) {
      const o = based[i]!;
      if (o !== -1) recall[i] = recallAt(n, o, current[i], currentRecall[i]!, scheduler, at);
    }
    return recall;
  }

  /** The same for the record after each window entry (`entryRecord`), a state of card `entryCard`. (Two loops: one taking either kind of list was optimized for one and thrown out at the other.) */
  entryRecall(entryRecord: Int32Array, entryCard: Int32Array, current: readonly (CardRecord | undefined)[], currentRecall: Float64Array, scheduler: Scheduler, at: number): Float64Array {
    const n = this.numbers;
    const recall = new Float64Array(entryRecord.length);
    for (let e = 0, count = entryRecord.length; e < count; e++) {
      const o = entryRecord[e]!;
      if (o === -1) continue;
      const i = entryCard[e]!;
      recall[e] = recallAt(n, o, current[i], currentRecall[i]!, scheduler, at);
    }
    return recall;
  }

  /**
   * The window replayed from the records at the cutoff (`replay`, by card, changed as it goes; a
   * key held twice is replayed at its first card): each entry's card (-1 for a key of no card
   * given, whose entries change no figure), the offset of that card's record after it, and when it was made.
   */
  replay(cardOf: Int32Array, replay: Int32Array): { entryCard: Int32Array; entryRecord: Int32Array; entryAt: Float64Array } {
    const n = this.numbers;
    const entryCard = new Int32Array(this.windowRows);
    const entryRecord = new Int32Array(this.windowRows);
    const entryAt = new Float64Array(this.windowRows);
    for (let e = 0, at = this.windowAt, count = this.windowRows; e < count; e++, at += ENTRY) {
      entryAt[e] = n[at + 2]!;
      const i = cardOf[n[at + 1]! | 0]!;
      entryCard[e] = i;
      if (i === -1) {
        entryRecord[e] = -1;
        continue;
      }
      // recordAfter: an undo's record is what it restores; a review's is the later reviewed of the two.
      const record = n[at + 9] === 1 ? at + 10 : -1;
      const held = replay[i]!;
      entryRecord[e] = replay[i] = n[at] === 1 || held === -1 || reviewedAt(n, record) >= reviewedAt(n, held) ? record : held;
    }
    return { entryCard, entryRecord, entryAt };
  }

  /** The place of the key the e-th window entry names. */
  entryPlace(e: number): number {
    return this.numbers[this.windowAt + e * ENTRY + 1]! | 0;
  }
}

/** Predicted recall at `at` of the record at offset `o`; `known`, the recall of `record`, when the record has what recall reads of it. */
function recallAt(n: Float64Array, o: number, record: CardRecord | undefined, known: number, scheduler: Scheduler, at: number): number {
  const stability = n[o + 1]!;
  const read = n[o + 8]!;
  const lastReview = read === read ? read : null;
  const phase = PHASES[n[o + 7]! | 0]!;
  const state = record?.state;
  return state && state.stability === stability && state.lastReview === lastReview && state.phase === phase ? known : scheduler.recallFrom(phase, lastReview, stability, at);
}

function reviewedAt(n: Float64Array, record: number): number {
  const lastReview = n[record + 8]!;
  return Number.isNaN(lastReview) ? -Infinity : lastReview;
}
