// The cache of deck files found valid: an unchanged deck is not validated again, a changed one
// always is, and a cache that is damaged, mutated or cannot be written never misleads or stops a start.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DECK_CACHE_FILE, entrySum, readDeckCache, validatorId, type DeckCacheHit, type DeckFileStamp } from '../../src/store/deck-cache.js';
import { loadDecks } from '../../src/store/deck-files.js';
import { OUTLINE_FROM_BYTES } from '../../src/store/deck-outlines.js';
import { deckFacts } from '../../src/core/deck-facts.js';
import { io } from '../../src/store/safe-write.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const validations = vi.hoisted(() => ({ count: 0 }));
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/store/deck-cache.js', async (original) => {
  const real = await original<typeof import('../../src/store/deck-cache.js')>();
  return {
    ...real,
    hashBytes: (bytes: Uint8Array) => {
      hashes.count++;
      return real.hashBytes(bytes);
    },
  };
});
vi.mock('../../src/core/deck-parse.js', async (original) => {
  const real = await original<typeof import('../../src/core/deck-parse.js')>();
  return {
    ...real,
    parseDeck: (text: string, file: string) => {
      validations.count++;
      return real.parseDeck(text, file);
    },
  };
});

afterEach(() => {
  vi.restoreAllMocks();
  validations.count = 0;
  hashes.count = 0;
});

/** A data directory with the mini deck (no area: the validator adds the default) as a user deck. */
function dataDirWithDeck(): { dataDir: string; file: string; text: string } {
  const dataDir = tempDir();
  mkdirSync(join(dataDir, 'decks'));
  const file = join(dataDir, 'decks', 'mini.json');
  const deck = JSON.parse(readFileSync(MINI_DECK, 'utf8')) as Record<string, unknown>;
  delete deck.area;
  const text = JSON.stringify(deck, null, 2);
  writeFileSync(file, text);
  return { dataDir, file, text };
}

const load = (dataDir: string, clock?: () => number, trustStat?: boolean) => loadDecks({ builtinDir: join(dataDir, 'no-builtins'), userDir: join(dataDir, 'decks'), cacheDir: dataDir, ...(clock ? { clock } : {}), ...(trustStat !== undefined ? { trustStat } : {}) });
/** A start this long after the file was written: its stat can be trusted (RACY_MS is 3 s). */
const later = () => Date.now() + 10_000;

