// Every write is all or nothing, and a refused one is a message: faults injected through the
// store's fs seam (safe-write's `io`), so a write can be torn at an exact byte, a sync can fail
// after the bytes are in, and a rename can be refused. Real full and read-only disks are in
// write-faults-disk.test.ts.
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { studyItems } from '../../src/core/queue.js';
import type { MockTimer } from '../../src/core/mock.js';
import { parseLogLine } from '../../src/core/progress.js';
import type { Story } from '../../src/core/stories.js';
import type { Attempt, Draft } from '../../src/store/attempts.js';
import { LOG_FILE, OLD_SNAPSHOT_FILE, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { asWriteError, fsErrorLine, io, WriteError } from '../../src/store/safe-write.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { writeOldSnapshot } from '../helpers/old-snapshot.js';
import { KEY, renderApp } from '../helpers/render-app.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const MIN = 60_000;

const open = (dataDir: string, now = T0): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now });

const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code, syscall: 'write' });

/**
 * The nth writeSync from now (1-based) writes only half of what it was given, and the write after
 * it fails with `code`: a disk that filled up in the middle of a write. Every later write fails
 * too, unless `recover` (space freed at once, by another program say).
 */
function tearWrite(n: number, code = 'ENOSPC', recover = false) {
  const real = io.writeSync;
  let calls = 0;
  let torn = false;
  return vi.spyOn(io, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset?: number) => {
    calls++;
    if (torn) {
      if (recover && calls > n + 1) return real(fd, buffer, offset ?? 0);
      throw fault(code);
    }
    const start = offset ?? 0;
    if (calls === n) {
      torn = true;
      return real(fd, buffer, start, Math.max(1, Math.floor((buffer.length - start) / 2)));
    }
    return real(fd, buffer, start);
  }) as typeof io.writeSync);
}

function failCall(name: 'fdatasyncSync' | 'renameSync' | 'openSync', code: string) {
  return vi.spyOn(io, name).mockImplementation(() => {
    throw fault(code);
  });
}

const tmpFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp(-|$)/.test(f));

/** Every line of a JSONL file whole: ends in a newline, and each non-blank line is JSON. */
function expectWholeLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.split('\n').filter(Boolean);
  for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  return lines;
}

function expectOneLine(message: string): void {
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/\bat \S+ \(|node:internal/);
}

function caught(run: () => unknown): WriteError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WriteError);
    return error as WriteError;
  }
  throw new Error('expected the write to fail');
}

const TIMER: MockTimer = { startedAt: T0, pausedAt: null, pausedMs: 0, phase: 0, phaseMs: [0] };

