// node scripts/check-code-exercises.mjs [DECK/CARD-substring ...]
//
// The second reader for the built-in code exercises (issue 17). For every "code" card in decks/,
// run the way the app runs it (solution.py + test_solution.py in a fresh temporary directory,
// `python3 test_solution.py`, pass = exit 0 in time), it checks that:
//   - the card's solution passes its tests, under three hash seeds (tests must not depend on set or
//     dict-of-str order, or on the seed that randomises str hashes);
//   - the card's starter fails them, and is valid Python (it fails by not being written yet, not by a
//     syntax error);
//   - at least two plausible wrong answers, kept in tests/fixtures/code-wrong-answers.json under
//     "python/<card-id>", fail them, and fail by a failed assertion or error, not by running out of time;
//   - every run takes less than a second of CPU time (user + system, measured by a small python3
//     wrapper, so a busy machine does not make the check flaky), and finishes within the card's
//     own timeout (timeoutMs, default 5000 ms) of wall time, as in the app;
//   - the tests import from solution and stay inside the rules the card format promises
//     (standard library only: no pytest, no network, no files, no real sleeps).
// Exits 1 and lists the problems when any check fails. PYTHON=/path/to/python3.8 runs the same checks
// on another interpreter (the format promises Python 3.8+).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;
const decksDir = join(repo, 'decks');
const wrongFile = join(repo, 'tests/fixtures/code-wrong-answers.json');
const PYTHON = process.env.PYTHON || 'python3';
const CPU_LIMIT_MS = 1000;
const DEFAULT_TIMEOUT_MS = 5000;
/** Runs test_solution.py as the app does and reports the child's CPU time on stderr's last line. */
const WRAPPER = [
  'import resource, subprocess, sys',
  "r = subprocess.run([sys.executable, 'test_solution.py'])",
  'u = resource.getrusage(resource.RUSAGE_CHILDREN)',
  "sys.stderr.write('\\n@@cpu %f\\n' % (u.ru_utime + u.ru_stime))",
  'sys.exit(r.returncode)',
].join('\n');
const MIN_WRONG = 2;
const filters = process.argv.slice(2);

const wrongAnswers = JSON.parse(readFileSync(wrongFile, 'utf8'));
const cards = [];
for (const file of readdirSync(decksDir).filter((f) => f.endsWith('.json') && f !== 'deck.schema.json').sort()) {
  const deck = JSON.parse(readFileSync(join(decksDir, file), 'utf8'));
  for (const card of deck.cards ?? []) {
    if (card.type !== 'code') continue;
    const key = `${deck.id}/${card.id}`;
    if (filters.length && !filters.some((f) => key.includes(f))) continue;
    cards.push({ key, card, wrongKey: `${card.language}/${card.id}` });
  }
}

/** Runs one program against one card's tests; resolves to { passed, timedOut, ms, cpuMs, output }. */
function run(card, code, env = {}) {
  return new Promise((resolve) => {
    const dir = mkdtempSync(join(tmpdir(), 'keeper-prep-code-check-'));
    writeFileSync(join(dir, 'solution.py'), code);
    writeFileSync(join(dir, 'test_solution.py'), card.tests);
    const started = process.hrtime.bigint();
    const child = spawn(PYTHON, ['-c', WRAPPER], { cwd: dir, detached: true, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGKILL'); // the wrapper and the test run
    }, card.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      rmSync(dir, { recursive: true, force: true });
      const cpu = /\n@@cpu ([\d.]+)\n?$/.exec(output);
      const text = output.replace(/\n@@cpu [\d.]+\n?$/, '').trim();
      resolve({ passed: code === 0 && !timedOut, timedOut, ms, cpuMs: cpu ? Number(cpu[1]) * 1000 : Infinity, output: text.split('\n').slice(-3).join(' | ') });
    });
  });
}

const RULES = [
  [/^\s*(import|from)\s+pytest\b/m, 'uses pytest'],
  [/\b(socket|urllib|http\.client|requests)\b/, 'may use the network'],
  [/\bopen\(/, 'opens a file'],
  [/\btime\.sleep\(/, 'sleeps for real'],
];

async function check({ key, card, wrongKey }) {
  const problems = [];
  const runs = [];
  if (card.language !== 'python') return { key, problems: [`language ${card.language} has no checker yet`], runs };
  if (!/^from solution import /m.test(card.tests)) problems.push('tests do not import from solution');
  if (!/\bassert\b/.test(card.tests)) problems.push('tests have no assert');
  for (const [pattern, what] of RULES) if (pattern.test(card.tests)) problems.push(`tests: ${what}`);
  const timing = (label, r) => {
    runs.push(r);
    if (r.timedOut) problems.push(`${label} ran past the card's timeout`);
    else if (r.cpuMs >= CPU_LIMIT_MS) problems.push(`${label} used ${Math.round(r.cpuMs)} ms of CPU (limit ${CPU_LIMIT_MS})`);
  };
  for (const seed of ['0', '1', 'random']) {
    const r = await run(card, card.solution, { PYTHONHASHSEED: seed });
    timing(`solution (PYTHONHASHSEED=${seed})`, r);
    if (!r.passed) problems.push(`solution fails its tests (PYTHONHASHSEED=${seed}): ${r.output}`);
  }
  const starter = await run(card, card.starter);
  timing('starter', starter);
  if (starter.passed) problems.push('the starter passes the tests');
  if (/SyntaxError|IndentationError/.test(starter.output)) problems.push(`the starter is not valid Python: ${starter.output}`);
  const wrong = wrongAnswers[wrongKey] ?? [];
  if (wrong.length < MIN_WRONG) problems.push(`${wrong.length} wrong answers in the fixtures (at least ${MIN_WRONG})`);
  const caught = [];
  for (const [i, code] of wrong.entries()) {
    const r = await run(card, code);
    timing(`wrong answer ${i + 1}`, r);
    if (r.passed) problems.push(`wrong answer ${i + 1} passes the tests`);
    else if (r.timedOut) problems.push(`wrong answer ${i + 1} only fails by running out of time`);
    else caught.push(r.output.split(' | ').at(-1));
  }
  return { key, problems, runs, wrong: wrong.length, caught };
}

const known = new Set(cards.map((c) => c.wrongKey));
const orphans = filters.length ? [] : Object.keys(wrongAnswers).filter((k) => !known.has(k));

const queue = [...cards];
const results = [];
await Promise.all(
  Array.from({ length: Math.max(1, Math.min(8, availableParallelism())) }, async () => {
    while (queue.length) results.push(await check(queue.shift()));
  }),
);
results.sort((a, b) => a.key.localeCompare(b.key));

let bad = 0;
for (const r of results) {
  const cpu = Math.round(Math.max(...r.runs.map((x) => x.cpuMs)));
  const wall = Math.round(Math.max(...r.runs.map((x) => x.ms)));
  if (r.problems.length) {
    bad++;
    console.log(`FAIL ${r.key}`);
    for (const p of r.problems) console.log(`     ${p}`);
  } else {
    console.log(`ok   ${r.key}: solution passes, starter and ${r.wrong} wrong answers fail (most CPU ${cpu} ms, slowest ${wall} ms)`);
    if (process.env.VERBOSE) for (const c of r.caught) console.log(`       caught: ${c}`);
  }
}
for (const o of orphans) console.log(`FAIL fixtures: ${o} names no code card`);
console.log(`${results.length} code exercises checked, ${bad + orphans.length} problems`);
process.exit(bad + orphans.length || results.length === 0 ? 1 : 0);
