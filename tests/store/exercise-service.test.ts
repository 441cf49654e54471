import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import { cardKey, type Deck } from '../../src/core/deck.js';
import type { StudyItem } from '../../src/core/queue.js';
import { readDeckFile } from '../../src/store/deck-files.js';
import { ExerciseAttemptStore } from '../../src/store/exercise-attempts.js';
import { createExerciseService } from '../../src/store/exercise-service.js';
import { findPython } from '../../src/store/python.js';
import { REPO, tempDir } from '../helpers/temp.js';

const SQL_WASM = join(REPO, 'node_modules/sql.js/dist/sql-wasm.wasm');
const loaded = readDeckFile(join(REPO, 'tests/fixtures/exercise-runs.json'), 'flag', parseDeck);
if (!('deck' in loaded)) throw new Error('fixture deck does not load');
const deck: Deck = loaded.deck;
const item = (id: string): StudyItem => ({ key: cardKey(deck.id, id), deckId: deck.id, deckTitle: deck.title, card: deck.cards.find((c) => c.id === id)! });
const service = createExerciseService({ decks: () => [deck], attempts: new ExerciseAttemptStore(tempDir(), []), paths: { sqlWasm: SQL_WASM } });
afterAll(() => service.close());

describe('exercise service: SQL', () => {
  it('passes an answer with the solution\'s rows under other names and in another order', async () => {
    const check = await service.check(item('spend'), 'SELECT name AS who, SUM(amount) AS s FROM orders JOIN members ON members.id = member_id GROUP BY 1 ORDER BY 2');
    expect(check).toMatchObject({ passed: true, summary: 'Right: the same 3 rows as the solution.', comparison: { equal: true } });
  });

  it('fails a wrong answer with the missing and extra rows', async () => {
    const check = await service.check(item('spend'), "SELECT m.name, SUM(o.amount) FROM members m JOIN orders o ON o.member_id = m.id WHERE m.name <> 'Cy' GROUP BY m.name");
    expect(check.passed).toBe(false);
    expect(check.summary).toBe('Not yet: 2 rows, the solution has 3 rows.');
    expect(check.comparison?.missing).toEqual([['Cy', 1]]);
  });

  it('holds order to the solution\'s for an ordered exercise', async () => {
    expect((await service.check(item('by-date'), 'SELECT id FROM orders ORDER BY ordered_at DESC')).passed).toBe(false);
    expect((await service.check(item('by-date'), 'SELECT id FROM orders ORDER BY ordered_at')).passed).toBe(true);
  });

  it('says when the query fails, with SQLite\'s message', async () => {
    const check = await service.check(item('count'), 'SELEC 1');
    expect(check).toMatchObject({ passed: false, summary: 'Not yet: the query failed: near "SELEC": syntax error', run: { type: 'sql', run: { ok: false, position: { line: 1, column: 1 } } } });
  });

  it('lists the tables the exercise uses first', async () => {
    expect((await service.preview(item('by-date'))).map((t) => t.name)[0]).toBe('orders');
    expect((await service.preview(item('spend'))).map((t) => t.name).slice(0, 2).sort()).toEqual(['members', 'orders']);
  });

  it('previews the card\'s dataset and keeps the last attempt', async () => {
    expect((await service.preview(item('count'))).map((t) => [t.name, t.rowCount])).toEqual([['t', 3]]);
    expect(service.lastAttempt('exercises/count')).toBeNull();
    expect(service.saveAttempt('exercises/count', 'SELECT 1')).toBe(true);
    expect(service.lastAttempt('exercises/count')).toBe('SELECT 1');
    // A right answer is not handed back to resubmit when the card returns; a later try at it is.
    expect(service.saveAttempt('exercises/count', 'SELECT COUNT(*) FROM t', true)).toBe(true);
    expect(service.lastAttempt('exercises/count')).toBeNull();
    expect(service.saveAttempt('exercises/count', 'SELECT COUNT(*) FROM')).toBe(true);
    expect(service.lastAttempt('exercises/count')).toBe('SELECT COUNT(*) FROM');
  });
});

describe('exercise service: code', () => {
  it.skipIf(!findPython())('passes the solution and fails a wrong answer with its assertion', async () => {
    expect(await service.check(item('add'), 'def add(a, b):\n    return a + b\n')).toMatchObject({ passed: true, summary: 'Right: all the tests pass.' });
    const wrong = await service.check(item('add'), 'def add(a, b):\n    return a * b\n');
    expect(wrong).toMatchObject({ passed: false, summary: "Not yet: AssertionError: add(1, 2) should be 3 (test_solution.py line 3)" });
  });

  it('without python3 says so in one line and runs nothing', async () => {
    const none = createExerciseService({ decks: () => [deck], attempts: new ExerciseAttemptStore(tempDir(), []), paths: { sqlWasm: SQL_WASM }, env: { PATH: '', KEEPER_PREP_PYTHON: '/nonexistent/python3' } });
    expect(none.unavailable(item('add'))).toBe('Code exercises need python3, which was not found');
    expect(none.unavailable(item('count'))).toBeNull();
    expect(await none.check(item('add'), 'def add(a, b): return a + b')).toMatchObject({ passed: false, summary: 'Not yet: Code exercises need python3, which was not found' });
    none.close();
  });
});
