// Cram answers on disk: an append-only JSONL log beside the review log, each line synced before
// the next card shows, so a closed terminal loses no answer and the schedule never sees them.
import { closeSync, existsSync, readFileSync, statSync } from 'node:fs';
import { crypto } from './lazy-builtins.js';
import { join } from 'node:path';
import { appendWhole, openForAppend, type WriteContext } from './safe-write.js';
import { parseCramLine, type CramEntry } from '../core/cram.js';
import { copyAside, moveAside, plural, readJsonl } from './damage.js';
import type { NoticeSink } from './notices.js';
import { writeTextFileAtomic } from './text-file.js';

export const CRAM_FILE = 'cram.jsonl';

/**
 * At start: a damaged cram log is copied aside and rewritten with every answer still readable in
 * it, so the damage is reported and repaired once.
 */
export function checkCramLog(dir: string, now: number, notices: NoticeSink): void {
  const path = join(dir, CRAM_FILE);
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    const aside = moveAside(path, now);
    notices.push(`Your cram answers log (${CRAM_FILE}) was a folder; it was moved to ${aside} and a new log started.`);
    return;
  }
  const text = readFileSync(path, 'utf8');
  if (text.length === 0) {
    // The log is created by its first answer, so an empty one was emptied (a sync tool, a restore).
    const aside = moveAside(path, now);
    notices.push(`Your cram answers log (${CRAM_FILE}) was empty, though it only exists once an answer is saved: it may have been emptied by a sync tool or a restore. It was moved to ${aside}; a backup of ${CRAM_FILE} would bring your answers back.`);
    return;
  }
  const { entries, damaged, salvaged } = readJsonl(text, parseCramLine);
  if (damaged === 0) return;
  // Nothing readable left: the file is moved aside whole rather than left empty.
  const copy = entries.length === 0 ? moveAside(path, now) : copyAside(path, now);
  if (entries.length > 0) writeTextFileAtomic(path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const answers = entries.filter((e) => e.t === 'cram').length;
  const rescued = salvaged > 0 ? ` (${salvaged} recovered from the damaged lines)` : '';
  notices.push(`${plural(damaged, 'damaged line')} in your cram answers log (${CRAM_FILE}); ${plural(answers, 'answer')} kept${rescued}. The log as it was is at ${copy}.`);
}

export class CramLog {
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, CRAM_FILE);
  }

  /** One line, whole or not at all (a failed write is taken back, see safe-write). */
  private append(entry: CramEntry, context: WriteContext): void {
    const fd = openForAppend(this.path, context);
    try {
      // A torn last line from a crash stays a line of its own, skipped when read.
      appendWhole(fd, this.path, Buffer.from(`\n${JSON.stringify(entry)}\n`), context);
    } finally {
      closeSync(fd);
    }
  }

  record(entry: Omit<CramEntry, 'v' | 't' | 'id'>): CramEntry {
    const full: CramEntry = { v: 1, t: 'cram', id: `${entry.at.toString(36)}-${crypto().randomBytes(4).toString('hex')}`, ...entry };
    this.append(full, { what: 'your practice answer', kept: 'nothing was lost before it', inDataDir: true });
    return full;
  }

  /** Appends whole entries (an import's) with one write and one fdatasync; nothing is appended for none. */
  appendMany(entries: readonly CramEntry[]): void {
    if (entries.length === 0) return;
    const context: WriteContext = { what: `${entries.length} imported practice answers`, kept: 'none of them were written, and what was there before is kept', inDataDir: true };
    const fd = openForAppend(this.path, context);
    try {
      // The leading newline keeps the first entry off a torn last line, as append does.
      appendWhole(fd, this.path, Buffer.from(`\n${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`), context);
    } finally {
      closeSync(fd);
    }
  }

  undo(id: string, key: string, at: number): void {
    this.append({ v: 1, t: 'undo', id, key, at }, { what: 'the undo', kept: 'the answer still counts, and nothing before it was lost', inDataDir: true });
  }

  entries(): CramEntry[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    return readJsonl(text, parseCramLine).entries;
  }
}
