// Cramming in the last days: the cards most at risk on the interview day, beyond what is due.
// Cram ratings are practice: unless the user chooses to count them, they never touch a card's
// FSRS state, so the schedule after the interview stays what the real reviews made it.
import type { CardRecord } from './progress.js';
import type { StudyItem } from './queue.js';
import type { Scheduler } from './scheduler.js';

export const CRAM_SIZE = 20;

/** Seen cards weakest first by predicted recall at `at`, then cards never seen, up to `limit`. */
export function cramItems(items: readonly StudyItem[], records: ReadonlyMap<string, CardRecord>, scheduler: Scheduler, at: number, limit = CRAM_SIZE): StudyItem[] {
  const seen: { item: StudyItem; recall: number }[] = [];
  const unseen: StudyItem[] = [];
  for (const item of items) {
    const record = records.get(item.key);
    if (record) seen.push({ item, recall: scheduler.recall(record.state, at) });
    else unseen.push(item);
  }
  seen.sort((a, b) => a.recall - b.recall);
  return [...seen.map((s) => s.item), ...unseen].slice(0, limit);
}

/** One practice answer, kept apart from the review log. */
export interface CramEntry {
  v: 1;
  t: 'cram' | 'undo';
  id: string;
  key: string;
  at: number;
  rating?: 1 | 2 | 3 | 4;
  ms?: number;
  confidence?: 'sure' | 'guess';
  correct?: boolean;
}

export function parseCramLine(line: string): CramEntry | null {
  try {
    const e = JSON.parse(line) as Partial<CramEntry> | null;
    if (!e || e.v !== 1 || (e.t !== 'cram' && e.t !== 'undo') || typeof e.id !== 'string' || typeof e.key !== 'string' || typeof e.at !== 'number') return null;
    return e as CramEntry;
  } catch {
    return null;
  }
}

/** The practice answers that stand: undone ones are dropped. */
export function standingCram(entries: readonly CramEntry[]): CramEntry[] {
  const undone = new Set(entries.filter((e) => e.t === 'undo').map((e) => e.id));
  return entries.filter((e) => e.t === 'cram' && !undone.has(e.id));
}
