// A stand-in for the exercise runners in screen tests: answers by looking at the text, keeps
// attempts in memory, and can hold its answers back to show a run in flight.
import type { CodeRun, ExerciseCheck, ExerciseRun, ExerciseService, TablePreview } from '../../src/core/exercise.js';
import type { StudyItem } from '../../src/core/queue.js';

export interface FakeExercises extends ExerciseService {
  attempts: Map<string, string>;
  /** Answers given so far, in order, with what was asked. */
  calls: { kind: 'run' | 'check'; answer: string }[];
  /** Answers waiting while `hold` is on; release() lets them through. */
  hold: boolean;
  release(): void;
}

const TABLES: TablePreview[] = [
  {
    name: 'members',
    columns: [
      { name: 'id', type: 'INTEGER' },
      { name: 'name', type: 'TEXT' },
      { name: 'active', type: 'INTEGER' },
    ],
    sample: [
      [1, 'Ada', 1],
      [2, 'Bo', 0],
      [3, 'Cy', null],
    ],
    rowCount: 3,
  },
];

function sqlRun(answer: string): ExerciseRun {
  const form = answer.indexOf('FORM');
  if (form >= 0) return { type: 'sql', run: { ok: false, error: 'near "FORM": syntax error', timedOut: false, position: { line: 1, column: form + 1 }, ms: 1 } };
  // A long result, to page through.
  if (/FROM numbers/.test(answer)) return { type: 'sql', run: { ok: true, result: { columns: ['n'], rows: Array.from({ length: 30 }, (_, i) => [i + 1]), truncated: false }, ms: 2 } };
  const rows = /WHERE active = 1/.test(answer) ? [['Ada'], ['Cy']] : [['Ada'], ['Bo'], ['Cy']];
  return { type: 'sql', run: { ok: true, result: { columns: ['name'], rows, truncated: false }, ms: 2 } };
}

function codeRun(answer: string): ExerciseRun {
  const passed = /return a \+ b/.test(answer);
  const run: CodeRun = passed
    ? { passed, timedOut: false, exitCode: 0, output: '', failure: null, ms: 30 }
    : { passed, timedOut: false, exitCode: 1, output: 'Traceback (most recent call last):\n  File "test_solution.py", line 2\x1b[31m\nAssertionError: assert add(1, 2) == 3\n', failure: 'AssertionError: assert add(1, 2) == 3', ms: 30 };
  return { type: 'code', run };
}

export function fakeExercises(options: { unavailable?: string } = {}): FakeExercises {
  const waiting: (() => void)[] = [];
  const later = <T,>(value: T): Promise<T> => (fake.hold ? new Promise((resolve) => waiting.push(() => resolve(value))) : Promise.resolve(value));
  const runOf = (item: StudyItem, answer: string) => (item.card.type === 'sql' ? sqlRun(answer) : codeRun(answer));
  const fake: FakeExercises = {
    attempts: new Map(),
    calls: [],
    hold: false,
    release() {
      for (const go of waiting.splice(0)) go();
    },
    run(item, answer) {
      fake.calls.push({ kind: 'run', answer });
      return later(runOf(item, answer));
    },
    check(item, answer) {
      fake.calls.push({ kind: 'check', answer });
      const run = runOf(item, answer);
      let check: ExerciseCheck;
      if (run.type === 'code') check = { passed: run.run.passed, run, summary: run.run.passed ? 'Right: all tests pass.' : 'Not right: a test failed.' };
      else if (!run.run.ok) check = { passed: false, run, summary: `Not yet: the query failed: ${run.run.error}` };
      else {
        const extra = run.run.result.rows.filter((r) => r[0] === 'Bo');
        check = extra.length
          ? { passed: false, run, comparison: { equal: false, reason: null, missing: [], extra, missingCount: 0, extraCount: extra.length, expectedColumns: ['name'] }, summary: 'Not right: 3 rows, the solution has 2.' }
          : { passed: true, run, comparison: { equal: true, reason: null, missing: [], extra: [], missingCount: 0, extraCount: 0, expectedColumns: ['name'] }, summary: 'Right: same 2 rows as the solution.' };
      }
      return later(check);
    },
    preview: () => Promise.resolve(TABLES),
    lastAttempt: (key) => fake.attempts.get(key) ?? null,
    saveAttempt: (key, answer) => {
      fake.attempts.set(key, answer);
      return true;
    },
    unavailable: (item) => (item.card.type === 'code' ? (options.unavailable ?? null) : null),
  };
  return fake;
}
