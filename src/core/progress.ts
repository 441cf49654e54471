// The review history as data: log entries, and the card records they fold into. The log is the
// truth; the records are a cache that replaying the log always reproduces.
import { isRating, type MemoryState, type Rating } from './scheduler.js';

export const LOG_VERSION = 1;

export interface CardRecord {
  state: MemoryState;
  /** When the card was first rated: counts it against the day's new-card limit. */
  firstReview: number;
}

export interface ReviewEntry {
  v: 1;
  t: 'review';
  id: string;
  key: string;
  rating: Rating;
  at: number;
  /** Milliseconds spent on the card. */
  ms: number;
  record: CardRecord;
}

export interface UndoEntry {
  v: 1;
  t: 'undo';
  /** The review being taken back. */
  id: string;
  key: string;
  at: number;
  /** The card's record before that review; null when the card was new. */
  restore: CardRecord | null;
}

export type LogEntry = ReviewEntry | UndoEntry;

export interface Progress {
  cards: Map<string, CardRecord>;
  /** Ratings stored, less the ones undone. */
  reviews: number;
}

export function emptyProgress(): Progress {
  return { cards: new Map(), reviews: 0 };
}

export function applyEntry(progress: Progress, entry: LogEntry): void {
  if (entry.t === 'review') {
    progress.cards.set(entry.key, entry.record);
    progress.reviews++;
  } else {
    if (entry.restore) progress.cards.set(entry.key, entry.restore);
    else progress.cards.delete(entry.key);
    progress.reviews = Math.max(0, progress.reviews - 1);
  }
}

const PHASES = new Set(['new', 'learning', 'review', 'relearning']);

function isState(value: unknown): value is MemoryState {
  if (!value || typeof value !== 'object') return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.due === 'number' &&
    typeof s.stability === 'number' &&
    typeof s.difficulty === 'number' &&
    typeof s.scheduledDays === 'number' &&
    typeof s.learningSteps === 'number' &&
    typeof s.reps === 'number' &&
    typeof s.lapses === 'number' &&
    PHASES.has(s.phase as string) &&
    (s.lastReview === null || typeof s.lastReview === 'number')
  );
}

export function isCardRecord(value: unknown): value is CardRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.firstReview === 'number' && isState(r.state);
}

/**
 * One line of the log, or null when it is not a valid entry (a torn write, or damage). Entries
 * written by a future version are also null: they are skipped, never misread.
 */
export function parseLogLine(line: string): LogEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const e = value as Record<string, unknown>;
  if (e.v !== LOG_VERSION || typeof e.id !== 'string' || typeof e.key !== 'string' || typeof e.at !== 'number') return null;
  if (e.t === 'review') {
    return isRating(e.rating) && typeof e.ms === 'number' && isCardRecord(e.record) ? (e as unknown as ReviewEntry) : null;
  }
  if (e.t === 'undo') {
    return e.restore === null || isCardRecord(e.restore) ? (e as unknown as UndoEntry) : null;
  }
  return null;
}
