// Runs a code exercise the way deck authors are promised: in a fresh temporary directory the
// user's code is solution.py and the card's tests test_solution.py, then `python3
// test_solution.py` runs there with no input; it passes when it exits 0 within the time. The
// process gets its own group so a program that forks is stopped whole at the time limit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childProcess } from './lazy-builtins.js';
import { seconds, type CodeRun } from '../core/exercise.js';

/** Output kept of one run: tests print a little; a runaway print loop must not fill memory. */
export const MAX_OUTPUT_BYTES = 64 * 1024;

export interface CodeRunRequest {
  python: string;
  code: string;
  tests: string;
  timeoutMs: number;
  /** The environment python3 was found in, which it runs in (process.env when not given). */
  env?: NodeJS.ProcessEnv | undefined;
}

/** The traceback's last exception line, with the failing source line for a bare AssertionError. */
export function failureLine(output: string): string | null {
  const lines = output.split('\n').map((line) => line.trimEnd());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const match = /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)|AssertionError)(?::\s*(.*))?$/.exec(line);
    if (!match) continue;
    const frame = lines.slice(0, i).reverse().find((l) => /^\s*File ".*", line \d+/.test(l));
    const where = frame ? /File "(?:.*\/)?([^/"]+)", line (\d+)/.exec(frame) : null;
    const at = where ? ` (${where[1]} line ${where[2]})` : '';
    if (match[2] || match[1] !== 'AssertionError') return `${line}${at}`;
    // "AssertionError" alone: the assert statement itself says what was expected.
    const source = lines.slice(0, i).reverse().find((l) => /^\s{2,}\S/.test(l) && !/^\s*File "/.test(l) && !/^\s*\^+\s*$/.test(l));
    return source ? `${line}: ${source.trim()}${at}` : `${line}${at}`;
  }
  return null;
}

export function runCode(request: CodeRunRequest): Promise<CodeRun> {
  let dir = '';
  const started = performance.now();
  try {
    // Inside the try: a full or read-only temporary directory is a failed run said in one line, not a throw.
    dir = mkdtempSync(join(tmpdir(), 'keeper-prep-run-'));
    writeFileSync(join(dir, 'solution.py'), request.code);
    writeFileSync(join(dir, 'test_solution.py'), request.tests);
  } catch (error) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return Promise.resolve({ passed: false, timedOut: false, exitCode: null, output: '', failure: `the code could not be written to a temporary directory: ${(error as Error).message}`, ms: 0 });
  }
  return new Promise<CodeRun>((resolvePromise) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let cut = false;
    let timedOut = false;
    const child = childProcess().spawn(request.python, ['test_solution.py'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      // No .pyc files left behind, and the same text encoding whatever the user's locale.
      env: { ...(request.env ?? process.env), PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1' },
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone, or no process groups here (Windows): the process itself, then.
        child.kill('SIGKILL');
      }
    };
    const take = (chunk: Buffer) => {
      if (kept >= MAX_OUTPUT_BYTES) {
        cut = true;
        return;
      }
      const part = chunk.subarray(0, MAX_OUTPUT_BYTES - kept);
      cut ||= part.length < chunk.length;
      chunks.push(part);
      kept += part.length;
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, request.timeoutMs);
    let spawnError: Error | null = null;
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // Anything the tests started in the background goes with them.
      killGroup();
      rmSync(dir, { recursive: true, force: true });
      const output = `${Buffer.concat(chunks).toString('utf8').replaceAll(`${dir}/`, '')}${cut ? '\n… (output cut)' : ''}`;
      const passed = !timedOut && !spawnError && code === 0;
      const failure = passed
        ? null
        : timedOut
          ? `stopped after ${seconds(request.timeoutMs)}: the code ran past its time limit (an endless loop?)`
          : spawnError
            ? `${request.python} could not be started: ${(spawnError as Error).message}`
            : (failureLine(output) ?? `the tests exited with status ${code ?? 'unknown'}`);
      resolvePromise({ passed, timedOut, exitCode: code, output, failure, ms: performance.now() - started });
    });
  });
}
