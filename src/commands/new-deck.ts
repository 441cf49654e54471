// `keeper-prep new-deck FILE`: a starter deck to edit, and the commands that check and load it.
import { existsSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { ImportError, slugId } from '../core/import-text.js';
import { starterDeck } from '../core/starter-deck.js';
import { writeDeckFile } from '../store/deck-files.js';
import { schemaRef } from '../store/deck-schema.js';
import { safeText } from '../core/safe-text.js';
import { shellArg } from '../core/shell.js';

export interface NewDeckOptions {
  /** The data directory's deck.schema.json, for the deck's "$schema". */
  schema: string;
  userDecksDir: string;
  /** Write the deck into the decks folder (created if need be), where every start loads it. */
  install?: boolean | undefined;
  /** How the printed commands start: "keeper-prep", with --data-dir when one was given. */
  command?: string | undefined;
}

export function newDeckCommand(file: string, options: NewDeckOptions): string {
  const name = extname(file) ? file : `${file}.json`;
  if (options.install && basename(name) !== name) {
    throw new ImportError(`with --install, give a file name like my-deck.json, not a path (the deck goes into ${options.userDecksDir})`);
  }
  const target = resolve(options.install ? join(options.userDecksDir, name) : name);
  if (existsSync(target)) throw new ImportError(`${safeText(target)} already exists; choose another name (new-deck never overwrites a file)`);
  const stem = basename(target, extname(target));
  const id = slugId(stem);
  writeDeckFile(target, starterDeck(id, stem, schemaRef(target, options.schema)));
  const app = options.command ?? 'keeper-prep';
  const shown = safeText(shellArg(options.install ? target : relative(process.cwd(), target) || target));
  const wrote = `Wrote a starter deck "${id}" to ${shown}: 7 cards, one of each kind (flashcard, choice, multi, open, design, sql, code).`;
  const edit = 'Edit it (its "$schema" line lets your editor complete and check the keys), then check it and study it:';
  if (options.install) {
    return [wrote, 'It loads every time the app starts.', edit, `  keeper-prep validate ${shown}`, `  ${app} study --deck ${id}`].join('\n');
  }
  const decksDir = safeText(shellArg(options.userDecksDir));
  return [
    wrote,
    edit,
    `  keeper-prep validate ${shown}`,
    `  ${app} study --deck ${shown}`,
    'To load it every time the app starts, move it into your decks folder:',
    `  mkdir -p ${decksDir} && mv ${shown} ${decksDir}/`,
  ].join('\n');
}
