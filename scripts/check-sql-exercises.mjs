// The second reader of the SQL exercises: runs every "sql" card's solution on a fresh copy of its
// dataset (it must succeed in under a second, return rows, and not be all NULLs or zeros), then
// runs the plausible wrong answers in tests/fixtures/sql-wrong-answers.json and checks each one
// gives a different result under the grading rule (same column count, rows as a multiset or in
// order when the card is "ordered", numbers equal within 1e-9, NULL equal to NULL). Differently
// written right answers in tests/fixtures/sql-right-answers.json must give the same result: a
// check that the prompt pins the result down (columns, rounding, filters) rather than one query.
//
//   node scripts/check-sql-exercises.mjs [deck.json ...] [--fixture FILE] [--right FILE] [--verbose]
//
// Exits 1 when anything fails.
import initSqlJs from 'sql.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
let fixtureFile = join(repo, 'tests/fixtures/sql-wrong-answers.json');
let rightFile = join(repo, 'tests/fixtures/sql-right-answers.json');
const deckFiles = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--fixture') fixtureFile = args[++i];
  else if (args[i] === '--right') rightFile = args[++i];
  else if (!args[i].startsWith('--')) deckFiles.push(args[i]);
}
if (deckFiles.length === 0) deckFiles.push(join(repo, 'decks/sql.json'));

const MAX_MS = 1000;
const EPSILON = 1e-9;
const wrongAnswers = JSON.parse(readFileSync(fixtureFile, 'utf8'));
const rightAnswers = existsSync(rightFile) ? JSON.parse(readFileSync(rightFile, 'utf8')) : {};
const SQL = await initSqlJs();

/** Runs a query on a fresh copy of the dataset: the result set of its last statement. */
function run(image, query) {
  const db = new SQL.Database(image);
  try {
    const started = performance.now();
    const results = db.exec(query);
    const ms = performance.now() - started;
    const last = results.at(-1) ?? { columns: [], values: [] };
    return { ok: true, columns: last.columns, rows: last.values, ms };
  } catch (error) {
    return { ok: false, error: String(error.message ?? error) };
  } finally {
    db.close();
  }
}

const rank = (v) => (v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
function compareCells(a, b) {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return Math.abs(a - b) <= EPSILON ? 0 : a - b;
  if (ra === 2) return a < b ? -1 : a > b ? 1 : 0;
  if (ra === 3) return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return 0;
}
function compareRows(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareCells(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
/** The grading rule: same column count, same rows (as a multiset unless ordered). */
function sameResult(expected, actual, ordered) {
  if (expected.columns.length !== actual.columns.length) return false;
  if (expected.rows.length !== actual.rows.length) return false;
  const e = ordered ? expected.rows : [...expected.rows].sort(compareRows);
  const a = ordered ? actual.rows : [...actual.rows].sort(compareRows);
  return e.every((row, i) => compareRows(row, a[i]) === 0);
}
/** A result that says nothing: every cell NULL or 0 or the empty string. */
const trivial = (result) => result.rows.every((row) => row.every((v) => v === null || v === 0 || v === ''));

const problems = [];
const seenKeys = new Set();
let solutions = 0;
let wrongs = 0;
let rights = 0;
let slowest = { ms: 0, key: '' };

for (const file of deckFiles) {
  const path = resolve(file);
  const deck = JSON.parse(readFileSync(path, 'utf8'));
  const images = new Map();
  const imageOf = (name) => {
    if (!images.has(name)) {
      const source = deck.datasets?.[name];
      if (source === undefined) throw new Error(`${deck.id}: unknown dataset ${name}`);
      const text = /\.sql$/.test(source) && !/\s/.test(source) ? readFileSync(join(dirname(path), source), 'utf8') : source;
      const db = new SQL.Database();
      db.exec(text);
      images.set(name, db.export());
      db.close();
    }
    return images.get(name);
  };
  for (const card of deck.cards.filter((c) => c.type === 'sql')) {
    const key = `${deck.id}/${card.id}`;
    seenKeys.add(key);
    const image = imageOf(card.dataset);
    const expected = run(image, card.solution);
    solutions++;
    if (!expected.ok) {
      problems.push(`${key}: the solution fails: ${expected.error}`);
      continue;
    }
    if (expected.ms > slowest.ms) slowest = { ms: expected.ms, key };
    if (expected.ms > MAX_MS) problems.push(`${key}: the solution takes ${expected.ms.toFixed(0)} ms (limit ${MAX_MS})`);
    if (expected.rows.length === 0) problems.push(`${key}: the solution returns no rows`);
    else if (trivial(expected)) problems.push(`${key}: the solution returns only NULLs and zeros`);
    if (card.ordered && !/order\s+by/i.test(card.solution)) problems.push(`${key}: ordered, but the solution has no ORDER BY`);
    if (verbose) console.log(`${key}: ${expected.rows.length} rows x ${expected.columns.length} columns, ${expected.ms.toFixed(1)} ms`);
    const wrong = wrongAnswers[key] ?? [];
    if (wrong.length === 0) problems.push(`${key}: no wrong answers in ${fixtureFile}`);
    wrong.forEach((query, i) => {
      wrongs++;
      const actual = run(image, query);
      if (!actual.ok) problems.push(`${key}: wrong answer ${i + 1} does not run (a wrong answer should be a query that runs): ${actual.error}`);
      else if (sameResult(expected, actual, card.ordered === true)) problems.push(`${key}: wrong answer ${i + 1} gives the solution's result`);
      else if (verbose) console.log(`  wrong ${i + 1}: differs (${actual.rows.length} rows x ${actual.columns.length} columns)`);
    });
    (rightAnswers[key] ?? []).forEach((query, i) => {
      rights++;
      const actual = run(image, query);
      if (!actual.ok) problems.push(`${key}: right answer ${i + 1} fails: ${actual.error}`);
      else if (!sameResult(expected, actual, card.ordered === true)) problems.push(`${key}: right answer ${i + 1} gives a different result (${actual.rows.length} rows x ${actual.columns.length} columns; the solution: ${expected.rows.length} x ${expected.columns.length})`);
    });
  }
}
for (const key of [...Object.keys(wrongAnswers), ...Object.keys(rightAnswers)]) if (!seenKeys.has(key)) problems.push(`${key}: in the fixture but no such sql card`);

console.log(`${solutions} solutions run (slowest ${slowest.ms.toFixed(1)} ms, ${slowest.key}); ${wrongs} wrong answers and ${rights} other right answers checked`);
if (problems.length) {
  console.log(`${problems.length} problem(s):`);
  for (const p of problems) console.log(`  ${p}`);
  process.exit(1);
}
console.log('every solution runs and returns rows; every wrong answer differs; every other right answer agrees');
