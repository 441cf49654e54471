import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { runCommandLine } from '../../src/command-line.js';
import type { Attempt } from '../../src/store/attempts.js';
import { ATTEMPTS_FILE } from '../../src/store/attempts.js';
import { LOG_FILE, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { standingCram } from '../../src/core/cram.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';
import type { Story } from '../../src/core/stories.js';
import { CRAM_FILE } from '../../src/store/cram-log.js';
import { STORIES_FILE } from '../../src/store/stories.js';
import { ROUNDS_FILE, type RoundAttempt } from '../../src/store/round-attempts.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const HOUR = 3_600_000;

// No built-in decks: progress does not need the cards' decks, and the tests open many workspaces.
const open = (dataDir: string, now = T0): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now });

const attempt = (finishedAt: number, notes: string): Attempt => ({
  v: 1, key: 'mini/cap-theorem', startedAt: finishedAt - 600_000, finishedAt, durationMs: 600_000, minutes: 10,
  phases: [{ name: 'Clarify', ms: 600_000 }], hintsUsed: 1, scores: [{ dimension: 'Depth', score: 2 }], rating: 2, notes,
});

const story = (id: string, updatedAt: number, result = 'It worked.'): Story => ({
  id, title: `Story ${id}`, situation: 'Once.', task: 'A task.', action: 'I acted.\nThen again.', result, values: ['judgment'], createdAt: T0, updatedAt,
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
  ws.cramRate('mini/primes', 2, T0 + offset + 4 * HOUR, 900, { confidence: 'guess', correct: false });
  const takenBack = ws.cramRate('mini/capital', 4, T0 + offset + 5 * HOUR, 900);
  ws.cram.undo(takenBack.reviewId, 'mini/capital', T0 + offset + 5 * HOUR);
  ws.stories.save(story(`${label}-story`, T0 + offset));
  ws.stories.save(story('shared-story', T0 + offset, `told on ${label}`));
  ws.settings.set({ role: label === 'a' ? 'software-engineer' : 'ml-engineer', interviewDate: '2026-12-24', newPerDay: 15, retention: 0.85, askConfidence: false });
  ws.close();
  return dir;
}

const round = (finishedAt: number, text: string): RoundAttempt => ({
  v: 1, startedAt: finishedAt - 300_000, finishedAt, minutes: 5,
  questions: [{ key: 'mini/capital', mode: 'typed', text, ms: 240_000, value: 'judgment', scores: [{ dimension: 'Specifics', score: 2 }], rating: 3 }],
});

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
  return { log: read(LOG_FILE), snapshot: read(SNAPSHOT_FILE), attempts: read(ATTEMPTS_FILE), cram: read(CRAM_FILE), stories: read(STORIES_FILE), settings: read('settings.json') };
}

