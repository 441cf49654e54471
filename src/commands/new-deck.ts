// `keeper-prep new-deck FILE`: a starter deck to edit, and the commands that check and load it.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { ImportError, slugId } from '../core/import-text.js';
import { starterDeck } from '../core/starter-deck.js';
import { writeDeckFile } from '../store/deck-files.js';

export function newDeckCommand(file: string, schemaPath: string, userDecksDir: string): string {
  const target = resolve(extname(file) ? file : `${file}.json`);
  if (existsSync(target)) throw new ImportError(`${target} already exists; choose another name (new-deck never overwrites a file)`);
  const stem = basename(target, extname(target));
  const id = slugId(stem);
  writeDeckFile(target, starterDeck(id, stem, relative(dirname(target), schemaPath).split('\\').join('/')));
  const shown = relative(process.cwd(), target) || target;
  return [
    `Wrote a starter deck "${id}" to ${shown}: 5 cards, one of each kind (flashcard, choice, multi, open, design).`,
    'Edit it; its "$schema" line lets your editor complete and check the keys. Then:',
    `  keeper-prep validate ${shown}          check it (errors give line:column)`,
    `  keeper-prep study --deck ${shown}      study it now`,
    `  cp ${shown} ${userDecksDir}/`,
    '                                          load it every time the app starts',
  ].join('\n');
}
