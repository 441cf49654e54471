// Finds and loads deck files: built-in, the user's decks directory, KEEPER_PREP_DECKS and --deck.
// A broken deck is reported with its errors and never stops the others from loading.
import { readRegular } from './read-regular.js';
import { existsSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { safeText } from '../core/safe-text.js';
import { delimiter, dirname, extname, join, resolve } from 'node:path';
import { ensureDir, writeFileWhole, type WriteContext } from './safe-write.js';
import type { DeckError, DeckParseResult } from '../core/deck-parse.js';
import type { Deck } from '../core/deck.js';
import { MAX_DECK_BYTES } from '../core/deck-limits.js';
import { isDeepStrictEqual } from 'node:util';
import { DeckCache, hashBytes, validatorId, type DeckCacheHit, type DeckDefaults, type DeckFileStamp } from './deck-cache.js';
import { isDeckOutline, lazyDeck, outlineOf } from '../core/deck-facts.js';
import { resolveDatasets } from './deck-datasets.js';

export type DeckOrigin = 'built-in' | 'user' | 'env' | 'flag';

export interface LoadedDeck {
  deck: Deck;
  file: string;
  origin: DeckOrigin;
  /** The deck with the same id this one was chosen over, and why. */
  replaced?: { file: string; origin: DeckOrigin; reason: string };
}

export interface BrokenDeck {
  file: string;
  origin: DeckOrigin;
  errors: DeckError[];
}

export interface DeckSources {
  builtinDir: string;
  /** dist/builtin-decks.jsonl: the built-in decks, validated at build time. */
  builtinBundle?: string | undefined;
  userDir: string;
  /** KEEPER_PREP_DECKS, path-delimited. */
  envList?: string | undefined;
  /** --deck values that are paths. */
  flagFiles?: readonly string[];
  /** The data directory, where the cache of decks found valid is kept; without it every deck is validated. */
  cacheDir?: string | undefined;
}

export interface DeckLibrary {
  decks: LoadedDeck[];
  broken: BrokenDeck[];
  notices: string[];
}

/** Larger files are refused: no real deck comes near this, and reading one would stall start-up. */
export { MAX_DECK_BYTES };

function jsonFilesIn(dir: string, notices: string[]): string[] {
  if (!existsSync(dir)) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    // A decks "directory" that is a file, or unreadable, is reported, not a crash at start.
    const code = (error as NodeJS.ErrnoException).code;
    notices.push(`${safeText(dir)} ${code === 'ENOTDIR' ? 'is not a directory' : `cannot be read (${code ?? 'error'})`}, so no decks were loaded from it.`);
    return [];
  }
  return names
    .filter((name) => extname(name) === '.json' && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(dir, name));
}

export type DeckParser = (text: string, file: string) => DeckParseResult;

function notRegular(stat: Stats): string {
  const what = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
  return `is ${what}, not a deck file; only regular files are read as decks (skipped)`;
}

/**
 * The file's text, or why it cannot be a deck. Opened without blocking and checked on the open
 * descriptor, so a FIFO cannot hang start-up and a link to /dev/zero cannot fill memory, and
 * never read past the size limit even if the file grows meanwhile.
 */
function readDeckText(file: string, hash = false): { text: () => string; bytes: Buffer; stamp: DeckFileStamp | null } | { reason: string } {
  const read = readRegular(file, MAX_DECK_BYTES);
  if (read.ok) {
    const { bytes } = read;
    // Decoded when first needed: a large deck loaded from its outline may never need its text.
    let text: string | undefined;
    return { text: () => (text ??= bytes.toString('utf8')), bytes, stamp: hash ? { size: bytes.length, mtimeMs: read.stat.mtimeMs, hash: hashBytes(bytes) } : null };
  }
  switch (read.why) {
    case 'open':
      return { reason: read.error.code === 'ENOENT' ? 'file not found' : read.error.code === 'EISDIR' ? 'is a directory, not a deck file (skipped)' : read.error.message };
    case 'not-regular':
      return { reason: notRegular(read.stat) };
    case 'too-big':
      return { reason: `file is ${read.grew ? 'over ' : ''}${read.grew ? MAX_DECK_BYTES / 1048576 : (read.size / 1048576).toFixed(1)} MB; decks are limited to ${MAX_DECK_BYTES / 1048576} MB` };
    case 'read':
      return { reason: read.error.message };
  }
}

export function readDeckFile(file: string, origin: DeckOrigin, parseDeck: DeckParser): LoadedDeck | BrokenDeck {
  const read = readDeckText(file);
  if ('reason' in read) return { file, origin, errors: [{ file, line: 1, column: 1, path: '', message: read.reason }] };
  const result = parseDeck(read.text(), file);
  return result.ok ? withDatasets(result.deck, read.text, file, origin) : { file, origin, errors: result.errors };
}

