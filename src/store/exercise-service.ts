// The exercise screen's and the command line's one way to run, grade and keep exercises
// (ExerciseService in core/exercise.ts). The runners are imported on first use, so opening the
// app or a data command never loads sql.js or starts a worker.
import { crypto } from './lazy-builtins.js';
import { compareResults } from '../core/exercise-compare.js';
import { sqlWords } from '../core/sql-guard.js';
import { rowCount, type CodeRun, type ExerciseCheck, type ExerciseRun, type ExerciseService, type SqlRun, type TablePreview } from '../core/exercise.js';
import { EXERCISE_TIMEOUT_MS, type Deck, type ExerciseCard } from '../core/deck.js';
import type { StudyItem } from '../core/queue.js';
import type { ExerciseAttemptStore } from './exercise-attempts.js';
import { findPython, NO_PYTHON } from './python.js';
import type { SqlRunner, SqlRunnerPaths } from './sql-run.js';

export interface ExerciseServiceOptions {
  /** Every loaded deck, where an SQL card's dataset is found (already inline: store/deck-datasets.ts). */
  decks: () => readonly Deck[];
  attempts: ExerciseAttemptStore;
  paths: SqlRunnerPaths;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** The SQL time limit; tests shorten it. */
  sqlTimeoutMs?: number;
}

/** The service, and `close` for whoever made it: ends the warm SQL worker. */
export interface ExerciseRunner extends ExerciseService {
  close(): void;
}

function sqlFailure(error: string): SqlRun {
  return { ok: false, error, timedOut: false, ms: 0 };
}

function codeFailure(failure: string): CodeRun {
  return { passed: false, timedOut: false, exitCode: null, output: '', failure, ms: 0 };
}

/** A run that could not happen, as the card's own kind of run, so the screen draws it as one. */
function failedRun(item: StudyItem, error: unknown): ExerciseRun {
  return item.card.type === 'sql' ? { type: 'sql', run: sqlFailure(String(error)) } : { type: 'code', run: codeFailure(String(error)) };
}

export function createExerciseService(options: ExerciseServiceOptions): ExerciseRunner {
  const env = options.env ?? process.env;
  let runner: Promise<SqlRunner> | null = null;
  const sqlRunner = (): Promise<SqlRunner> =>
    (runner ??= import('./sql-run.js').then(({ SqlRunner, SQL_TIMEOUT_MS }) => new SqlRunner(options.paths, options.sqlTimeoutMs ?? SQL_TIMEOUT_MS)));
  /** The solution's rows per card, keyed by what they depend on: a solution runs once per process. */
  const solutions = new Map<string, Promise<SqlRun>>();

  const datasetOf = (item: StudyItem, card: Extract<ExerciseCard, { type: 'sql' }>): string | null => {
    const deck = options.decks().find((d) => d.id === item.deckId);
    const sql = deck?.datasets?.[card.dataset];
    return typeof sql === 'string' ? sql : null;
  };

  const runSql = async (item: StudyItem, card: Extract<ExerciseCard, { type: 'sql' }>, query: string): Promise<SqlRun> => {
    const dataset = datasetOf(item, card);
    if (dataset === null) return sqlFailure(`the dataset "${card.dataset}" of this exercise is not loaded`);
    try {
      return await (await sqlRunner()).run(dataset, query);
    } catch (error) {
      return sqlFailure(`SQLite could not be started: ${(error as Error).message}`);
    }
  };

  const run = async (item: StudyItem, answer: string): Promise<ExerciseRun> => {
    const card = item.card;
    if (card.type === 'sql') return { type: 'sql', run: await runSql(item, card, answer) };
    if (card.type !== 'code') return { type: 'code', run: codeFailure('this card is not an exercise') };
    const python = findPython(env);
    if (!python) return { type: 'code', run: codeFailure(NO_PYTHON) };
    const { runCode } = await import('./code-run.js');
    return { type: 'code', run: await runCode({ python, code: answer, tests: card.tests, timeoutMs: card.timeoutMs ?? EXERCISE_TIMEOUT_MS, env }) };
  };

  const solutionRun = (item: StudyItem, card: Extract<ExerciseCard, { type: 'sql' }>): Promise<SqlRun> => {
    const key = crypto().createHash('sha256').update(JSON.stringify([item.key, card.solution, datasetOf(item, card)])).digest('hex');
    let held = solutions.get(key);
    if (!held) {
      held = runSql(item, card, card.solution);
      solutions.set(key, held);
    }
    return held;
  };

  const check = async (item: StudyItem, answer: string): Promise<ExerciseCheck> => {
    const card = item.card;
    if (card.type !== 'sql') {
      const result = await run(item, answer);
      const codeRun = result.type === 'code' ? result.run : codeFailure('this card is not an exercise');
      const summary = codeRun.passed ? 'Right: all the tests pass.' : `Not yet: ${codeRun.failure ?? 'the tests failed'}`;
      return { passed: codeRun.passed, run: result, summary };
    }
    const [mine, theirs] = [await runSql(item, card, answer), await solutionRun(item, card)];
    const result: ExerciseRun = { type: 'sql', run: mine };
    if (!mine.ok) return { passed: false, run: result, summary: mine.timedOut ? `Not yet: ${mine.error}` : `Not yet: the query failed: ${mine.error}` };
    if (!theirs.ok) {
      solutions.clear();
      return { passed: false, run: result, summary: `The exercise's own solution does not run (${theirs.error}); the deck needs fixing` };
    }
    const comparison = compareResults(theirs.result, mine.result, card.ordered ?? false);
    const summary = comparison.equal ? `Right: the same ${rowCount(theirs.result.rows.length)} as the solution.` : `Not yet: ${comparison.reason ?? 'the rows differ'}.`;
    return { passed: comparison.equal, run: result, comparison, summary };
  };

  return {
    run: (item, answer) => run(item, answer).catch((error: unknown) => failedRun(item, error)),
    check: (item, answer) => check(item, answer).catch((error: unknown) => ({ passed: false, run: failedRun(item, error), summary: `The check could not run: ${String(error)}` })),
    async preview(item): Promise<TablePreview[]> {
      if (item.card.type !== 'sql') return [];
      const dataset = datasetOf(item, item.card);
      if (dataset === null) return [];
      try {
        // The tables the exercise is about first: a dataset has a dozen, a task uses two or three.
        const named = new Set(sqlWords(item.card.solution).map((w) => w.text.toLowerCase()));
        const used = (t: TablePreview) => (named.has(t.name.toLowerCase()) ? 0 : 1);
        return (await (await sqlRunner()).preview(dataset)).sort((a, b) => used(a) - used(b));
      } catch {
        // The run says what is wrong with the dataset; the side panel is then empty.
        return [];
      }
    },
    lastAttempt: (key) => (options.attempts.passed(key) ? null : options.attempts.last(key)),
    saveAttempt(key, answer, passed = false) {
      try {
        options.attempts.save(key, answer, options.now?.() ?? Date.now(), passed);
        return true;
      } catch {
        return false;
      }
    },
    unavailable: (item) => (item.card.type === 'code' && !findPython(env) ? NO_PYTHON : null),
    close() {
      void runner?.then((r) => r.close());
      runner = null;
    },
  };
}

