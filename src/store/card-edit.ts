// Editing a card of the user's own deck in $VISUAL or $EDITOR, then taking the file back: it is
// validated and, when it loads, put in the library in place of the old deck (progress is keyed by
// deck and card id, so the card keeps its history). The file is the user's: nothing here writes
// it, so a broken edit stays on disk as typed while the app keeps the last good deck in memory.
import { readFileSync } from 'node:fs';
import { childProcess } from './lazy-builtins.js';
import { cardLine, chosenEditor, editorArgs } from '../core/card-edit.js';
import { safeText } from '../core/safe-text.js';
import { readDeckFile, type DeckLibrary } from './deck-files.js';

export type EditOutcome =
  /** Nothing was opened: a built-in card, or a card no loaded deck has. */
  | { kind: 'refused'; message: string }
  /** The editor did not start or failed; the deck was not reloaded. */
  | { kind: 'editor-failed'; message: string }
  | { kind: 'unchanged'; message: string }
  | { kind: 'reloaded'; message: string; cardKept: boolean }
  /** The edited file does not load; the library keeps the deck as it was. */
  | { kind: 'broken'; message: string; errors: string[] };

export interface EditorResult {
  status: number | null;
  error?: Error | undefined;
}

/** Runs the editor on the user's terminal and waits for it. */
export type EditorRunner = (argv: readonly string[]) => EditorResult;

export const runEditor: EditorRunner = (argv) => {
  const result = childProcess().spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit' });
  return { status: result.status, error: result.error };
};

export const BUILT_IN_REFUSAL = 'Built-in cards cannot be edited: flag it instead (f).';

/** Whether `v` can edit this card: a card of a deck the user loaded from a file of their own. */
export function editable(library: DeckLibrary, deckId: string): boolean {
  const loaded = library.decks.find((d) => d.deck.id === deckId);
  return !!loaded && loaded.origin !== 'built-in';
}

export async function editCard(library: DeckLibrary, deckId: string, cardId: string, env: Readonly<Record<string, string | undefined>>, run: EditorRunner = runEditor): Promise<EditOutcome> {
  const index = library.decks.findIndex((d) => d.deck.id === deckId);
  const loaded = library.decks[index];
  if (!loaded) return { kind: 'refused', message: `No loaded deck has the id "${safeText(deckId)}".` };
  if (loaded.origin === 'built-in') return { kind: 'refused', message: BUILT_IN_REFUSAL };
  const file = loaded.file;
  const shown = safeText(file);
  let before: string;
  try {
    before = readFileSync(file, 'utf8');
  } catch (error) {
    return { kind: 'refused', message: `Cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'}): the deck was loaded from it, but it is gone or unreadable now.` };
  }
  const editor = chosenEditor(env);
  const result = run(editorArgs(editor, file, cardLine(before, cardId)));
  const name = safeText(editor);
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code ?? result.error.message;
    return { kind: 'editor-failed', message: `Could not start the editor "${name}" (${safeText(code)}): set $VISUAL or $EDITOR to one that is installed.` };
  }
  if (result.status !== 0) {
    return { kind: 'editor-failed', message: `The editor "${name}" exited with ${result.status === null ? 'a signal' : `status ${result.status}`}: the deck was not reloaded; the file is as the editor left it.` };
  }
  let after: string | null = null;
  try {
    after = readFileSync(file, 'utf8');
  } catch {
    // readDeckFile says why below.
  }
  if (after === before) return { kind: 'unchanged', message: 'No change to the deck file.' };
  const { parseDeck, formatDeckError } = await import('../core/deck-parse.js');
  const read = readDeckFile(file, loaded.origin, parseDeck);
  const again = `The app keeps the deck as it was before; your text stays in ${shown}: press v to edit again.`;
  if (!('deck' in read)) {
    const errors = read.errors.map(formatDeckError);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return { kind: 'broken', errors, message: `The edited deck does not load: ${errors[0]}${more}. ${again}` };
  }
  const clash = library.decks.find((d, i) => i !== index && d.deck.id === read.deck.id);
  if (clash) {
    const error = `${shown}:1:1 id: deck id "${safeText(read.deck.id)}" is already used by ${safeText(clash.file)}`;
    return { kind: 'broken', errors: [error], message: `The edited deck does not load: ${error}. ${again}` };
  }
  library.decks[index] = { ...read, ...(loaded.replaced ? { replaced: loaded.replaced } : {}) };
  const cardKept = read.deck.id === deckId && read.deck.cards.some((c) => c.id === cardId);
  return {
    kind: 'reloaded',
    cardKept,
    message: cardKept ? `Saved and reloaded "${safeText(read.deck.title)}".` : `Reloaded "${safeText(read.deck.title)}"; this card's id is no longer in it (its history is kept under the old id).`,
  };
}
