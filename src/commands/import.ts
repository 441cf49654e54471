// `keeper-prep import FILE`: an Anki package or a CSV/TSV export becomes a deck in the user's decks
// directory, with a report of what came in and what was left out and why. Nothing is written
// unless the whole import succeeds. Loaded only by this command: sql.js and the HTML converter
// are too heavy for every start.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { convertAnkiNotes, type Skipped } from '../core/anki-notes.js';
import { convertCsv } from '../core/csv-cards.js';
import { ID_PATTERN } from '../core/deck.js';
import { importedDeck } from '../core/imported-deck.js';
import { decodeText, ImportError, slugId } from '../core/import-text.js';
import { readAnkiPackage } from '../store/anki-package.js';
import { MAX_DECK_BYTES, writeDeckFile } from '../store/deck-files.js';
import { MAX_CARDS } from '../core/deck-limits.js';
import { schemaRef } from '../store/deck-schema.js';
import { readImportSource } from '../store/import-source.js';
import { safeText } from '../core/safe-text.js';
import type { Workspace } from '../store/workspace.js';
import { shellArg } from '../core/shell.js';

export interface ImportOptions {
  out?: string | undefined;
  id?: string | undefined;
  force?: boolean | undefined;
}

export interface ImportPaths {
  /** sql-wasm.wasm, shipped beside the bundle. */
  sqlWasm: string;
  /** The data directory's deck.schema.json, for the new deck's "$schema". */
  schema: string;
}

const SHOWN_SKIPS = 10;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function skippedLines(skipped: readonly Skipped[]): string[] {
  if (skipped.length === 0) return [];
  return [
    `Skipped ${skipped.length}:`,
    ...skipped.slice(0, SHOWN_SKIPS).map((s) => `  ${safeText(s.what)}: ${safeText(s.reason)}`),
    ...(skipped.length > SHOWN_SKIPS ? [`  and ${skipped.length - SHOWN_SKIPS} more`] : []),
  ];
}

/**
 * Writes the deck (temp file, then rename) with Ctrl+C and SIGTERM held until it is done, so a
 * signal never leaves a temp file behind; a signal that came meanwhile then ends the process.
 * Until here the import holds no handlers, so a signal stops the conversion at once, with nothing
 * written.
 */
async function writeWhole(target: string, deck: unknown): Promise<void> {
  let received: NodeJS.Signals | null = null;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of STOP_SIGNALS) process.on(signal, hold);
  try {
    writeDeckFile(target, deck);
    // A signal that arrived during the write is delivered on the next turn of the event loop.
    await new Promise((done) => setImmediate(done));
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, hold);
  }
  if (received) process.kill(process.pid, received);
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs the import with the process's own signal listeners set aside. The settings store's exit
 * hook listens for Ctrl+C and SIGTERM, and a listener only runs once the event loop is free, so a
 * long conversion (all synchronous) went on to the end regardless. With none, the signal ends the
 * process at once; nothing has been written before the final rename, which holds signals itself.
 */
export async function importCommand(ws: Workspace, file: string, options: ImportOptions, paths: ImportPaths, today: string): Promise<string> {
  const saved = STOP_SIGNALS.map((signal) => [signal, process.listeners(signal)] as const);
  for (const [signal] of saved) process.removeAllListeners(signal);
  try {
    return await runImport(ws, file, options, paths, today);
  } finally {
    for (const [signal, listeners] of saved) for (const listener of listeners) process.on(signal, listener);
  }
}

