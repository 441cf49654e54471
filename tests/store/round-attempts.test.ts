// Culture rounds on disk: the log of finished rounds and the draft of the one in progress, their
// readers fuzzed, their writers under a full and a read-only disk, and a round resumed after a kill.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTimer } from '../../src/core/mock.js';
import { finishRound, RoundStore, ROUND_DRAFT_FILE, ROUNDS_FILE, type RoundAttempt, type RoundDraft } from '../../src/store/round-attempts.js';
import { io, WriteError } from '../../src/store/safe-write.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { behavioralHistoryCommand } from '../../src/commands/behavioral.js';
import { readinessReport } from '../../src/commands/report.js';
import { mutate, mutations } from '../helpers/mutate.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const K1 = 'culture/star-selflessness';
const K2 = 'culture/star-disagree-then-commit';

afterEach(() => {
  vi.restoreAllMocks();
});

const draft = (text: string, patch: Partial<RoundDraft> = {}): RoundDraft => ({
  v: 1, startedAt: T0, minutes: 1, keys: [K1, K2], stage: 'answer', answers: [], timer: startTimer(T0), mode: 'typed', text, scores: [], savedAt: T0, ...patch,
});
const scores = (n: number) => ['Specific situation', 'Own actions and decisions', 'Measurable result', 'Reflection and what changed', 'The value shown'].map((dimension) => ({ dimension, score: n }));
const round = (finishedAt: number): RoundAttempt => ({
  v: 1, startedAt: finishedAt - 120_000, finishedAt, minutes: 1,
  questions: [
    { key: K1, mode: 'typed', text: 'I paused my work.\nWe shipped.', ms: 50_000, value: 'selflessness', scores: scores(3), rating: 3 },
    { key: K2, mode: 'aloud', text: 'Raised it early, committed.', ms: 61_000, value: 'courage', scores: scores(2), rating: 2 },
  ],
});
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code, syscall: 'write' });

describe('culture rounds on disk', () => {
  it('keeps the latest draft, readable by a new process, and drops it', () => {
    const dir = tempDir();
    const store = new RoundStore(dir, []);
    expect(store.draft()).toBeNull();
    store.saveDraft(draft('first'));
    store.saveDraft(draft('first\nsecond', { stage: 'summary', mode: 'aloud' }));
    expect(new RoundStore(dir, []).draft()).toMatchObject({ text: 'first\nsecond', stage: 'summary', mode: 'aloud' });
    expect(tmpFiles(dir)).toEqual([]);
    store.dropDraft();
    expect(new RoundStore(dir, []).draft()).toBeNull();
  });

  it('round-trips finished rounds, skipping a torn last line, and the next round starts on a line of its own', () => {
    const dir = tempDir();
    const store = new RoundStore(dir, []);
    store.record(round(T0));
    writeFileSync(store.logPath, '{"v":1,"startedAt":', { flag: 'a' });
    store.record(round(T0 + 1000));
    expect(store.history()).toEqual([round(T0), round(T0 + 1000)]);
  });

  it('a damaged draft is moved aside at the start and said so; the round starts afresh', () => {
    const dir = tempDir();
    writeFileSync(join(dir, ROUND_DRAFT_FILE), '{"v":1,"startedAt":17');
    const notices: string[] = [];
    const store = new RoundStore(dir, notices, T0);
    expect(store.draft()).toBeNull();
    expect(notices).toEqual([expect.stringMatching(/unfinished culture round could not be read.*damaged/)]);
    expect(existsSync(join(dir, ROUND_DRAFT_FILE))).toBe(false);
  });

  it('a damaged log line is set aside once, and the rounds in the other lines are kept', () => {
    const dir = tempDir();
    writeFileSync(join(dir, ROUNDS_FILE), `${JSON.stringify(round(T0))}\nnot json\n${JSON.stringify(round(T0 + 1))}\n`);
    const notices: string[] = [];
    expect(new RoundStore(dir, notices, T0).history()).toHaveLength(2);
    expect(notices).toEqual([expect.stringMatching(/1 damaged line in your culture rounds log .* 2 rounds kept/)]);
    const again: string[] = [];
    new RoundStore(dir, again, T0);
    expect(again).toEqual([]);
  });
});

