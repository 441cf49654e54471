// Finds and loads deck files: built-in, the user's decks directory, KEEPER_PREP_DECKS and --deck.
// A broken deck is reported with its errors and never stops the others from loading.
import { readRegular } from './read-regular.js';
import { existsSync, readdirSync, type Stats } from 'node:fs';
import { safeText } from '../core/safe-text.js';
import { delimiter, dirname, extname, join, resolve } from 'node:path';
import { ensureDir, writeFileWhole, type WriteContext } from './safe-write.js';
import type { DeckError, DeckParseResult } from '../core/deck-parse.js';
import type { Deck } from '../core/deck.js';
import { MAX_DECK_BYTES } from '../core/deck-limits.js';
import { isDeepStrictEqual } from 'node:util';
import { DeckCache, hashBytes, validatorId, type DeckCacheHit, type DeckDefaults, type DeckFileStamp, type FileIdentity } from './deck-cache.js';
import { outlinedDeck, readBuiltinBundle, withOutline } from './deck-outlines.js';
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
  /** The wall clock the deck cache compares file times with (tests move it on). */
  clock?: () => number;
  /**
   * Whether an unchanged stat lets a deck file go unhashed (store/deck-cache: trustedStamp).
   * KEEPER_PREP_TRUST_STAT=0 turns it off, as git's core.trustctime does, for file systems whose
   * ctime is not one (FAT keeps the creation time there, some network mounts the mtime).
   */
  trustStat?: boolean;
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
function readDeckText(file: string): { text: () => string; bytes: Buffer; stat: Stats; steady: boolean } | { reason: string } {
  const read = readRegular(file, MAX_DECK_BYTES);
  if (read.ok) {
    const { bytes } = read;
    // Decoded when first needed: a large deck loaded from its outline may never need its text.
    let text: string | undefined;
    return { text: () => (text ??= bytes.toString('utf8')), bytes, stat: read.stat, steady: read.steady };
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

/** A deck that passed validation as these very bytes: its JSON and the defaults the validator added. */
function cachedDeck(text: string, defaults: DeckDefaults): Deck | null {
  try {
    return { ...(JSON.parse(text) as object), ...defaults } as Deck;
  } catch {
    return null;
  }
}

/**
 * A deck file through the cache: an unchanged file that was valid last time is not validated
 * again, anything else is, and the cache learns the outcome.
 */
async function loadDeckFile(file: string, origin: DeckOrigin, cache: DeckCache, parser: () => Promise<DeckParser>, clock: () => number, trustStat: boolean): Promise<LoadedDeck | BrokenDeck> {
  const readAt = clock();
  const read = readDeckText(file);
  if ('reason' in read) {
    cache.forget(file);
    return { file, origin, errors: [{ file, line: 1, column: 1, path: '', message: read.reason }] };
  }
  const { stat } = read;
  const identity: FileIdentity = { size: read.bytes.length, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, dev: stat.dev };
  // A stamp taken while the file moved under the read is never trusted (readAt -1): the next start hashes it again.
  const stamp: DeckFileStamp = (read.steady && trustStat ? cache.trustedStamp(file, identity) : null) ?? { ...identity, hash: hashBytes(read.bytes), readAt: read.steady ? readAt : -1 };
  const hit = cache.lookup(file, stamp);
  const deck = hit ? (hit.outline !== undefined ? outlinedDeck(hit.outline, read.text) : cachedDeck(read.text(), hit.defaults)) : null;
  if (deck && hit) {
    // A large deck whose outline the cache dropped (it went unused for a while) gets it back, read whole this once.
    if (hit.outline === undefined) {
      const entry = withOutline(deck, read.bytes.length, hit.defaults);
      if (entry.outline !== undefined) cache.remember(file, stamp, entry);
    }
    return withDatasets(deck, read.text, file, origin);
  }
  const result = (await parser())(read.text(), file);
  if (!result.ok) {
    cache.forget(file);
    return { file, origin, errors: result.errors };
  }
  const entry = cacheHitOf(read.text(), read.bytes.length, result.deck);
  if (entry) cache.remember(file, stamp, entry);
  else cache.forget(file);
  return withDatasets(result.deck, read.text, file, origin);
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
    const loaded = await loadDeckFile(file, origin, cache, parser, sources.clock ?? Date.now, sources.trustStat ?? true);
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
