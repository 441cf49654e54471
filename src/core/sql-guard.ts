// What is checked in the user's SQL text before it runs, and where in it an error is. sql.js has
// no real filesystem, but the exercise promises "in-memory only" by construction: a statement that
// would reach for files or extensions is refused here, before SQLite sees it.

interface Word {
  text: string;
  at: number;
}

/**
 * The bare words of the text, with their offsets: string literals, quoted identifiers and comments
 * are skipped, so a column named "attach" or a comment saying readfile() is not refused.
 */
export function sqlWords(sql: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      let j = i + 1;
      // A doubled quote is an escaped one, inside the same literal.
      while (j < sql.length && (sql[j] !== close || (close !== ']' && sql[j + 1] === close && ++j))) j++;
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      words.push({ text: sql.slice(i, j), at: i });
      i = j;
    } else i++;
  }
  return words;
}

/** Statements that would open another database file. */
const REFUSED_WORDS = new Set(['attach', 'detach']);
/** Functions of SQLite's shell and extensions that read or write files, or load code. */
const REFUSED_FUNCTIONS = new Set(['load_extension', 'readfile', 'writefile', 'fsdir', 'edit']);

/** Why the text is not run (one line), or null when it may be. */
export function sqlRefusal(sql: string): string | null {
  for (const word of sqlWords(sql)) {
    const lower = word.text.toLowerCase();
    if (REFUSED_WORDS.has(lower)) return `${word.text.toUpperCase()} is not allowed: exercises run only on an in-memory copy of the dataset, never on other database files`;
    if (REFUSED_FUNCTIONS.has(lower) && /^\s*\(/.test(sql.slice(word.at + word.text.length))) return `${lower}() is not allowed: exercises run only on an in-memory copy of the dataset, with no file access or extensions`;
  }
  return null;
}

/** Line and column (both from 1) of an offset in the text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The token an SQLite error message names, when it names one. */
function namedToken(message: string): string | null {
  const near = /near "([^"]*)"/.exec(message) ?? /unrecognized token: "([^"]*)"/.exec(message);
  if (near) return near[1]!;
  const missing = /no such (?:column|table|function): ([^\s,]+)/.exec(message) ?? /ambiguous column name: ([^\s,]+)/.exec(message);
  return missing ? missing[1]! : null;
}

/**
 * Where an error is in the user's text: the token SQLite names, looked for from the start of the
 * statement that failed (`from`), or the end of the text for incomplete input. Undefined when it
 * cannot be told.
 */
export function errorPosition(sql: string, from: number, message: string): { line: number; column: number } | undefined {
  if (/incomplete input/.test(message)) return lineColumn(sql, sql.trimEnd().length);
  const token = namedToken(message);
  if (!token) return undefined;
  const lower = sql.toLowerCase();
  for (const candidate of [token, token.slice(token.lastIndexOf('.') + 1)]) {
    if (!candidate) continue;
    const at = lower.indexOf(candidate.toLowerCase(), Math.max(0, from));
    if (at >= 0) return lineColumn(sql, at);
  }
  return undefined;
}