const attempt = (finishedAt: number, notes: string): Attempt => ({
  v: 1, key: 'mini/cap-theorem', startedAt: finishedAt - 600_000, finishedAt, durationMs: 600_000, minutes: 10,
  phases: [{ name: 'Clarify', ms: 600_000 }], hintsUsed: 0, scores: [{ dimension: 'Depth', score: 2 }], rating: 3, notes,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a rating the disk refuses', () => {
  it('torn in the middle: the log is cut back to what it was, the message names the file, the store goes on', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/capital', 3, T0, 1000);
    ws.rate('mini/primes', 1, T0 + MIN, 1000);
    const log = join(dir, LOG_FILE);
    const before = readFileSync(log);
    const state = ws.progress.progress.cards.get('mini/capital');

    tearWrite(1);
    const error = caught(() => ws.rate('mini/capital', 4, T0 + 2 * MIN, 1000));
    expect(error.message).toBe(`could not save your rating to ${log}: the disk is full. Free some space and try again; nothing was lost before this rating.`);
    expectOneLine(error.message);
    expect(error.torn).toBe(false);
    expect(readFileSync(log)).toEqual(before);
    expect(ws.progress.progress.reviews).toBe(2);
    expect(ws.progress.progress.cards.get('mini/capital')).toEqual(state);

    vi.restoreAllMocks();
    ws.rate('mini/capital', 4, T0 + 3 * MIN, 1000);
    expect(expectWholeLines(log)).toHaveLength(3);
    ws.close();
    const again = await open(dir);
    expect(again.progress.progress.reviews).toBe(3);
    expect(again.notices).toEqual([]);
    again.close();
  });

  it('a sync that fails after every byte is written takes the line back too', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/capital', 3, T0, 1000);
    const log = join(dir, LOG_FILE);
    const before = readFileSync(log);
    failCall('fdatasyncSync', 'EIO');
    const error = caught(() => ws.rate('mini/primes', 3, T0 + MIN, 1000));
    expect(error.message).toBe(`could not save your rating to ${log}: the disk reported an error. Check the disk and try again; nothing was lost before this rating.`);
    expect(readFileSync(log)).toEqual(before);
    vi.restoreAllMocks();
    ws.close();
  });

  it('when another process appended after the torn part, its line is not cut, and our next line starts fresh', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/capital', 3, T0, 1000);
    const log = join(dir, LOG_FILE);
    const theirs = JSON.stringify({ ...parseLogLine(readFileSync(log, 'utf8').trim())!, id: 'theirs-1', key: 'mini/primes' });
    const real = io.writeSync;
    let calls = 0;
    vi.spyOn(io, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset?: number) => {
      calls++;
      if (calls > 1) throw fault('ENOSPC');
      // Another instance's whole line lands first, then half of ours.
      appendFileSync(log, `${theirs}\n`);
      return real(fd, buffer, offset ?? 0, 10);
    }) as typeof io.writeSync);
    const error = caught(() => ws.rate('mini/two-plus-two', 3, T0 + MIN, 1000));
    expect(error.torn).toBe(true);
    expect(readFileSync(log, 'utf8')).toContain(`${theirs}\n`);
    vi.restoreAllMocks();
    ws.rate('mini/two-plus-two', 3, T0 + 2 * MIN, 1000);
    // Our fragment is one damaged line of its own; the line after it is whole.
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(lines.filter((l) => parseLogLine(l) !== null)).toHaveLength(3);
    expect(parseLogLine(lines.at(-1)!)).toMatchObject({ key: 'mini/two-plus-two' });
    ws.close();
  });

  it('an undo the disk refuses leaves the rating counted', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    const done = ws.rate('mini/capital', 3, T0, 1000);
    const before = readFileSync(join(dir, LOG_FILE));
    tearWrite(1, 'EROFS');
    const error = caught(() => ws.undo(done.reviewId, 'mini/capital', done.restore, T0 + MIN));
    expect(error.message).toBe(`could not save the undo to ${join(dir, LOG_FILE)}: the disk is read-only. Make it writable, or choose another data directory with --data-dir; the rating still counts, and nothing before it was lost.`);
    expect(readFileSync(join(dir, LOG_FILE))).toEqual(before);
    expect(ws.progress.progress.reviews).toBe(1);
    vi.restoreAllMocks();
    ws.close();
  });
});

describe('the other appends: cram answers, design attempts, an import', () => {
  it('a cram answer torn mid-line is taken back whole', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.cramRate('mini/capital', 3, T0, 1000);
    const file = ws.cram.path;
    const before = readFileSync(file);
    tearWrite(1);
    const error = caught(() => ws.cramRate('mini/primes', 1, T0 + MIN, 1000));
    expect(error.message).toMatch(/^could not save your practice answer to .*cram\.jsonl: the disk is full\. Free some space and try again; nothing was lost before it\.$/);
    expect(readFileSync(file)).toEqual(before);
    expect(ws.cram.entries()).toHaveLength(1);
    vi.restoreAllMocks();
    ws.close();
  });

  it('a finished mock whose attempt cannot be stored is not counted: its rating is taken back and the draft kept', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.attempts.record(attempt(T0 - 60 * MIN, 'first'));
    const draft: Draft = { v: 1, key: 'mini/cap-theorem', minutes: 10, timer: TIMER, hintsUsed: 0, notes: 'my notes', savedAt: T0 };
    ws.attempts.saveDraft(draft);
    const attemptsBefore = readFileSync(ws.attempts.logPath);
    // The rating's write goes through; the attempt's is torn; the undo of the rating goes through.
    tearWrite(2, 'ENOSPC', true);
    const error = caught(() => ws.finishMock(attempt(T0, 'second'), T0));
    expect(error.message).toMatch(/^could not save your design attempt to .*attempts\.jsonl: the disk is full\./);
    vi.restoreAllMocks();
    expect(readFileSync(ws.attempts.logPath)).toEqual(attemptsBefore);
    expect(ws.progress.progress.cards.has('mini/cap-theorem')).toBe(false);
    expect(ws.progress.progress.reviews).toBe(0);
    expect(ws.attempts.draft('mini/cap-theorem', T0)?.notes).toBe('my notes');
    ws.close();
  });

  it('import-progress: all of the reviews and attempts of a file or none of them', async () => {
    const from = tempDir();
    const source = await open(from);
    for (let i = 0; i < 40; i++) source.rate(i % 2 ? 'mini/capital' : 'mini/primes', ((i % 4) + 1) as 1 | 2 | 3 | 4, T0 + i * MIN, 1000);
    source.attempts.record(attempt(T0, 'a'));
    source.attempts.record(attempt(T0 + MIN, 'b'));
    const file = join(tempDir(), 'progress.json');
    exportProgressCommand(source, file, T0 + 100 * MIN);
    source.close();

    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/open', 3, T0, 1000);
    const log = join(dir, LOG_FILE);
    const before = readFileSync(log);
    // The attempts go first, as one step of their own: torn, none of them stay.
    ws.attempts.record(attempt(T0 - 10 * MIN, 'mine'));
    const attemptsBefore = readFileSync(ws.attempts.logPath);
    tearWrite(1);
    const first = caught(() => importProgressCommand(ws, file));
    expect(first.message).toMatch(/^could not save 2 design attempts to .*attempts\.jsonl: the disk is full\./);
    expect(readFileSync(ws.attempts.logPath)).toEqual(attemptsBefore);
    expect(readFileSync(log)).toEqual(before);

    // Then the reviews, one step: torn, none of them stay.
    vi.restoreAllMocks();
    tearWrite(2);
    const error = caught(() => importProgressCommand(ws, file));
    expect(error.message).toBe(`could not save 40 reviews to ${log}: the disk is full. Free some space and try again; none of them were written, and what was there before is kept.`);
    expect(readFileSync(log)).toEqual(before);
    expect(ws.progress.progress.reviews).toBe(1);

    // Run again with room, it brings in what is missing and counts nothing twice.
    vi.restoreAllMocks();
    expect(importProgressCommand(ws, file)).toMatch(/^Imported 40 reviews/);
    expect(ws.progress.progress.reviews).toBe(41);
    ws.close();
  });
});

