// A review log as a learner of some weeks leaves it: the cards of a built-in deck, reviewed each
// day they fall due, recalled as often as FSRS predicts (a seeded draw), so Readiness has enough
// reviews a day or more apart for every bin of the calibration of past predictions.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_VERSION, type CardRecord, type ReviewEntry } from '../../src/core/progress.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import { LOG_FILE } from '../../src/store/progress-store.js';
import { BUILTIN_DECKS } from './temp.js';

const DAY = 24 * 60 * 60 * 1000;

/** Appends `days` days of reviews of `deck`'s cards (a built-in deck's id) ending today to the log in `dir`; returns how many. */
export function writeReviewHistory(dir: string, { deck = 'distributed-systems', days = 60, seed = 7, now = Date.now() } = {}): number {
  const ids = (JSON.parse(readFileSync(join(BUILTIN_DECKS, `${deck}.json`), 'utf8')) as { cards: { id: string }[] }).cards.map((c) => c.id);
  const scheduler = createScheduler({ retention: 0.9 });
  let state = seed >>> 0;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const cards = new Map<string, CardRecord>();
  const lines: string[] = [];
  const start = now - days * DAY;
  for (let day = 0; day < days; day++) {
    const at0 = start + day * DAY;
    // Days missed, and a week away: cards come back late, predicted lower.
    if (random() < 0.3 || (day >= days - 20 && day < days - 12)) continue;
    ids.forEach((id, i) => {
      const key = `${deck}/${id}`;
      const before = cards.get(key);
      // New cards a few a day; a card seen comes back when it is due.
      if (!before ? i > (day + 1) * 2 : before.state.due > at0 + DAY / 2) return;
      const at = at0 + i * 60_000;
      const recalled = !before || random() < scheduler.recall(before.state, at);
      const rating: Rating = !recalled ? 1 : random() < 0.15 ? 2 : random() < 0.9 ? 3 : 4;
      const record: CardRecord = { state: scheduler.next(before?.state, at, rating), firstReview: before?.firstReview ?? at };
      cards.set(key, record);
      const entry: ReviewEntry = { v: LOG_VERSION, t: 'review', id: `h${lines.length}`, key, rating, at, ms: 4000, record };
      lines.push(JSON.stringify(entry));
    });
  }
  appendFileSync(join(dir, LOG_FILE), `${lines.join('\n')}\n`);
  return lines.length;
}
