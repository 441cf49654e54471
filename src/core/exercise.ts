// Hands-on exercises (SQL run against a deck's dataset, code run against the card's tests): the
// shapes shared by the runners (store/exercise-*), the grading rule, the command line and the
// exercise screen. Pure: running happens in the store, behind ExerciseService.
import type { Rating } from './scheduler.js';
import type { StudyItem } from './queue.js';
import type { Deck } from './deck.js';
import { deckFacts } from './deck-facts.js';

/** A value of an SQL result cell, as sql.js returns it. */
export type SqlCell = number | string | Uint8Array | null;

export interface ResultSet {
  columns: string[];
  rows: SqlCell[][];
  /** The query returned more rows than are kept (MAX_RESULT_ROWS); `rows` holds the first ones. */
  truncated: boolean;
}

/** A time limit as the runners say it: "3 s", "2.5 s". */
export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** "1 row", "1,000 rows": every count of rows the exercises say, in one form. */
export function rowCount(n: number): string {
  return `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
}

/** Rows kept of one result: a million-row answer is cut with a note, never drawn whole. */
export const MAX_RESULT_ROWS = 1000;

export type SqlRun =
  | { ok: true; result: ResultSet; ms: number }
  | {
      ok: false;
      /** One line, as SQLite says it ("near \"FORM\": syntax error"), or why the run was stopped. */
      error: string;
      timedOut: boolean;
      /** Where in the user's text the error is, when it can be told. */
      position?: { line: number; column: number } | undefined;
      ms: number;
    };

export interface CodeRun {
  passed: boolean;
  timedOut: boolean;
  exitCode: number | null;
  /** Standard output and error together, cut to a bounded size, control bytes not yet removed. */
  output: string;
  /** The failing assertion or exception line, when the output names one. */
  failure: string | null;
  ms: number;
}

export type ExerciseRun = { type: 'sql'; run: SqlRun } | { type: 'code'; run: CodeRun };

/** How the user's SQL result differs from the solution's. */
export interface Comparison {
  equal: boolean;
  /** One line on why they differ ("3 columns, the solution has 2"), null when equal. */
  reason: string | null;
  /** Rows the solution has and the answer lacks, and the other way round (the first few of each). */
  missing: SqlCell[][];
  extra: SqlCell[][];
  /** How many rows differ in all, of which `missing` and `extra` list the first. */
  missingCount: number;
  extraCount: number;
  /** The solution's column names, to head its missing rows (the answer's names may differ). */
  expectedColumns: string[];
}

export interface ExerciseCheck {
  passed: boolean;
  run: ExerciseRun;
  /** For SQL: the comparison with the solution's rows (absent when the query failed). */
  comparison?: Comparison | undefined;
  /** One line for the screen and the command line: "Right: same 12 rows as the solution." */
  summary: string;
}

/** A table of a dataset as the editor shows it: columns and a few sample rows. */
export interface TablePreview {
  name: string;
  columns: { name: string; type: string }[];
  sample: SqlCell[][];
  rowCount: number;
}

/** What the exercise screen (and the command line) asks of the store. */
export interface ExerciseService {
  /** Runs an answer: SQL on a fresh copy of the card's dataset, code with the card's tests. Never rejects. */
  run(item: StudyItem, answer: string): Promise<ExerciseRun>;
  /** Runs the answer and grades it against the card's solution. Never rejects. */
  check(item: StudyItem, answer: string): Promise<ExerciseCheck>;
  /** The tables of an SQL card's dataset, for the editor's side panel. */
  preview(item: StudyItem): Promise<TablePreview[]>;
  /**
   * The user's last attempt at this card, offered when it comes back to carry on with; null when
   * none, or when it was submitted right: then the exercise is to write it again, not resubmit it.
   */
  lastAttempt(key: string): string | null;
  /** Keeps the attempt, `passed` when it was submitted and right (false when the disk refused it). */
  saveAttempt(key: string, answer: string, passed?: boolean): boolean;
  /** Why code exercises cannot run here (no python3), or null when they can. */
  unavailable(item: StudyItem): string | null;
}

/** How an exercise went, for its rating. */
export interface ExerciseOutcome {
  passed: boolean;
  gaveUp: boolean;
  hintsUsed: number;
  /** Submits that failed before this one. */
  failedSubmits: number;
}

/**
 * Right on the first submit with no hint is Good; right after hints or failed submits is Hard;
 * given up (or never right) is Again. Runs do not count: only submits do.
 */
export function exerciseRating(outcome: ExerciseOutcome): Rating {
  if (outcome.gaveUp || !outcome.passed) return 1;
  return outcome.hintsUsed === 0 && outcome.failedSubmits === 0 ? 3 : 2;
}

// Kept per deck object: queues are cached by deck identity (core/queue.ts), so the same deck must
// come out as the same object every time.
const withoutCode = new WeakMap<Deck, Deck>();

/**
 * The decks without their code exercises when code cannot run here (no python3): those cards are
 * left out of every queue, count and practice set, rather than shown only to fail.
 */
export function runnableDecks(decks: readonly Deck[], canRunCode: boolean): Deck[] {
  if (canRunCode) return [...decks];
  return decks.map((deck) => {
    let kept = withoutCode.get(deck);
    if (!kept) {
      const cards = deck.cards.filter((card) => card.type !== 'code');
      kept = cards.length === deck.cards.length ? deck : { ...deck, cards };
      withoutCode.set(deck, kept);
    }
    return kept;
  });
}

/** Code exercises in the decks: what is left out when python3 is missing. */
export function codeExerciseCount(decks: readonly Deck[]): number {
  // From the facts: every start asks this of every loaded deck, and a large one's cards load only when used.
  return decks.reduce((n, deck) => n + deckFacts(deck).kinds.code, 0);
}