describe('an import appended in batches', () => {
  it('is all or nothing: a later batch refused, or the source failing part-way, cuts the log back to where it was', async () => {
    const source = await open(tempDir());
    for (let i = 1; i <= 5; i++) source.rate('mini/capital', 3, T0 + i * MIN, 1000);
    const [a, b, c, d, e] = source.progress.entries();
    source.close();
    const batches = [[a!, b!], [c!, d!], [e!]];
    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/open', 3, T0, 1000);
    const log = join(dir, LOG_FILE);
    const before = readFileSync(log);

    // The second batch's write is torn: the first batch, already on disk, is taken back too.
    tearWrite(2);
    const torn = caught(() => ws.progress.appendBatches((write) => batches.forEach((b) => write(b)), 5));
    expect(torn.message).toMatch(/^could not save 5 reviews to .*reviews\.jsonl: the disk is full\./);
    expect(readFileSync(log)).toEqual(before);
    vi.restoreAllMocks();

    // The source fails after a batch was written (the file changed under the import).
    expect(() =>
      ws.progress.appendBatches((write) => {
        write(batches[0]!);
        throw new Error('progress.json changed while it was being imported');
      }, 5),
    ).toThrow('progress.json changed while it was being imported');
    expect(readFileSync(log)).toEqual(before);

    expect(ws.progress.appendBatches((write) => batches.forEach((b) => write(b)), 5)).toBe(5);
    expect(ws.progress.progress.reviews).toBe(6);
    ws.close();
  });
});

