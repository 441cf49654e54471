// A multi-line editor's state and every edit to it (the exercise editor), pure so bursts of keys
// and pastes are tested without a terminal. The one-line field's counterpart is text-edit.ts.
import type { Key } from 'ink';

export interface CodeState {
  lines: readonly string[];
  /** Line of the cursor (0-based). */
  row: number;
  /** Code-point index in that line the next character goes before. */
  col: number;
  /**
   * The column up and down aim for: moving through a short line and on keeps the column the
   * user was at, as every editor does. Null: the cursor's own column.
   */
  goal: number | null;
}

/** Spaces a Tab inserts, and a Backspace in leading blanks removes. */
export const INDENT = 4;
/** The most text an answer may hold: a paste of a whole file is cut here, never a frozen screen. */
export const MAX_CODE_CHARS = 100_000;

export function codeState(text: string): CodeState {
  const lines = normalise(text).split('\n');
  return { lines, row: lines.length - 1, col: [...lines[lines.length - 1]!].length, goal: null };
}

export function codeText(state: CodeState): string {
  return state.lines.join('\n');
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/g;

/** Line ends as \n, tabs as spaces, no other control characters. */
function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '.repeat(INDENT)).replace(CONTROL, '');
}

function chars(line: string): string[] {
  return [...line];
}

function lengthOf(line: string): number {
  return chars(line).length;
}

function leadingBlanks(line: string): number {
  return /^ */.exec(line)![0].length;
}

function totalChars(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + line.length, 0) + lines.length - 1;
}

/** Puts `text` at the cursor: its lines split the cursor's line, the cursor ends after it. */
function insert(state: CodeState, text: string): CodeState {
  const room = MAX_CODE_CHARS - totalChars(state.lines);
  if (room <= 0) return state;
  const pieces = [...text].slice(0, room).join('').split('\n');
  const line = chars(state.lines[state.row]!);
  const before = line.slice(0, state.col).join('');
  const after = line.slice(state.col).join('');
  const last = pieces[pieces.length - 1]!;
  const added = pieces.length === 1 ? [before + last + after] : [before + pieces[0]!, ...pieces.slice(1, -1), last + after];
  const lines = [...state.lines.slice(0, state.row), ...added, ...state.lines.slice(state.row + 1)];
  const row = state.row + pieces.length - 1;
  const col = (pieces.length === 1 ? state.col : 0) + lengthOf(last);
  return { lines, row, col, goal: null };
}

function replaceLine(state: CodeState, row: number, line: string, col: number): CodeState {
  const lines = [...state.lines];
  lines[row] = line;
  return { lines, row, col, goal: null };
}

function backspace(state: CodeState): CodeState {
  const { row, col } = state;
  if (col === 0) {
    if (row === 0) return state;
    const above = state.lines[row - 1]!;
    const lines = [...state.lines.slice(0, row - 1), above + state.lines[row]!, ...state.lines.slice(row + 1)];
    return { lines, row: row - 1, col: lengthOf(above), goal: null };
  }
  const line = chars(state.lines[row]!);
  // In the leading blanks, back to the indent step before, as a Tab put them there.
  const blanksOnly = line.slice(0, col).every((c) => c === ' ');
  const remove = blanksOnly ? col - Math.floor((col - 1) / INDENT) * INDENT : 1;
  line.splice(col - remove, remove);
  return replaceLine(state, row, line.join(''), col - remove);
}

function deleteForward(state: CodeState): CodeState {
  const { row, col } = state;
  const line = chars(state.lines[row]!);
  if (col < line.length) {
    line.splice(col, 1);
    return replaceLine(state, row, line.join(''), col);
  }
  if (row === state.lines.length - 1) return state;
  const lines = [...state.lines.slice(0, row), state.lines[row]! + state.lines[row + 1]!, ...state.lines.slice(row + 2)];
  return { lines, row, col, goal: null };
}

/** Up or down by `by` lines, aiming for the goal column. */
function vertical(state: CodeState, by: number): CodeState {
  const goal = state.goal ?? state.col;
  const row = Math.max(0, Math.min(state.lines.length - 1, state.row + by));
  if (row === state.row) return { ...state, col: by < 0 ? 0 : lengthOf(state.lines[row]!), goal: null };
  return { ...state, row, col: Math.min(goal, lengthOf(state.lines[row]!)), goal };
}