async function runImport(ws: Workspace, file: string, options: ImportOptions, paths: ImportPaths, today: string): Promise<string> {
  if (options.id !== undefined && !ID_PATTERN.test(options.id)) {
    throw new ImportError(`--id "${safeText(options.id)}" must use lowercase letters, digits and single hyphens, like "my-deck"`);
  }
  const source = readImportSource(file);
  const stem = basename(file, extname(file));
  // File, note-type and column names below are the import's own text: shown safe, never raw.
  const name = safeText(source.name);
  const id = options.id ?? slugId(stem);
  const target = resolve(options.out ?? resolve(ws.userDecksDir, `${id}.json`));
  const clash = ws.library.decks.find((d) => d.deck.id === id && resolve(d.file) !== target);
  if (clash) {
    throw new ImportError(`a ${clash.origin} deck already has the id "${id}" (${safeText(clash.file)}); choose another with --id`);
  }
  if (existsSync(target) && !options.force) {
    throw new ImportError(`${safeText(target)} already exists; pass --force to replace it (cards keep their ids, so progress on them is kept)`);
  }

  let summary: string[];
  let converted: { cards: Parameters<typeof importedDeck>[0]['cards']; skipped: Skipped[]; withMedia: number };
  let title = stem;
  if (source.kind === 'anki') {
    const collection = await readAnkiPackage(file, source.bytes, paths.sqlWasm);
    const result = convertAnkiNotes(collection);
    converted = result;
    title = collection.deckName ?? stem;
    summary = [
      `Imported ${plural(result.cards.length, 'card')} from ${plural(collection.notes.length, 'note')} in ${name} (Anki, ${collection.format}).`,
      ...result.byType.map((t) => `  ${safeText(t.type)}: ${plural(t.notes, 'note')}, ${plural(t.cards, 'card')}`),
    ];
  } else {
    const result = convertCsv(decodeText(source.bytes, name), name);
    converted = result;
    const separator = result.delimiter === '\t' ? 'tab' : `"${safeText(result.delimiter)}"`;
    summary = [
      `Imported ${plural(result.cards.length, 'card')} from ${name} (${separator}-separated${result.header ? `, header row: ${safeText(result.header.join(', '))}` : ', no header row'}).`,
      ...(result.extraColumns > 0 ? [`  ${plural(result.extraColumns, 'extra column')} added to the answer side.`] : []),
    ];
  }
  if (converted.cards.length === 0) {
    throw new ImportError(`nothing to import from ${name}: ${converted.skipped.length > 0 ? `all ${plural(converted.skipped.length, 'card')} were skipped (first: ${safeText(converted.skipped[0]!.what)}: ${safeText(converted.skipped[0]!.reason)})` : 'it has no notes'}`);
  }
  if (converted.cards.length > MAX_CARDS) {
    throw new ImportError(`${name} makes ${converted.cards.length.toLocaleString('en-US')} cards; a deck holds at most ${MAX_CARDS.toLocaleString('en-US')}, so keeper-prep could not load it; split the file and import each part (nothing was written)`);
  }
  const deck = importedDeck({
    id,
    title,
    description: `Imported from ${source.name} on ${today}.`,
    schema: schemaRef(target, paths.schema),
    cards: converted.cards,
  });
  // The converters stop early when the cards alone pass the limit; this is the exact figure.
  const bytes = Buffer.byteLength(JSON.stringify(deck, null, 2)) + 1;
  if (bytes > MAX_DECK_BYTES) {
    throw new ImportError(`${name} makes a deck of ${(bytes / 1048576).toFixed(1)} MB, more than the ${MAX_DECK_BYTES / 1048576} MB keeper-prep loads; split it into smaller files and import each (nothing was written)`);
  }
  await writeWhole(target, deck);
  const inDecksDir = resolve(dirname(target)) === resolve(ws.userDecksDir);
  return [
    ...summary,
    ...(converted.withMedia > 0 ? [`  ${plural(converted.withMedia, 'card')} ${converted.withMedia === 1 ? 'refers' : 'refer'} to images or sounds; they show as [image: file] (the files are not imported).`] : []),
    ...skippedLines(converted.skipped),
    `Wrote deck "${id}" to ${safeText(target)}`,
    inDecksDir
      ? `Study it: keeper-prep study --deck ${id}  (or open keeper-prep, restarting it if it is open: Home > Your decks)`
      : `Study it: keeper-prep study --deck ${safeText(shellArg(target))}  (or move it to ${safeText(ws.userDecksDir)} to load it every time)`,
  ].join('\n');
}
