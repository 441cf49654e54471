// Which cards to study today: due cards first, the ones you are most likely to have forgotten
// leading, then new cards up to the day's limit.
import type { Card, Deck } from './deck.js';
import { deckFacts, type DeckFacts } from './deck-facts.js';
import { endOfDay, startOfDay } from './day.js';
import type { CardRecord } from './progress.js';
import type { Scheduler } from './scheduler.js';
import { deckWeight, interleaveByWeight, type Track } from './tracks.js';

export interface StudyItem {
  key: string;
  deckId: string;
  deckTitle: string;
  card: Card;
  /** First met in the guided walkthrough, so never brought in as a plain new card. */
  guided?: boolean;
  /** Prompts the card may be asked with instead, the card's own first (a story rehearsal's questions). */
  prompts?: readonly string[];
}

// A loaded deck never changes (an edit loads a new Deck object), and one start asks for its items
// several times (the day's limits, the overview, each queue): a 10,000-card deck's are built once.
const deckItems = (deck: Deck): readonly StudyItem[] => deckFacts(deck).items;

export function studyItems(decks: readonly Deck[]): StudyItem[] {
  return decks.flatMap(deckItems);
}

/** The decks' cards in the order new ones should come for a track: weighted, heaviest deck first. */
// A start asks for the same decks' order several times (the day's figures, the overview, each queue):
// the last one is kept while the decks, their facts (new ones when a deck's cards change) and the track are the same objects.
let lastForTrack: { decks: readonly Deck[]; facts: readonly DeckFacts[]; track: Track | undefined; items: readonly StudyItem[] } | null = null;

export function studyItemsForTrack(decks: readonly Deck[], track: Track | undefined): StudyItem[] {
  const held = lastForTrack;
  if (held && held.track === track && held.decks.length === decks.length && decks.every((d, i) => held.decks[i] === d && held.facts[i] === deckFacts(d))) return held.items.slice();
  const items = interleaveByWeight(decks.map((deck) => ({ weight: deckWeight(track, deck.id), items: deckItems(deck) })));
  lastForTrack = { decks: [...decks], facts: decks.map(deckFacts), track, items };
  return items.slice();
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

export interface NewLimits {
  /** The daily limit of the role's decks (or of those chosen with --deck). */
  shared: number;
  /** The user's decks among those studied: each has a daily limit of its own, on top of `shared`. */
  own: ReadonlySet<string>;
  ownLimit: number;
  /** Cards granted today on top of the limits ("learn N more", core/extra-new.ts): they use up no room. */
  granted?: ReadonlySet<string> | undefined;
}

/** New cards still to come today: from the shared limit, and per deck with a limit of its own. */
export interface NewRoom {
  shared: number;
  own: ReadonlyMap<string, number>;
}

/**
 * What is left of today's new-card limits, from each deck's cards first rated today that use them
 * up (`used`: deck id and count, every deck with study items, a deck with a limit of its own too
 * at 0). Only study items count (the day's tallies, core/deck-tally.ts): a deck left by a role
 * change (or not chosen with --deck) uses up nothing of the new track's limit, design prompts and
 * stories never take a new card's place, and cards granted today use none.
 */
export function roomLeft(used: Iterable<readonly [deckId: string, count: number]>, limits: NewLimits): NewRoom {
  let shared = 0;
  const own = new Map<string, number>();
  for (const [deckId, count] of used) {
    if (limits.own.has(deckId)) own.set(deckId, (own.get(deckId) ?? 0) + count);
    else shared += count;
  }
  return { shared: Math.max(0, limits.shared - shared), own: new Map([...own].map(([id, n]) => [id, Math.max(0, limits.ownLimit - n)])) };
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
  /**
   * Decks with a daily new-card limit of their own (the user's decks), and the room each has left
   * today: their new cards come on top of newPerDay and never use it up.
   */
  ownRoom?: ReadonlyMap<string, number> | undefined;
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
  let sharedRoom = Math.max(0, options.newPerDay - options.newSeenToday);
  const ownRoom = new Map(options.ownRoom ?? []);
  for (const item of items) {
    const record = records.get(item.key);
    if (!record) {
      if (item.guided) continue;
      const own = ownRoom.get(item.deckId);
      if (own === undefined ? sharedRoom <= 0 : own <= 0) continue;
      fresh.push(item);
      if (own === undefined) sharedRoom--;
      else ownRoom.set(item.deckId, own - 1);
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