function horizontal(state: CodeState, by: -1 | 1): CodeState {
  const length = lengthOf(state.lines[state.row]!);
  if (by < 0) {
    if (state.col > 0) return { ...state, col: state.col - 1, goal: null };
    if (state.row === 0) return { ...state, goal: null };
    return { ...state, row: state.row - 1, col: lengthOf(state.lines[state.row - 1]!), goal: null };
  }
  if (state.col < length) return { ...state, col: state.col + 1, goal: null };
  if (state.row === state.lines.length - 1) return { ...state, goal: null };
  return { ...state, row: state.row + 1, col: 0, goal: null };
}

function dedent(state: CodeState): CodeState {
  const line = state.lines[state.row]!;
  const remove = Math.min(INDENT, leadingBlanks(line));
  return replaceLine(state, state.row, line.slice(remove), Math.max(0, state.col - remove));
}

export interface EditOptions {
  /** Lines PgUp and PgDn move. */
  page?: number;
}

/**
 * The editor after one key, or null when the key is not an edit (Esc and Ctrl keys the screen
 * binds, like Ctrl+R run). Text may hold several lines (a paste); control characters never enter.
 * Backspace and the Delete key arrive alike from the terminal (ink names both "delete"): both
 * erase to the left; Ctrl+D erases to the right.
 */
export function editCode(state: CodeState, input: string, key: Key, options: EditOptions = {}): CodeState | null {
  const line = state.lines[state.row]!;
  if (key.escape) return null;
  if (key.return) {
    // A pasted text brings its own indentation: it arrives whole (see useWholePaste), not as Enters.
    return insert(state, `\n${' '.repeat(Math.min(leadingBlanks(line), state.col))}`);
  }
  if (key.tab) return key.shift ? dedent(state) : insert(state, ' '.repeat(INDENT));
  if (key.upArrow) return vertical(state, -1);
  if (key.downArrow) return vertical(state, 1);
  if (key.pageUp) return vertical(state, -Math.max(1, options.page ?? 10));
  if (key.pageDown) return vertical(state, Math.max(1, options.page ?? 10));
  if (key.leftArrow) return horizontal(state, -1);
  if (key.rightArrow) return horizontal(state, 1);
  if (key.home || (key.ctrl && input === 'a')) {
    // First to the code, then to the very start: the two places a line is begun from.
    const blanks = leadingBlanks(line);
    return { ...state, col: state.col === blanks ? 0 : blanks, goal: null };
  }
  if (key.end || (key.ctrl && input === 'e')) return { ...state, col: lengthOf(line), goal: null };
  if (key.backspace || key.delete) return backspace(state);
  if (key.ctrl && input === 'd') return deleteForward(state);
  if (key.ctrl && input === 'u') return replaceLine(state, state.row, chars(line).slice(state.col).join(''), 0);
  if (key.ctrl && input === 'k') return replaceLine(state, state.row, chars(line).slice(0, state.col).join(''), state.col);
  if (key.ctrl || key.meta) return null;
  const text = normalise(input);
  if (!text) return null;
  return insert(state, text);
}

/** The first line shown, moved as little as needed to keep the cursor's line in `rows` lines. */
export function followTop(top: number, row: number, rows: number, count: number): number {
  const room = Math.max(1, rows);
  let next = Math.min(top, Math.max(0, count - room));
  if (row < next) next = row;
  if (row >= next + room) next = row - room + 1;
  return Math.max(0, next);
}

/**
 * The first column shown, moved as little as needed to keep the cursor (and a glyph for it) in
 * `width` columns; 0 whenever the cursor's line (`length` characters) fits, so a wider terminal or a
 * shorter line shows everything again. Past 0 the first column is a "…", so the cursor stays right of it.
 */
export function followLeft(left: number, col: number, width: number, length = Number.POSITIVE_INFINITY): number {
  const room = Math.max(2, width);
  if (length < room) return 0;
  let next = left;
  if (col < next) next = col;
  if (col >= next + room - 1) next = col - room + 2;
  if (room >= 3 && next > 0 && col <= next) next = col - 1;
  return Math.max(0, next);
}