describe('deck validation cache', () => {
  it('validates a deck once, and gives the same deck from the cache while the file is unchanged', async () => {
    const { dataDir } = dataDirWithDeck();
    const first = await load(dataDir);
    expect(validations.count).toBe(1);
    expect(first.decks).toHaveLength(1);
    expect(existsSync(join(dataDir, DECK_CACHE_FILE))).toBe(true);
    const second = await load(dataDir);
    expect(validations.count).toBe(1);
    expect(second.decks[0]!.deck).toEqual(first.decks[0]!.deck);
    expect(second.decks[0]!.deck.area).toBe('custom');
  });

  it('validates a changed file again, even with its size and mtime kept', async () => {
    const { dataDir, file, text } = dataDirWithDeck();
    await load(dataDir);
    const { mtime, atime, size } = statSync(file);
    // Same length, one byte different, and the old mtime put back: only the hash tells.
    const broken = text.replace('"cards"', '"cardz"');
    expect(broken.length).toBe(size);
    writeFileSync(file, broken);
    utimesSync(file, atime, mtime);
    const after = await load(dataDir);
    expect(validations.count).toBe(2);
    expect(after.decks).toHaveLength(0);
    expect(after.broken).toHaveLength(1);
    // And back to the valid text: validated again, then cached again.
    writeFileSync(file, text);
    expect((await load(dataDir)).decks).toHaveLength(1);
    expect((await load(dataDir)).decks).toHaveLength(1);
    expect(validations.count).toBe(3);
  });

  it('does not hash a file again whose stat is the one it was hashed at, once that is past racy', async () => {
    const { dataDir, file, text } = dataDirWithDeck();
    await load(dataDir, later);
    expect(hashes.count).toBe(1);
    await load(dataDir, later);
    await load(dataDir, later);
    expect(hashes.count).toBe(1);
    expect(validations.count).toBe(1);
    // Same size, one byte different, the old mtime put back: the ctime moved, so the bytes are hashed and validated.
    const { mtime, atime } = statSync(file);
    writeFileSync(file, text.replace('"cards"', '"cardz"'));
    utimesSync(file, atime, mtime);
    const after = await load(dataDir, later);
    expect(hashes.count).toBe(2);
    expect(validations.count).toBe(2);
    expect(after.broken).toHaveLength(1);
  });

  it('hashes every time when told not to trust the stat (KEEPER_PREP_TRUST_STAT=0)', async () => {
    const { dataDir } = dataDirWithDeck();
    await load(dataDir, later, false);
    await load(dataDir, later, false);
    await load(dataDir, later, false);
    expect(hashes.count).toBe(3);
    expect(validations.count).toBe(1);
  });

  it('keeps hashing a file changed just before it was hashed (racily clean), until a start comes later', async () => {
    const { dataDir } = dataDirWithDeck();
    await load(dataDir);
    await load(dataDir);
    expect(hashes.count).toBe(2);
    // Hashed again this long after the change, the entry takes the stat, and the next start trusts it.
    await load(dataDir, later);
    await load(dataDir, later);
    expect(hashes.count).toBe(3);
    expect(validations.count).toBe(1);
  });

  it('rebuilds a damaged cache, and is not fooled by one whose entry was changed', async () => {
    const { dataDir } = dataDirWithDeck();
    writeFileSync(join(dataDir, DECK_CACHE_FILE), '{"version":1,"entries":{"x":');
    expect((await load(dataDir)).decks).toHaveLength(1);
    expect(validations.count).toBe(1);
    const cache = JSON.parse(readFileSync(join(dataDir, DECK_CACHE_FILE), 'utf8')) as { entries: Record<string, { defaults: Record<string, unknown> }> };
    const entry = Object.values(cache.entries)[0]!;
    expect(entry.defaults).toEqual({ area: 'custom' });
    // A hand-edited default: the entry's checksum no longer matches, so the deck is validated.
    entry.defaults = { area: 'design' };
    writeFileSync(join(dataDir, DECK_CACHE_FILE), JSON.stringify(cache));
    const again = await load(dataDir);
    expect(validations.count).toBe(2);
    expect(again.decks[0]!.deck.area).toBe('custom');
  });

  it('loads the decks when the cache cannot be written, and leaves no temp file', async () => {
    const { dataDir } = dataDirWithDeck();
    vi.spyOn(io, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC', syscall: 'write' });
    });
    expect((await load(dataDir)).decks).toHaveLength(1);
    expect(readdirSync(dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    vi.restoreAllMocks();
    expect((await load(dataDir)).decks).toHaveLength(1);
    expect(validations.count).toBe(2);
  });

  it('validates again under another release or deck schema', async () => {
    const { dataDir } = dataDirWithDeck();
    await load(dataDir);
    const cache = JSON.parse(readFileSync(join(dataDir, DECK_CACHE_FILE), 'utf8')) as { validator: string };
    writeFileSync(join(dataDir, DECK_CACHE_FILE), JSON.stringify({ ...cache, validator: '0.0.1/older-schema' }));
    await load(dataDir);
    expect(validations.count).toBe(2);
    await load(dataDir);
    expect(validations.count).toBe(2);
  });

  it('treats a folder in the cache\'s place as no cache', async () => {
    const { dataDir } = dataDirWithDeck();
    mkdirSync(join(dataDir, DECK_CACHE_FILE));
    expect((await load(dataDir)).decks).toHaveLength(1);
    expect((await load(dataDir)).decks).toHaveLength(1);
  });
});

/** A user deck over OUTLINE_FROM_BYTES: the mini deck's cards many times over, with long answers. */
function dataDirWithLargeDeck(): { dataDir: string; file: string; text: string } {
  const dataDir = tempDir();
  mkdirSync(join(dataDir, 'decks'));
  const file = join(dataDir, 'decks', 'large.json');
  const mini = JSON.parse(readFileSync(MINI_DECK, 'utf8')) as { cards: Record<string, unknown>[] } & Record<string, unknown>;
  delete mini.area;
  const cards = Array.from({ length: 400 }, (_, i) => mini.cards.map((c) => ({ ...c, id: `${String(c.id)}-${i}`, ...(c.type === 'flashcard' ? { back: 'x'.repeat(200) } : {}) }))).flat();
  const text = JSON.stringify({ ...mini, id: 'large', cards }, null, 2);
  expect(text.length).toBeGreaterThan(OUTLINE_FROM_BYTES);
  writeFileSync(file, text);
  return { dataDir, file, text };
}

describe('a large deck in the cache', () => {
  it('loads from its outline without parsing its cards, and is the same deck when they are read', async () => {
    const { dataDir, text } = dataDirWithLargeDeck();
    const first = (await load(dataDir)).decks[0]!.deck;
    expect(validations.count).toBe(1);
    const entry = Object.values((JSON.parse(readFileSync(join(dataDir, DECK_CACHE_FILE), 'utf8')) as { entries: Record<string, { outline?: string }> }).entries)[0]!;
    expect(typeof entry.outline).toBe('string');
    const parse = vi.spyOn(JSON, 'parse');
    const second = (await load(dataDir)).decks[0]!.deck;
    expect(validations.count).toBe(1);
    // The cache, the outline: nothing near the deck's size is parsed.
    expect(parse.mock.calls.every(([text]) => String(text).length < 100_000)).toBe(true);
    expect(deckFacts(second).keys).toEqual(deckFacts(first).keys);
    expect(deckFacts(second).kinds).toEqual(deckFacts(first).kinds);
    parse.mockRestore();
    // The file's own JSON and the default the validator added, as a deck from the cache always was.
    expect(JSON.stringify(second)).toBe(JSON.stringify({ ...(JSON.parse(text) as object), area: 'custom' }));
    expect(second).toEqual(first);
  });

  it('gets its outline back after the cache dropped it while the deck went unused', async () => {
    const { dataDir, file } = dataDirWithLargeDeck();
    const path = join(dataDir, DECK_CACHE_FILE);
    await load(dataDir);
    const cache = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, Record<string, unknown>> };
    const entry = cache.entries[file]!;
    // As save() leaves the entry of a deck not loaded that time: its defaults alone.
    delete entry.outline;
    entry.sum = resum(file, entry);
    writeFileSync(path, JSON.stringify(cache));
    const whole = (await load(dataDir)).decks[0]!.deck;
    expect(Object.getOwnPropertyDescriptor(whole, 'cards')?.get).toBeUndefined();
    expect(typeof (JSON.parse(readFileSync(path, 'utf8')) as typeof cache).entries[file]!.outline).toBe('string');
    const lazy = (await load(dataDir)).decks[0]!.deck;
    expect(Object.getOwnPropertyDescriptor(lazy, 'cards')?.get).toBeTypeOf('function');
    expect(validations.count).toBe(1);
    expect(lazy).toEqual(whole);
  });

  it('keeps a large deck with a dataset file lazy: the dataset is set on it, not spread into a copy', async () => {
    const { dataDir, file, text } = dataDirWithLargeDeck();
    writeFileSync(join(dataDir, 'decks', 'shop.sql'), 'CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1);\n');
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(text) as object), datasets: { shop: 'shop.sql' } }, null, 2));
    await load(dataDir);
    const deck = (await load(dataDir)).decks[0]!.deck;
    expect(deck.datasets?.shop).toContain('CREATE TABLE t');
    expect(Object.getOwnPropertyDescriptor(deck, 'cards')?.get).toBeTypeOf('function');
    expect(validations.count).toBe(1);
  });

  it('validates again when the outline in an entry is damaged, its checksum made to match', async () => {
    const { dataDir } = dataDirWithLargeDeck();
    await load(dataDir);
    const path = join(dataDir, DECK_CACHE_FILE);
    const cache = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { outline: string; sum: string }> };
    const [file, entry] = Object.entries(cache.entries)[0]!;
    const outline = JSON.parse(entry.outline) as { outline: { exercise: string } };
    outline.outline.exercise += '0';
    entry.outline = JSON.stringify(outline);
    entry.sum = resum(file, entry);
    writeFileSync(path, JSON.stringify(cache));
    const again = (await load(dataDir)).decks[0]!.deck;
    expect(validations.count).toBe(2);
    expect(again.cards.length).toBeGreaterThan(1000);
  });
});

