// Cram answers on disk: an append-only JSONL log beside the review log, each line synced before
// the next card shows, so a closed terminal loses no answer and the schedule never sees them.
import { closeSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseCramLine, type CramEntry } from '../core/cram.js';

export const CRAM_FILE = 'cram.jsonl';

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

  /** Appends whole entries (an import's) with one write and one fdatasync; nothing is appended for none. */
  appendMany(entries: readonly CramEntry[]): void {
    if (entries.length === 0) return;
    const fd = openSync(this.path, 'a');
    try {
      // The leading newline keeps the first entry off a torn last line, as append does.
      const text = Buffer.from(`\n${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`);
      for (let written = 0; written < text.length; ) written += writeSync(fd, text, written);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
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
    return text.split('\n').flatMap((line) => {
      const entry = line.trim() ? parseCramLine(line) : null;
      return entry ? [entry] : [];
    });
  }
}
