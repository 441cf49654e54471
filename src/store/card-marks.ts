// Suspended and flagged cards on disk: an append-only JSONL log in the data directory, one line
// per change, synced before the app shows the change, so a closed terminal loses no mark.
import { closeSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appendWhole, openForAppend, type WriteContext } from './safe-write.js';
import { cleanNote, currentMarks, markEntries, NO_MARKS, parseMarkLine, type CardMarks, type MarkEntry } from '../core/card-marks.js';
import { copyAside, moveAside, plural, readJsonl } from './damage.js';
import type { NoticeSink } from './notices.js';
import { writeTextFileAtomic } from './text-file.js';

export const MARKS_FILE = 'card-marks.jsonl';

/**
 * At start: a damaged marks log is copied aside and rewritten with the marks still readable in
 * it, so the damage is reported and repaired once.
 */
export function checkMarksLog(dir: string, now: number, notices: NoticeSink): void {
  const path = join(dir, MARKS_FILE);
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    const aside = moveAside(path, now);
    notices.push(`Your suspended and flagged cards log (${MARKS_FILE}) was a folder; it was moved to ${aside} and a new log started.`);
    return;
  }
  const { entries, damaged, salvaged } = readJsonl(readFileSync(path, 'utf8'), parseMarkLine);
  if (damaged === 0) return;
  const marks = currentMarks(entries);
  const kept = markEntries(marks);
  const copy = kept.length === 0 ? moveAside(path, now) : copyAside(path, now);
  if (kept.length > 0) writeTextFileAtomic(path, kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const rescued = salvaged > 0 ? ` (${salvaged} recovered from the damaged lines)` : '';
  notices.push(`${plural(damaged, 'damaged line')} in your suspended and flagged cards log (${MARKS_FILE}); ${plural(marks.suspended.size, 'suspended card')} and ${plural(marks.flags.size, 'flag')} kept${rescued}. The log as it was is at ${copy}.`);
}

export class CardMarkStore {
  readonly path: string;
  private cached: { size: number; mtime: number; marks: CardMarks } | null = null;

  constructor(dir: string) {
    this.path = join(dir, MARKS_FILE);
  }

  /** Every readable entry, in log order (for an export). */
  entries(): MarkEntry[] {
    try {
      return readJsonl(readFileSync(this.path, 'utf8'), parseMarkLine).entries;
    } catch {
      return [];
    }
  }

  /** The marks that stand now; re-read only when the file changed (another instance may write it). */
  current(): CardMarks {
    let stat;
    try {
      stat = statSync(this.path);
    } catch {
      return NO_MARKS;
    }
    if (this.cached && this.cached.size === stat.size && this.cached.mtime === stat.mtimeMs) return this.cached.marks;
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return NO_MARKS;
    }
    const marks = currentMarks(readJsonl(text, parseMarkLine).entries);
    this.cached = { size: stat.size, mtime: stat.mtimeMs, marks };
    return marks;
  }

  private append(entries: readonly MarkEntry[], context: WriteContext): void {
    if (entries.length === 0) return;
    const fd = openForAppend(this.path, context);
    try {
      // The leading newline keeps the entry off a torn last line left by a crash.
      appendWhole(fd, this.path, Buffer.from(`\n${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`), context);
    } finally {
      closeSync(fd);
    }
    this.cached = null;
  }

  /** Throws WriteError when the disk refuses: then nothing changed. */
  suspend(key: string, on: boolean, now: number): void {
    this.append([{ v: 1, t: on ? 'suspend' : 'unsuspend', key, at: now }], {
      what: on ? 'the suspension' : 'the unsuspension',
      kept: on ? 'the card is not suspended' : 'the card stays suspended',
      inDataDir: true,
    });
  }

  /** A note flags the card (replacing an earlier note); null clears its flag. Throws WriteError as suspend does. */
  flag(key: string, note: string | null, now: number): void {
    const entry: MarkEntry = note === null ? { v: 1, t: 'unflag', key, at: now } : { v: 1, t: 'flag', key, at: now, note: cleanNote(note) };
    this.append([entry], { what: note === null ? 'the cleared flag' : 'the flag', kept: 'the card keeps the flag it had', inDataDir: true });
  }

  /** Adds marks (an import's) in one write; nothing is written when there are none. */
  appendMany(entries: readonly MarkEntry[]): void {
    this.append(entries, { what: `${entries.length} imported card marks`, kept: 'none of them were written, and what was there before is kept', inDataDir: true });
  }
}
