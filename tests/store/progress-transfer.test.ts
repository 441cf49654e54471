import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { runCommandLine } from '../../src/command-line.js';
import type { Attempt } from '../../src/store/attempts.js';
import { ATTEMPTS_FILE } from '../../src/store/attempts.js';
import { LOG_FILE, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const HOUR = 3_600_000;

// No built-in decks: progress does not need the cards' decks, and the tests open many workspaces.
const open = (dataDir: string, now = T0): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now });

const attempt = (finishedAt: number, notes: string): Attempt => ({
  v: 1, key: 'mini/cap-theorem', startedAt: finishedAt - 600_000, finishedAt, durationMs: 600_000, minutes: 10,
  phases: [{ name: 'Clarify', ms: 600_000 }], hintsUsed: 1, scores: [{ dimension: 'Depth', score: 2 }], rating: 2, notes,
});

/** A data directory with some history, closed so its snapshot is current. */
async function machine(label: string, offset: number): Promise<string> {
  const dir = tempDir(`keeper-prep-${label}-`);
  const ws = await open(dir);
  ws.rate('mini/capital', 3, T0 + offset, 1000);
  ws.rate('mini/primes', 1, T0 + offset + HOUR, 1000);
  ws.rate('mini/capital', 4, T0 + offset + 2 * HOUR, 1000);
  const undone = ws.rate(`mini/two-plus-two`, 2, T0 + offset + 3 * HOUR, 1000);
  ws.undo(undone.reviewId, 'mini/two-plus-two', undone.restore, T0 + offset + 3 * HOUR);
  ws.attempts.record(attempt(T0 + offset, `${label} notes`));
  ws.close();
  return dir;
}

async function withOpen<T>(dir: string, run: (ws: Workspace) => T): Promise<T> {
  const ws = await open(dir);
  try {
    return run(ws);
  } finally {
    ws.close();
  }
}

function diskState(dir: string): Record<string, string | null> {
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'latin1') : null);
  return { log: read(LOG_FILE), snapshot: read(SNAPSHOT_FILE), attempts: read(ATTEMPTS_FILE) };
}

