// Card records worked out again from the ratings alone, through a scheduler: what the cards' memory
// would be had these parameters scheduled them from the start. The log keeps the records each
// rating produced at the time, and is never rewritten; when the parameters change (a fit adopted,
// or the defaults restored) the snapshot is rebuilt from this instead.
import type { CardRecord, LogEntry, ReviewEntry } from './progress.js';
import { reviewHistories } from './review-history.js';
import { isRating, type Scheduler } from './scheduler.js';

/** Every reviewed card's record, from its ratings in time order (undone ones left out). */
export function replayRecords(entries: Iterable<LogEntry>, scheduler: Scheduler): Map<string, CardRecord> {
  const records = new Map<string, CardRecord>();
  for (const [key, reviews] of reviewHistories(entries)) {
    let state = undefined as CardRecord['state'] | undefined;
    for (const r of reviews) state = scheduler.next(state, r.at, r.rating);
    if (state) records.set(key, { state, firstReview: reviews[0]!.at });
  }
  return records;
}

/**
 * The log's entries with every record worked out again through the scheduler, as replayRecords
 * does for the cards: a review's record is what the scheduler gives from the card's record before
 * it (its reviews in time order, undone ones leaving no mark), and an undo restores the record
 * before the review it takes back. Figures folded from these (core/history-figures) are the ones
 * these parameters would have made: the readiness calibration then judges the parameters in use,
 * not a mix of them and the log's older ones.
 */
export function restatedEntries(entries: readonly LogEntry[], scheduler: Scheduler): LogEntry[] {
  const undone = new Set<string>();
  const byCard = new Map<string, ReviewEntry[]>();
  for (const entry of entries) {
    if (entry.t === 'undo') {
      undone.add(entry.id);
    } else if (isRating(entry.rating) && Number.isFinite(entry.at)) {
      let list = byCard.get(entry.key);
      if (!list) byCard.set(entry.key, (list = []));
      list.push(entry);
    }
  }
  const after = new Map<string, CardRecord>();
  const before = new Map<string, CardRecord | null>();
  for (const list of byCard.values()) {
    // Stable: reviews of one millisecond keep their log order.
    list.sort((a, b) => a.at - b.at);
    let held: CardRecord | null = null;
    for (const r of list) {
      const record: CardRecord = { state: scheduler.next(held?.state, r.at, r.rating), firstReview: held?.firstReview ?? r.at };
      after.set(r.id, record);
      before.set(r.id, held);
      if (!undone.has(r.id)) held = record;
    }
  }
  return entries.map((e): LogEntry => {
    if (e.t === 'review') {
      const record = after.get(e.id);
      return record ? { ...e, record } : e;
    }
    return before.has(e.id) ? { ...e, restore: before.get(e.id)! } : e;
  });
}
