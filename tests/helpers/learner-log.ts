// A review log for fitting FSRS: daily reviews scheduled with the defaults (as keeper-prep
// schedules), recalled as a learner whose memory is NOT the defaults' would recall them.
import type { CardRecord, LogEntry } from '../../src/core/progress.js';
import { createScheduler, type MemoryState, type Rating } from '../../src/core/scheduler.js';

const DAY = 86_400_000;
export const LEARNER_START = Date.UTC(2026, 6, 1, 9);
const T0 = LEARNER_START;
// A learner who forgets much faster than the defaults assume (initial stabilities a fifth of theirs).
export const TRUE_W = [0.04, 0.25, 0.63, 3.1, 6.4, 0.83, 3.02, 0.0012, 1.87, 0.17, 0.8, 1.49, 0.06, 0.26, 1.65, 0.6, 1.87, 0.54, 0.09, 0.07, 0.15];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

/** `days` of daily reviews scheduled with the defaults, recalled as TRUE_W predicts. */
export function learnerLog(days: number, newPerDay: number): LogEntry[] {
  const scheduler = createScheduler({ retention: 0.9 });
  const truth = createScheduler({ retention: 0.9, w: TRUE_W });
  const rand = random(7);
  const cards: { key: string; record?: CardRecord; real?: MemoryState }[] = [];
  const entries: LogEntry[] = [];
  let n = 0;
  for (let day = 0; day < days; day++) {
    const at0 = T0 + day * DAY;
    for (let i = 0; i < newPerDay; i++) cards.push({ key: `d/c${cards.length}` });
    let at = at0;
    for (const card of cards) {
      if (card.record && card.record.state.due > at0 + DAY / 2) continue;
      at += 20_000;
      const p = card.real ? truth.recall(card.real, at) : 0.6;
      const rating: Rating = rand() < p ? (rand() < 0.1 ? 4 : 3) : 1;
      const state = scheduler.next(card.record?.state, at, rating);
      card.real = truth.next(card.real, at, rating);
      card.record = { state, firstReview: card.record?.firstReview ?? at };
      entries.push({ v: 1, t: 'review', id: `r${n++}`, key: card.key, rating, at, ms: 1000, record: card.record });
    }
  }
  return entries;
}


/** The log as reviews.jsonl holds it. */
export function learnerLogText(days: number, newPerDay: number, start = LEARNER_START): string {
  const shift = start - LEARNER_START;
  return learnerLog(days, newPerDay)
    .map((e) => JSON.stringify(shift === 0 || e.t !== 'review' ? e : { ...e, at: e.at + shift, record: shiftRecord(e.record, shift) }))
    .join('\n') + '\n';
}

function shiftRecord(record: CardRecord, shift: number): CardRecord {
  const s = record.state;
  return { firstReview: record.firstReview + shift, state: { ...s, due: s.due + shift, lastReview: s.lastReview === null ? null : s.lastReview + shift } };
}
