// Deck format version 1: its constants, types and the helpers every screen and command uses.
// The schema that validates decks (and is emitted as decks/deck.schema.json) is in deck-zod.ts,
// so that a start which validates nothing never loads zod. Changes there must stay compatible
// with decks already written.
import type { Deck } from './deck-zod.js';

export { FIELD_TOO_LONG_MESSAGE, MAX_CARDS, MAX_DECK_BYTES, MAX_FIELD_LENGTH, MAX_NESTING } from './deck-limits.js';

/** Anything but newline and tab below U+0020, DEL, and the C1 controls: a deck must not be able
 * to move the cursor or rewrite the user's terminal. */
const CONTROL_CLASS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
export const SAFE_TEXT = new RegExp(`^[^${CONTROL_CLASS}]*$`);
/** One character deck text may not hold (deck fields, dataset files). */
export const CONTROL_CHARACTER = new RegExp(`[${CONTROL_CLASS}]`);
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CONTROL_CHARACTER_MESSAGE =
  'contains a control character (only newline and tab are allowed in deck text)';

export const AREAS = ['culture', 'skills', 'design', 'custom'] as const;
export const CARD_TYPES = '"flashcard", "choice", "multi", "open", "design", "sql", "code"';
/** Languages a code exercise can be written in; the runner (store/code-run) knows how to run each. */
export const CODE_LANGUAGES = ['python'] as const;
/** A dataset given as a file next to the deck rather than inline SQL: a relative path ending in .sql. */
export const DATASET_FILE = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*\.sql$/;
export const EXERCISE_TIMEOUT_MS = 5000;

export type { Deck } from './deck-zod.js';
export type Card = Deck['cards'][number];
export type CardKind = Card['type'];
export type Area = (typeof AREAS)[number];

export const CARD_KINDS: readonly CardKind[] = ['flashcard', 'choice', 'multi', 'open', 'design', 'sql', 'code'];

/** Column headers for a count per kind, short enough that a table of every kind fits 80 columns. */
export const KIND_HEADERS: Readonly<Record<CardKind, string>> = { flashcard: 'flash', choice: 'choice', multi: 'multi', open: 'open', design: 'design', sql: 'sql', code: 'code' };

/** A deck's counts per kind as one cell under the joined KIND_HEADERS, "-" for none. */
export function kindCell(counts: Readonly<Record<CardKind, number>>, none = '-'): string {
  return CARD_KINDS.map((k) => (counts[k] > 0 ? String(counts[k]) : none).padStart(KIND_HEADERS[k].length)).join(' ');
}

/**
 * Kinds the review session can show, so the kinds queues are made of: exercises are scheduled like
 * any card (the session opens them in the exercise editor); design prompts get their own
 * mock-interview screen.
 */
export const QUIZ_KINDS: readonly CardKind[] = ['flashcard', 'choice', 'multi', 'open', 'sql', 'code'];

/** A kind as a card's header names it for the user ("multi" is a deck file's word). */
export function kindLabel(kind: CardKind): string {
  if (kind === 'sql') return 'SQL exercise';
  if (kind === 'code') return 'code exercise';
  return kind === 'multi' ? 'select all' : kind;
}

export type ExerciseCard = Extract<Card, { type: 'sql' | 'code' }>;

export function isExercise(card: Card): card is ExerciseCard {
  return card.type === 'sql' || card.type === 'code';
}

export function cardKey(deckId: string, cardId: string): string {
  return `${deckId}/${cardId}`;
}

/** The question side of any card, for lists and search. */
export function cardPrompt(card: Card): string {
  if (card.type === 'flashcard') return card.front;
  // An exercise's prompt opens with definitions; its title says which one it is.
  if ((card.type === 'sql' || card.type === 'code') && card.title) return `${card.title}: ${card.prompt}`;
  return card.prompt;
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
    case 'sql':
    case 'code':
      // The title too: search finds "retention" in "Second-month retention".
      return [card.title ?? '', card.solution, card.explanation ?? ''].join('\n');
  }
}
