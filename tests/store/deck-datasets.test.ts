import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDeckError, parseDeck } from '../../src/core/deck-parse.js';
import { loadDecks, readDeckFile } from '../../src/store/deck-files.js';
import { MAX_DATASET_BYTES } from '../../src/store/deck-datasets.js';
import { mutate, mutations } from '../helpers/mutate.js';
import { REPO, tempDir } from '../helpers/temp.js';

const FIXTURE = join(REPO, 'tests/fixtures/exercise-runs.json');
const SHOP = readFileSync(join(REPO, 'tests/fixtures/exercise-data/shop.sql'), 'utf8');
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** The fixture deck copied into a fresh directory, its shop dataset replaced by `sql` (or absent). */
function deckWith(sql: string | null): { dir: string; file: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'exercise-data'));
  const file = join(dir, 'exercises.json');
  copyFileSync(FIXTURE, file);
  if (sql !== null) writeFileSync(join(dir, 'exercise-data/shop.sql'), sql);
  return { dir, file };
}

describe('dataset files next to a deck', () => {
  it('are read in at load, so the loaded deck carries their SQL', () => {
    const loaded = readDeckFile(FIXTURE, 'flag', parseDeck);
    expect('deck' in loaded && loaded.deck.datasets).toEqual({ shop: SHOP, tiny: 'CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);' });
  });

  it('a missing file is one positioned error at datasets.<name>', () => {
    const { file } = deckWith(null);
    const loaded = readDeckFile(file, 'flag', parseDeck);
    expect('errors' in loaded && loaded.errors.map(formatDeckError)).toEqual([`${file}:10:13 datasets.shop: exercise-data/shop.sql file not found (dataset files are read relative to the deck file)`]);
  });

  it('refuses a link out of the deck directory, a directory, a control byte and an oversized file', () => {
    const outside = join(tempDir(), 'secret.sql');
    writeFileSync(outside, 'CREATE TABLE t (a);');
    const link = deckWith(null);
    symlinkSync(outside, join(link.dir, 'exercise-data/shop.sql'));
    const message = (file: string) => {
      const loaded = readDeckFile(file, 'flag', parseDeck);
      return 'errors' in loaded ? loaded.errors.map((e) => e.message) : [];
    };
    expect(message(link.file)).toEqual([expect.stringContaining("leads outside the deck's directory")]);
    const dir = deckWith(null);
    mkdirSync(join(dir.dir, 'exercise-data/shop.sql'));
    expect(message(dir.file)).toEqual([expect.stringContaining('is not a regular file')]);
    expect(message(deckWith('CREATE TABLE t (a);\n\u001b[2J').file)).toEqual(['exercise-data/shop.sql has a control character (U+001B) on line 2; a dataset is plain SQL text']);
    expect(message(deckWith('-- '.padEnd(MAX_DATASET_BYTES + 10, 'x')).file)).toEqual([expect.stringContaining('is over 5 MB')]);
  });

  it('a changed dataset file is read again even when the deck comes from the cache', async () => {
    const data = tempDir();
    const { dir, file } = deckWith('CREATE TABLE a (x);');
    const load = async () => (await loadDecks({ builtinDir: join(data, 'none'), userDir: join(data, 'none'), flagFiles: [file], cacheDir: data })).decks.find((d) => d.deck.id === 'exercises')?.deck.datasets?.shop;
    expect(await load()).toBe('CREATE TABLE a (x);');
    writeFileSync(join(dir, 'exercise-data/shop.sql'), 'CREATE TABLE b (y);');
    expect(await load()).toBe('CREATE TABLE b (y);');
  });

  it('a mutated dataset file loads or is one positioned error, quickly, with no control byte out', () => {
    const { dir, file } = deckWith(SHOP);
    fc.assert(
      fc.property(mutations, (steps) => {
        writeFileSync(join(dir, 'exercise-data/shop.sql'), mutate(SHOP, steps));
        const started = Date.now();
        const loaded = readDeckFile(file, 'flag', parseDeck);
        expect(Date.now() - started).toBeLessThan(2000);
        if ('errors' in loaded) {
          expect(loaded.errors).toHaveLength(1);
          expect(loaded.errors[0]).toMatchObject({ path: 'datasets.shop', line: 10, column: 13 });
          expect(formatDeckError(loaded.errors[0]!)).not.toMatch(CONTROL);
        } else expect(loaded.deck.datasets?.shop).not.toMatch(CONTROL);
      }),
      { numRuns: 80 },
    );
  });
});
