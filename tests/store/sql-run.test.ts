import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RESULT_ROWS } from '../../src/core/exercise.js';
import { errorPosition, sqlRefusal } from '../../src/core/sql-guard.js';
import { SqlRunner } from '../../src/store/sql-run.js';
import { REPO } from '../helpers/temp.js';

const SQL_WASM = join(REPO, 'node_modules/sql.js/dist/sql-wasm.wasm');
const SHOP = readFileSync(join(REPO, 'tests/fixtures/exercise-data/shop.sql'), 'utf8');
const runner = new SqlRunner({ sqlWasm: SQL_WASM }, 1500);
afterAll(() => runner.close());

describe('SQL runner (real sql.js in a worker)', () => {
  it('runs a query on the dataset and returns its columns and rows', async () => {
    const run = await runner.run(SHOP, 'SELECT name, plan FROM members WHERE country IS NOT NULL ORDER BY id');
    expect(run).toMatchObject({ ok: true, result: { columns: ['name', 'plan'], rows: [['Ada', 'premium'], ['Bo', 'basic']], truncated: false } });
  });

  it('gives every run a fresh copy: a change by one run is gone in the next', async () => {
    const changed = await runner.run(SHOP, 'DELETE FROM orders; SELECT COUNT(*) AS n FROM orders');
    expect(changed).toMatchObject({ ok: true, result: { rows: [[0]] } });
    expect(await runner.run(SHOP, 'SELECT COUNT(*) FROM orders')).toMatchObject({ ok: true, result: { rows: [[4]] } });
  });

  it('runs every statement and answers with the last one that returns rows', async () => {
    const run = await runner.run(SHOP, "CREATE TEMP VIEW v AS SELECT id FROM members;\nSELECT COUNT(*) FROM v;\nINSERT INTO members VALUES (9, 'Zed', NULL, NULL);");
    expect(run).toMatchObject({ ok: true, result: { rows: [[3]] } });
  });

  it('reports a syntax error with SQLite\'s message and its line and column', async () => {
    const run = await runner.run(SHOP, 'SELECT name\nFROM members\nWHERE plan = = 1');
    expect(run).toMatchObject({ ok: false, timedOut: false, error: 'near "=": syntax error', position: { line: 3, column: 12 } });
    const missing = await runner.run(SHOP, 'SELECT 1;\nSELECT nme FROM members');
    expect(missing).toMatchObject({ ok: false, error: 'no such column: nme', position: { line: 2, column: 8 } });
  });

  it('stops a query that runs past its time, and the next run still works', async () => {
    const run = await runner.run(SHOP, 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r');
    expect(run).toMatchObject({ ok: false, timedOut: true });
    if (!run.ok) expect(run.error).toMatch(/^stopped after 1\.5 s/);
    expect(await runner.run(SHOP, 'SELECT COUNT(*) FROM members')).toMatchObject({ ok: true, result: { rows: [[3]] } });
  });

  it('does not count starting SQLite and building the dataset against the query\'s time', async () => {
    const strict = new SqlRunner({ sqlWasm: SQL_WASM }, 100);
    const slowToBuild = 'CREATE TABLE t (n INTEGER); WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 300000) INSERT INTO t SELECT n FROM r;';
    const started = Date.now();
    expect(await strict.run(slowToBuild, 'SELECT MAX(n) FROM t')).toMatchObject({ ok: true, result: { rows: [[300000]] } });
    expect(Date.now() - started).toBeGreaterThan(100);
    // A query stopped at its limit keeps the built dataset: the next worker does not build it again.
    expect(await strict.run(slowToBuild, 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r')).toMatchObject({ ok: false, timedOut: true });
    expect(await strict.run(slowToBuild, 'SELECT COUNT(*) FROM t')).toMatchObject({ ok: true, result: { rows: [[300000]] } });
    strict.close();
  });

  it('cuts a huge result at MAX_RESULT_ROWS and says so', async () => {
    const run = await runner.run(SHOP, 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 1000000) SELECT n FROM r');
    expect(run.ok).toBe(true);
    if (run.ok) {
      expect(run.result.rows).toHaveLength(MAX_RESULT_ROWS);
      expect(run.result.truncated).toBe(true);
    }
  });

  it('refuses ATTACH and file functions before SQLite sees them', async () => {
    expect(await runner.run(SHOP, "ATTACH '/tmp/x.db' AS x")).toMatchObject({ ok: false, error: expect.stringMatching(/^ATTACH is not allowed: exercises run only on an in-memory copy/) });
    expect(await runner.run(SHOP, "SELECT readfile('/etc/passwd')")).toMatchObject({ ok: false, error: expect.stringMatching(/^readfile\(\) is not allowed/) });
    expect(sqlRefusal("SELECT 'attach' AS \"detach\" -- readfile(x)\nFROM members")).toBeNull();
    expect(sqlRefusal('select LOAD_EXTENSION ("x")')).toMatch(/^load_extension\(\) is not allowed/);
  });

  it('says when the dataset itself does not load', async () => {
    const run = await runner.run('CREATE TABLE t (', 'SELECT 1');
    expect(run).toMatchObject({ ok: false, error: expect.stringMatching(/^the exercise's dataset does not load: /) });
  });

  it('previews the tables: columns with types, row counts, three sample rows', async () => {
    const tables = await runner.preview(SHOP);
    expect(tables.map((t) => t.name)).toEqual(['members', 'orders']);
    expect(tables[1]).toMatchObject({ rowCount: 4, columns: [{ name: 'id', type: 'INTEGER' }, { name: 'member_id', type: 'INTEGER' }, { name: 'amount', type: 'REAL' }, { name: 'ordered_at', type: 'TEXT' }] });
    expect(tables[1]!.sample).toHaveLength(3);
  });
});

describe('errorPosition', () => {
  it('points at the end for incomplete input and gives up when nothing is named', () => {
    expect(errorPosition('SELECT\n  ', 0, 'incomplete input')).toEqual({ line: 1, column: 7 });
    expect(errorPosition('SELECT 1', 0, 'out of memory')).toBeUndefined();
  });
});
