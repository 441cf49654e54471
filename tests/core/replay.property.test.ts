// Replaying the ratings through the scheduler that made them gives back the log's own records: so a
// card snapshot rebuilt for new parameters differs from the log's only by what the parameters change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEntry, emptyProgress, type CardRecord, type LogEntry } from '../../src/core/progress.js';
import { replayRecords, restatedEntries } from '../../src/core/replay.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';

const HOUR = 3_600_000;
const step = fc.record({
  card: fc.integer({ min: 0, max: 4 }),
  rating: fc.constantFrom<Rating>(1, 2, 3, 4),
  // Minutes to weeks: same-day learning steps and long gaps.
  gapHours: fc.oneof(fc.double({ min: 0.01, max: 2, noNaN: true }), fc.integer({ min: 2, max: 24 * 40 })),
  undo: fc.boolean(),
});

/** A log as the app writes it: each rating's record from the card's record before it; an undo straight after. */
function logOf(steps: { card: number; rating: Rating; gapHours: number; undo: boolean }[], w: readonly number[] | null): LogEntry[] {
  const scheduler = createScheduler({ retention: 0.9, w });
  const held = new Map<string, CardRecord>();
  const entries: LogEntry[] = [];
  let at = Date.UTC(2026, 0, 5, 9);
  steps.forEach((s, i) => {
    at += Math.round(s.gapHours * HOUR);
    const key = `deck/c${s.card}`;
    const before = held.get(key);
    const record: CardRecord = { state: scheduler.next(before?.state, at, s.rating), firstReview: before?.firstReview ?? at };
    const id = `r${i}`;
    entries.push({ v: 1, t: 'review', id, key, rating: s.rating, at, ms: 1000, record });
    held.set(key, record);
    if (s.undo) {
      entries.push({ v: 1, t: 'undo', id, key, at: at + 1000, restore: before ?? null });
      if (before) held.set(key, before);
      else held.delete(key);
    }
  });
  return entries;
}

describe('replayRecords', () => {
  it('gives back the records the log holds when replayed with the parameters that made them', () => {
    const fitted = [0.9, 1.0, 1.1, 6, 6.4, 0.93, 3.1, 0.02, 1.6, 0.5, 0.7, 1.7, 0.007, 0.3, 1.8, 0.3, 1.6, 0.37, 0.008, 0.16, 0.1];
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps, useFitted) => {
        const w = useFitted ? fitted : null;
        const entries = logOf(steps, w);
        const folded = emptyProgress();
        for (const e of entries) applyEntry(folded, e);
        const replayed = replayRecords(entries, createScheduler({ retention: 0.9, w }));
        expect(new Map([...replayed].sort())).toEqual(new Map([...folded.cards].sort()));
      }),
    );
  });

  it('changes the memory states when the parameters change, and keeps which cards were reviewed and when first', () => {
    const entries = logOf(
      Array.from({ length: 20 }, (_, i) => ({ card: i % 3, rating: ((i % 4) + 1) as Rating, gapHours: 30, undo: false })),
      null,
    );
    const fitted = createScheduler({ retention: 0.9, w: [2, 3, 5, 20, 6.4, 0.93, 3.1, 0.02, 1.6, 0.5, 0.7, 1.7, 0.007, 0.3, 1.8, 0.3, 1.6, 0.37, 0.008, 0.16, 0.1] });
    const before = replayRecords(entries, createScheduler({ retention: 0.9 }));
    const after = replayRecords(entries, fitted);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, record] of after) {
      expect(record.firstReview).toBe(before.get(key)!.firstReview);
      expect(record.state.lastReview).toBe(before.get(key)!.state.lastReview);
      expect(record.state.stability).not.toBe(before.get(key)!.state.stability);
    }
  });

  it('restatedEntries: a log worked out again with the parameters that made it is the log itself; with others, its records are the replay\'s', () => {
    const fitted = [0.9, 1.0, 1.1, 6, 6.4, 0.93, 3.1, 0.02, 1.6, 0.5, 0.7, 1.7, 0.007, 0.3, 1.8, 0.3, 1.6, 0.37, 0.008, 0.16, 0.1];
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const entries = logOf(steps, null);
        expect(restatedEntries(entries, createScheduler({ retention: 0.9 }))).toEqual(entries);
        const other = createScheduler({ retention: 0.9, w: fitted });
        const restated = restatedEntries(entries, other);
        expect(restated).toEqual(logOf(steps, fitted));
        const folded = emptyProgress();
        for (const e of restated) applyEntry(folded, e);
        expect(new Map([...folded.cards].sort())).toEqual(new Map([...replayRecords(entries, other)].sort()));
      }),
    );
  });
});