/** The deck with its dataset files read in (store/deck-datasets.ts), or broken by one that cannot be. */
function withDatasets(deck: Deck, text: () => string, file: string, origin: DeckOrigin): LoadedDeck | BrokenDeck {
  const resolved = resolveDatasets(deck, file, text);
  return 'deck' in resolved ? { deck: resolved.deck, file, origin } : { file, origin, errors: resolved.errors };
}

/** From this size on, a deck's cache entry carries its outline, and a start reads its cards only when they are used. */
export const OUTLINE_FROM_BYTES = 256 * 1024;

/**
 * What the validator added to the file's own JSON (the schema's defaults, at the top level), or
 * null when its deck differs from the JSON in any other way: such a deck is never cached. A large
 * deck's entry also gets its outline: the top-level fields, with the cards only as facts.
 */
function cacheHitOf(text: string, bytes: number, deck: Deck): DeckCacheHit | null {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const defaults: DeckDefaults = {};
  for (const [key, value] of Object.entries(deck)) if (!Object.hasOwn(raw, key)) defaults[key] = value;
  const whole = { ...raw, ...defaults } as Deck;
  if (!isDeepStrictEqual(deck, whole)) return null;
  return withOutline(whole, bytes, defaults);
}

/** The cache entry of a deck as its file's JSON and defaults make it: for a large deck, with its outline. */
function withOutline(whole: Deck, bytes: number, defaults: DeckDefaults): DeckCacheHit {
  if (bytes < OUTLINE_FROM_BYTES) return { defaults };
  const head = Object.entries(whole).map(([key, value]): [string, unknown] => [key, key === 'cards' ? null : value]);
  // Only what JSON gives back as it was (not a -0, say) may stand in for the file's own fields.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(head)), head)) return { defaults };
  return { defaults, outline: JSON.stringify({ head, outline: outlineOf(whole) }) };
}

/** A deck that passed validation as these very bytes: its JSON and the defaults the validator added. */
function cachedDeck(text: string, defaults: DeckDefaults): Deck | null {
  try {
    return { ...(JSON.parse(text) as object), ...defaults } as Deck;
  } catch {
    return null;
  }
}

/**
 * A deck from its outline (top-level fields, the lazy ones standing in their place, and facts),
 * the lazy fields read from `readBody` when first read; null when head or outline are not as written.
 */
function deckFromOutline(head: unknown, lazy: readonly string[], outline: unknown, readBody: () => Record<string, unknown>): Deck | null {
  if (!Array.isArray(head)) return null;
  const fields = head as unknown[];
  if (!fields.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string')) return null;
  const id = (fields as [string, unknown][]).find(([key]) => key === 'id')?.[1];
  if (typeof id !== 'string' || !isDeckOutline(outline, id)) return null;
  const keys = fields.map((f) => (f as unknown[])[0]);
  if (new Set(keys).size !== keys.length || !keys.includes('cards') || !lazy.every((key) => keys.includes(key))) return null;
  return lazyDeck(fields as [string, unknown][], lazy, outline, readBody);
}

/** A large deck that passed validation as these very bytes, from its cache entry's outline: its cards are parsed from the bytes when first read. */
function outlinedDeck(outlineText: string, text: () => string): Deck | null {
  let value: unknown;
  try {
    value = JSON.parse(outlineText);
  } catch {
    return null;
  }
  const { head, outline } = (value ?? {}) as { head?: unknown; outline?: unknown };
  return deckFromOutline(head, ['cards'], outline, () => JSON.parse(text()) as Record<string, unknown>);
}

/**
 * A deck file through the cache: an unchanged file that was valid last time is not validated
 * again, anything else is, and the cache learns the outcome.
 */
async function loadDeckFile(file: string, origin: DeckOrigin, cache: DeckCache, parser: () => Promise<DeckParser>): Promise<LoadedDeck | BrokenDeck> {
  const read = readDeckText(file, true);
  if ('reason' in read) {
    cache.forget(file);
    return { file, origin, errors: [{ file, line: 1, column: 1, path: '', message: read.reason }] };
  }
  const hit = read.stamp ? cache.lookup(file, read.stamp) : null;
  const deck = hit ? (hit.outline !== undefined ? outlinedDeck(hit.outline, read.text) : cachedDeck(read.text(), hit.defaults)) : null;
  if (deck && hit) {
    // A large deck whose outline the cache dropped (it went unused for a while) gets it back, read whole this once.
    if (hit.outline === undefined && read.bytes.length >= OUTLINE_FROM_BYTES && read.stamp) {
      const entry = withOutline(deck, read.bytes.length, hit.defaults);
      if (entry.outline !== undefined) cache.remember(file, read.stamp, entry);
    }
    return withDatasets(deck, read.text, file, origin);
  }
  const result = (await parser())(read.text(), file);
  if (!result.ok) {
    cache.forget(file);
    return { file, origin, errors: result.errors };
  }
  const entry = cacheHitOf(read.text(), read.bytes.length, result.deck);
  if (entry && read.stamp) cache.remember(file, read.stamp, entry);
  else cache.forget(file);
  return withDatasets(result.deck, read.text, file, origin);
}

/** The build's bundle of built-in decks, or null when there is none (running from source). */
function readBuiltinBundle(bundle: string, builtinDir: string): LoadedDeck[] | null {
  // JSON lines (scripts/build.mjs): an index of the decks' outlines, then each deck's cards (and
  // datasets) on a line of their own, parsed when first read: most starts read a few decks', if any.
  let bytes: Buffer;
  let parsed: { version?: unknown; sum?: unknown; decks?: unknown };
  try {
    bytes = readFileSync(bundle);
    parsed = JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(10))) as typeof parsed;
  } catch {
    return null;
  }
  if (!parsed || parsed.version !== 2 || !Array.isArray(parsed.decks)) return null;
  let start = bytes.indexOf(10) + 1;
  // The lines are parsed only when a deck's cards are read: they are checked whole now.
  if (typeof parsed.sum !== 'string' || hashBytes(bytes.subarray(start)) !== parsed.sum) return null;
  const decks: LoadedDeck[] = [];
  for (const entry of parsed.decks as { file?: unknown; head?: unknown; lazy?: unknown; outline?: unknown }[]) {
    const end = bytes.indexOf(10, start);
    const { file, lazy } = entry ?? {};
    if (typeof file !== 'string' || !Array.isArray(lazy) || !lazy.every((key) => typeof key === 'string') || end < 0) return null;
    const line = [start, end] as const;
    const deck = deckFromOutline(entry.head, lazy as string[], entry.outline, () => JSON.parse(bytes.toString('utf8', ...line)) as Record<string, unknown>);
    if (!deck) return null;
    decks.push({ deck, file: join(builtinDir, file), origin: 'built-in' });
    start = end + 1;
  }
  return start === bytes.length ? decks : null;
}

