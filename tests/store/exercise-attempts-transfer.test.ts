import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { newerAttempts } from '../../src/core/exercise-attempts.js';
import { parseProgressLines } from '../../src/core/progress-lines.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

async function withOpen<T>(dir: string, run: (ws: Workspace) => T): Promise<T> {
  const ws = await openWorkspace({ dataDir: dir, deckArgs: [MINI_DECK], env: {}, builtinDir: join(tempDir(), 'none'), now: T0 });
  try {
    return run(ws);
  } finally {
    ws.close();
  }
}

describe('exercise attempts travel with export-progress and import-progress', () => {
  it('are exported, and imported where they are later than the ones here', async () => {
    const a = tempDir();
    const b = tempDir();
    const file = join(tempDir(), 'progress.jsonl');
    await withOpen(a, (ws) => {
      ws.exerciseAttempts.save('sql/ex-one', 'SELECT 1\n\tFROM t', T0);
      ws.exerciseAttempts.save('sql/ex-two', 'SELECT 2', T0 + 10);
    });
    await withOpen(b, (ws) => ws.exerciseAttempts.save('sql/ex-two', 'SELECT 22', T0 + 20));
    expect(await withOpen(a, (ws) => exportProgressCommand(ws, file, T0 + 100))).toMatch(/, 2 exercise attempts and your settings to /);
    const parsed = parseProgressLines(readFileSync(file, 'utf8'));
    expect(typeof parsed !== 'string' && parsed.exercises).toEqual([
      { key: 'sql/ex-one', answer: 'SELECT 1\n\tFROM t', at: T0 },
      { key: 'sql/ex-two', answer: 'SELECT 2', at: T0 + 10 },
    ]);
    expect(await withOpen(b, (ws) => importProgressCommand(ws, file))).toMatch(/1 exercise attempt \(1 already here was skipped\)/);
    await withOpen(b, (ws) => {
      expect(ws.exerciseAttempts.last('sql/ex-one')).toBe('SELECT 1\n\tFROM t');
      expect(ws.exerciseAttempts.last('sql/ex-two')).toBe('SELECT 22');
    });
  });

  it('refuses an attempt with a control character, by line and field', async () => {
    const file = join(tempDir(), 'progress.jsonl');
    const a = tempDir();
    await withOpen(a, (ws) => ws.exerciseAttempts.save('sql/ex-one', 'SELECT 1', T0));
    await withOpen(a, (ws) => exportProgressCommand(ws, file, T0));
    writeFileSync(file, readFileSync(file, 'utf8').replace('SELECT 1', 'SELECT 1\\u001b[2J'));
    await expect(withOpen(tempDir(), (ws) => importProgressCommand(ws, file))).rejects.toThrow(/line \d+, exercises\[0\]\.answer: contains a control character or text-direction override \(U\+001B\)/);
  });

  it('keep the latest of each card', () => {
    const here = [{ key: 'd/a', answer: 'old', at: 5 }];
    expect(newerAttempts(here, [{ key: 'd/a', answer: 'older', at: 1 }, { key: 'd/b', answer: 'b1', at: 1 }, { key: 'd/b', answer: 'b2', at: 2 }, { key: 'd/a', answer: 'new', at: 9 }])).toEqual([
      { key: 'd/b', answer: 'b2', at: 2 },
      { key: 'd/a', answer: 'new', at: 9 },
    ]);
  });
});