describe('the readers, fuzzed', () => {
  it('a mutated draft or log never throws: the store opens, says one line per problem, and returns only whole rounds', () => {
    const seeds = [JSON.stringify(draft('my answer', { answers: [{ key: K1, mode: 'typed', text: 'x', ms: 3 }], scores: [[1, 2]] })), `${JSON.stringify(round(T0))}\n${JSON.stringify(round(T0 + 1))}\n`];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), mutations, (which, changes) => {
        const dir = tempDir();
        writeFileSync(join(dir, which === 0 ? ROUND_DRAFT_FILE : ROUNDS_FILE), mutate(seeds[which]!, changes));
        const notices: string[] = [];
        const store = new RoundStore(dir, notices, T0);
        for (const n of notices) {
          expect(n.split('\n')).toHaveLength(1);
          expect(CONTROL.test(n)).toBe(false);
        }
        const d = store.draft();
        if (d) expect(d.keys.length).toBeGreaterThan(0);
        for (const r of store.history()) expect(r.questions.every((q) => typeof q.text === 'string' && [1, 2, 3, 4].includes(q.rating))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the writers on a full or read-only disk', () => {
  for (const code of ['ENOSPC', 'EROFS']) {
    it(`${code}: a draft that cannot be saved leaves the last one and no temp file`, () => {
      const dir = tempDir();
      const store = new RoundStore(dir, []);
      store.saveDraft(draft('kept'));
      vi.spyOn(io, 'writeSync').mockImplementation(() => {
        throw fault(code);
      });
      expect(() => store.saveDraft(draft('lost'))).toThrow(WriteError);
      expect(() => store.saveDraft(draft('lost'))).toThrow(code === 'ENOSPC' ? /the disk is full/ : /the disk is read-only/);
      vi.restoreAllMocks();
      expect(store.draft()?.text).toBe('kept');
      expect(tmpFiles(dir)).toEqual([]);
    });

    it(`${code}: a round whose log write is refused is not counted: its ratings are taken back and the draft kept`, async () => {
      const dir = tempDir();
      const ws = await openWorkspace({ dataDir: dir, deckArgs: [], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
      ws.rounds.saveDraft(draft('answer'));
      const before = readFileSync(join(dir, 'reviews.jsonl'), { flag: 'a+' }).toString();
      // The disk refuses the rounds log (and only it: the ratings before it go through).
      const real = io.openSync;
      vi.spyOn(io, 'openSync').mockImplementation(((path: string, ...rest: unknown[]) => {
        if (String(path).endsWith(ROUNDS_FILE)) throw fault(code);
        return (real as (...args: unknown[]) => number)(path, ...rest);
      }) as typeof io.openSync);
      expect(() => finishRound(ws.rounds, ws, round(T0), T0)).toThrow(code === 'ENOSPC' ? /could not save your culture round .*the disk is full/ : /could not save your culture round .*the disk is read-only/);
      vi.restoreAllMocks();
      expect(ws.progress.progress.cards.has(K1)).toBe(false);
      expect(ws.progress.progress.cards.has(K2)).toBe(false);
      expect(ws.rounds.draft()?.text).toBe('answer');
      expect(ws.rounds.history()).toEqual([]);
      // The log holds the ratings and their undos, or nothing: no rating stands.
      expect(readFileSync(join(dir, 'reviews.jsonl'), 'utf8').length).toBeGreaterThanOrEqual(before.length);
      ws.close();
    });
  }

  for (const code of ['ENOSPC', 'EROFS']) {
    it(`${code}: rounds imported together are written all or none`, () => {
      const dir = tempDir();
      const store = new RoundStore(dir, []);
      store.record(round(T0));
      const before = readFileSync(store.logPath, 'utf8');
      vi.spyOn(io, 'writeSync').mockImplementation(() => {
        throw fault(code);
      });
      expect(() => store.recordMany([round(T0 + 1), round(T0 + 2)])).toThrow(/2 culture rounds/);
      vi.restoreAllMocks();
      expect(readFileSync(store.logPath, 'utf8')).toBe(before);
      store.recordMany([round(T0 + 1), round(T0 + 2)]);
      expect(store.history().map((r) => r.startedAt)).toEqual([round(T0).startedAt, round(T0 + 1).startedAt, round(T0 + 2).startedAt]);
    });
  }

  it('a fdatasync refused on the log cuts the log back to what it was', () => {
    const dir = tempDir();
    const store = new RoundStore(dir, []);
    store.record(round(T0));
    const before = readFileSync(store.logPath, 'utf8');
    vi.spyOn(io, 'fdatasyncSync').mockImplementation(() => {
      throw fault('EIO');
    });
    expect(() => store.record(round(T0 + 1))).toThrow(/the disk reported an error/);
    vi.restoreAllMocks();
    expect(readFileSync(store.logPath, 'utf8')).toBe(before);
  });
});

describe('finishing and resuming', () => {
  it('finishing schedules every question, logs the round, drops the draft, and history lists it', async () => {
    const dir = tempDir();
    const ws = await openWorkspace({ dataDir: dir, deckArgs: [], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.rounds.saveDraft(draft('answer'));
    const due = finishRound(ws.rounds, ws, round(T0), T0);
    expect([...due.keys()]).toEqual([K1, K2]);
    expect(ws.progress.progress.cards.get(K1)?.state.reps).toBe(1);
    expect(ws.rounds.draft()).toBeNull();
    expect(ws.rounds.history()).toEqual([round(T0)]);
    const json = JSON.parse(behavioralHistoryCommand(ws, true)) as { questions: { key: string; rating: number; mode: string }[]; means: { mean: number }[] }[];
    expect(json[0]!.questions.map((q) => [q.key, q.mode, q.rating])).toEqual([[K1, 'typed', 3], [K2, 'aloud', 2]]);
    expect(json[0]!.means.map((m) => m.mean)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5]);
    expect(readinessReport(ws, T0)).toContain('## Culture rounds\n\n1 round finished (`keeper-prep behavioral`).\nMean self-score of 4 over the last 1, by rubric dimension:\n\n| dimension | mean score | answers |\n| --- | ---: | ---: |\n| Specific situation | 2.5 | 2 |');
    expect(behavioralHistoryCommand(ws, false)).toMatch(/questions +time +sit +own +res +refl +val +ratings\n.* 2 +1:51 +2\.5 +2\.5 +2\.5 +2\.5 +2\.5 +Good Hard/);
    ws.close();
  });

  it('a kill between the temp file and the rename leaves the last whole draft to resume from', () => {
    const dir = tempDir();
    const store = new RoundStore(dir, []);
    store.saveDraft(draft('typed before the kill', { answers: [{ key: K1, mode: 'typed', text: 'one', ms: 40_000 }] }));
    // The process dies after the temp file is written: rename never happens.
    vi.spyOn(io, 'renameSync').mockImplementation(() => {
      throw fault('EIO');
    });
    expect(() => store.saveDraft(draft('never renamed'))).toThrow(WriteError);
    vi.restoreAllMocks();
    const resumed = new RoundStore(dir, []).draft();
    expect(resumed).toMatchObject({ text: 'typed before the kill', answers: [{ key: K1, ms: 40_000 }] });
  });
});
