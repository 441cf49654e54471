// Cram answers on disk: an append-only JSONL log beside the review log, each line synced before
// the next card shows, so a closed terminal loses no answer and the schedule never sees them.
import { closeSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { appendWhole, openForAppend, type WriteContext } from './safe-write.js';
import { parseCramLine, type CramEntry } from '../core/cram.js';

export const CRAM_FILE = 'cram.jsonl';

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
    const full: CramEntry = { v: 1, t: 'cram', id: `${entry.at.toString(36)}-${randomBytes(4).toString('hex')}`, ...entry };
    this.append(full, { what: 'your practice answer', kept: 'nothing was lost before it', inDataDir: true });
    return full;
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
    return text.split('\n').flatMap((line) => {
      const entry = line.trim() ? parseCramLine(line) : null;
      return entry ? [entry] : [];
    });
  }
}