describe('export-progress and import-progress', () => {
  it('combines two machines, each importing the other, into the same records, cram answers and stories, on reload too', async () => {
    const a = await machine('a', 0);
    const b = await machine('b', 30 * 60_000);
    const files = tempDir();
    const fromA = join(files, 'a.json');
    const fromB = join(files, 'b.json');
    expect(await withOpen(a, (ws) => exportProgressCommand(ws, fromA, T0 + 6 * HOUR))).toBe(`Exported 3 reviews of 2 cards, 1 design attempt, 1 cram answer, 2 stories and your settings to ${fromA}.`);
    await withOpen(b, (ws) => exportProgressCommand(ws, fromB, T0 + 6 * HOUR));

    // B's capital review at +2h30 is newer than A's at +2h; A's primes review at +1h is older.
    // B's edit of the shared story is newer too; each machine keeps its own settings.
    expect(await withOpen(a, (ws) => importProgressCommand(ws, fromB))).toBe(
      `Imported 3 reviews, 1 design attempt, 1 cram answer and 2 stories from ${fromB}. 2 cards now use the newer state from the file; 1 story here was replaced by the newer edit from the file.\n` +
        "The file's settings were not applied (role ml-engineer); to use them, run import-progress again with --settings.",
    );
    expect(await withOpen(b, (ws) => importProgressCommand(ws, fromA))).toBe(
      `Imported 3 reviews, 1 design attempt, 1 cram answer and 1 story (1 already here was skipped) from ${fromA}. Every card kept its state here, which was newer; the reviews still count in your history.\n` +
        "The file's settings were not applied (role software-engineer); to use them, run import-progress again with --settings.",
    );

    const wsA = await open(a);
    const wsB = await open(b);
    expect(wsA.progress.progress.cards).toEqual(wsB.progress.progress.cards);
    expect(wsA.progress.progress.reviews).toBe(6);
    expect(wsB.progress.progress.reviews).toBe(6);
    expect(wsA.progress.progress.cards.get('mini/capital')!.firstReview).toBe(T0);
    expect(wsB.attempts.history().map((x) => x.notes).sort()).toEqual(['a notes', 'b notes']);
    const standing = (ws: Workspace) => standingCram(ws.cram.entries()).map((c) => `${c.key} ${c.at} ${c.confidence ?? ''}`).sort();
    expect(standing(wsA)).toEqual(standing(wsB));
    expect(standing(wsA)).toEqual([`mini/primes ${T0 + 4 * HOUR} guess`, `mini/primes ${T0 + 30 * 60_000 + 4 * HOUR} guess`]);
    const stories = (ws: Workspace) => ws.stories.list().sort((x, y) => x.id.localeCompare(y.id));
    expect(stories(wsA)).toEqual(stories(wsB));
    expect(stories(wsA).map((x) => [x.id, x.result])).toEqual([['a-story', 'It worked.'], ['b-story', 'It worked.'], ['shared-story', 'told on b']]);
    expect(wsA.settings.get().role).toBe('software-engineer');
    expect(wsB.settings.get().role).toBe('ml-engineer');
    const records = new Map(wsA.progress.progress.cards);
    wsA.close();
    wsB.close();

    // Without the snapshot, replaying the log alone gives the same records.
    rmSync(join(a, SNAPSHOT_FILE));
    const replayed = await open(a);
    expect(replayed.progress.progress.cards).toEqual(records);
    expect(replayed.progress.progress.reviews).toBe(6);
    replayed.close();

    // A fresh machine gets everything, settings only when asked.
    const fresh = tempDir();
    expect(await withOpen(fresh, (ws) => importProgressCommand(ws, fromA))).toBe(
      `Imported 3 reviews, 1 design attempt, 1 cram answer and 2 stories from ${fromA}. 2 cards are new here.\n` +
        "The file's settings were not applied (role software-engineer, interview date 2026-12-24, 15 new cards a day, retention 0.85, confidence not asked); to use them, run import-progress again with --settings.",
    );
    expect(await withOpen(fresh, (ws) => ws.settings.get().role)).toBeNull();
    expect(await withOpen(a, (ws) => importProgressCommand(ws, fromB))).toBe(
      `Nothing new in ${fromB}: its 3 reviews, 1 design attempt, 1 cram answer and 2 stories are already here.\n` +
        "The file's settings were not applied (role ml-engineer); to use them, run import-progress again with --settings.",
    );
    const both = join(files, 'both.json');
    await withOpen(b, (ws) => exportProgressCommand(ws, both, T0 + 7 * HOUR));
    expect(await withOpen(a, (ws) => importProgressCommand(ws, both))).toMatch(new RegExp(`^Nothing new in ${both}: its 6 reviews, 2 design attempts, 2 cram answers and 3 stories are already here\\.\n`));
    expect(await withOpen(a, (ws) => [ws.progress.progress.reviews, ws.cram.entries().length, ws.stories.list().length])).toEqual([6, 4, 3]);
  });

  it('takes the role, date and other settings only with --settings, and says so', async () => {
    const a = await machine('a', 0);
    const file = join(tempDir(), 'a.json');
    await withOpen(a, (ws) => exportProgressCommand(ws, file, T0));
    const here = tempDir();
    await withOpen(here, (ws) => ws.settings.set({ role: 'frontend', newPerDay: 15 }));
    const before = await withOpen(here, (ws) => ws.settings.get());
    expect(await withOpen(here, (ws) => importProgressCommand(ws, file))).toMatch(/\nThe file's settings were not applied \(role software-engineer, interview date 2026-12-24, retention 0\.85, confidence not asked\); to use them, run import-progress again with --settings\.$/);
    expect(await withOpen(here, (ws) => ws.settings.get())).toEqual(before);
    expect(await withOpen(here, (ws) => importProgressCommand(ws, file, { settings: true }))).toBe(
      `Nothing new in ${file}: its 3 reviews, 1 design attempt, 1 cram answer and 2 stories are already here.\nSettings from the file are now yours: role software-engineer, interview date 2026-12-24, retention 0.85, confidence not asked.`,
    );
    expect(await withOpen(here, (ws) => ws.settings.get())).toEqual({ role: 'software-engineer', interviewDate: '2026-12-24', newPerDay: 15, userDeckNewPerDay: 20, retention: 0.85, askConfidence: false, level: 'mid', fsrs: null, fitOfferedAt: 0 });
    expect(await withOpen(here, (ws) => importProgressCommand(ws, file, { settings: true }))).toMatch(/\nThe settings in the file are the same as yours\.$/);

    // A role this version does not know (from a newer keeper-prep, say) is not taken.
    const future = join(tempDir(), 'future.json');
    writeFileSync(future, readFileSync(file, 'utf8').replace('"role":"software-engineer"', '"role":"future-role"').replace('"newPerDay":15', '"newPerDay":30'));
    expect(await withOpen(here, (ws) => importProgressCommand(ws, future, { settings: true }))).toMatch(
      /\nSettings from the file are now yours: 30 new cards a day\. Its role future-role is not one this version knows, so yours \(software-engineer\) is kept\.$/,
    );
    expect(await withOpen(here, (ws) => ws.settings.get())).toMatchObject({ role: 'software-engineer', newPerDay: 30 });
  });

  it('still reads a version 1 file (reviews and attempts, one JSON document) as before', async () => {
    const a = await machine('a', 0);
    const files = tempDir();
    const v2 = join(files, 'b.json');
    await withOpen(await machine('b', 30 * 60_000), (ws) => exportProgressCommand(ws, v2, T0));
    const entries = readFileSync(v2, 'utf8').trim().split('\n').slice(1).map((line) => JSON.parse(line) as Record<string, unknown>);
    const list = (kind: string): string => `[\n${entries.filter((e) => kind in e).map((e) => JSON.stringify(e[kind])).join(',\n')}\n]`;
    // The layout keeper-prep wrote before format 2.
    const v1 = join(files, 'old.json');
    writeFileSync(v1, `{"format":"keeper-prep-progress","version":1,"exportedAt":${T0},\n"reviews":${list('review')},\n"attempts":${list('attempt')}}\n`);
    expect(await withOpen(a, (ws) => importProgressCommand(ws, v1, { settings: true }))).toBe(
      `Imported 3 reviews and 1 design attempt from ${v1}. 2 cards now use the newer state from the file.\n${v1} holds no settings (it was written by an older keeper-prep); yours are unchanged.`,
    );
    expect(await withOpen(a, (ws) => importProgressCommand(ws, v1))).toBe(`Nothing new in ${v1}: its 3 reviews and 1 design attempt are already here.`);
    expect(await withOpen(a, (ws) => ws.settings.get().role)).toBe('software-engineer');
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
    const huge = write('huge.json', '{"format":"keeper-prep-progress",\n');
    truncateSync(huge, Math.round(61.2 * 1024 * 1024));
    const longLine = write('long.json', `${text.split('\n')[0]}\n{"review":"${'x'.repeat(5 * 1024 * 1024)}"}\n`);
    mkdirSync(join(files, 'folder'));
    const lines = text.split('\n');
    const cases: [string, RegExp][] = [
      [write('cut.json', text.slice(0, Math.floor(text.length / 2))), /cut\.json: line \d+: it ends too early \(was the file cut short\?\)$/],
      [write('cut-at-line.json', `${lines.slice(0, 3).join('\n')}\n`), /cut-at-line\.json: the file ends after 2 of its 3 reviews \(was it cut short\?\)$/],
      [write('junk.bin', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x10, 0x80])), /junk\.bin is not a text file$/],
      [write('latin1.json', Buffer.from(`${lines[0]}\n{"review":"caf\xe9"}\n`, 'latin1')), /latin1\.json: line 2 is not UTF-8 text$/],
      [huge, /huge\.json is 61\.2 MB; progress files from keeper-prep before format 2 are limited to 50 MB/],
      [longLine, /long\.json: line 2 is longer than 4\.0 MB, which export-progress never writes$/],
      [write('proto.json', text.replace('"record":{', '"record":{"__proto__":{"x":1},')), /proto\.json: line 2, reviews\[0\]\.record: the key "__proto__" is not allowed$/],
      [write('newer.json', text.replace('"version":2', '"version":3')), /newer\.json: line 1: written by a newer keeper-prep \(progress format 3; this version reads up to 2\)/],
      [write('bad-review.json', text.replace('"rating":3', '"rating":9')), /bad-review\.json: line \d+, reviews\[\d+\]: not a valid review \("rating" should be 1, 2, 3 or 4\)$/],
      [write('escape.json', text.replace('"key":"mini/capital"', '"key":"mini/\\u001b]52;c;aGk=\\u0007capital"')), /escape\.json: line 2, reviews\[0\]\.key: contains a control character or text-direction override \(U\+001B\)$/],
      [write('bidi.json', text.replace('"notes":"b notes"', '"notes":"b \u202Enotes"')), /bidi\.json: line \d+, attempts\[0\]\.notes: contains a control character or text-direction override \(U\+202E\)$/],
      [write('rubric.json', text.replace('"dimension":"Depth"', '"dimension":"De\\u009bpth"')), /rubric\.json: line \d+, attempts\[0\]\.scores\[0\]\.dimension: contains a control character or text-direction override \(U\+009B\)$/],
      [write('story.json', text.replace('"result":"It worked."', '"result":"It \\u001b[2Jworked."')), /story\.json: line \d+, stories\[0\]\.result: contains a control character or text-direction override \(U\+001B\)$/],
      [write('role.json', text.replace('"role":"ml-engineer"', '"role":"ml-\u202Eengineer"')), /role\.json: line 1: settings\.role: contains a control character or text-direction override \(U\+202E\)$/],
      [write('v1-escape.json', JSON.stringify({ format: 'keeper-prep-progress', version: 1, exportedAt: T0, reviews: [], attempts: [{ ...attempt(T0, 'x'), notes: '\u001b]0;pwned\u0007' }] })), /v1-escape\.json: attempts\[0\]\.notes: contains a control character or text-direction override \(U\+001B\)$/],
      [write('other.json', '{"cards": []}'), /other\.json: not a keeper-prep progress file/],
      [write('empty.json', ''), /empty\.json: the file is empty$/],
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
      expect(error?.message, file).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(diskState(dir), file).toEqual(before);
    }
    // The good file does import, so nothing above was refused for a reason of its own.
    expect(await withOpen(dir, (ws) => importProgressCommand(ws, good))).toMatch(/^Imported 3 reviews, 1 design attempt, 1 cram answer and 2 stories/);
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
    expect(JSON.parse(readFileSync(target, 'utf8').split('\n')[0]!)).toMatchObject({ format: 'keeper-prep-progress', version: 2, exportedAt: T0 });
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
    expect(await run('--data-dir', other, 'export-progress', file)).toEqual({ out: `Exported 3 reviews of 2 cards, 1 design attempt, 1 cram answer, 2 stories and your settings to ${file}.\n`, err: '', code: 0 });
    expect(await run('--data-dir', other, 'export-progress', file)).toEqual({ out: '', err: `keeper-prep: ${file} already exists; pass --force to replace it\n`, code: 1 });
    expect((await run('--data-dir', dir, 'import-progress', file)).out).toMatch(/^Imported 3 reviews, 1 design attempt, 1 cram answer and 2 stories from .*\nThe file's settings were not applied \(role ml-engineer\)/);
    expect((await run('--data-dir', dir, 'import-progress', file, '--settings')).out).toMatch(/\nSettings from the file are now yours: role ml-engineer\.\n$/);
    expect((await run('--data-dir', dir, 'stats', '--json')).code).toBe(0);
    writeFileSync(file, '{"format": "keeper-prep-progress", "version": 3}');
    expect(await run('--data-dir', dir, 'import-progress', file)).toEqual({ out: '', err: `keeper-prep: ${file}: line 1: written by a newer keeper-prep (progress format 3; this version reads up to 2); update keeper-prep to import it\n`, code: 1 });
  });

  it('carries culture rounds: a round trip, nothing added by a second import, and a damaged round refused with one line', async () => {
    const a = await machine('a', 0);
    await withOpen(a, (ws) => ws.rounds.record(round(T0 + HOUR, 'I chose to roll back.')));
    const files = tempDir();
    const file = join(files, 'a.json');
    expect(await withOpen(a, (ws) => exportProgressCommand(ws, file, T0 + 6 * HOUR))).toBe(
      `Exported 3 reviews of 2 cards, 1 design attempt, 1 cram answer, 2 stories, 1 culture round and your settings to ${file}.`,
    );
    expect(readFileSync(file, 'utf8')).toContain('{"round":{"v":1,');

    const here = await machine('b', HOUR);
    await withOpen(here, (ws) => ws.rounds.record(round(T0 + 2 * HOUR, 'A round of my own.')));
    expect(await withOpen(here, (ws) => importProgressCommand(ws, file))).toMatch(new RegExp(`^Imported 3 reviews, 1 design attempt, 1 cram answer, 1 story \\(1 already here was skipped\\) and 1 culture round from ${file}\\.`));
    expect(await withOpen(here, (ws) => ws.rounds.history().map((r) => r.questions[0]!.text))).toEqual(['A round of my own.', 'I chose to roll back.']);
    // Importing twice adds nothing.
    const rounds = readFileSync(join(here, ROUNDS_FILE), 'utf8');
    expect(await withOpen(here, (ws) => importProgressCommand(ws, file))).toMatch(new RegExp(`^Nothing new in ${file}: its 3 reviews, 1 design attempt, 1 cram answer, 2 stories and 1 culture round are already here\\.`));
    expect(readFileSync(join(here, ROUNDS_FILE), 'utf8')).toBe(rounds);
    // The round reads back as the one exported, after a reopen too.
    expect(await withOpen(here, (ws) => ws.rounds.history()[1])).toEqual(round(T0 + HOUR, 'I chose to roll back.'));

    // A damaged round line: one positioned line, nothing written.
    const text = readFileSync(file, 'utf8');
    const broken = [
      [text.replace('"mode":"typed"', '"mode":"sung"'), /line (\d+), rounds\[0\]: not a valid culture round \(expected v 1, startedAt/],
      [text.replace('"text":"I chose to roll back."', '"text":"I chose\\u001b[2J"'), /line (\d+), rounds\[0\]\.questions\[0\]\.text: contains a control character or text-direction override \(U\+001B\)$/],
      [text.replace('"round":1', '"round":2'), /the file ends after 1 of its 2 culture rounds \(was it cut short\?\)$/],
    ] as const;
    const fresh = tempDir();
    await withOpen(fresh, (ws) => ws.rounds.record(round(T0, 'here first')));
    const before = { ...diskState(fresh), rounds: readFileSync(join(fresh, ROUNDS_FILE), 'utf8') };
    for (const [content, message] of broken) {
      const bad = join(files, 'bad.json');
      writeFileSync(bad, content);
      const ws = await open(fresh);
      let error: Error | null = null;
      try {
        importProgressCommand(ws, bad);
      } catch (e) {
        error = e as Error;
      } finally {
        ws.close();
      }
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toContain('\n');
      const line = /line (\d+),/.exec(error!.message)?.[1];
      if (line) expect(content.split('\n')[Number(line) - 1]).toMatch(/^\{"round":/);
      expect({ ...diskState(fresh), rounds: readFileSync(join(fresh, ROUNDS_FILE), 'utf8') }).toEqual(before);
    }
  });

  it('still imports a file written before culture rounds (no count for them)', async () => {
    const file = join(tempDir(), 'a.json');
    await withOpen(await machine('a', 0), (ws) => exportProgressCommand(ws, file, T0));
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    const old = JSON.parse(header!) as { counts: Record<string, number> };
    expect(old.counts.round).toBe(0);
    delete old.counts.round;
    delete old.counts.mark;
    writeFileSync(file, [JSON.stringify(old), ...rest].join('\n'));
    const here = tempDir();
    expect(await withOpen(here, (ws) => importProgressCommand(ws, file))).toMatch(/^Imported 3 reviews, 1 design attempt, 1 cram answer and 2 stories from /);
    expect(await withOpen(here, (ws) => ws.rounds.history())).toEqual([]);
  });
});