describe('whole-file rewrites leave the old file and no temp file', () => {
  it('the card-state snapshot: a refused save is returned, not thrown, and close still works', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/capital', 3, T0, 1000);
    ws.close();
    const snapshot = join(dir, SNAPSHOT_FILE);
    const before = readFileSync(snapshot);
    const again = await open(dir);
    again.rate('mini/primes', 3, T0 + MIN, 1000);
    for (const [call, code] of [['writeSync', 'ENOSPC'], ['fdatasyncSync', 'EIO'], ['renameSync', 'EACCES']] as const) {
      if (call === 'writeSync') tearWrite(1, code);
      else failCall(call, code);
      const error = again.progress.saveSnapshot();
      expect(error, call).toBeInstanceOf(WriteError);
      expect(error!.message).toMatch(new RegExp(`^could not save the card states to ${snapshot.replaceAll('.', '\\.')}: `));
      expect(tmpFiles(dir), call).toEqual([]);
      expect(readFileSync(snapshot)).toEqual(before);
      vi.restoreAllMocks();
    }
    // Still due: saved once the disk takes it.
    expect(again.progress.saveSnapshot()).toBeNull();
    expect(readFileSync(snapshot)).not.toEqual(before);
    again.rate('mini/capital', 4, T0 + 2 * MIN, 1000);
    failCall('renameSync', 'ENOSPC');
    expect(() => again.close()).not.toThrow();
    vi.restoreAllMocks();
    expect(tmpFiles(dir)).toEqual([]);
    const third = await open(dir);
    expect(third.progress.progress.reviews).toBe(3);
    third.close();
  });

  it('the first card-states.bin over the previous version\'s cards.json: torn, unsynced, unrenamed or on a read-only disk, cards.json stays and is read again', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/capital', 3, T0, 1000);
    ws.rate('mini/primes', 2, T0 + MIN, 1000);
    ws.close();
    const old = writeOldSnapshot(dir, 2);
    // Not closed: closing would write cards.bin.
    const cards = (await open(dir)).progress.progress.cards;
    for (const [call, code] of [['writeSync', 'ENOSPC'], ['fdatasyncSync', 'EIO'], ['renameSync', 'EACCES'], ['openSync', 'EROFS']] as const) {
      const again = await open(dir);
      if (call === 'writeSync') tearWrite(1, code);
      else failCall(call, code);
      expect(() => again.close(), call).not.toThrow();
      vi.restoreAllMocks();
      expect(tmpFiles(dir), call).toEqual([]);
      expect(existsSync(join(dir, SNAPSHOT_FILE)), call).toBe(false);
      expect(readFileSync(join(dir, OLD_SNAPSHOT_FILE), 'utf8'), call).toBe(old);
    }
    // Once the disk takes it: cards.bin written, cards.json gone, the same cards and nothing to report.
    const third = await open(dir);
    expect(third.foundNotices).toEqual([]);
    expect(third.progress.progress.cards).toEqual(cards);
    third.close();
    expect(existsSync(join(dir, OLD_SNAPSHOT_FILE))).toBe(false);
    const fourth = await open(dir);
    expect(fourth.progress.progress.cards).toEqual(cards);
    expect(fourth.foundNotices).toEqual([]);
    fourth.close();
  });

  it('the story bank, a draft and the settings', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    const story: Story = { id: 'launch', title: 'Launch', situation: 'S', task: 'T', action: 'A', result: 'R', values: [], createdAt: T0, updatedAt: T0 };
    ws.stories.save(story);
    const bank = readFileSync(ws.stories.path);
    tearWrite(1);
    const error = caught(() => ws.stories.save({ ...story, id: 'second', title: 'Second' }));
    expect(error.message).toBe(`could not save your story bank to ${ws.stories.path}: the disk is full. Free some space and try again; it is as it was before this change.`);
    vi.restoreAllMocks();
    expect(readFileSync(ws.stories.path)).toEqual(bank);
    expect(ws.stories.list().map((s) => s.id)).toEqual(['launch']);
    expect(tmpFiles(dir)).toEqual([]);

    const draft: Draft = { v: 1, key: 'mini/cap-theorem', minutes: 10, timer: TIMER, hintsUsed: 0, notes: 'one', savedAt: T0 };
    ws.attempts.saveDraft(draft);
    failCall('renameSync', 'EPERM');
    const refused = caught(() => ws.attempts.saveDraft({ ...draft, notes: 'two' }));
    expect(refused.message).toMatch(/^could not save your unfinished mock to .*drafts\/mini--cap-theorem\.json: permission denied\. Check who may write to .*drafts \(ls -ld\), or choose another data directory with --data-dir; the last saved state of it is kept\.$/);
    vi.restoreAllMocks();
    expect(ws.attempts.draft('mini/cap-theorem', T0)?.notes).toBe('one');
    expect(tmpFiles(dir)).toEqual([]);
    ws.close();
  });
});

describe('the message for each refusal', () => {
  const file = '/data/keeper/reviews.jsonl';
  const context = { what: 'your rating', kept: 'nothing was lost before this rating', inDataDir: true };
  it.each([
    ['ENOSPC', 'the disk is full. Free some space and try again'],
    ['EROFS', 'the disk is read-only. Make it writable, or choose another data directory with --data-dir'],
    ['EACCES', 'permission denied. Check who may write to /data/keeper (ls -ld), or choose another data directory with --data-dir'],
    ['EPERM', 'permission denied. Check who may write to /data/keeper (ls -ld), or choose another data directory with --data-dir'],
    ['EISDIR', 'that is a folder, not a file. Move the folder out of the way, or choose another data directory with --data-dir'],
    ['ENOTDIR', 'a file is in the way where a folder should be. Check the path; move that file out of the way, or choose another data directory with --data-dir'],
  ])('%s', (code, text) => {
    const message = asWriteError(fault(code), file, context).message;
    expect(message).toBe(`could not save your rating to ${file}: ${text}; nothing was lost before this rating.`);
    expectOneLine(message);
  });

  it('anything that is not a disk refusal is not dressed up as one', () => {
    expect(() => asWriteError(new TypeError('bug'), file, context)).toThrow(TypeError);
    expect(fsErrorLine(new Error('plain'))).toBeNull();
    expect(fsErrorLine(Object.assign(new Error('EISDIR: illegal operation on a directory, open'), { code: 'EISDIR', syscall: 'open', path: '/d/cards.json' }))).toBe('could not open /d/cards.json: that is a folder, not a file. Move the folder out of the way.');
  });
});

