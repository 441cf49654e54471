// Real disks that refuse writes: a small tmpfs filled to the last page (ENOSPC) or remounted
// read-only (EROFS; chmod stops nothing when tests run as root), and a data directory of the wrong
// shape. The store and the built command line (needs `npm run build`) must say one line naming
// the file, keep every byte written before, leave no temp file, and exit 0 where nothing the user
// asked for had to be written. Where a tmpfs cannot be mounted, those tests are skipped with the
// reason printed.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportProgressCommand } from '../../src/commands/progress-transfer.js';
import { studyItems } from '../../src/core/queue.js';
import { LOG_FILE, OLD_SNAPSHOT_FILE, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { WriteError } from '../../src/store/safe-write.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { writeOldSnapshot } from '../helpers/old-snapshot.js';
import { KEY, renderApp } from '../helpers/render-app.js';
import { MINI_DECK, REPO, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const MIN = 60_000;
const BIN = join(REPO, 'bin/keeper-prep.js');

const open = (dataDir: string, now = T0): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now });

function cli(args: string[], home: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8', input: '' });
}

const tmpFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp(-|$)/.test(f));

/** `stats --json` on `dir` answers: nothing on stderr, exit 0, `reviews` counted, no temp file left. */
function statsAnswers(dir: string, reviews: number): void {
  const stats = cli(['stats', '--json'], dir);
  expect(stats.stderr).toBe('');
  expect(stats.status).toBe(0);
  expect(JSON.parse(stats.stdout)).toMatchObject({ reviews });
  expect(tmpFiles(dir)).toEqual([]);
}

function expectOneLine(stderr: string): void {
  expect(stderr.split('\n')).toHaveLength(2);
  expect(stderr).not.toMatch(/^\s+at |node:internal/m);
}

/** Why a tmpfs cannot be mounted here, or null when it can. */
function mountRefused(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'keeper-prep-probe-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status === 0) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  if (result.status === 0) return null;
  return (result.error?.message ?? result.stderr).trim() || `mount exited with ${result.status}`;
}

const REFUSED = mountRefused();
if (REFUSED) console.log(`write-faults-disk: full and read-only disk tests skipped: a tmpfs cannot be mounted here (${REFUSED})`);

const mounts: string[] = [];

/** A fresh tmpfs of this many KiB, unmounted after the test. */
function tmpfs(kib: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'keeper-prep-disk-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount: ${result.stderr}`);
  mounts.push(dir);
  return dir;
}

function remountReadOnly(dir: string): void {
  const result = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`remount: ${result.stderr}`);
}

afterEach(() => {
  for (const dir of mounts.splice(0)) {
    // Lazy: a workspace a failed test left open must not keep the mount.
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Fills the disk to its last byte with a filler file, then frees `leave` bytes of it. */
function fill(dir: string, leave = 0): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 0x78);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  if (leave > 0) truncateSync(filler, Math.max(0, statSync(filler).size - leave));
  return filler;
}

function wholeLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.split('\n').filter(Boolean);
  for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  return lines;
}

/** An export-progress file of `count` reviews. */
async function exportFile(count: number): Promise<string> {
  // On a tmpfs too: its fsync is free, and hundreds of ratings are made here.
  const ws = await open(tmpfs(2048));
  const keys = ['mini/capital', 'mini/primes', 'mini/two-plus-two', 'mini/cap-theorem'];
  for (let i = 0; i < count; i++) ws.rate(keys[i % keys.length]!, ((i % 4) + 1) as 1 | 2 | 3 | 4, T0 - (count - i) * MIN, 1000);
  const file = join(tempDir(), 'progress.json');
  exportProgressCommand(ws, file, T0);
  ws.close();
  return file;
}

