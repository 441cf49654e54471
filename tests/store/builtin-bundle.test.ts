// The build's bundle of built-in decks (dist/builtin-decks.jsonl, made by `npm test`'s build): its
// decks load lazily from their outlines, are the decks of decks/ read whole, and a damaged bundle is
// noticed at start, when the decks are validated from decks/ instead, never when a deck's cards are read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/store/deck-files.js';
import { REPO, tempDir } from '../helpers/temp.js';

const BUNDLE = join(REPO, 'dist', 'builtin-decks.jsonl');
const BUILTIN = join(REPO, 'decks');

const load = (bundle: string | undefined) => loadDecks({ builtinDir: BUILTIN, builtinBundle: bundle, userDir: join(tempDir(), 'none') });

describe('the built-in deck bundle', () => {
  it('gives the decks of decks/, their cards read only when asked for', async () => {
    const bundled = await load(BUNDLE);
    const validated = await load(undefined);
    expect(bundled.broken).toEqual([]);
    expect(bundled.decks.map((d) => d.file)).toEqual(validated.decks.map((d) => d.file));
    for (const [i, { deck }] of bundled.decks.entries()) {
      expect(Object.getOwnPropertyDescriptor(deck, 'cards')?.get).toBeTypeOf('function');
      expect(deck).toEqual(validated.decks[i]!.deck);
    }
  });

  it('is passed over whole when any byte of a deck line is damaged: the decks are validated from decks/', async () => {
    const lines = readFileSync(BUNDLE, 'utf8').split('\n');
    const damaged = join(tempDir(), 'builtin-decks.jsonl');
    writeFileSync(damaged, [lines[0], lines[1]!.replace('"type":', '"type"'), ...lines.slice(2)].join('\n'));
    const library = await load(damaged);
    expect(library.broken).toEqual([]);
    for (const { deck } of library.decks) expect(Object.getOwnPropertyDescriptor(deck, 'cards')?.get).toBeUndefined();
    expect(library.decks.map((d) => d.deck)).toEqual((await load(undefined)).decks.map((d) => d.deck));
  });
});
