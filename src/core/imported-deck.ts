// An import's cards as a deck file's contents, checked by the same schema that checks every deck.
import { formatPath } from './deck-parse.js';
import { deckSchema } from './deck-zod.js';
import type { Flashcard } from './anki-notes.js';
import { ImportError } from './import-text.js';

export interface ImportedDeckInput {
  id: string;
  title: string;
  description: string;
  /** Where the deck file will point editors for autocompletion; relative to the deck file. */
  schema: string;
  cards: Flashcard[];
}

export function importedDeck(input: ImportedDeckInput): Record<string, unknown> {
  const deck = { $schema: input.schema, id: input.id, title: input.title, description: input.description, area: 'custom', version: 1, cards: input.cards };
  const result = deckSchema().safeParse(deck);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ImportError(`the imported deck does not validate: ${formatPath(issue.path)}: ${issue.message}`);
  }
  return deck;
}
