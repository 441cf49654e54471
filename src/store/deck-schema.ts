// The deck JSON Schema that deck files' "$schema" points at, kept in the data directory: the
// installed package's own copy may sit in the npx cache, which npm clears when it likes.
import { readFileSync } from 'node:fs';
import { makeDirs } from './safe-write.js';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeTextFileAtomic } from './text-file.js';

export const SCHEMA_FILE = 'deck.schema.json';

/**
 * Makes <dataDir>/deck.schema.json the shipped schema and returns its path. Runs at every start,
 * so the usual case costs two small reads and no write: the copy is replaced only when missing
 * or different (after an upgrade).
 */
export function ensureSchemaCopy(dataDir: string, builtinDir: string): string {
  const copy = join(dataDir, SCHEMA_FILE);
  const shipped = readFileSync(join(builtinDir, SCHEMA_FILE));
  let current: Buffer | null = null;
  try {
    current = readFileSync(copy);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current === null || !current.equals(shipped)) {
    makeDirs(dataDir);
    writeTextFileAtomic(copy, shipped.toString('utf8'));
  }
  return copy;
}

/**
 * The "$schema" value for a deck file. Inside the data directory (the decks folder) it is
 * relative, so it holds when the whole directory moves; elsewhere it is an absolute file URL,
 * which holds when the deck is moved or copied into the decks folder later. Editors resolve a
 * relative "$schema" only when it starts with a dot, and a bare absolute path not at all.
 */
export function schemaRef(deckFile: string, schemaFile: string): string {
  const fromDataDir = relative(dirname(schemaFile), deckFile);
  if (fromDataDir.split(sep)[0] === '..' || isAbsolute(fromDataDir)) return pathToFileURL(schemaFile).href;
  const ref = relative(dirname(deckFile), schemaFile).split('\\').join('/');
  return ref.startsWith('.') ? ref : `./${ref}`;
}
