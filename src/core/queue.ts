// Which cards to study today: due cards first, the ones you are most likely to have forgotten
// leading, then new cards up to the day's limit.
import { cardKey, QUIZ_KINDS, type Card, type Deck } from './deck.js';
import { endOfDay, startOfDay } from './day.js';
import type { CardRecord } from './progress.js';
import type { Scheduler } from './scheduler.js';
import { deckWeight, interleaveByWeight, type Track } from './tracks.js';
import { isWalkthroughDeck } from './walkthrough.js';

export interface StudyItem {
  key: string;
  deckId: string;
  deckTitle: string;
  card: Card;
  /** First met in the guided walkthrough, so never brought in as a plain new card. */
  guided?: boolean;
}

function deckItems(deck: Deck): StudyItem[] {
  const guided = isWalkthroughDeck(deck);
  return deck.cards
    .filter((card) => QUIZ_KINDS.includes(card.type))
    .map((card) => ({ key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card, ...(guided ? { guided } : {}) }));
}

export function studyItems(decks: readonly Deck[]): StudyItem[] {
  return decks.flatMap(deckItems);
}

/** The decks' cards in the order new ones should come for a track: weighted, heaviest deck first. */
export function studyItemsForTrack(decks: readonly Deck[], track: Track | undefined): StudyItem[] {
  return interleaveByWeight(decks.map((deck) => ({ weight: deckWeight(track, deck.id), items: deckItems(deck) })));
}

/**
 * Cards first rated today, which count against the new-card limit. `counts` leaves out keys that
 * are not quiz cards (design prompts, stories): those have their own screens and never take a
 * new card's place.
 */
export function newIntroducedToday(records: ReadonlyMap<string, CardRecord>, now: number, counts: (key: string) => boolean = () => true): number {
  const start = startOfDay(now);
  let count = 0;
  for (const [key, record] of records) if (record.firstReview >= start && counts(key)) count++;
  return count;
}

export interface QueueOptions {
  newPerDay: number;
  /** Cards already introduced today, across all decks; they count against newPerDay. */
  newSeenToday: number;
  scheduler: Scheduler;
  /**
   * In the last days before the interview: seen cards not due yet whose predicted recall at `at`
   * is below `target` come in too, weakest first. Reviewing early is safe for the schedule after
   * the interview: FSRS rates an early review by the time actually elapsed, so it grows the
   * card's stability less than an on-time review would, instead of pretending the interval passed.
   */
  ahead?: { at: number; target: number } | undefined;
}

export interface Queue {
  due: StudyItem[];
  /** Reviewed ahead of the interview (see QueueOptions.ahead). */
  ahead: StudyItem[];
  fresh: StudyItem[];
}

export function buildQueue(items: readonly StudyItem[], records: ReadonlyMap<string, CardRecord>, now: number, options: QueueOptions): Queue {
  const dayEnd = endOfDay(now);
  const due: { item: StudyItem; recall: number }[] = [];
  const ahead: { item: StudyItem; recall: number }[] = [];
  const fresh: StudyItem[] = [];
  const newRoom = Math.max(0, options.newPerDay - options.newSeenToday);
  for (const item of items) {
    const record = records.get(item.key);
    if (!record) {
      if (fresh.length < newRoom && !item.guided) fresh.push(item);
    } else if (record.state.due < dayEnd) {
      due.push({ item, recall: options.scheduler.recall(record.state, now) });
    } else if (options.ahead) {
      const recall = options.scheduler.recall(record.state, options.ahead.at);
      if (recall < options.ahead.target) ahead.push({ item, recall });
    }
  }
  due.sort((a, b) => a.recall - b.recall);
  ahead.sort((a, b) => a.recall - b.recall);
  return { due: due.map((d) => d.item), ahead: ahead.map((d) => d.item), fresh };
}
