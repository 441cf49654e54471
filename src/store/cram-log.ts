// Cram answers on disk: an append-only JSONL log beside the review log, each line synced before
// the next card shows, so a closed terminal loses no answer and the schedule never sees them.
import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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
  const { entries, damaged, salvaged } = readJsonl(readFileSync(path, 'utf8'), parseCramLine);
  if (damaged === 0) return;
  const copy = copyAside(path, now);
  writeTextFileAtomic(path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const answers = entries.filter((e) => e.t === 'cram').length;
  const rescued = salvaged > 0 ? ` (${salvaged} recovered from the damaged lines)` : '';
  notices.push(`${plural(damaged, 'damaged line')} in your cram answers log (${CRAM_FILE}); ${plural(answers, 'answer')} kept${rescued}. A copy of the log as it was is at ${copy}.`);
}

export class CramLog {
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, CRAM_FILE);
  }

  private append(entry: CramEntry): void {
    const fd = openSync(this.path, 'a');
    try {
      // A torn last line from a crash stays a line of its own, skipped when read.
      writeSync(fd, `\n${JSON.stringify(entry)}\n`);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  record(entry: Omit<CramEntry, 'v' | 't' | 'id'>): CramEntry {
    const full: CramEntry = { v: 1, t: 'cram', id: `${entry.at.toString(36)}-${randomBytes(4).toString('hex')}`, ...entry };
    this.append(full);
    return full;
  }

  undo(id: string, key: string, at: number): void {
    this.append({ v: 1, t: 'undo', id, key, at });
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
