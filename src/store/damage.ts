// Damaged files in the data directory: kept aside under a name of their own (never deleted), and
// the entries still readable in a damaged JSONL file picked out of it, so repairing a file never
// means discarding what it still holds.
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import type { NoticeSink } from './notices.js';
import { writeTextFileAtomic } from './text-file.js';

/** `<file>.damaged-<now>`, or with a counter when a copy of that moment is already there. */
export function asideName(path: string, now: number): string {
  let aside = `${path}.damaged-${now}`;
  for (let n = 2; existsSync(aside); n++) aside = `${path}.damaged-${now}-${n}`;
  return aside;
}

/** Moves the file (or a directory where a file belongs) aside; returns where it went. */
export function moveAside(path: string, now: number): string {
  const aside = asideName(path, now);
  renameSync(path, aside);
  return aside;
}

/** Copies the file aside and leaves it in place; returns the copy's path. */
export function copyAside(path: string, now: number): string {
  const aside = asideName(path, now);
  copyFileSync(path, aside);
  return aside;
}

const ENTRY_START = '{"v":';
/** Parse attempts per entry start: bounds the work a pathological line can cause. */
const MAX_TRIES = 64;

/**
 * The entries hidden in a line that does not parse whole: junk before or after an entry, two
 * entries glued together when a newline was lost, a torn entry followed by a whole one. Every
 * line this app writes starts with `{"v":`, so each occurrence is a candidate start, and each `}`
 * after it a candidate end.
 */
export function salvageLine<T>(line: string, parse: (text: string) => T | null): T[] {
  const found: T[] = [];
  let start = line.indexOf(ENTRY_START);
  while (start >= 0) {
    const next = line.indexOf(ENTRY_START, start + 1);
    const limit = next < 0 ? line.length : next;
    // The shortest candidate that parses: junk after an entry is left out.
    let end = line.indexOf('}', start);
    for (let tries = 0; end >= 0 && end < limit && tries < MAX_TRIES; tries++) {
      const entry = parse(line.slice(start, end + 1));
      if (entry) {
        found.push(entry);
        break;
      }
      end = line.indexOf('}', end + 1);
    }
    start = next;
  }
  return found;
}

/**
 * A JSONL file's text read line by line: the entries of whole lines, those salvaged from damaged
 * lines, and how many lines were damaged. A last line without its newline counts as damaged too
 * (the file was cut, or a write was torn), but its entry is kept when it is whole.
 */
export function readJsonl<T>(text: string, parse: (line: string) => T | null): { entries: T[]; damaged: number; salvaged: number } {
  const entries: T[] = [];
  let damaged = 0;
  let salvaged = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const entry = parse(line);
    if (entry) {
      entries.push(entry);
      continue;
    }
    damaged++;
    const rescued = salvageLine(line, parse);
    salvaged += rescued.length;
    entries.push(...rescued);
  }
  return { entries, damaged, salvaged };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The JSON value in `text` if it has the shape `is` checks, else null (damaged or foreign). */
export function parseAs<T>(is: (value: unknown) => value is T): (text: string) => T | null {
  return (text) => {
    try {
      const value: unknown = JSON.parse(text);
      return is(value) ? value : null;
    } catch {
      return null;
    }
  };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** How a JSONL log of the user's work is named in the notices its repair gives. */
export interface LogNames {
  /** "mock attempts log", "culture rounds log". */
  log: string;
  file: string;
  /** "attempt", "round". */
  entry: string;
}

/**
 * Checks a log of the user's work on opening: a folder where it should be is moved aside; a log
 * with damaged lines is copied aside and rewritten with every entry still readable in it (whole
 * lines, and entries picked out of damaged ones), so it is repaired once, not on every start.
 * Returns the log's text when it needed no repair, for checks of the caller's own.
 */
export function repairLog<T>(path: string, parse: (line: string) => T | null, names: LogNames, now: number, notices: NoticeSink): string | null {
  if (!existsSync(path)) return null;
  if (isDirectory(path)) {
    const aside = moveAside(path, now);
    notices.push(`Your ${names.log} (${names.file}) was a folder; it was moved to ${aside} and a new log started.`);
    return null;
  }
  const text = readFileSync(path, 'utf8');
  const { entries, damaged, salvaged } = readJsonl(text, parse);
  if (damaged === 0) return text;
  // Nothing readable left: the file is moved aside whole rather than left empty.
  const copy = entries.length === 0 ? moveAside(path, now) : copyAside(path, now);
  if (entries.length > 0) writeTextFileAtomic(path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const rescued = salvaged > 0 ? ` (${salvaged} of them recovered from the damaged lines)` : '';
  notices.push(`${plural(damaged, 'damaged line')} in your ${names.log} (${names.file}); ${plural(entries.length, names.entry)} kept${rescued}. The log as it was is at ${copy}.`);
  return null;
}

