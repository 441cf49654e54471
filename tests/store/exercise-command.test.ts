import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exerciseCheckCommand, exerciseListCommand } from '../../src/commands/exercise-check.js';
import { findPython } from '../../src/store/python.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { REPO, tempDir } from '../helpers/temp.js';

const FIXTURE = join(REPO, 'tests/fixtures/exercise-runs.json');
const T0 = Date.UTC(2026, 10, 20, 9);
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
async function workspace(env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): Promise<Workspace> {
  const ws = await openWorkspace({ dataDir: tempDir(), deckArgs: [FIXTURE], env, builtinDir: join(tempDir(), 'none'), now: T0 });
  open.push(ws);
  return ws;
}
function answer(text: string): string {
  const file = join(tempDir(), 'answer.txt');
  writeFileSync(file, text);
  return file;
}

describe('exercise --list', () => {
  it('lists each exercise with its key, type, title or first prompt line, and "new" or its due date', async () => {
    const ws = await workspace();
    const rows = JSON.parse(exerciseListCommand(ws, true)) as unknown[];
    expect(rows).toEqual([
      { key: 'exercises/spend', type: 'sql', title: 'Spend per member', due: 'new' },
      { key: 'exercises/by-date', type: 'sql', title: 'Order ids, oldest first.', due: 'new' },
      { key: 'exercises/count', type: 'sql', title: 'How many rows has t?', due: 'new' },
      { key: 'exercises/add', type: 'code', title: 'Add two numbers', due: 'new' },
    ]);
    ws.rate('exercises/count', 3, T0, 1000);
    expect(exerciseListCommand(ws, false).split('\n')).toEqual([
      'key                type  due               title',
      'exercises/spend    sql   new               Spend per member',
      'exercises/by-date  sql   new               Order ids, oldest first.',
      expect.stringMatching(/^exercises\/count {4}sql {3}2026-11-\d\d \d\d:\d\d {2}How many rows has t\?$/),
      'exercises/add      code  new               Add two numbers',
    ]);
    // The JSON keeps an ISO timestamp: a card due in ten minutes is not just "today".
    const due = (JSON.parse(exerciseListCommand(ws, true)) as { key: string; due: string }[]).find((r) => r.key === 'exercises/count')!.due;
    expect(due).toMatch(/^2026-11-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('leaves code exercises out without python3', async () => {
    const ws = await workspace({ PATH: '', KEEPER_PREP_PYTHON: '/nonexistent/python3' });
    expect(exerciseListCommand(ws, false)).not.toContain('exercises/add');
  });
});

describe('exercise check', () => {
  it('passes a right SQL answer and keeps it as a right attempt (not handed back to resubmit); a wrong one is offered', async () => {
    const ws = await workspace();
    const result = await exerciseCheckCommand(ws, 'exercises/count', answer('SELECT COUNT(*) AS n FROM t\n'), false);
    expect(result).toEqual({ passed: true, output: 'Right: the same 1 row as the solution.' });
    expect(ws.exerciseAttempts.last('exercises/count')).toBe('SELECT COUNT(*) AS n FROM t\n');
    expect(ws.exercises.lastAttempt('exercises/count')).toBeNull();
    await exerciseCheckCommand(ws, 'exercises/count', answer('SELECT 2\n'), false);
    expect(ws.exercises.lastAttempt('exercises/count')).toBe('SELECT 2\n');
  });

  it('fails a wrong SQL answer with the missing and extra rows', async () => {
    const ws = await workspace();
    const result = await exerciseCheckCommand(ws, 'exercises/spend', answer("SELECT name, SUM(amount) FROM members JOIN orders ON member_id = members.id WHERE name <> 'Cy' GROUP BY name UNION ALL SELECT 'Zed', NULL"), false);
    expect(result.passed).toBe(false);
    expect(result.output.split('\n')).toEqual([
      'Not yet: 1 row of the solution is missing and 1 is not in it.',
      // Each side under its own column names: the solution's for rows it has, the answer's for extra ones.
      'Missing: 1 row the solution has and yours lacks:',
      '  name  total',
      '  Cy    1',
      'Extra: 1 row yours has and the solution lacks:',
      '  name  SUM(amount)',
      '  Zed   NULL',
    ]);
    const json = JSON.parse((await exerciseCheckCommand(ws, 'exercises/spend', answer('SELECT 1,\n  FROM'), true)).output) as Record<string, unknown>;
    expect(json).toMatchObject({ key: 'exercises/spend', type: 'sql', passed: false, error: 'near "FROM": syntax error', position: { line: 2, column: 3 } });
  });

  it.skipIf(!findPython())('fails a wrong Python answer with the assertion and the output, control bytes made visible', async () => {
    const ws = await workspace();
    const result = await exerciseCheckCommand(ws, 'exercises/add', answer('def add(a, b):\n    print("\\x1b[2J", a)\n    return a * b\n'), false);
    expect(result.passed).toBe(false);
    expect(result.output).toMatch(/^Not yet: AssertionError: add\(1, 2\) should be 3 \(test_solution\.py line 3\)\nOutput:\n/);
    expect(result.output).not.toMatch(CONTROL);
    expect((await exerciseCheckCommand(ws, 'exercises/add', answer('def add(a, b):\n    return a + b\n'), true)).passed).toBe(true);
  });

  it('refuses in one line: an unknown card, a non-exercise, an unreadable file, no python3', async () => {
    const ws = await workspace();
    const file = answer('SELECT 1');
    await expect(exerciseCheckCommand(ws, 'exercises/nope', file, false)).rejects.toThrow(/^no card "exercises\/nope"; `keeper-prep exercise --list` shows the exercises$/);
    await expect(exerciseCheckCommand(ws, 'exercises/capital', file, false)).rejects.toThrow(/^exercises\/capital is not an exercise \(its type is "flashcard"\)/);
    await expect(exerciseCheckCommand(ws, 'exercises/count', join(tempDir(), 'none.sql'), false)).rejects.toThrow(/none\.sql: file not found$/);
    await expect(exerciseCheckCommand(ws, 'exercises/count', tempDir(), false)).rejects.toThrow(/is a directory/);
    const none = await workspace({ PATH: '', KEEPER_PREP_PYTHON: '/nonexistent/python3' });
    await expect(exerciseCheckCommand(none, 'exercises/add', file, false)).rejects.toThrow(/^Code exercises need python3, which was not found$/);
  });
});
