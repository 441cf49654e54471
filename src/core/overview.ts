// The figures Home, Stats and `stats` show: cards, due today and new today, overall and per deck.
import type { Deck } from './deck.js';
import type { CardRecord } from './progress.js';
import { deckFacts } from './deck-facts.js';
import { endOfDay, startOfDay } from './day.js';
import { talliesFor, type Tallies } from './deck-tally.js';
import { buildQueue, type NewRoom, type QueueOptions, type StudyItem } from './queue.js';
import type { Scheduler } from './scheduler.js';
import { deckWeight, type Track } from './tracks.js';
import { isWalkthroughDeck } from './walkthrough.js';

export interface DeckFigures {
  id: string;
  title: string;
  area: string;
  cards: number;
  seen: number;
  due: number;
  /** New cards studying this deck alone would bring in today (the role's daily limit is shared; a user's deck has its own). */
  new: number;
  /** Share of new skill cards this deck gets in the track's mix (0 to 1); null for culture and design decks. */
  mix: number | null;
  /** New cards come through the guided walkthrough rather than the daily queue. */
  guided: boolean;
}

export interface Overview {
  cards: number;
  seen: number;
  due: number;
  /** Not due yet, but predicted below the target on the interview day: reviewed ahead. */
  ahead: number;
  new: number;
  decks: DeckFigures[];
}

export interface OverviewOptions {
  /** What is left of today's new-card limits (see newRoomToday). */
  room: NewRoom;
  scheduler: Scheduler;
  ahead?: QueueOptions['ahead'];
  /** Orders new cards by the track's skill weights. */
  track?: Track | undefined;
  /** The day's tallies (DayLimits), used for the decks they hold when counted for the same moment and records. */
  tallies?: Tallies | undefined;
}

export function todaysQueue(items: readonly StudyItem[], records: ReadonlyMap<string, CardRecord>, now: number, options: OverviewOptions) {
  return buildQueue(items, records, now, { newPerDay: options.room.shared, newSeenToday: 0, ownRoom: options.room.own, scheduler: options.scheduler, ahead: options.ahead });
}

/**
 * Counts alone, without building the queue: its due and ahead parts are every seen card due today
 * or predicted weak by the day, and its new part fills each limit from its decks' plain unseen
 * cards, however the decks interleave, so each is a sum over the decks' cards.
 */
export function overview(decks: readonly Deck[], records: ReadonlyMap<string, CardRecord>, now: number, options: OverviewOptions): Overview {
  const { ahead, scheduler, room } = options;
  // The grant only moves firstToday, which the figures do not use: the held one is taken as it is.
  const tallies = talliesFor(decks, { records, dayStart: startOfDay(now), dayEnd: endOfDay(now), scheduler, ahead, granted: options.tallies?.granted }, options.tallies);
  const counts = new Map<string, { cards: number; seen: number; due: number; unseenPlain: number }>();
  let cards = 0;
  let due = 0;
  let aheadCount = 0;
  for (const deck of decks) {
    const { keys } = deckFacts(deck);
    if (keys.length === 0) continue;
    const tally = tallies.byDeck.get(deck)!;
    let c = counts.get(deck.id);
    if (!c) counts.set(deck.id, (c = { cards: 0, seen: 0, due: 0, unseenPlain: 0 }));
    c.cards += keys.length;
    c.seen += tally.seen;
    c.due += tally.due;
    c.unseenPlain += tally.unseenPlain;
    cards += keys.length;
    due += tally.due;
    aheadCount += tally.ahead;
  }
  // A limit of 2.5 lets three cards in, as the queue counts it down one card at a time.
  const taken = (limit: number, unseen: number) => Math.min(unseen, Math.max(0, Math.ceil(limit)));
  let sharedUnseen = 0;
  let fresh = 0;
  for (const [id, c] of counts) {
    const own = room.own.get(id);
    if (own === undefined) sharedUnseen += c.unseenPlain;
    else fresh += taken(own, c.unseenPlain);
  }
  fresh += taken(room.shared, sharedUnseen);
  const skillWeight = decks.filter((d) => d.area === 'skills').reduce((n, d) => n + deckWeight(options.track, d.id), 0);
  const perDeck = decks.flatMap((deck): DeckFigures[] => {
    const mine = counts.get(deck.id);
    // A deck of design prompts only has no quiz cards; its prompts have their own screen.
    if (!mine || mine.cards === 0) return [];
    return [{
      id: deck.id,
      title: deck.title,
      area: deck.area,
      cards: mine.cards,
      seen: mine.seen,
      due: mine.due,
      new: Math.min(options.room.own.get(deck.id) ?? options.room.shared, mine.unseenPlain),
      mix: deck.area === 'skills' ? deckWeight(options.track, deck.id) / skillWeight : null,
      guided: isWalkthroughDeck(deck),
    }];
  });
  // Culture first, then the skills the track leans on most.
  const rank = (d: DeckFigures) => (d.area === 'culture' ? 2 : 0) + (d.mix ?? 0);
  perDeck.sort((a, b) => rank(b) - rank(a));
  return {
    cards,
    seen: perDeck.reduce((n, d) => n + d.seen, 0),
    due,
    ahead: aheadCount,
    new: fresh,
    decks: perDeck,
  };
}

/** How a deck's place in the track's mix reads in tables: its share of new cards, or "guided". */
export function mixLabel(deck: Pick<DeckFigures, 'mix' | 'guided'>): string {
  return deck.mix === null ? (deck.guided ? 'guided' : '') : `${Math.round(deck.mix * 100)}%`;
}
