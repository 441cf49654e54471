// A deck file's error as the validator positions it, and its one printable line: a module of its
// own, so listing broken decks loads neither the validator nor its JSON parser.
import { safeText } from './safe-text.js';

export interface DeckError {
  file: string;
  line: number;
  column: number;
  /** Like `cards[3].answer`; empty for the whole file. */
  path: string;
  message: string;
}

/** One line, safe to print: the file name, keys and values it quotes are the deck's own text. */
export function formatDeckError(error: DeckError): string {
  const where = `${error.file}:${error.line}:${error.column}`;
  return safeText(error.path ? `${where} ${error.path}: ${error.message}` : `${where} ${error.message}`);
}
