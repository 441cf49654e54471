// `keeper-prep exercise --list` and `exercise check DECK/CARD FILE`: exercises from a script or an
// editor. A check exits 0 when the answer passes and 1 with the difference when it does not.
import { cardKey, isExercise, type ExerciseCard } from '../core/deck.js';
import { formatDateTime } from '../core/day.js';
import { rowCount, type ExerciseCheck, type SqlCell } from '../core/exercise.js';
import type { StudyItem } from '../core/queue.js';
import { safeJson, safeText } from '../core/safe-text.js';
import type { Workspace } from '../store/workspace.js';
import { table } from './table.js';

/** Lines of a failing program's output shown: the end, where the traceback is. */
const OUTPUT_LINES = 40;

export interface ExerciseEntry {
  key: string;
  type: 'sql' | 'code';
  title: string;
  /** When it is due, as an ISO timestamp, or "new" for one never done. */
  due: string;
}

/** The exercises of the decks the user studies (track and --deck), in deck order. */
export function exerciseEntries(ws: Workspace): ExerciseEntry[] {
  const records = ws.progress.progress.cards;
  return ws.studyDecks().flatMap((deck) =>
    deck.cards.filter(isExercise).map((card) => {
      const key = cardKey(deck.id, card.id);
      const record = records.get(key);
      return { key, type: card.type, title: card.title ?? card.prompt.split('\n')[0]!.trim(), due: record ? new Date(record.state.due).toISOString() : 'new' };
    }),
  );
}

export function exerciseListCommand(ws: Workspace, json: boolean): string {
  const entries = exerciseEntries(ws);
  if (json) return safeJson(entries);
  if (entries.length === 0) return 'No exercises in the decks you study.';
  // Dates in the one local format; the JSON keeps ISO timestamps.
  return table(['key', 'type', 'due', 'title'], entries.map((e) => [e.key, e.type, e.due === 'new' ? 'new' : formatDateTime(Date.parse(e.due)), e.title]));
}

/** The exercise named DECK/CARD in any loaded deck, or the one line saying why there is none. */
export function findExercise(ws: Workspace, key: string): (StudyItem & { card: ExerciseCard }) | string {
  const slash = key.indexOf('/');
  const shown = safeText(key);
  if (slash <= 0) return `"${shown}" is not a card key; give DECK/CARD, as \`keeper-prep exercise --list\` shows them`;
  const loaded = ws.library.decks.find((d) => d.deck.id === key.slice(0, slash))?.deck;
  const card = loaded?.cards.find((c) => c.id === key.slice(slash + 1));
  if (!loaded || !card) return `no card "${shown}"; \`keeper-prep exercise --list\` shows the exercises`;
  if (!isExercise(card)) return `${shown} is not an exercise (its type is "${card.type}"); \`keeper-prep exercise --list\` shows the exercises`;
  return { key: cardKey(loaded.id, card.id), deckId: loaded.id, deckTitle: loaded.title, card };
}

function cellText(cell: SqlCell): string {
  if (cell === null) return 'NULL';
  if (cell instanceof Uint8Array) return `x'${Buffer.from(cell.subarray(0, 16)).toString('hex')}${cell.length > 16 ? '…' : ''}'`;
  return String(cell);
}

function rowsTable(title: string, columns: readonly string[], rows: readonly SqlCell[][], count: number): string[] {
  if (rows.length === 0) return [];
  const shown = count > rows.length ? ` (the first ${rows.length})` : '';
  return [`${title}${shown}:`, ...table(columns.map((c) => safeText(c)), rows.map((row) => row.map(cellText))).split('\n').map((line) => `  ${line}`)];
}


/** The check as the command prints it: the summary, then what differs. */
export function checkText(check: ExerciseCheck): string {
  const lines = [safeText(check.summary)];
  const { run } = check;
  if (run.type === 'sql') {
    if (!run.run.ok && run.run.position) lines.push(`at line ${run.run.position.line}, column ${run.run.position.column}`);
    if (check.comparison && !check.comparison.equal) {
      const c = check.comparison;
      const yours = run.run.ok ? run.run.result.columns : c.expectedColumns;
      lines.push(...rowsTable(`Missing: ${rowCount(c.missingCount)} the solution has and yours lacks`, c.expectedColumns, c.missing, c.missingCount));
      lines.push(...rowsTable(`Extra: ${rowCount(c.extraCount)} yours has and the solution lacks`, yours, c.extra, c.extraCount));
    }
  } else if (!check.passed && run.run.output.trim()) {
    const output = run.run.output.trimEnd().split('\n');
    lines.push('Output:', ...output.slice(-OUTPUT_LINES).map((line) => `  ${safeText(line)}`));
  }
  return lines.join('\n');
}

/** Blobs as hex text: JSON has no bytes. */
function jsonRows(rows: readonly SqlCell[][]): (string | number | null)[][] {
  return rows.map((row) => row.map((cell) => (cell instanceof Uint8Array ? cellText(cell) : cell)));
}

export function checkJson(item: StudyItem, check: ExerciseCheck): string {
  const run = check.run;
  const details =
    run.type === 'sql'
      ? run.run.ok
        ? { rows: run.run.result.rows.length, truncated: run.run.result.truncated, comparison: check.comparison ? { ...check.comparison, missing: jsonRows(check.comparison.missing), extra: jsonRows(check.comparison.extra) } : null }
        : { error: run.run.error, timedOut: run.run.timedOut, position: run.run.position ?? null }
      : { failure: run.run.failure, timedOut: run.run.timedOut, exitCode: run.run.exitCode, output: run.run.output };
  return safeJson({ key: item.key, type: run.type, passed: check.passed, summary: check.summary, ...details });
}
