// The suspended and flagged cards log: what it keeps, what a damaged one still gives, how a refused
// write leaves it, and a suspended card's absence from every queue the app builds.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearFlagCommand, flagsCommand } from '../../src/commands/flags.js';
import { decksCommand } from '../../src/commands/decks.js';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { parseProgressLines } from '../../src/core/progress-lines.js';
import { CardMarkStore, checkMarksLog, MARKS_FILE } from '../../src/store/card-marks.js';
import { io, WriteError } from '../../src/store/safe-write.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { CONTROL, mutate, mutations } from '../helpers/mutate.js';
import { BUILTIN_DECKS, MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

const open = (dataDir: string, now = T0): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the marks log', () => {
  it('suspends, flags and takes both back, and a second instance sees each change', () => {
    const dir = tempDir();
    const one = new CardMarkStore(dir);
    const two = new CardMarkStore(dir);
    one.suspend('mini/capital', true, T0);
    one.flag('mini/primes', 'answer B is wrong', T0 + 1);
    expect([...two.current().suspended.keys()]).toEqual(['mini/capital']);
    expect(two.current().flags.get('mini/primes')).toEqual({ note: 'answer B is wrong', at: T0 + 1 });
    two.suspend('mini/capital', false, T0 + 2);
    two.flag('mini/primes', null, T0 + 3);
    expect(one.current().suspended.size).toBe(0);
    expect(one.current().flags.size).toBe(0);
  });

  it('a damaged log is copied aside once, rewritten with the marks still readable, and the user told', () => {
    const dir = tempDir();
    const store = new CardMarkStore(dir);
    store.suspend('mini/capital', true, T0);
    store.flag('mini/primes', 'typo', T0);
    writeFileSync(store.path, `${readFileSync(store.path, 'utf8')}garbage {"v":1,"t":"suspend","key":"mini/cap-theorem","at":5} more\n{"v":1,"t":"fl`);
    const notices: string[] = [];
    checkMarksLog(dir, T0, { push: (...t) => notices.push(...t) });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/2 damaged lines in your suspended and flagged cards log \(card-marks\.jsonl\); 2 suspended cards and 1 flag kept \(1 recovered/);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${MARKS_FILE}.damaged-`))).toHaveLength(1);
    expect([...new CardMarkStore(dir).current().suspended.keys()].sort()).toEqual(['mini/cap-theorem', 'mini/capital']);
    checkMarksLog(dir, T0 + 1, { push: (...t) => notices.push(...t) });
    expect(notices).toHaveLength(1);
  });

  it('a folder where the log belongs is moved aside, and the next mark starts a new log', () => {
    const dir = tempDir();
    mkdirSync(join(dir, MARKS_FILE));
    const notices: string[] = [];
    checkMarksLog(dir, T0, { push: (...t) => notices.push(...t) });
    expect(notices[0]).toMatch(/was a folder; it was moved to/);
    new CardMarkStore(dir).suspend('mini/capital', true, T0);
    expect(new CardMarkStore(dir).current().suspended.has('mini/capital')).toBe(true);
  });

  it('fuzz: a mutated log never crashes the reader, the repair or `flags`, and nothing they print has a control byte', () => {
    const seedDir = tempDir();
    const seedStore = new CardMarkStore(seedDir);
    seedStore.suspend('mini/capital', true, T0);
    seedStore.flag('mini/primes', 'answer B is wrong', T0);
    seedStore.flag('mini/two-plus-two', 'typo', T0);
    seedStore.suspend('mini/capital', false, T0);
    const seed = readFileSync(seedStore.path, 'utf8');
    const decks = [JSON.parse(readFileSync(MINI_DECK, 'utf8'))];
    fc.assert(
      fc.property(mutations, (changes) => {
        const dir = tempDir();
        writeFileSync(join(dir, MARKS_FILE), mutate(seed, changes));
        const notices: string[] = [];
        checkMarksLog(dir, T0, { push: (...t) => notices.push(...t) });
        const store = new CardMarkStore(dir);
        const ws = { library: { decks: decks.map((deck) => ({ deck, origin: 'user', file: MINI_DECK })) }, marks: store } as unknown as Workspace;
        for (const text of [...notices, flagsCommand(ws, false), flagsCommand(ws, true)]) expect(text).not.toMatch(CONTROL);
        for (const [key] of store.current().flags) expect(key).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      }),
      { numRuns: 2000, interruptAfterTimeLimit: 4000, markInterruptAsFailure: false },
    );
  });
});

describe('a refused write', () => {
  const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code, syscall: 'write' });

  it('a full disk: a WriteError that says so, and the log as it was', () => {
    const dir = tempDir();
    const store = new CardMarkStore(dir);
    store.suspend('mini/capital', true, T0);
    const before = readFileSync(store.path, 'utf8');
    vi.spyOn(io, 'writeSync').mockImplementation(() => {
      throw fault('ENOSPC');
    });
    expect(() => store.flag('mini/primes', 'wrong', T0)).toThrow(WriteError);
    expect(() => store.flag('mini/primes', 'wrong', T0)).toThrow(/could not save the flag to .*card-marks\.jsonl: the disk is full\. Free some space and try again; the card keeps the flag it had\./);
    vi.restoreAllMocks();
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    expect(store.current().flags.size).toBe(0);
  });

  it('a read-only disk: nothing written, the card not suspended', () => {
    const dir = tempDir();
    const store = new CardMarkStore(dir);
    vi.spyOn(io, 'openSync').mockImplementation(() => {
      throw fault('EROFS');
    });
    expect(() => store.suspend('mini/capital', true, T0)).toThrow(/could not save the suspension .*: the disk is read-only\. .*; the card is not suspended\./);
    vi.restoreAllMocks();
    expect(existsSync(store.path)).toBe(false);
    expect(store.current().suspended.size).toBe(0);
  });
});

describe('a suspended card is never shown', () => {
  it('leaves today\'s queue, the counts, custom study, practice and search; unsuspended, it is back', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    const keys = () => ws.queueFor(ws.studyDecks(), T0).map((i) => i.key);
    expect(keys()).toContain('mini/capital');
    const cards = ws.overviewFor(ws.studyDecks(), T0).cards;
    ws.marks.suspend('mini/capital', true, T0);
    expect(keys()).not.toContain('mini/capital');
    expect(ws.overviewFor(ws.studyDecks(), T0).cards).toBe(cards - 1);
    expect(ws.scopeItems({ kind: 'deck', deckId: 'mini' }).map((i) => i.key)).not.toContain('mini/capital');
    expect(ws.customStudy({ kind: 'all' }, { kind: 'practice' }, T0).items.map((i) => i.key)).not.toContain('mini/capital');
    expect(ws.decks().flatMap((d) => d.cards.map((c) => c.id))).not.toContain('capital');
    // The library keeps the whole deck: the Decks screen and `decks` list it.
    expect(ws.library.decks[0]!.deck.cards.map((c) => c.id)).toContain('capital');
    ws.marks.suspend('mini/capital', false, T0 + 1);
    expect(keys()).toContain('mini/capital');
    ws.close();
  });

  it('a due card suspended leaves the due count; its history stays', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.rate('mini/capital', 1, T0, 1000);
    expect(ws.overviewFor(ws.studyDecks(), T0 + 3_600_000).due).toBe(1);
    ws.marks.suspend('mini/capital', true, T0);
    expect(ws.overviewFor(ws.studyDecks(), T0 + 3_600_000).due).toBe(0);
    expect(ws.progress.progress.cards.has('mini/capital')).toBe(true);
    expect(ws.orphans().size).toBe(0);
    ws.close();
  });

  it('the walkthrough and the built-in decks leave suspended cards out too', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.settings.set({ role: 'software-engineer' });
    const walk = ws.walkthrough()!;
    const first = ws.sectionQueue(walk, 0)[0]!;
    ws.marks.suspend(first.key, true, T0);
    const again = ws.walkthrough()!;
    expect(ws.sectionQueue(again, 0).map((i) => i.key)).not.toContain(first.key);
    ws.close();
  });
});

describe('decks --json and flags', () => {
  it('decks --json lists suspended cards; flags lists flags, and --clear takes one off', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.marks.suspend('mini/capital', true, T0);
    ws.marks.flag('mini/primes', 'answer B is wrong \u001b[2J', T0);
    const json = JSON.parse(decksCommand(ws, true)) as { suspended: { key: string; deck: string; card: string; loaded: boolean; prompt: string }[] };
    expect(json.suspended).toEqual([{ key: 'mini/capital', deck: 'mini', card: 'capital', at: new Date(T0).toISOString(), loaded: true, prompt: 'Capital of France?' }]);
    expect(decksCommand(ws, false)).toMatch(/Suspended .*: mini\/capital/);
    const text = flagsCommand(ws, false);
    expect(text).toMatch(/⚑ mini\/primes · /);
    expect(text).toContain('answer B is wrong');
    expect(text).not.toMatch(CONTROL);
    const flags = JSON.parse(flagsCommand(ws, true)) as { key: string; note: string; builtIn: boolean }[];
    expect(flags.map((f) => [f.key, f.builtIn])).toEqual([['mini/primes', false]]);
    expect(() => clearFlagCommand(ws, 'mini/capital', T0)).toThrow(/has no flag/);
    expect(() => clearFlagCommand(ws, 'nonsense', T0)).toThrow(/not a card key/);
    expect(clearFlagCommand(ws, 'mini/primes', T0)).toBe('Cleared the flag on mini/primes.');
    expect(flagsCommand(ws, false)).toMatch(/^No flagged cards/);
    ws.close();
  });
});

describe('moving marks with export-progress and import-progress', () => {
  it('marks travel, a mark taken back here is not brought back by an older file, and a second import adds nothing', async () => {
    const first = await open(tempDir());
    first.marks.suspend('mini/capital', true, T0);
    first.marks.flag('mini/primes', 'typo', T0 + 1);
    first.marks.suspend('mini/two-plus-two', true, T0 + 2);
    first.marks.suspend('mini/two-plus-two', false, T0 + 3);
    const file = join(tempDir(), 'progress.jsonl');
    expect(exportProgressCommand(first, file, T0 + 10)).toMatch(/3 card marks and your settings/);

    const second = await open(tempDir());
    second.marks.suspend('mini/two-plus-two', true, T0 + 1);
    second.marks.suspend('mini/capital', true, T0 + 5);
    second.marks.suspend('mini/capital', false, T0 + 6);
    expect(importProgressCommand(second, file)).toMatch(/2 card marks \(1 already here was skipped\)/);
    const marks = second.marks.current();
    // capital: unsuspended here after the file's suspend; two-plus-two: the file's later unsuspend wins.
    expect([...marks.suspended.keys()]).toEqual([]);
    expect(marks.flags.get('mini/primes')?.note).toBe('typo');
    expect(importProgressCommand(second, file)).toMatch(/^Nothing new in .*3 card marks are already here/);
    first.close();
    second.close();
  });

  it('a file from before marks (no count for them) still reads; a bad mark is refused by its line', () => {
    const header = { format: 'keeper-prep-progress', version: 2, exportedAt: T0, settings: { role: null, interviewDate: null, newPerDay: 20, retention: 0.9, askConfidence: true }, counts: { review: 0, attempt: 0, cram: 0, story: 0 } };
    const old = parseProgressLines(`${JSON.stringify(header)}\n`);
    expect(typeof old === 'string' ? old : old.marks).toEqual([]);
    const withMark = { ...header, counts: { ...header.counts, mark: 1 } };
    expect(parseProgressLines(`${JSON.stringify(withMark)}\n{"mark":{"v":1,"t":"suspend","key":"../x","at":1}}\n`)).toBe('line 2, marks[0]: not a valid card mark (expected a suspend, unsuspend, flag (with its note) or unflag of a deck/card key, with a time)');
  });
});