describe.skipIf(REFUSED !== null)('a full disk (tmpfs)', () => {
  it('rating until the disk is full: every stored rating is a whole line, the refused one is named and not counted', async () => {
    const dir = tmpfs(64);
    const ws = await open(dir);
    ws.rate('mini/capital', 3, T0, 1000);
    ws.rate('mini/primes', 3, T0 + MIN, 1000);
    fill(dir);
    let stored = 2;
    let refused: unknown = null;
    // The log's last page still has room: ratings go in until one crosses into a page there is none for.
    for (let i = 0; i < 200 && !refused; i++) {
      try {
        ws.rate('mini/capital', 3, T0 + (i + 2) * MIN, 1000);
        stored++;
      } catch (error) {
        refused = error;
      }
    }
    expect(refused).toBeInstanceOf(WriteError);
    expect((refused as WriteError).message).toBe(`could not save your rating to ${join(dir, LOG_FILE)}: the disk is full. Free some space and try again; nothing was lost before this rating.`);
    expect(wholeLines(join(dir, LOG_FILE))).toHaveLength(stored);
    expect(ws.progress.progress.reviews).toBe(stored);
    // conf's own temp file (atomically's) is gone too.
    expect(() => ws.settings.set({ newPerDay: 7 })).toThrow(`could not save your settings to ${join(dir, 'settings.json')}: the disk is full. Free some space and try again; they are as they were before this change.`);
    expect(ws.settings.get().newPerDay).toBe(20);
    expect(() => ws.close()).not.toThrow();
    // atomically (under conf) unlinks its temp file asynchronously after the refused write.
    for (let i = 0; i < 100 && tmpFiles(dir).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tmpFiles(dir)).toEqual([]);
    const again = await open(dir);
    expect(again.progress.progress.reviews).toBe(stored);
    expect(again.notices).toEqual([]);
    again.close();
  });

  it('a start that must save its card states: no crash, no temp file; `stats --json` prints and exits 0', async () => {
    const dir = tmpfs(64);
    const ws = await open(dir);
    for (let i = 0; i < 3; i++) ws.rate('mini/capital', 3, T0 + i * MIN, 1000);
    ws.close();
    unlinkSync(join(dir, SNAPSHOT_FILE));
    fill(dir);
    const again = await open(dir);
    expect(again.progress.saveSnapshot()).toBeInstanceOf(WriteError);
    expect(tmpFiles(dir)).toEqual([]);
    again.close();

    statsAnswers(dir, 3);
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(false);
  });

  it('the previous version\'s cards.json on a full disk, then on a read-only one: read and kept, `stats --json` answers; replaced once the disk takes card-states.bin', async () => {
    const dir = tmpfs(64);
    const ws = await open(dir);
    for (let i = 0; i < 3; i++) ws.rate('mini/capital', 3, T0 + i * MIN, 1000);
    ws.close();
    const old = writeOldSnapshot(dir, 2);
    const filler = fill(dir);
    statsAnswers(dir, 3);
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(false);
    expect(readFileSync(join(dir, OLD_SNAPSHOT_FILE), 'utf8')).toBe(old);
    unlinkSync(filler);
    remountReadOnly(dir);
    statsAnswers(dir, 3);
    expect(readFileSync(join(dir, OLD_SNAPSHOT_FILE), 'utf8')).toBe(old);
    const writable = spawnSync('mount', ['-o', 'remount,rw', dir], { encoding: 'utf8' });
    expect(writable.status, writable.stderr).toBe(0);
    statsAnswers(dir, 3);
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(true);
    expect(existsSync(join(dir, OLD_SNAPSHOT_FILE))).toBe(false);
  });

  it('import-progress with 4 KiB free: none of the reviews are written, one line says why, and a second run imports all', async () => {
    const file = await exportFile(147);
    const dir = tmpfs(256);
    const ws = await open(dir);
    ws.rate('mini/open', 3, T0, 1000);
    ws.close();
    const log = join(dir, LOG_FILE);
    const before = readFileSync(log);
    const filler = fill(dir, 4096);

    const result = cli(['import-progress', file], dir);
    expect(result.stderr).toBe(`keeper-prep: could not save 147 reviews to ${log}: the disk is full. Free some space and try again; none of them were written, and what was there before is kept.\n`);
    expectOneLine(result.stderr);
    expect(result.status).toBe(1);
    expect(readFileSync(log)).toEqual(before);
    expect(tmpFiles(dir)).toEqual([]);

    unlinkSync(filler);
    const retry = cli(['import-progress', file], dir);
    expect(retry.stderr).toBe('');
    expect(retry.stdout).toMatch(/^Imported 147 reviews and 0 design attempts/);
    expect(wholeLines(log)).toHaveLength(148);
  });

  it('an import bigger than the free space is refused before a byte is written, with the sizes', async () => {
    const file = await exportFile(400);
    const dir = tmpfs(64);
    const ws = await open(dir);
    ws.rate('mini/open', 3, T0, 1000);
    ws.close();
    fill(dir, 8192);
    const before = readFileSync(join(dir, LOG_FILE));
    const result = cli(['import-progress', file], dir);
    expect(result.stderr).toMatch(/^keeper-prep: could not save 400 reviews to .*reviews\.jsonl: the disk is full \(\d+ KB needed, \d+ KB free\)\. Free some space and try again; none of them were written, and what was there before is kept\.\n$/);
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, LOG_FILE))).toEqual(before);
  });
});

