// One walk over a deck's quiz cards finds what the day's new-card room and the day's figures both
// count. The day's limits keep the tallies, so the figures for the same moment and records (Home's,
// `stats`') do not walk every card of every deck again.
import type { Deck } from './deck.js';
import { deckFacts } from './deck-facts.js';
import type { CardRecord } from './progress.js';
import type { Scheduler } from './scheduler.js';

export interface DeckTally {
  seen: number;
  /** Seen cards due before the day ends. */
  due: number;
  /** Seen cards not due, but predicted below the target at the interview (only with `ahead`). */
  ahead: number;
  /** Unseen cards that come in as plain new cards (not through the walkthrough). */
  unseenPlain: number;
  /** Cards first rated today that use up new-card room (granted ones use none). */
  firstToday: number;
}

/** The tallies of some decks, and what they were counted with: used again only for the same. */
export interface Tallies {
  records: ReadonlyMap<string, CardRecord>;
  dayStart: number;
  dayEnd: number;
  scheduler: Scheduler;
  ahead: { at: number; target: number } | undefined;
  granted: ReadonlySet<string> | undefined;
  byDeck: Map<Deck, DeckTally>;
}

export type TallyInput = Omit<Tallies, 'byDeck'>;

export function tallyDeck(deck: Deck, input: TallyInput): DeckTally {
  const { keys, guided } = deckFacts(deck);
  const { records, dayStart, dayEnd, scheduler, ahead, granted } = input;
  const tally: DeckTally = { seen: 0, due: 0, ahead: 0, unseenPlain: 0, firstToday: 0 };
  // Indexed, not for-of: this runs cold, once per start, where an iterator costs per card.
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const record = records.get(key);
    if (record === undefined) {
      if (!guided) tally.unseenPlain++;
      continue;
    }
    tally.seen++;
    if (record.state.due < dayEnd) tally.due++;
    else if (ahead && scheduler.recall(record.state, ahead.at) < ahead.target) tally.ahead++;
    if (record.firstReview >= dayStart && !granted?.has(key)) tally.firstToday++;
  }
  return tally;
}

/** The decks' tallies: from `held` when it was counted with the same input, else counted now. */
export function talliesFor(decks: readonly Deck[], input: TallyInput, held?: Tallies): Tallies {
  const same =
    held !== undefined &&
    held.records === input.records &&
    held.dayStart === input.dayStart &&
    held.dayEnd === input.dayEnd &&
    held.scheduler === input.scheduler &&
    held.ahead?.at === input.ahead?.at &&
    held.ahead?.target === input.ahead?.target &&
    held.granted === input.granted;
  const byDeck = new Map<Deck, DeckTally>();
  for (const deck of decks) byDeck.set(deck, (same ? held.byDeck.get(deck) : undefined) ?? tallyDeck(deck, input));
  return { ...input, byDeck };
}
