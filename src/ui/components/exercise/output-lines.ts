// What a run or a submit shows, as lines cut to a width: the screen counts them before it shares
// its room between the editor and the output. Every cell, message and output line is outside text
// (a dataset, the user's program) and is made safe here.
import { MAX_RESULT_ROWS, rowCount, type CodeRun, type ExerciseCheck, type ExerciseRun, type ResultSet, type SqlCell, type SqlRun, type TablePreview } from '../../../core/exercise.js';
import { safeText } from '../../../core/safe-text.js';
import { layoutTable } from '../../table-layout.js';
import { wrapLines } from '../../wrap-lines.js';
import { wrapCode } from './wrap-code.js';

export interface Line {
  text: string;
  tone?: 'right' | 'wrong' | 'dim' | 'bold' | undefined;
  /** A table's row: its column names, kept in view when the header has scrolled away. */
  head?: string | undefined;
}

/** A cell as the table shows it: NULL as NULL (not an empty cell), a blob by its size. */
export function formatCell(cell: SqlCell): string {
  if (cell === null) return 'NULL';
  if (cell instanceof Uint8Array) return `<blob ${cell.length} bytes>`;
  if (typeof cell === 'number') return String(cell);
  return safeText(cell);
}

const GAP = 2;

/** Rows under their column names, every column cut to share the width. */
export function tableLines(columns: readonly string[], rows: readonly SqlCell[][], width: number): Line[] {
  const count = Math.max(1, columns.length, ...rows.map((r) => r.length));
  const names = Array.from({ length: count }, (_, i) => safeText(columns[i] ?? `column ${i + 1}`));
  const cap = Math.max(6, Math.floor((width - GAP * (count - 1)) / count));
  const numeric = names.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const table = layoutTable(
    names.map((header, i) => ({ header, cells: rows.map((r) => formatCell(r[i] ?? null)), cap, align: numeric[i] ? ('right' as const) : ('left' as const) })),
    width,
  );
  return [{ text: table.header, tone: 'bold' }, ...table.rows.map((text) => ({ text, head: table.header }))];
}

function resultLines(result: ResultSet, ms: number, width: number): Line[] {
  const count = result.truncated ? `the first ${MAX_RESULT_ROWS.toLocaleString('en-US')} rows of more` : rowCount(result.rows.length);
  return [{ text: `✓ Ran: ${count} (${Math.round(ms)} ms)`, tone: 'right' }, ...(result.columns.length > 0 ? tableLines(result.columns, result.rows, width) : [])];
}

/** " (the first 5)" when a difference lists fewer rows than it counts. */
function first(listed: readonly unknown[], count: number): string {
  return count > listed.length ? ` (the first ${listed.length})` : '';
}

function where(run: Extract<SqlRun, { ok: false }>): string {
  return run.position ? ` at line ${run.position.line}, column ${run.position.column}` : '';
}

/** "Stopped after 3 s: …" as the runner says it, once; in our words (and the runner's after) otherwise. */
function stopped(error: string | null, what: string, ms: number): string {
  const said = safeText(error ?? '').trim();
  if (/^stopped\b/i.test(said)) return `✗ S${said.slice(1)}`;
  return `✗ Stopped: ${what} ran past ${what === 'the query' ? 'its' : 'their'} time (${Math.round(ms)} ms)${said ? `. ${said}` : ''}`;
}

function sqlErrorLines(run: Extract<SqlRun, { ok: false }>, width: number): Line[] {
  const text = run.timedOut ? stopped(run.error, 'the query', run.ms) : `✗ Error${where(run)}: ${safeText(run.error)}`;
  return wrapLines(text, width, 2).map((t) => ({ text: t, tone: 'wrong' }));
}

/** The program's output, each line made safe and wrapped; tabs as spaces so columns count right. The failure already said above is not said again. */
function outputLines(output: string, width: number, said: string | null): Line[] {
  const lines = output.replace(/\s+$/, '').split(/\r?\n/).map((line) => safeText(line.replace(/\t/g, '    ')).replace(/\s+$/, ''));
  const failure = said === null ? null : safeText(said).trim();
  const kept = failure ? dropLast(lines, (line) => line.trim() === failure) : lines;
  if (!kept.some((line) => line.trim())) return [{ text: '(no output)', tone: 'dim' }];
  return [{ text: 'Output:', tone: 'dim' }, ...kept.flatMap((line) => wrapCode(line, width).map((text) => ({ text })))];
}

/** The lines without the last one that matches (a traceback ends in the failure). */
function dropLast(lines: readonly string[], match: (line: string) => boolean): string[] {
  for (let i = lines.length - 1; i >= 0; i--) if (match(lines[i]!)) return [...lines.slice(0, i), ...lines.slice(i + 1)];
  return [...lines];
}