describe.skipIf(REFUSED !== null)('a read-only data directory (tmpfs remounted read-only)', () => {
  it('ratings, settings and stories are refused with a message; stats --json prints and exits 0', async () => {
    const dir = tmpfs(256);
    const ws = await open(dir);
    ws.settings.set({ role: 'software-engineer' });
    ws.rate('mini/capital', 3, T0, 1000);
    ws.rate('mini/primes', 3, T0 + MIN, 1000);
    ws.close();
    // The snapshot is due, so stats would write it if it could.
    unlinkSync(join(dir, SNAPSHOT_FILE));
    const log = readFileSync(join(dir, LOG_FILE));
    remountReadOnly(dir);

    const again = await open(dir);
    expect(again.settings.get().role).toBe('software-engineer');
    expect(() => again.rate('mini/capital', 4, T0 + 2 * MIN, 1000)).toThrow(
      `could not save your rating to ${join(dir, LOG_FILE)}: the disk is read-only. Make it writable, or choose another data directory with --data-dir; nothing was lost before this rating.`,
    );
    expect(() => again.settings.set({ newPerDay: 5 })).toThrow(`could not save your settings to ${join(dir, 'settings.json')}: the disk is read-only.`);
    expect(() => again.stories.save({ id: 's', title: 'S', situation: 'x', task: '', action: '', result: '', values: [], createdAt: T0, updatedAt: T0 })).toThrow(/^could not save your story bank to .*: the disk is read-only/);
    expect(() => again.close()).not.toThrow();
    expect(readFileSync(join(dir, LOG_FILE))).toEqual(log);

    const stats = cli(['stats', '--json'], dir);
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ reviews: 2 });
  });

  it('a read-only directory that was never written: stats --json still answers', async () => {
    const dir = tmpfs(64);
    remountReadOnly(dir);
    const stats = cli(['stats', '--json'], dir);
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ reviews: 0 });
  });

  it('in the app: the rating is refused on screen, the card stays, the app stays up', async () => {
    const dir = tmpfs(256);
    const first = await renderApp({ dataDir: dir, deckArgs: [MINI_DECK] });
    const items = studyItems(first.ws.decks());
    await first.unmount();
    remountReadOnly(dir);
    const app = await renderApp({ dataDir: dir, deckArgs: [MINI_DECK], initial: [{ name: 'review', title: 'Mini', items }], height: 30 });
    await app.press(KEY.space, '3');
    const flat = app.frame().replace(/\s+/g, ' ');
    expect(flat).toContain(`! Could not save your rating to ${join(dir, LOG_FILE)}: the disk is read-only.`);
    expect(flat).toContain('The card stays, not counted.');
    expect(app.frame()).toContain('Capital of France?');
    expect(app.frame()).toContain('0 done');
    await app.press('4');
    expect(app.frame()).toContain('Capital of France?');
    await app.unmount();
  });
});

describe('a data directory of the wrong shape', () => {
  it('the data directory is a file: one line naming it, exit 1, for subcommands and plain keeper-prep', () => {
    const file = join(tempDir(), 'data');
    writeFileSync(file, 'not a folder');
    const line = `keeper-prep: the data directory ${file} is a file, not a folder. Move it out of the way, or choose another with --data-dir or KEEPER_PREP_HOME.\n`;
    for (const args of [['stats'], ['stats', '--json'], ['decks'], ['report']]) {
      const result = cli(args, file);
      expect(result.stderr, args.join(' ')).toBe(line);
      expect(result.status).toBe(1);
    }
    // Plain keeper-prep needs a terminal before it opens anything: `script` gives it one.
    const script = spawnSync('script', ['-qec', `${process.execPath} ${BIN}`, '/dev/null'], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: file, TERM: 'xterm' }, encoding: 'utf8', input: '', timeout: 15_000 });
    if (script.error) {
      console.log(`write-faults-disk: plain keeper-prep on a terminal not run: ${script.error.message}`);
      return;
    }
    expect(script.stdout.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '')).toBe(line);
    expect(script.status).toBe(1);
  });

  it('a data file that is a folder is moved aside and reported; a pipe is one line naming it, exit 1', () => {
    for (const name of [LOG_FILE, SNAPSHOT_FILE, OLD_SNAPSHOT_FILE, 'attempts.jsonl', 'cram.jsonl', 'stories.json', 'settings.json']) {
      const home = tempDir();
      mkdirSync(join(home, name));
      const result = cli(['stats'], home);
      expect(result.status, name).toBe(0);
      expect(result.stderr, name).toMatch(/damaged-/);
      expect(readdirSync(home).some((f) => f.startsWith(`${name}.damaged-`)), name).toBe(true);
    }
    const home = tempDir();
    const fifo = spawnSync('mkfifo', [join(home, LOG_FILE)]);
    if (fifo.error || fifo.status !== 0) {
      console.log(`write-faults-disk: the named-pipe case not run: mkfifo failed (${fifo.error?.message ?? fifo.status})`);
      return;
    }
    const result = cli(['stats', '--json'], home);
    expect(result.stderr).toBe(`keeper-prep: ${join(home, LOG_FILE)} is a named pipe, where keeper-prep keeps your review log as a file. Move it out of the way (rename it), then try again.\n`);
    expect(result.status).toBe(1);
  });

  it('report --out onto a folder: one line naming it, exit 1', () => {
    const home = tempDir();
    mkdirSync(join(home, 'ready.md'));
    const result = cli(['report', '--out', join(home, 'ready.md')], home);
    expect(result.stderr).toBe(`keeper-prep: could not save the report to ${join(home, 'ready.md')}: that is a folder, not a file. Move the folder out of the way.\n`);
    expect(result.status).toBe(1);
  });

  it('a path through a file: one line, exit 1', () => {
    const file = join(tempDir(), 'data');
    writeFileSync(file, '');
    const result = cli(['stats'], join(file, 'inner'));
    expect(result.stderr).toBe(`keeper-prep: ${join(file, 'inner')} cannot be used: part of its path is a file, not a folder. Choose another data directory with --data-dir or KEEPER_PREP_HOME.\n`);
    expect(result.status).toBe(1);
  });
});
