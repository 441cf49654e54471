// Which deck files were valid at the last start, so an unchanged deck is not validated again:
// schema validation of a 10,000-card deck costs more than the rest of start-up together.
//
// An entry is keyed by the file's size, mtime and a hash of its bytes: a changed file always
// misses (its hash differs even when an editor kept the size and the mtime), and is validated.
// Hashing a 6 MB deck costs some 5 ms of every start, so an entry also keeps the file's inode and
// ctime, as git's index does: a file whose stat is the one seen when its bytes were last hashed
// has those bytes still. No program can set a ctime back (writing the file, touch and utimes all
// move it to the present), so an editor that keeps the size and mtime still moves it, and the file
// is hashed. A file changed within the file system's timestamp granularity of that hashing could
// keep its ctime ("racily clean"), so an entry hashed less than RACY_MS after the file last
// changed is not trusted: it is hashed again until a start comes later than that.
// The cache is only a shortcut, so a cache that cannot be read is rebuilt and one that cannot be
// written costs a validation next time, nothing else. Each entry carries a checksum over its own
// fields: an entry changed by hand or by damage is ignored, never trusted.
import { readRegular } from './read-regular.js';
import { checksum, crc32Of } from './checksum.js';
import { crypto } from './lazy-builtins.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileWhole } from './safe-write.js';

export const DECK_CACHE_FILE = 'deck-cache.json';
// 3: entries of large decks carry an outline. 4: entries carry the stat their hash was taken at. 5: entry and schema checksums are CRC-32.
const CACHE_VERSION = 5;
/** More than any file system's timestamp granularity (FAT's is 2 s). */
const RACY_MS = 3000;
/** Entries for files not loaded this time are kept (a --deck used now and then), up to this many in all. */
const MAX_ENTRIES = 64;
/** Far above what MAX_ENTRIES entries and the outlines of the decks in use take: a larger file is not the cache, and is rebuilt. */
const MAX_CACHE_BYTES = 32 << 20;

export interface DeckFileStamp {
  size: number;
  mtimeMs: number;
  /** sha1 of the file's bytes. */
  hash: string;
  /** The file's identity when its bytes were read (see trustedStamp), and when that was (the wall clock): -1 when the stat moved during the read. */
  ctimeMs: number;
  ino: number;
  dev: number;
  readAt: number;
}

/** What knownHash compares: fields of the file's stat, taken on the open file before its bytes are read. */
export type FileIdentity = Pick<DeckFileStamp, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino' | 'dev'>;

/**
 * A valid deck as the validator returned it, less the file's own JSON: the top-level values the
 * schema filled in (a default area). Stored this small so a hit costs one JSON.parse of the file.
 */
export type DeckDefaults = Record<string, unknown>;

/**
 * What a cache hit gives: the defaults, and for a large deck its outline (store/deck-files: the
 * deck's top-level fields and core/deck-facts' DeckOutline, as JSON text), so its cards need not be parsed at start.
 */
export interface DeckCacheHit {
  defaults: DeckDefaults;
  outline?: string;
}

interface CacheEntry extends DeckFileStamp, DeckCacheHit {
  sum: string;
}

/** The validator in use: this release, and the deck schema beside the built-in decks. */
export function validatorId(builtinDir: string): string {
  let schema = '';
  try {
    schema = checksum(readFileSync(join(builtinDir, 'deck.schema.json')));
  } catch {
    // Running without the shipped schema (tests): the release alone names the validator.
  }
  return `${typeof __KEEPER_PREP_VERSION__ === 'string' ? __KEEPER_PREP_VERSION__ : 'dev'}/${schema}`;
}

/** sha1 of a deck file's bytes: what tells its content from any other's, however it was made. */
export function hashBytes(bytes: Uint8Array): string {
  return crypto().createHash('sha1').update(bytes).digest('hex');
}

/** An entry's checksum over its own fields (exported for tests that forge one). */
export function entrySum(file: string, stamp: DeckFileStamp, hit: DeckCacheHit): string {
  // The outline hashed as it is, after the fields and its length: as JSON inside JSON it was escaped again, which cost more than the hash.
  const fields = JSON.stringify([CACHE_VERSION, file, stamp.size, stamp.mtimeMs, stamp.hash, stamp.ctimeMs, stamp.ino, stamp.dev, stamp.readAt, hit.defaults, hit.outline?.length ?? -1]);
  return checksum(hit.outline ?? '', crc32Of(fields));
}

/** Whether a stamp's stat says its bytes unchanged when seen again: taken steady, and later than the file's last change by more than any timestamp granularity. */
function trustable(stamp: DeckFileStamp): boolean {
  return stamp.readAt !== -1 && Math.max(stamp.ctimeMs, stamp.mtimeMs) < stamp.readAt - RACY_MS;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** An entry's stamp alone. */
function stampOf({ size, mtimeMs, hash, ctimeMs, ino, dev, readAt }: DeckFileStamp): DeckFileStamp {
  return { size, mtimeMs, hash, ctimeMs, ino, dev, readAt };
}

/** Whether two stats name the same file, unchanged. */
export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.dev === b.dev;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The entries of a cache file's text that can be trusted; anything else (not JSON, another
 * version, a field of the wrong type, a checksum that does not match) is left out.
 */