/** An entry's checksum as the cache computes it, to forge a damaged entry that still passes it. */
function resum(file: string, entry: Record<string, unknown>): string {
  return entrySum(file, entry as unknown as DeckFileStamp, entry as unknown as DeckCacheHit);
}

describe('reading the cache file (fuzzed)', () => {
  it('never throws on mutated text, and keeps only entries exactly as they were written', async () => {
    const { dataDir } = dataDirWithDeck();
    writeFileSync(join(dataDir, 'decks', 'other.json'), JSON.stringify({ ...(JSON.parse(readFileSync(MINI_DECK, 'utf8')) as object), id: 'other' }));
    await load(dataDir);
    const text = readFileSync(join(dataDir, DECK_CACHE_FILE), 'utf8');
    const validator = validatorId(join(dataDir, 'no-builtins'));
    const original = readDeckCache(text, validator);
    expect(original.size).toBe(2);
    expect(readDeckCache(text, 'another release/another schema').size).toBe(0);
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), char: fc.constant('') }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('0', '"', '{}', '[]', 'null', ',', '9e9', '-1')) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        let mutated = text;
        for (const m of mutations) {
          const at = m.at % (mutated.length + 1);
          mutated = m.kind === 'cut' ? mutated.slice(0, at) : m.kind === 'insert' ? mutated.slice(0, at) + m.char + mutated.slice(at) : mutated.slice(0, at) + m.char + mutated.slice(at + m.char.length);
        }
        const read = readDeckCache(mutated, validator);
        for (const [file, entry] of read) expect(entry).toEqual(original.get(file));
      }),
      { numRuns: 400 },
    );
  });

  it('drops an entry whose fields were changed to other well-typed values', async () => {
    const { dataDir } = dataDirWithDeck();
    await load(dataDir);
    const text = readFileSync(join(dataDir, DECK_CACHE_FILE), 'utf8');
    const time = fc.double({ noNaN: true });
    const values = { size: fc.integer(), mtimeMs: time, ctimeMs: time, ino: fc.integer(), dev: fc.integer(), readAt: time, hash: fc.string(), defaults: fc.dictionary(fc.string(), fc.string()) };
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(values) as (keyof typeof values)[])).chain((field) => fc.tuple(fc.constant(field), values[field] as fc.Arbitrary<unknown>)), ([field, value]) => {
        const cache = JSON.parse(text) as { entries: Record<string, Record<string, unknown>> };
        const entry = Object.values(cache.entries)[0]!;
        fc.pre(JSON.stringify(entry[field]) !== JSON.stringify(value));
        entry[field] = value;
        expect(readDeckCache(JSON.stringify(cache), validatorId(join(dataDir, 'no-builtins'))).size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