export function isDeckPath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.endsWith('.json') || existsSync(value);
}

/**
 * Loads every deck. The validator (zod and the position-keeping JSON parser) is imported only
 * when there is a file to validate: the built-in decks come pre-validated from the build, and a
 * deck file unchanged since it last passed comes from the cache in the data directory.
 */
export async function loadDecks(sources: DeckSources): Promise<DeckLibrary> {
  const bundled = sources.builtinBundle ? readBuiltinBundle(sources.builtinBundle, sources.builtinDir) : null;
  const notices: string[] = [];
  const files: { file: string; origin: DeckOrigin }[] = [
    ...(bundled ? [] : jsonFilesIn(sources.builtinDir, notices).map((file) => ({ file, origin: 'built-in' as const }))),
    ...jsonFilesIn(sources.userDir, notices).map((file) => ({ file, origin: 'user' as const })),
    ...(sources.envList ?? '').split(delimiter).filter(Boolean).map((file) => ({ file: resolve(file), origin: 'env' as const })),
    ...(sources.flagFiles ?? []).map((file) => ({ file: resolve(file), origin: 'flag' as const })),
  ];
  const library: DeckLibrary = { decks: bundled ?? [], broken: [], notices };
  let parseDeck: DeckParser | null = null;
  const parser = async (): Promise<DeckParser> => (parseDeck ??= (await import('../core/deck-parse.js')).parseDeck);
  const cache = DeckCache.open(sources.cacheDir, sources.cacheDir ? validatorId(sources.builtinDir) : '');
  const seenFiles = new Set<string>();
  for (const { file, origin } of files) {
    if (seenFiles.has(file)) continue;
    seenFiles.add(file);
    const loaded = await loadDeckFile(file, origin, cache, parser);
    if (!('deck' in loaded)) {
      library.broken.push(loaded);
      continue;
    }
    // Later sources are the user's more deliberate choices, so they win over earlier ones.
    const clash = library.decks.findIndex((d) => d.deck.id === loaded.deck.id);
    if (clash >= 0) {
      const replaced = library.decks[clash]!;
      const reason = `${origin === 'flag' ? '--deck' : origin === 'env' ? 'KEEPER_PREP_DECKS' : 'your decks directory'} takes precedence over ${replaced.origin === 'built-in' ? 'the built-in decks' : replaced.origin === 'user' ? 'your decks directory' : 'KEEPER_PREP_DECKS'}`;
      library.notices.push(`Deck id "${loaded.deck.id}" is in both ${replaced.file} (${replaced.origin}) and ${file} (${origin}); using ${file}, since ${reason}.`);
      library.decks[clash] = { ...loaded, replaced: { file: replaced.file, origin: replaced.origin, reason } };
    } else {
      library.decks.push(loaded);
    }
  }
  cache.save();
  return library;
}

/** Writes a deck file whole or not at all (temp file, fsync, rename; the temp file removed on failure), creating its directory. */
export function writeDeckFile(file: string, deck: unknown): void {
  const context: WriteContext = { what: 'the deck' };
  ensureDir(dirname(file), context);
  writeFileWhole(file, `${JSON.stringify(deck, null, 2)}\n`, context);
}
