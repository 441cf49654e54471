// npm run bench: start-up and scale figures, as medians over repeated runs in one go.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { sharedOptions } from './build.mjs';

const repo = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'keeper-prep-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bundle(entry, outfile) {
  await build({ ...sharedOptions, define: { ...sharedOptions.define }, entryPoints: [join(repo, entry)], outfile, splitting: false });
}

/**
 * Whole-process time from spawn until `marker` is on the screen of a real pseudo-terminal
 * (util-linux `script`), and the process's peak memory from /usr/bin/time.
 */
function timeToScreen(command, marker, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec /usr/bin/time -f 'MAXRSS %M' ${command}`, '/dev/null'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let ms = null;
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      if (ms === null && out.includes(marker)) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        child.stdin.write('\u0003');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', () => {
      clearTimeout(timer);
      const rss = /MAXRSS (\d+)/.exec(out);
      if (ms === null) reject(new Error(`never saw "${marker}" from ${command}:\n${out.slice(-500)}`));
      else resolve({ ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN });
    });
  });
}

function timeCommand(args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(args[0], args.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function repeat(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await fn());
  return runs;
}

try {
  await bundle('scripts/bench/minimal-ink.tsx', join(work, 'minimal-ink.mjs'));
  await bundle('scripts/bench/inproc.ts', join(work, 'inproc.mjs'));
  const home = join(work, 'home');
  spawnSync(process.execPath, [join(work, 'inproc.mjs'), 'history', home], { stdio: 'inherit' });
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ role: 'software-engineer' }));
  const env = { KEEPER_PREP_HOME: home, COLUMNS: '80', LINES: '24' };
  const cli = join(repo, 'bin/keeper-prep.js');
  const node = process.execPath;

  const rows = [];
  const nodeRuns = await repeat(() => timeCommand([node, '-e', '0'], env));
  const nodeMs = median(nodeRuns);
  rows.push(['node -e 0', nodeMs, '']);

  const minimal = await repeat(() => timeToScreen(`${node} ${join(work, 'minimal-ink.mjs')}`, 'minimal ink ready', env));
  const minimalMs = median(minimal.map((r) => r.ms));
  rows.push(['minimal bundled Ink app, to its one line', minimalMs, '']);

  const app = await repeat(() => timeToScreen(`${node} ${cli}`, 'q quit · ? help', env));
  const appMs = median(app.map((r) => r.ms));
  rows.push(['keeper-prep, to the full Home frame (10,000 reviews)', appMs, `${(appMs / minimalMs).toFixed(2)}x minimal Ink (target <= 1.3x); peak ${median(app.map((r) => r.rssMb)).toFixed(0)} MB`]);
  if (process.env.BENCH_VERBOSE) console.log('minimal runs', minimal.map((r) => r.ms.toFixed(0)).join(' '), '\napp runs', app.map((r) => r.ms.toFixed(0)).join(' '));

  for (const args of [['stats', '--json'], ['decks', '--json'], ['validate', join(repo, 'decks/culture.json')]]) {
    const ms = median(await repeat(() => timeCommand([node, cli, ...args], env)));
    rows.push([`keeper-prep ${args[0]} ${args[0] === 'validate' ? 'decks/culture.json' : args[1]}`, ms, `${(ms / nodeMs).toFixed(2)}x node -e 0 (target <= 2.5x)`]);
  }

  // Importing: the real Anki fixture (when ../shared is beside the repo), a 2,000-row CSV, and
  // moving the 10,000-review history to a fresh data directory.
  const fixture = join(repo, '../shared/fixtures/anki/system-design-primer.apkg');
  const imports = [
    ...(existsSync(fixture) ? [['import system-design-primer.apkg (42 notes)', fixture]] : []),
    ['import a 2,000-row CSV', join(work, 'rows.csv')],
  ];
  writeFileSync(join(work, 'rows.csv'), ['question,answer', ...Array.from({ length: 2000 }, (_, i) => `"Question ${i}, with a comma?","Answer ${i}\non two lines"`)].join('\n'));
  for (const [name, file] of imports) {
    const ms = median(await repeat(() => timeCommand([node, cli, 'import', file, '--out', join(work, 'imported.json'), '--force'], env)));
    rows.push([`keeper-prep ${name}`, ms, '']);
  }
  timeCommand([node, cli, 'export-progress', join(work, 'progress.json'), '--force'], env);
  let target = 0;
  const merge = median(await repeat(() => timeCommand([node, cli, 'import-progress', join(work, 'progress.json')], { ...env, KEEPER_PREP_HOME: join(work, `fresh-${target++}`) })));
  rows.push(['keeper-prep import-progress (10,000 reviews, fresh directory)', merge, '']);

  spawnSync(node, [join(work, 'inproc.mjs'), 'prepare', join(work, 'scale')], { stdio: 'inherit' });
  const inproc = spawnSync(node, [join(work, 'inproc.mjs'), 'scale', join(work, 'scale')], { encoding: 'utf8' });
  if (inproc.status !== 0) throw new Error(inproc.stderr);
  // Memory in a fresh process, after the timing process has rebuilt no snapshot for it.
  rmSync(join(work, 'scale', 'progress', 'cards.json'), { force: true });
  const memory = spawnSync(node, [join(work, 'inproc.mjs'), 'memory', join(work, 'scale')], { encoding: 'utf8' });
  if (memory.status !== 0) throw new Error(memory.stderr);
  const scale = { ...JSON.parse(inproc.stdout), ...JSON.parse(memory.stdout) };

  console.log(`keeper-prep bench: medians of ${RUNS} runs after ${WARMUP} warm-ups, Node ${process.version}\n`);
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('Start-up (whole process)');
  for (const [name, ms, note] of rows) console.log(`  ${name.padEnd(width)}  ${ms.toFixed(1).padStart(7)} ms  ${note}`);
  console.log('\nScale (in process)');
  const targets = { 'record one rating': 5, 'load and validate': 100, 'build search index': 100, 'one search': 100, 'peak memory': 150 };
  const sWidth = Math.max(...Object.keys(scale).map((k) => k.length));
  for (const [name, value] of Object.entries(scale)) {
    const target = Object.entries(targets).find(([k]) => name.includes(k));
    console.log(`  ${name.padEnd(sWidth)}  ${value.toFixed(2).padStart(8)}${target ? `  (target < ${target[1]})` : ''}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
