// Card records worked out again from the ratings alone, through a scheduler: what the cards' memory
// would be had these parameters scheduled them from the start. The log keeps the records each
// rating produced at the time, and is never rewritten; when the parameters change (a fit adopted,
// or the defaults restored) the snapshot is rebuilt from this instead.
import type { CardRecord, LogEntry } from './progress.js';
import { reviewHistories } from './review-history.js';
import type { Scheduler } from './scheduler.js';

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
