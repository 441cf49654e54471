// Card records as rows of numbers, for the files that hold thousands of them (the card snapshot,
// the readiness figures): ten doubles each in a block of them (store/binary-file), or, in the card
// snapshot's JSON version 2 (still read, no longer written), an array of ten numbers.
import type { CardRecord } from './progress.js';

export const PHASES = ['new', 'learning', 'review', 'relearning'] as const;

/**
 * A record's numbers, in this order: the memory state's fields, its phase as a place in PHASES,
 * lastReview (NaN for null: no number read from the log is NaN), then firstReview.
 */
export const RECORD_NUMBERS = 10;

export function putRecord(n: Float64Array, at: number, record: CardRecord): void {
  const s = record.state;
  n[at] = s.due;
  n[at + 1] = s.stability;
  n[at + 2] = s.difficulty;
  n[at + 3] = s.scheduledDays;
  n[at + 4] = s.learningSteps;
  n[at + 5] = s.reps;
  n[at + 6] = s.lapses;
  n[at + 7] = PHASES.indexOf(s.phase);
  n[at + 8] = s.lastReview ?? NaN;
  n[at + 9] = record.firstReview;
}

// Counts read back from the doubles are made small integers again: V8 gives objects of one shape
// one hidden class, and a double written where small integers were changes it for every object of
// the shape (records parsed from the log, tallies, calibration counts), each moved over when next
// touched. So a record read here has the very class JSON.parse gives one in a log line.
export const small = (v: number): number => (v === (v | 0) ? v | 0 : v);

/**
 * Whether the numbers at `at` are a record putRecord could have written from the log: a phase of
 * PHASES, and numbers JSON can hold (no NaN, no infinity; lastReview's NaN is its null). Written
 * out, with no record made: it runs for every card at a start.
 */
export function isRecordAt(n: Float64Array, at: number): boolean {
  const phase = n[at + 7]!;
  const lastReview = n[at + 8]!;
  // x - x is 0 for a finite x only: NaN for NaN and for the infinities.
  return (
    (phase === 0 || phase === 1 || phase === 2 || phase === 3) &&
    n[at]! - n[at]! === 0 &&
    n[at + 1]! - n[at + 1]! === 0 &&
    n[at + 2]! - n[at + 2]! === 0 &&
    n[at + 3]! - n[at + 3]! === 0 &&
    n[at + 4]! - n[at + 4]! === 0 &&
    n[at + 5]! - n[at + 5]! === 0 &&
    n[at + 6]! - n[at + 6]! === 0 &&
    n[at + 9]! - n[at + 9]! === 0 &&
    lastReview !== Infinity &&
    lastReview !== -Infinity
  );
}

/** The record at `at`, or null when isRecordAt says it is not one. */
export function recordAt(n: Float64Array, at: number): CardRecord | null {
  if (!isRecordAt(n, at)) return null;
  const lastReview = n[at + 8]!;
  return {
    state: { due: n[at]!, stability: n[at + 1]!, difficulty: n[at + 2]!, scheduledDays: small(n[at + 3]!), learningSteps: small(n[at + 4]!), reps: small(n[at + 5]!), lapses: small(n[at + 6]!), phase: PHASES[n[at + 7]! | 0]!, lastReview: Number.isNaN(lastReview) ? null : lastReview },
    firstReview: n[at + 9]!,
  };
}

/** A record back from its version 2 row, or null when the row is not one that version wrote. */
export function rowRecord(row: unknown): CardRecord | null {
  if (!Array.isArray(row) || row.length !== 10) return null;
  // Indexed, not destructured, and checked on the row before the record is made (what
  // isCardRecord asks of it): tens of thousands of rows are read at a start.
  const r = row as unknown[];
  const due = r[0];
  const stability = r[1];
  const difficulty = r[2];
  const scheduledDays = r[3];
  const learningSteps = r[4];
  const reps = r[5];
  const lapses = r[6];
  const phase = typeof r[7] === 'number' ? PHASES[r[7]] : undefined;
  const lastReview = r[8];
  const firstReview = r[9];
  if (
    typeof due !== 'number' ||
    typeof stability !== 'number' ||
    typeof difficulty !== 'number' ||
    typeof scheduledDays !== 'number' ||
    typeof learningSteps !== 'number' ||
    typeof reps !== 'number' ||
    typeof lapses !== 'number' ||
    phase === undefined ||
    (lastReview !== null && typeof lastReview !== 'number') ||
    typeof firstReview !== 'number'
  )
    return null;
  return { state: { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, phase, lastReview }, firstReview };
}
