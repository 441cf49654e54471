// The guided walkthrough of a deck with sections (the culture deck): each section's plain-words
// intro, then its check questions. Where the user stands is worked out from their reviews, so
// there is no separate progress to keep in step: a section is done once every card in it has
// been answered, and from then on its cards are in the normal schedule like any other.
import { cardKey, QUIZ_KINDS, type Deck } from './deck.js';
import type { CardRecord } from './progress.js';

export interface WalkthroughSection {
  name: string;
  intro: string;
  /** Keys of the section's cards, in deck order. */
  keys: string[];
  answered: number;
  done: boolean;
}

export interface Walkthrough {
  deckId: string;
  title: string;
  sections: WalkthroughSection[];
  /** Sections finished. */
  done: number;
  /** The first unfinished section: where the walkthrough resumes (sections.length when all are done). */
  current: number;
}

/** Culture decks that list their sections are learned through the walkthrough. */
export function isWalkthroughDeck(deck: Deck): boolean {
  return deck.area === 'culture' && (deck.sections?.length ?? 0) > 0;
}

export function walkthrough(deck: Deck, records: ReadonlyMap<string, CardRecord>): Walkthrough {
  const sections = (deck.sections ?? []).map((section): WalkthroughSection => {
    const keys = deck.cards.filter((c) => c.section === section.name && QUIZ_KINDS.includes(c.type)).map((c) => cardKey(deck.id, c.id));
    const answered = keys.filter((k) => records.has(k)).length;
    return { name: section.name, intro: section.intro, keys, answered, done: answered === keys.length };
  });
  const current = sections.findIndex((s) => !s.done);
  return {
    deckId: deck.id,
    title: deck.title,
    sections,
    done: sections.filter((s) => s.done).length,
    current: current === -1 ? sections.length : current,
  };
}
