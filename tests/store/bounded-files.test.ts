// Files that used to hang the app, exhaust memory or be written though nothing could load them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/commands/import.js';
import { formatDeckError } from '../../src/core/deck-parse.js';
import { loadDecks } from '../../src/store/deck-files.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { SQL_WASM } from '../helpers/anki-fixture.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const PATHS = { sqlWasm: SQL_WASM, schema: join(BUILTIN_DECKS, 'deck.schema.json') };
const GOOD = JSON.stringify({ id: 'good', title: 'Good', version: 1, cards: [{ id: 'a', type: 'flashcard', front: 'q', back: 'a' }] });

describe('only regular files are read from decks/', () => {
  it('a decks directory that is a file is a notice, not a crash', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'decks'), 'not a directory');
    const library = await loadDecks({ builtinDir: join(dir, 'none'), userDir: join(dir, 'decks') });
    expect(library.decks).toEqual([]);
    expect(library.notices).toEqual([`${join(dir, 'decks')} is not a directory, so no decks were loaded from it.`]);
  });

  it('skips a FIFO and a link to /dev/zero with a reason, at once, and loads the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.json'), GOOD);
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    mkdirSync(join(dir, 'folder.json'));
    const start = performance.now();
    const library = await loadDecks({ builtinDir: join(dir, 'none'), userDir: dir });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(library.decks.map((d) => d.deck.id)).toEqual(['good']);
    expect(library.broken.flatMap((b) => b.errors.map((e) => formatDeckError(e).replace(dir, 'D')))).toEqual([
      'D/folder.json:1:1 is a directory, not a deck file; only regular files are read as decks (skipped)',
      'D/pipe.json:1:1 is a named pipe (FIFO), not a deck file; only regular files are read as decks (skipped)',
      'D/zero.json:1:1 is a device, not a deck file; only regular files are read as decks (skipped)',
    ]);
  });
});

/** A zstd frame of RLE blocks: a few bytes each that each unpack to 128 KB. */
function zstdBomb(outputBytes: number): Uint8Array {
  const BLOCK = 128 * 1024;
  const blocks = Math.ceil(outputBytes / BLOCK);
  // Magic, no content size, a 128 KB window.
  const parts = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38];
  for (let i = 0; i < blocks; i++) {
    const header = (BLOCK << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0);
    parts.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0x41);
  }
  return Uint8Array.from(parts);
}

describe('imports stop at the limits', () => {
  it('stops unpacking a zstd bomb at 256 MB and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'bomb.apkg');
    writeFileSync(file, zipSync({ 'collection.anki21b': zstdBomb(2 * 1024 * 1024 * 1024) }));
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    const before = process.memoryUsage().rss;
    const start = performance.now();
    await expect(importCommand(ws, file, {}, PATHS, '2026-11-20')).rejects.toThrow('bomb.apkg: its collection.anki21b unpacks to over 256 MB, more than a deck of flashcards');
    expect(performance.now() - start).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
    expect(existsSync(ws.userDecksDir) ? readdirSync(ws.userDecksDir) : []).toEqual([]);
  });

  it('refuses a zip whose collection says it unpacks to over 256 MB', async () => {
    const dir = tempDir();
    const file = join(dir, 'declared.apkg');
    const zip = zipSync({ 'collection.anki2': new Uint8Array(1000) }, { level: 9 });
    // The central directory's uncompressed size, made to claim 1 GB.
    const central = Buffer.from(zip).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    new DataView(zip.buffer, zip.byteOffset).setUint32(central + 24, 1024 * 1024 * 1024, true);
    writeFileSync(file, zip);
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    await expect(importCommand(ws, file, {}, PATHS, '2026-11-20')).rejects.toThrow(/declared\.apkg: its collection\.anki2 unpacks to over 256 MB/);
  });

  it('refuses an import whose deck would be over the 20 MB the loader reads, and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'clozes.tsv');
    const cell = Array.from({ length: 90 }, (_, i) => `{{c${i + 1}::w}} ${'x'.repeat(500)}`).join(' ');
    writeFileSync(file, `Front\tBack\n${Array.from({ length: 6 }, (_, i) => `${i} ${cell}\tanswer`).join('\n')}\n`);
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    await expect(importCommand(ws, file, {}, PATHS, '2026-11-20')).rejects.toThrow(/clozes\.tsv makes a deck of over 20 MB, more than keeper-prep loads/);
    expect(existsSync(ws.userDecksDir) ? readdirSync(ws.userDecksDir) : []).toEqual([]);
  });

  it('refuses an import of more cards than a deck may hold, and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'rows.tsv');
    writeFileSync(file, `Front\tBack\n${Array.from({ length: 100_001 }, (_, i) => `q${i}\ta`).join('\n')}\n`);
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    await expect(importCommand(ws, file, {}, PATHS, '2026-11-20')).rejects.toThrow('rows.tsv makes 100,001 cards; a deck holds at most 100,000, so keeper-prep could not load it');
    expect(existsSync(ws.userDecksDir) ? readdirSync(ws.userDecksDir) : []).toEqual([]);
  }, 20_000);

  it('refuses to import from a pipe or a device instead of reading it forever', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.tsv')]);
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    for (const file of [join(dir, 'pipe.tsv'), '/dev/zero']) {
      await expect(importCommand(ws, file, {}, PATHS, '2026-11-20')).rejects.toThrow(`${file} is not a regular file (a pipe, socket or device)`);
    }
  });
});