export function readDeckCache(text: string, validator = ''): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return entries;
  }
  // What passed another validator (another release, another schema) may not pass this one.
  if (!isPlainObject(value) || value.version !== CACHE_VERSION || value.validator !== validator || !isPlainObject(value.entries)) return entries;
  for (const [file, raw] of Object.entries(value.entries)) {
    if (!isPlainObject(raw)) continue;
    const { size, mtimeMs, hash, ctimeMs, ino, dev, readAt, defaults, outline, sum } = raw;
    if (!isNumber(size) || !isNumber(mtimeMs) || typeof hash !== 'string' || !isNumber(ctimeMs) || !isNumber(ino) || !isNumber(dev) || !isNumber(readAt) || !isPlainObject(defaults) || typeof sum !== 'string') continue;
    if (outline !== undefined && typeof outline !== 'string') continue;
    const entry: CacheEntry = { size, mtimeMs, hash, ctimeMs, ino, dev, readAt, defaults, ...(outline !== undefined ? { outline } : {}), sum };
    if (entrySum(file, entry, entry) === sum) entries.set(file, entry);
  }
  return entries;
}

/** The entry with its defaults alone (for a deck read whole next time). */
function withoutOutline(file: string, entry: CacheEntry): CacheEntry {
  if (entry.outline === undefined) return entry;
  const hit = { defaults: entry.defaults };
  return { ...stampOf(entry), ...hit, sum: entrySum(file, entry, hit) };
}

/** The cache's text; null when there is none, '' (rebuilt) when something else is in its place. */
function readSmallFile(path: string): string | null {
  const read = readRegular(path, MAX_CACHE_BYTES);
  return read.ok ? read.bytes.toString('utf8') : read.why === 'open' ? null : '';
}

export class DeckCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(private readonly path: string | null, text: string | null, private readonly validator: string) {
    this.entries = text === null ? new Map() : readDeckCache(text, validator);
    // A damaged or outdated file (entries dropped) is rewritten whole on save.
    if (text !== null && this.entries.size === 0 && text.trim() !== '') this.changed = true;
  }

  /**
   * The cache in a data directory; without one, a cache that remembers nothing. `validator` names
   * the validator in use (the release and the deck schema it ships): entries made by another are
   * not trusted.
   */
  static open(dataDir: string | undefined, validator: string): DeckCache {
    if (!dataDir) return new DeckCache(null, null, validator);
    const path = join(dataDir, DECK_CACHE_FILE);
    return new DeckCache(path, readSmallFile(path), validator);
  }

  /**
   * The file's stamp, its hash with it, without hashing its bytes: when its stat is the very one its
   * entry was hashed at, and that was not racy (see the top of this file); null when they must be hashed.
   */
  trustedStamp(file: string, identity: FileIdentity): DeckFileStamp | null {
    const entry = this.entries.get(file);
    if (!entry || !trustable(entry) || !sameIdentity(entry, identity)) return null;
    return stampOf(entry);
  }

  /** What the validator added to this file's JSON when it last passed (and its outline), or null when it must be validated. */
  lookup(file: string, stamp: DeckFileStamp): DeckCacheHit | null {
    const entry = this.entries.get(file);
    if (!entry || entry.hash !== stamp.hash || entry.size !== stamp.size) return null;
    this.used.add(file);
    // The same bytes under a new stat, or hashed again later than racy ones: the entry takes this stat, so the next start can trust it.
    if (!sameIdentity(entry, stamp) || (!trustable(entry) && trustable(stamp))) this.remember(file, stamp, entry);
    return entry;
  }

  remember(file: string, stamp: DeckFileStamp, hit: DeckCacheHit): void {
    const { defaults, outline } = hit;
    const kept: DeckCacheHit = { defaults, ...(outline !== undefined ? { outline } : {}) };
    this.entries.set(file, { ...stamp, ...kept, sum: entrySum(file, stamp, kept) });
    this.used.add(file);
    this.changed = true;
  }

  /** A file that no longer validates, or cannot be read: its entry goes. */
  forget(file: string): void {
    if (this.entries.delete(file)) this.changed = true;
  }

  /** Writes the cache when it changed; a disk that refuses it only costs a validation next time. */
  save(): void {
    if (!this.changed || this.path === null) return;
    // An outline is only worth its bytes for a deck in use: others keep their defaults alone.
    const kept = [...this.entries]
      .sort(([a], [b]) => Number(this.used.has(b)) - Number(this.used.has(a)))
      .slice(0, MAX_ENTRIES)
      .map(([file, entry]): [string, CacheEntry] => (this.used.has(file) ? [file, entry] : [file, withoutOutline(file, entry)]));
    let text = JSON.stringify({ version: CACHE_VERSION, validator: this.validator, entries: Object.fromEntries(kept) });
    // Outlines that would make the file too large to be read back are left out: those decks are read whole.
    if (Buffer.byteLength(text) > MAX_CACHE_BYTES) text = JSON.stringify({ version: CACHE_VERSION, validator: this.validator, entries: Object.fromEntries(kept.map(([file, entry]) => [file, withoutOutline(file, entry)])) });
    try {
      writeFileWhole(this.path, text, { what: 'the deck cache', inDataDir: true });
      this.changed = false;
    } catch {
      // Only a shortcut: the decks are validated again next time.
    }
  }
}
