// A deck's datasets given as .sql files next to it: read at load (every load, so a changed file is
// never stale behind the deck cache, which only vouches for the deck's own JSON) and put in place
// of their paths, so everything after loading sees inline SQL. A file that cannot be a dataset is
// one positioned error at `datasets.<name>`, like any other mistake in the deck.
import { realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { DeckError } from '../core/deck-error.js';
// Not json-position's: that module brings the JSON parser deck loading otherwise never loads.
import { lineColumn } from '../core/sql-guard.js';
import { CONTROL_CHARACTER, DATASET_FILE, type Deck } from '../core/deck.js';
import { readRegular } from './read-regular.js';

/** Far above a dataset of a few thousand rows; a bigger one would slow every run's copy. */
export const MAX_DATASET_BYTES = 5 * 1024 * 1024;

/** Why the file cannot be read as a dataset, or its SQL. */
function readDataset(deckDir: string, relative: string): { sql: string } | { reason: string } {
  const path = resolve(deckDir, relative);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'file not found (dataset files are read relative to the deck file)' : `cannot be read (${code ?? 'error'})` };
  }
  let root = deckDir;
  try {
    root = realpathSync(deckDir);
  } catch {
    // the deck was just read from there; keep the path as given
  }
  // The pattern already forbids ".." and absolute paths; a link pointing out is refused the same way.
  if (!real.startsWith(root + sep)) return { reason: "leads outside the deck's directory (through a link); keep dataset files next to the deck" };
  const read = readRegular(real, MAX_DATASET_BYTES);
  if (!read.ok) {
    switch (read.why) {
      case 'open':
        return { reason: `cannot be read (${read.error.code ?? 'error'})` };
      case 'not-regular':
        return { reason: 'is not a regular file; a dataset is a .sql file' };
      case 'too-big':
        return { reason: `is over ${MAX_DATASET_BYTES / 1048576} MB; a dataset is limited to ${MAX_DATASET_BYTES / 1048576} MB` };
      case 'read':
        return { reason: 'cannot be read' };
    }
  }
  const sql = read.bytes.toString('utf8').replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  const bad = CONTROL_CHARACTER.exec(sql);
  if (bad) {
    const line = sql.slice(0, bad.index).split('\n').length;
    return { reason: `has a control character (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) on line ${line}; a dataset is plain SQL text` };
  }
  if (!sql.trim()) return { reason: 'is empty; a dataset creates and fills its tables' };
  return { sql };
}

/** The deck with its dataset files read in, or one error per dataset file that cannot be. */
export function resolveDatasets(deck: Deck, file: string, textOf: () => string): { deck: Deck } | { errors: DeckError[] } {
  if (!deck.datasets) return { deck };
  const entries = Object.entries(deck.datasets);
  if (!entries.some(([, value]) => DATASET_FILE.test(value))) return { deck };
  const datasets: Record<string, string> = {};
  const errors: DeckError[] = [];
  const text = textOf();
  const from = Math.max(0, text.indexOf('"datasets"'));
  for (const [name, value] of entries) {
    if (!DATASET_FILE.test(value)) {
      datasets[name] = value;
      continue;
    }
    const read = readDataset(dirname(file), value);
    if ('sql' in read) datasets[name] = read.sql;
    else {
      const offset = text.indexOf(JSON.stringify(value), from);
      errors.push({ file, ...lineColumn(text, offset >= 0 ? offset : from), path: `datasets.${name}`, message: `${value} ${read.reason}` });
    }
  }
  // Set on the deck just loaded (no other holds it), not spread into a copy: a spread would read a
  // large deck's cards, which it loads only when they are used.
  return errors.length > 0 ? { errors } : { deck: Object.assign(deck, { datasets }) };
}
