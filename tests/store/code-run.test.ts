import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { failureLine, MAX_OUTPUT_BYTES, runCode } from '../../src/store/code-run.js';
import { findPython } from '../../src/store/python.js';

const python = findPython(process.env);
const TESTS = "from solution import add\n\nassert add(1, 2) == 3, 'add(1, 2) should be 3'\nassert add(-1, 1) == 0\nprint('all passed')\n";
const run = (code: string, tests = TESTS, timeoutMs = 5000) => runCode({ python: python!, code, tests, timeoutMs });
const runDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('keeper-prep-run-'));

describe.skipIf(!python)('code runner (real python3)', () => {
  it('passes when the tests exit 0, with their output, and leaves no temporary directory', async () => {
    const before = runDirs().length;
    const result = await run('def add(a, b):\n    return a + b\n');
    expect(result).toMatchObject({ passed: true, timedOut: false, exitCode: 0, failure: null });
    expect(result.output).toContain('all passed');
    expect(runDirs().length).toBeLessThanOrEqual(before);
  });

  it('fails on an assertion, naming it and where', async () => {
    const result = await run('def add(a, b):\n    return a - b\n');
    expect(result).toMatchObject({ passed: false, timedOut: false, exitCode: 1 });
    expect(result.failure).toBe('AssertionError: add(1, 2) should be 3 (test_solution.py line 3)');
    expect(result.output).not.toContain(tmpdir() + '/keeper-prep-run-');
  });

  it('quotes the assert itself when it has no message', async () => {
    const result = await run('def add(a, b):\n    return 3\n');
    expect(result.failure).toBe('AssertionError: assert add(-1, 1) == 0 (test_solution.py line 4)');
  });

  it('reports an exception raised by the user\'s code', async () => {
    const result = await run("def add(a, b):\n    return {}['missing']\n");
    expect(result).toMatchObject({ passed: false, failure: "KeyError: 'missing' (solution.py line 2)" });
  });

  it('stops an endless loop at the time limit, the whole process group', async () => {
    const started = Date.now();
    const result = await run('import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "while True: pass"])\nwhile True:\n    pass\n', TESTS, 800);
    expect(result).toMatchObject({ passed: false, timedOut: true, failure: 'stopped after 0.8 s: the code ran past its time limit (an endless loop?)' });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('reports a syntax error in the user\'s code with its line', async () => {
    const result = await run('def add(a, b)\n    return a + b\n');
    expect(result.passed).toBe(false);
    expect(result.failure).toMatch(/^SyntaxError: .* \(solution\.py line 1\)$/);
  });

  it('keeps a bounded amount of output', async () => {
    const result = await run("print('x' * 1000000)\ndef add(a, b):\n    return a + b\n");
    expect(result.passed).toBe(true);
    expect(result.output.length).toBeLessThanOrEqual(MAX_OUTPUT_BYTES + 40);
    expect(result.output).toMatch(/output cut\)$/);
  });

  it('reads no input: a program waiting on stdin ends at once', async () => {
    const result = await run('input()\n', 'import solution\n');
    expect(result).toMatchObject({ passed: false, timedOut: false, failure: expect.stringMatching(/^EOFError/) });
  });
});

describe('python detection and failures without python', () => {
  it('KEEPER_PREP_PYTHON names another interpreter; a missing one is null', () => {
    expect(findPython({ PATH: process.env.PATH, KEEPER_PREP_PYTHON: '/nonexistent/python3' })).toBeNull();
    expect(findPython({ PATH: '' })).toBeNull();
    if (python) expect(findPython({ PATH: process.env.PATH, KEEPER_PREP_PYTHON: python })).toBe(python);
  });

  it('a command that cannot be started is one failure line, not a crash', async () => {
    const result = await runCode({ python: '/nonexistent/python3', code: '', tests: '', timeoutMs: 1000 });
    expect(result).toMatchObject({ passed: false, timedOut: false });
    expect(result.failure).toMatch(/^\/nonexistent\/python3 could not be started: /);
    expect(existsSync('/nonexistent')).toBe(false);
  });

  it('a temporary directory that cannot be made (full or read-only disk) is one failure line, not a throw', async () => {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/tmp';
    try {
      const result = await runCode({ python: '/nonexistent/python3', code: 'x = 1', tests: '', timeoutMs: 1000 });
      expect(result).toMatchObject({ passed: false, timedOut: false, exitCode: null });
      expect(result.failure).toMatch(/^the code could not be written to a temporary directory: /);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  it('finds no failure line in output that has none', () => {
    expect(failureLine('all good\n')).toBeNull();
  });
});
