// Deck format version 1: its constants, types and the helpers every screen and command uses.
// The schema that validates decks (and is emitted as decks/deck.schema.json) is in deck-zod.ts,
// so that a start which validates nothing never loads zod. Changes there must stay compatible
// with decks already written.
import type { Deck } from './deck-zod.js';

export { FIELD_TOO_LONG_MESSAGE, MAX_CARDS, MAX_DECK_BYTES, MAX_FIELD_LENGTH, MAX_NESTING } from './deck-limits.js';

/** Anything but newline and tab below U+0020, DEL, and the C1 controls: a deck must not be able
 * to move the cursor or rewrite the user's terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const SAFE_TEXT = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/;
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CONTROL_CHARACTER_MESSAGE =
  'contains a control character (only newline and tab are allowed in deck text)';

export const AREAS = ['culture', 'skills', 'design', 'custom'] as const;

export type { Deck } from './deck-zod.js';
export type Card = Deck['cards'][number];
export type CardKind = Card['type'];
export type Area = (typeof AREAS)[number];

export const CARD_KINDS: readonly CardKind[] = ['flashcard', 'choice', 'multi', 'open', 'design'];

/** How many cards of each kind a deck has. */
export function kindCounts(deck: Deck): Record<CardKind, number> {
  const counts = Object.fromEntries(CARD_KINDS.map((k) => [k, 0])) as Record<CardKind, number>;
  for (const card of deck.cards) counts[card.type]++;
  return counts;
}

/** Kinds the review session can show; design prompts get their own mock-interview screen. */
export const QUIZ_KINDS: readonly CardKind[] = ['flashcard', 'choice', 'multi', 'open'];

/** A kind as a card's header names it for the user ("multi" is a deck file's word). */
export function kindLabel(kind: CardKind): string {
  return kind === 'multi' ? 'select all' : kind;
}

export function cardKey(deckId: string, cardId: string): string {
  return `${deckId}/${cardId}`;
}

/** The question side of any card, for lists and search. */
export function cardPrompt(card: Card): string {
  return card.type === 'flashcard' ? card.front : card.prompt;
}

/** The answer side of any card, as plain text, for search and the card view. */
export function cardAnswer(card: Card): string {
  switch (card.type) {
    case 'flashcard':
      return card.back;
    case 'choice':
      return `${card.choices[card.answer] ?? ''}\n${card.explanation}`;
    case 'multi':
      return `${card.answers.map((i) => card.choices[i] ?? '').join('\n')}\n${card.explanation}`;
    case 'open':
      return [...card.keyPoints, card.sample ?? ''].join('\n');
    case 'design':
      return [...(card.keyPoints ?? []), ...(card.requirements ?? [])].join('\n');
  }
}
