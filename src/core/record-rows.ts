// Card records as rows of numbers, for the files that hold thousands of them (the card snapshot,
// the readiness figures): half the size of the same records as objects, and twice as fast to parse.
import type { CardRecord } from './progress.js';

export const PHASES = ['new', 'learning', 'review', 'relearning'] as const;

export type RecordRow = [due: number, stability: number, difficulty: number, scheduledDays: number, learningSteps: number, reps: number, lapses: number, phase: number, lastReview: number | null, firstReview: number];

export function recordRow(record: CardRecord): RecordRow {
  const s = record.state;
  return [s.due, s.stability, s.difficulty, s.scheduledDays, s.learningSteps, s.reps, s.lapses, PHASES.indexOf(s.phase), s.lastReview, record.firstReview];
}

/** A record back from its row, or null when the row is not one recordRow writes. */
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