describe('export-progress and import-progress', () => {
  it('combines two machines, each importing the other, into the same records, on reload too', async () => {
    const a = await machine('a', 0);
    const b = await machine('b', 30 * 60_000);
    const files = tempDir();
    const fromA = join(files, 'a.json');
    const fromB = join(files, 'b.json');
    expect(await withOpen(a, (ws) => exportProgressCommand(ws, fromA, T0 + 5 * HOUR))).toBe(`Exported 3 reviews of 2 cards and 1 design attempt to ${fromA}.`);
    await withOpen(b, (ws) => exportProgressCommand(ws, fromB, T0 + 5 * HOUR));

    // B's capital review at +2h30 is newer than A's at +2h; A's primes review at +1h is older.
    expect(await withOpen(a, (ws) => importProgressCommand(ws, fromB))).toBe(`Imported 3 reviews and 1 design attempt from ${fromB}. 2 cards now use the newer state from the file.`);
    expect(await withOpen(b, (ws) => importProgressCommand(ws, fromA))).toBe(`Imported 3 reviews and 1 design attempt from ${fromA}. Every card kept its state here, which was newer; the reviews still count in your history.`);

    const wsA = await open(a);
    const wsB = await open(b);
    expect(wsA.progress.progress.cards).toEqual(wsB.progress.progress.cards);
    expect(wsA.progress.progress.reviews).toBe(6);
    expect(wsB.progress.progress.reviews).toBe(6);
    expect(wsA.progress.progress.cards.get('mini/capital')!.firstReview).toBe(T0);
    expect(wsB.attempts.history().map((x) => x.notes).sort()).toEqual(['a notes', 'b notes']);
    const records = new Map(wsA.progress.progress.cards);
    wsA.close();
    wsB.close();

    // Without the snapshot, replaying the log alone gives the same records.
    rmSync(join(a, SNAPSHOT_FILE));
    const replayed = await open(a);
    expect(replayed.progress.progress.cards).toEqual(records);
    expect(replayed.progress.progress.reviews).toBe(6);
    replayed.close();

    expect(await withOpen(tempDir(), (ws) => importProgressCommand(ws, fromA))).toBe(`Imported 3 reviews and 1 design attempt from ${fromA}. 2 cards are new here.`);
    expect(await withOpen(a, (ws) => importProgressCommand(ws, fromB))).toBe(`Nothing new in ${fromB}: its 3 reviews and 1 design attempt are already here.`);
    const both = join(files, 'both.json');
    await withOpen(b, (ws) => exportProgressCommand(ws, both, T0 + 6 * HOUR));
    expect(await withOpen(a, (ws) => importProgressCommand(ws, both))).toBe(`Nothing new in ${both}: its 6 reviews and 2 design attempts are already here.`);
    expect(await withOpen(a, (ws) => ws.progress.progress.reviews)).toBe(6);
  });

  it('rejects bad files with one line and leaves every progress file byte for byte as it was', async () => {
    const dir = await machine('a', 0);
    const files = tempDir();
    const good = join(files, 'good.json');
    await withOpen(await machine('b', HOUR), (ws) => exportProgressCommand(ws, good, T0));
    const text = readFileSync(good, 'utf8');
    const write = (name: string, content: string | Buffer): string => {
      writeFileSync(join(files, name), content);
      return join(files, name);
    };
    const huge = write('huge.json', '');
    truncateSync(huge, Math.round(61.2 * 1024 * 1024));
    mkdirSync(join(files, 'folder'));
    const cases: [string, RegExp][] = [
      [write('cut.json', text.slice(0, Math.floor(text.length / 2))), /cut\.json: not valid JSON: /],
      [write('junk.bin', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x10, 0x80])), /junk\.bin is not a text file$/],
      [write('latin1.json', Buffer.from('{"format": "caf\xe9"}', 'latin1')), /latin1\.json is not a text file$/],
      [huge, /huge\.json is 61\.2 MB; progress files are limited to 50 MB$/],
      [write('proto.json', text.replace('"record":{', '"record":{"__proto__":{"x":1},')), /proto\.json: the key "__proto__" is not allowed \(in reviews\[0\]\.record\)$/],
      [write('newer.json', text.replace('"version":1', '"version":2')), /newer\.json: written by a newer keeper-prep \(progress format 2; this version reads 1\)/],
      [write('bad-review.json', text.replace('"rating":3', '"rating":9')), /bad-review\.json: reviews\[\d+\] is not a valid review \("rating" should be 1, 2, 3 or 4\)$/],
      [write('other.json', '{"cards": []}'), /other\.json: not a keeper-prep progress file/],
      [join(files, 'missing.json'), /missing\.json: file not found$/],
      [join(files, 'folder'), /folder is a directory, not a progress file$/],
    ];
    const before = diskState(dir);
    expect(before.log).not.toBeNull();
    expect(before.snapshot).not.toBeNull();
    expect(before.attempts).not.toBeNull();
    for (const [file, message] of cases) {
      const ws = await open(dir);
      let error: Error | null = null;
      try {
        importProgressCommand(ws, file);
      } catch (e) {
        error = e as Error;
      } finally {
        ws.close();
      }
      expect(error?.message, file).toMatch(message);
      expect(error?.message, file).not.toContain('\n');
      expect(diskState(dir), file).toEqual(before);
    }
    // The good file does import, so nothing above was refused for a reason of its own.
    expect(await withOpen(dir, (ws) => importProgressCommand(ws, good))).toMatch(/^Imported 3 reviews and 1 design attempt/);
  });

  it('imports after a torn last line of either log without losing the first imported line', async () => {
    const dir = await machine('a', 0);
    const file = join(tempDir(), 'b.json');
    await withOpen(await machine('b', HOUR), (ws) => exportProgressCommand(ws, file, T0));
    writeFileSync(join(dir, LOG_FILE), '{"v":1,"t":"review","id":"torn","key":"mini/ca', { flag: 'a' });
    writeFileSync(join(dir, ATTEMPTS_FILE), '{"v":1,"key":"mini', { flag: 'a' });
    await withOpen(dir, (ws) => importProgressCommand(ws, file));
    const ws = await open(dir);
    expect(ws.progress.progress.reviews).toBe(6);
    expect(ws.attempts.history().map((x) => x.notes)).toEqual(['a notes', 'b notes']);
    ws.close();
  });

  it('will not replace an existing file without --force, and leaves no temp file behind', async () => {
    const dir = await machine('a', 0);
    const files = tempDir();
    const target = join(files, 'progress.json');
    writeFileSync(target, 'keep me');
    await withOpen(dir, (ws) => expect(() => exportProgressCommand(ws, target, T0)).toThrow(`${target} already exists; pass --force to replace it`));
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    await withOpen(dir, (ws) => exportProgressCommand(ws, target, T0, { force: true }));
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ format: 'keeper-prep-progress', version: 1, exportedAt: T0 });
    expect(readdirSync(files)).toEqual(['progress.json']);
    await withOpen(dir, (ws) => expect(() => exportProgressCommand(ws, join(files, 'no-such-folder', 'p.json'), T0)).toThrow(/the folder .*no-such-folder does not exist$/));
  });

  it('runs from the command line: output on stdout, a bad file as one line on stderr with exit 1', async () => {
    const dir = await machine('a', 0);
    const other = await machine('b', HOUR);
    const file = join(tempDir(), 'p.json');
    // Not annotated, so it fits InstallPaths with or without the Anki importer's sqlWasm.
    const paths = { builtinDir: tempDir(), builtinBundle: join(tempDir(), 'none.json'), sqlWasm: join(tempDir(), 'none.wasm') };
    const run = async (...args: string[]) => {
      let out = '';
      let err = '';
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
      try {
        await runCommandLine(['node', 'keeper-prep', ...args], paths, '0.0.0-test');
        return { out, err, code: process.exitCode ?? 0 };
      } finally {
        stdout.mockRestore();
        stderr.mockRestore();
        process.exitCode = undefined;
      }
    };
    expect(await run('--data-dir', other, 'export-progress', file)).toEqual({ out: `Exported 3 reviews of 2 cards and 1 design attempt to ${file}.\n`, err: '', code: 0 });
    expect(await run('--data-dir', other, 'export-progress', file)).toEqual({ out: '', err: `keeper-prep: ${file} already exists; pass --force to replace it\n`, code: 1 });
    expect((await run('--data-dir', dir, 'import-progress', file)).out).toMatch(/^Imported 3 reviews and 1 design attempt from /);
    writeFileSync(file, '{"format": "keeper-prep-progress", "version": 3}');
    expect(await run('--data-dir', dir, 'import-progress', file)).toEqual({ out: '', err: `keeper-prep: ${file}: written by a newer keeper-prep (progress format 3; this version reads 1); update keeper-prep to import it\n`, code: 1 });
  });
});
