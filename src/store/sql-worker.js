// The thread SQL exercises run in. sql.js is synchronous, so a query that never ends can only be
// stopped by terminating the thread it runs on (store/sql-run.ts does, at the time limit). Plain
// JavaScript: Node starts it from source in tests and esbuild bundles it beside the CLI.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

let sqlJs = null;
/** The last dataset built or received, by key: consecutive runs on one card reuse it. */
let held = { key: null, bytes: null };

async function engine(wasm) {
  sqlJs ??= await initSqlJs({ wasmBinary: readFileSync(wasm) });
  return sqlJs;
}

/** The dataset's exported bytes: given, held, or built now from its SQL (then sent back to keep). */
function datasetBytes(SQL, dataset) {
  if (dataset.bytes) held = { key: dataset.key, bytes: dataset.bytes };
  if (held.key === dataset.key) return { bytes: held.bytes, built: false };
  const db = new SQL.Database();
  try {
    db.exec(dataset.sql);
    held = { key: dataset.key, bytes: db.export() };
    return { bytes: held.bytes, built: true };
  } finally {
    db.close();
  }
}

/** Runs every statement; the result is the last one that has columns, its rows cut at maxRows. */
function runQuery(db, query, maxRows, state) {
  let last = { columns: [], rows: [], truncated: false };
  const statements = db.iterateStatements(query);
  for (;;) {
    state.from = query.length - statements.getRemainingSQL().length;
    const next = statements.next();
    if (next.done) break;
    const statement = next.value;
    const columns = statement.getColumnNames();
    const rows = [];
    let truncated = false;
    while (statement.step()) {
      if (rows.length >= maxRows) {
        truncated = true;
        break;
      }
      rows.push(statement.get());
    }
    if (columns.length > 0) last = { columns, rows, truncated };
  }
  return last;
}

/** Every table: columns with their declared types, the row count and a few rows. */
function previewTables(db, sampleRows) {
  const names = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values.map((r) => r[0]) ?? [];
  const quoted = (name) => `"${String(name).replaceAll('"', '""')}"`;
  return names.map((name) => {
    const info = db.exec(`PRAGMA table_info(${quoted(name)})`)[0]?.values ?? [];
    const count = db.exec(`SELECT count(*) FROM ${quoted(name)}`)[0]?.values[0]?.[0] ?? 0;
    const sample = db.exec(`SELECT * FROM ${quoted(name)} LIMIT ${sampleRows}`)[0]?.values ?? [];
    return { name: String(name), columns: info.map((c) => ({ name: String(c[1]), type: String(c[2] ?? '') })), rowCount: Number(count), sample };
  });
}

parentPort.on('message', async (request) => {
  const started = performance.now();
  const state = { stage: 'dataset', from: 0 };
  let db = null;
  let built = null;
  try {
    const SQL = await engine(request.wasm);
    const dataset = datasetBytes(SQL, request.dataset);
    if (dataset.built) built = dataset.bytes;
    db = new SQL.Database(dataset.bytes);
    state.stage = 'query';
    // The time limit is the query's: starting SQLite and building the dataset do not count.
    // The dataset goes back with it, so a worker stopped mid-query does not cost the next one a build.
    parentPort.postMessage({ id: request.id, started: true, built });
    built = null;
    const queryStarted = performance.now();
    const reply = request.op === 'preview' ? { tables: previewTables(db, request.sampleRows) } : { result: runQuery(db, request.query, request.maxRows, state) };
    parentPort.postMessage({ id: request.id, ok: true, ...reply, built, ms: performance.now() - queryStarted });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, stage: state.stage, from: state.from, error: String(error?.message ?? error), built, ms: performance.now() - started });
  } finally {
    db?.close();
  }
});