function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
}

/** saidAbove: a submit's verdict, said in place of the head: the failure is not said again when it holds it. */
function codeLines(run: CodeRun, width: number, saidAbove?: string): Line[] {
  // A time-out's failure is the runner's "stopped after 3 s: …": it is the head, said once.
  const head = run.passed ? `✓ All tests pass (${Math.round(run.ms)} ms)` : run.timedOut ? stopped(run.failure, 'the tests', run.ms) : `✗ Tests failed${run.exitCode !== null ? ` (exit ${run.exitCode})` : ''}`;
  const shown = run.failure && !(saidAbove ?? head).toLowerCase().includes(run.failure.toLowerCase()) ? wrapLines(safeText(run.failure), width, 2).map((text) => ({ text, tone: 'wrong' as const })) : [];
  const headLines = wrapLines(head, width, 2).map((text) => ({ text, tone: run.passed ? ('right' as const) : ('wrong' as const) }));
  return [...(saidAbove === undefined ? headLines : []), ...shown, ...outputLines(run.output, width, run.failure)];
}

/** A run's result: the rows as a table (or the error where it is), or which tests failed and the output. */
export function runLines(run: ExerciseRun, width: number): Line[] {
  if (run.type === 'code') return codeLines(run.run, width);
  return run.run.ok ? resultLines(run.run.result, run.run.ms, width) : sqlErrorLines(run.run, width);
}

/** A submit's verdict: on a wrong answer what differs (rows missing and extra, or the failing test). */
export function checkLines(check: ExerciseCheck, width: number): Line[] {
  const summary = wrapLines(`${check.passed ? '✓' : '✗'} ${safeText(check.summary)}`, width, 2).map((text) => ({ text, tone: check.passed ? ('right' as const) : ('wrong' as const) }));
  if (check.passed) return summary;
  const { run, comparison } = check;
  if (run.type === 'code') return [...summary, ...codeLines(run.run, width, check.summary)];
  if (!run.run.ok) {
    // The verdict usually quotes the error ("Not yet: the query failed: …"): then only where it is.
    const error = run.run.error.trim();
    if (error && check.summary.includes(error)) return [...summary, ...(where(run.run) ? [{ text: `  ${where(run.run).trim()}`, tone: 'wrong' as const }] : [])];
    return [...summary, ...sqlErrorLines(run.run, width)];
  }
  if (!comparison) return summary;
  const columns = run.run.result.columns;
  // The missing rows are the solution's: under its column names (compared by position, not name).
  const theirs = comparison.expectedColumns;
  // The summary often is the reason already ("Not yet: 2 columns, the solution has 4").
  const repeated = comparison.reason !== null && check.summary.includes(comparison.reason);
  const reason = comparison.reason && !repeated ? wrapLines(safeText(comparison.reason), width).map((text) => ({ text })) : [];
  const part = (title: string, names: readonly string[], rows: SqlCell[][]): Line[] => (rows.length > 0 ? [{ text: title, tone: 'dim' }, ...tableLines(names, rows, width)] : []);
  return [
    ...summary,
    ...reason,
    ...part(`Missing: ${rowCount(comparison.missingCount)} the solution has and yours lacks${first(comparison.missing, comparison.missingCount)}`, theirs, comparison.missing),
    ...part(`Extra: ${rowCount(comparison.extraCount)} yours has and the solution lacks${first(comparison.extra, comparison.extraCount)}`, columns, comparison.extra),
  ];
}

/** A dataset's tables: each with its columns and types, its size and a few sample rows. */
export function tablePreviewLines(tables: readonly TablePreview[], width: number, samples = 3): Line[] {
  return tables.flatMap((table, i) => [
    ...(i > 0 ? [{ text: '' }] : []),
    { text: cut(`${safeText(table.name)} (${rowCount(table.rowCount)})`, width), tone: 'bold' as const },
    ...wrapLines(table.columns.map((c) => safeText(`${c.name} ${c.type}`.trim())).join(', '), width - 2).map((text) => ({ text: `  ${text}`, tone: 'dim' as const })),
    ...(samples > 0 && table.sample.length > 0 ? tableLines(table.columns.map((c) => c.name), table.sample.slice(0, samples), width - 2).map((line) => ({ ...line, text: `  ${line.text}`, ...(line.head !== undefined ? { head: `  ${line.head}` } : {}) })) : []),
  ]);
}

/** One line naming the tables, for a narrow screen where the previews do not fit beside the editor. */
export function tableSummary(tables: readonly TablePreview[]): string {
  return `Tables: ${tables.map((t) => `${safeText(t.name)} (${t.rowCount.toLocaleString('en-US')})`).join(', ')}`;
}