describe('two workspaces on one data directory', () => {
  it('keeps every line both append, interleaved: ratings, undos, cram answers and attempts', async () => {
    const dir = tempDir();
    const a = await open(dir);
    const b = await open(dir);
    const keys = ['mini/capital', 'mini/primes', 'mini/two-plus-two', 'mini/cap-theorem'];
    let undone = 0;
    for (let i = 0; i < 60; i++) {
      const ws = i % 2 ? a : b;
      const key = keys[i % keys.length]!;
      const done = ws.rate(key, ((i % 4) + 1) as 1 | 2 | 3 | 4, T0 + i * MIN, 500);
      if (i % 10 === 9) {
        ws.undo(done.reviewId, key, done.restore, T0 + i * MIN);
        undone++;
      }
      ws.cramRate(key, 3, T0 + i * MIN, 500);
      if (i % 15 === 0) ws.attempts.record(attempt(T0 + i * MIN, `attempt ${i}`));
    }
    a.close();
    b.close();
    expect(expectWholeLines(join(dir, LOG_FILE))).toHaveLength(60 + undone);
    const c = await open(dir);
    expect(c.progress.progress.reviews).toBe(60 - undone);
    expect(c.cram.entries()).toHaveLength(60);
    expect(c.attempts.history()).toHaveLength(4);
    expect(c.notices).toEqual([]);
    c.close();
  });
});

describe('in the app', () => {
  async function miniSession() {
    const first = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK] });
    const items = studyItems(first.ws.decks());
    await first.unmount();
    return renderApp({ dataDir: first.ws.dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'review', title: 'Mini', items }], height: 30 });
  }
  const flat = (frame: string) => frame.replace(/\s+/g, ' ');

  it('a rating the disk refuses says so, is not counted, and the card stays; the next one goes through', async () => {
    const app = await miniSession();
    await app.press(KEY.space);
    tearWrite(1);
    await app.press('3');
    const frame = app.frame();
    expect(flat(frame)).toContain(`! Could not save your rating to ${join(app.ws.dataDir, LOG_FILE)}: the disk is full. Free some space and try again; nothing was lost before this rating. The card stays, not counted.`);
    expect(frame).toContain('Capital of France?');
    expect(frame).toContain('0 done');
    expect(frame.split('\n')).toHaveLength(30);
    expect(existsSync(join(app.ws.dataDir, LOG_FILE)) ? readFileSync(join(app.ws.dataDir, LOG_FILE), 'utf8') : '').toBe('');

    vi.restoreAllMocks();
    await app.press('3');
    expect(app.frame()).not.toContain('Could not save');
    expect(app.frame()).toContain('2 + 2 = ?');
    expect(app.frame()).toContain('1 done');
    app.ws.progress.refresh();
    expect(app.ws.progress.progress.reviews).toBe(1);
    await app.unmount();
  });

  it('a graded choice the disk refuses starts the card over instead of leaving it stuck', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '3');
    expect(app.frame()).toContain('2 + 2 = ?');
    tearWrite(1);
    await app.press('2');
    expect(flat(app.frame())).toContain('Could not save your rating');
    expect(app.frame()).not.toContain('rated Good');
    vi.restoreAllMocks();
    await app.press('2');
    expect(app.frame()).toContain('Right: rated Good.');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Which are prime?');
    await app.unmount();
  });

  it('a story the disk refuses stays in the editor', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'story-edit' }] });
    await app.type('Launch day');
    await app.press('\t');
    await app.type('The date was wrong.');
    tearWrite(1);
    await app.press('\u0013'); // Ctrl+S
    expect(flat(app.frame())).toContain('Could not save your story bank');
    expect(flat(app.frame())).toContain('Your text stays in the editor.');
    expect(app.frame()).toContain('The date was wrong.');
    vi.restoreAllMocks();
    expect(app.ws.stories.list()).toEqual([]);
    await app.press('\u0013');
    expect(app.ws.stories.list().map((s) => s.title)).toEqual(['Launch day']);
    expect(app.frame()).not.toContain('Could not save');
    await app.unmount();
  });
});
