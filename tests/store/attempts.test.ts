import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTimer } from '../../src/core/mock.js';
import { AttemptStore, type Attempt, type Draft } from '../../src/store/attempts.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 18);
const KEY = 'mini-design/url-shortener';
const DESIGN = join(REPO, 'tests/fixtures/design.json');

const draft = (notes: string): Draft => ({ v: 1, key: KEY, minutes: 10, timer: startTimer(T0), hintsUsed: 1, notes, savedAt: T0 });
const attempt = (finishedAt: number, notes: string): Attempt => ({
  v: 1, key: KEY, startedAt: finishedAt - 600_000, finishedAt, durationMs: 600_000, minutes: 10,
  phases: [{ name: 'Clarify', ms: 240_000 }, { name: 'Design', ms: 360_000 }], hintsUsed: 2,
  scores: [{ dimension: 'Requirements', score: 3 }, { dimension: 'Data model', score: 2 }], rating: 2, notes,
});

describe('mock attempts on disk', () => {
  it('keeps the latest draft of an attempt in progress, readable by a new process', () => {
    const dir = tempDir();
    const store = new AttemptStore(dir, []);
    store.saveDraft(draft('first line'));
    store.saveDraft(draft('first line\nsecond line'));
    const again = new AttemptStore(dir, []);
    expect(again.draft(KEY, T0)?.notes).toBe('first line\nsecond line');
    expect(again.draftKeys()).toEqual([KEY]);
    expect(readdirSync(join(dir, 'drafts')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('moves a damaged draft aside and says where', () => {
    const dir = tempDir();
    const store = new AttemptStore(dir, []);
    store.saveDraft(draft('x'));
    const file = join(dir, 'drafts', 'mini-design--url-shortener.json');
    writeFileSync(file, '{"v": 1, "key": "mini-des');
    const notices: string[] = [];
    expect(new AttemptStore(dir, notices).draft(KEY, T0)).toBeNull();
    expect(existsSync(`${file}.damaged-${T0}`)).toBe(true);
    expect(notices[0]).toMatch(/could not be read, so it will start afresh; what was saved is at .*damaged/);
  });

  it('round-trips finished attempts, per prompt, skipping a torn last line', () => {
    const dir = tempDir();
    const store = new AttemptStore(dir, []);
    store.record(attempt(T0, 'notes one'));
    store.record({ ...attempt(T0 + 1000, 'other'), key: 'x/y' });
    writeFileSync(store.logPath, `${JSON.stringify(attempt(T0 + 2000, 'notes two'))}\n{"v":1,"key":"mini`, { flag: 'a' });
    const history = new AttemptStore(dir, []).history(KEY);
    expect(history.map((a) => a.notes)).toEqual(['notes one', 'notes two']);
    expect(history[0]).toEqual(attempt(T0, 'notes one'));
  });

  it('finishing a mock schedules the prompt, logs the attempt and drops the draft', async () => {
    const dir = tempDir();
    const ws = await openWorkspace({ dataDir: dir, deckArgs: [DESIGN], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.attempts.saveDraft(draft('n'));
    expect(ws.designPrompts(T0)).toMatchObject([{ key: KEY, due: false, dueAt: null }]);
    const result = ws.finishMock(attempt(T0, 'done'), T0);
    expect(result.record.state.due).toBeGreaterThan(T0);
    expect(ws.attempts.draft(KEY, T0)).toBeNull();
    expect(ws.attempts.history(KEY)).toHaveLength(1);
    expect(ws.progress.progress.cards.get(KEY)).toBeDefined();
    expect(ws.designPrompts(T0 + 40 * 86_400_000)[0]).toMatchObject({ key: KEY, due: true });
    ws.close();
  });
});
