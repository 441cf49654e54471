// The figures Home, Stats and `stats` show: cards, due today and new today, overall and per deck.
import type { Deck } from './deck.js';
import type { CardRecord } from './progress.js';
import { buildQueue, newIntroducedToday, studyItems, type StudyItem } from './queue.js';
import type { Scheduler } from './scheduler.js';

export interface DeckFigures {
  id: string;
  title: string;
  area: string;
  cards: number;
  seen: number;
  due: number;
  /** New cards studying this deck alone would bring in today (the daily limit is shared). */
  new: number;
}

export interface Overview {
  cards: number;
  seen: number;
  due: number;
  new: number;
  newSeenToday: number;
  decks: DeckFigures[];
}

export interface OverviewOptions {
  newPerDay: number;
  scheduler: Scheduler;
}

export function todaysQueue(items: readonly StudyItem[], records: ReadonlyMap<string, CardRecord>, now: number, options: OverviewOptions) {
  return buildQueue(items, records, now, { newPerDay: options.newPerDay, newSeenToday: newIntroducedToday(records, now), scheduler: options.scheduler });
}

export function overview(decks: readonly Deck[], records: ReadonlyMap<string, CardRecord>, now: number, options: OverviewOptions): Overview {
  const items = studyItems(decks);
  const queue = todaysQueue(items, records, now, options);
  const dueKeys = new Set(queue.due.map((i) => i.key));
  const newRoom = Math.max(0, options.newPerDay - newIntroducedToday(records, now));
  const perDeck = decks.map((deck): DeckFigures => {
    const mine = items.filter((i) => i.deckId === deck.id);
    const seen = mine.filter((i) => records.has(i.key)).length;
    return {
      id: deck.id,
      title: deck.title,
      area: deck.area,
      cards: mine.length,
      seen,
      due: mine.filter((i) => dueKeys.has(i.key)).length,
      new: Math.min(newRoom, mine.length - seen),
    };
  });
  return {
    cards: items.length,
    seen: perDeck.reduce((n, d) => n + d.seen, 0),
    due: queue.due.length,
    new: queue.fresh.length,
    newSeenToday: newIntroducedToday(records, now),
    decks: perDeck,
  };
}
