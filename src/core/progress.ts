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
  /** Choice and multi cards: how sure the user said they were before answering, when asked. */
  confidence?: 'sure' | 'guess';
  /** Choice and multi cards: whether the answer was right (for calibration). */
  correct?: boolean;
  /** Open answers that were typed: the key points ticked with the matcher's evidence and without. */
  ticks?: TickCounts;
}

export interface TickCounts {
  evidenced: number;
  unevidenced: number;
}

/**
 * An entry's tick counts when they are two counts, else null: the log comes from disk and from
 * other machines, so a figure never trusts its optional fields' shape.
 */
export function tickCounts(value: unknown): TickCounts | null {
  if (!value || typeof value !== 'object') return null;
  const { evidenced, unevidenced } = value as Record<string, unknown>;
  const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1000;
  return count(evidenced) && count(unevidenced) ? { evidenced, unevidenced } : null;
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

/** When the review that produced this record happened; a record that was never reviewed loses to any. */
function reviewedAt(record: CardRecord): number {
  return record.state.lastReview ?? -Infinity;
}

/**
 * Folds one log entry into the records.
 *
 * A review replaces the card's record only when its record is at least as new as the one held
 * (newer state wins): an import appends another machine's reviews after ours, so log order no
 * longer says which came last. Both sides are compared by the record's own lastReview, never by
 * one entry's `at` against the other's record, so the outcome depends only on the set of reviews
 * and two machines that merged each other's histories hold the same records. On a tie the later
 * line wins, which is what a rating made within the same millisecond expects. The first review
 * is the earliest seen from either side, and every review counts, whether or not it wins.
 * Undo entries put back the record saved before the review they take back, as they always have.
 */
export function applyEntry(progress: Progress, entry: LogEntry): void {
  const record = recordAfter(progress.cards.get(entry.key), entry);
  if (record) progress.cards.set(entry.key, record);
  else progress.cards.delete(entry.key);
  progress.reviews = entry.t === 'review' ? progress.reviews + 1 : Math.max(0, progress.reviews - 1);
}

/** One card's record after an entry of its own, from the one held before it (see applyEntry); undefined when it has none. */
function recordAfter(held: CardRecord | undefined, entry: LogEntry): CardRecord | undefined {
  if (entry.t !== 'review') return entry.restore ?? undefined;
  if (!held) return entry.record;
  const winner = reviewedAt(entry.record) >= reviewedAt(held) ? entry.record : held;
  const firstReview = Math.min(held.firstReview, entry.record.firstReview);
  // A fresh object when firstReview moves: entry.record may still be held by the caller for undo.
  return winner.firstReview === firstReview ? winner : { ...winner, firstReview };
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
  return logEntryFrom(value);
}

/** A parsed value as a log entry, or null when it is not a valid one (see parseLogLine). */
export function logEntryFrom(value: unknown): LogEntry | null {
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

/**
 * Cards with history that no loaded deck has any more, per deck id. Their records stay in the
 * log, so a card that comes back (same deck id and card id) picks up where it left off.
 */
export function orphanedCards(records: ReadonlyMap<string, CardRecord>, liveKeys: Pick<ReadonlySet<string>, 'has'>): Map<string, number> {
  const byDeck = new Map<string, number>();
  for (const key of records.keys()) {
    if (liveKeys.has(key)) continue;
    const deckId = key.slice(0, key.indexOf('/'));
    byDeck.set(deckId, (byDeck.get(deckId) ?? 0) + 1);
  }
  return byDeck;
}

/** What `decks` and the Decks screen say about cards with history that no deck has now. */
export function orphanedLine(orphans: ReadonlyMap<string, number>): string {
  const total = [...orphans.values()].reduce((a, b) => a + b, 0);
  const where = [...orphans.entries()].map(([deck, n]) => `${deck} ${n}`).join(', ');
  return `${total} card${total === 1 ? '' : 's'} with review history ${total === 1 ? 'is' : 'are'} in no loaded deck (${where}): removed from the deck, or the deck is not loaded. The history is kept, and comes back if the card does.`;
}
