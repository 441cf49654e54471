// Which cards to study today: due cards first, the ones you are most likely to have forgotten
// leading, then new cards up to the day's limit.
import { cardKey, QUIZ_KINDS, type Card, type Deck } from './deck.js';
import { endOfDay, startOfDay } from './day.js';
import type { CardRecord } from './progress.js';
import type { Scheduler } from './scheduler.js';

export interface StudyItem {
  key: string;
  deckId: string;
  deckTitle: string;
  card: Card;
}

export function studyItems(decks: readonly Deck[]): StudyItem[] {
  const items: StudyItem[] = [];
  for (const deck of decks) {
    for (const card of deck.cards) {
      if (QUIZ_KINDS.includes(card.type)) items.push({ key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card });
    }
  }
  return items;
}

export function newIntroducedToday(records: ReadonlyMap<string, CardRecord>, now: number): number {
  const start = startOfDay(now);
  let count = 0;
  for (const record of records.values()) if (record.firstReview >= start) count++;
  return count;
}

export interface QueueOptions {
  newPerDay: number;
  /** Cards already introduced today, across all decks; they count against newPerDay. */
  newSeenToday: number;
  scheduler: Scheduler;
}

export interface Queue {
  due: StudyItem[];
  fresh: StudyItem[];
}

export function buildQueue(items: readonly StudyItem[], records: ReadonlyMap<string, CardRecord>, now: number, options: QueueOptions): Queue {
  const dayEnd = endOfDay(now);
  const due: { item: StudyItem; recall: number }[] = [];
  const fresh: StudyItem[] = [];
  const newRoom = Math.max(0, options.newPerDay - options.newSeenToday);
  for (const item of items) {
    const record = records.get(item.key);
    if (!record) {
      if (fresh.length < newRoom) fresh.push(item);
    } else if (record.state.due < dayEnd) {
      due.push({ item, recall: options.scheduler.recall(record.state, now) });
    }
  }
  due.sort((a, b) => a.recall - b.recall);
  return { due: due.map((d) => d.item), fresh };
}
