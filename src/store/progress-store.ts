// Review history on disk: an append-only JSONL log (the truth) and a snapshot of card records
// (a cache, rebuilt from the log whenever it is missing, stale or damaged).
//
// Every rating is appended with one write and fdatasync before the caller moves on, so killing
// the process loses nothing. Several processes may append to the same log: O_APPEND keeps each
// line whole, and each process folds in every line it finds after its own offset, so they all
// converge on the same records.
import { closeSync, copyFileSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { appendWhole, ensureDir, openForAppend, writeFileWhole, WriteError, type WriteContext } from './safe-write.js';
import { applyEntry, emptyProgress, isCardRecord, LOG_VERSION, logEntryFrom, parseLogLine, type CardRecord, type LogEntry, type Progress, type ReviewEntry } from '../core/progress.js';
import type { Rating } from '../core/scheduler.js';

export const LOG_FILE = 'reviews.jsonl';
export const SNAPSHOT_FILE = 'cards.json';
const SNAPSHOT_VERSION = 1;
/** Replaying more lines than this at start-up is worth a fresh snapshot. */
const SNAPSHOT_AFTER_LINES = 200;
const READ_SLICE = 1 << 20;

const RATING_CONTEXT: WriteContext = { what: 'your rating', kept: 'nothing was lost before this rating', inDataDir: true };
const UNDO_CONTEXT: WriteContext = { what: 'the undo', kept: 'the rating still counts, and nothing before it was lost', inDataDir: true };
const IMPORT_CONTEXT = (n: number): WriteContext => ({ what: `${n} review${n === 1 ? '' : 's'}`, kept: 'none of them were written, and what was there before is kept', inDataDir: true });

interface SnapshotV1 {
  version: 1;
  /** Bytes of the log folded into `cards`. */
  logOffset: number;
  reviews: number;
  cards: Record<string, CardRecord>;
}

/** Older snapshot versions move forward here; a snapshot is only a cache, so anything unknown is rebuilt. */
function migrateSnapshot(value: unknown): SnapshotV1 | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  if (s.version !== SNAPSHOT_VERSION) return null;
  if (typeof s.logOffset !== 'number' || typeof s.reviews !== 'number' || !s.cards || typeof s.cards !== 'object') return null;
  for (const record of Object.values(s.cards as Record<string, unknown>)) if (!isCardRecord(record)) return null;
  return s as unknown as SnapshotV1;
}

export class ProgressStore {
  readonly progress: Progress = emptyProgress();
  readonly logPath: string;
  readonly snapshotPath: string;
  private offset = 0;
  private fd: number | null = null;
  /** The log ends in a torn line: the next append starts on a fresh line. */
  private needsNewline = false;
  private dirty = false;

  private constructor(readonly dir: string, private readonly notices: string[]) {
    this.logPath = join(dir, LOG_FILE);
    this.snapshotPath = join(dir, SNAPSHOT_FILE);
  }

  static open(dir: string, now: number, notices: string[]): ProgressStore {
    ensureDir(dir, { what: 'your progress', inDataDir: true });
    const store = new ProgressStore(dir, notices);
    store.load(now);
    return store;
  }

  private load(now: number): void {
    const snapshot = this.readSnapshot(now);
    if (snapshot) {
      for (const [key, record] of Object.entries(snapshot.cards)) this.progress.cards.set(key, record);
      this.progress.reviews = snapshot.reviews;
      this.offset = snapshot.logOffset;
    }
    const { lines, damaged } = this.readTail(true);
    if (damaged > 0) {
      const copy = `${this.logPath}.damaged-${now}`;
      copyFileSync(this.logPath, copy);
      this.notices.push(`${damaged} damaged line${damaged > 1 ? 's' : ''} in your review log ${damaged > 1 ? 'were' : 'was'} skipped; a copy of the log as it was is at ${copy}.`);
    }
    // A long replay is worth saving, so the next start need not repeat it.
    this.dirty = lines > SNAPSHOT_AFTER_LINES || (!snapshot && lines > 0);
  }

  private readSnapshot(now: number): SnapshotV1 | null {
    if (!existsSync(this.snapshotPath)) return null;
    const text = readFileSync(this.snapshotPath, 'utf8');
    let snapshot: SnapshotV1 | null = null;
    try {
      snapshot = migrateSnapshot(JSON.parse(text));
    } catch {
      snapshot = null;
    }
    if (!snapshot) {
      const aside = `${this.snapshotPath}.damaged-${now}`;
      renameSync(this.snapshotPath, aside);
      this.notices.push(`Your card states file could not be read; it was moved to ${aside} and rebuilt from the review log.`);
      return null;
    }
    let logSize = 0;
    try {
      const fd = openSync(this.logPath, 'r');
      logSize = fstatSync(fd).size;
      closeSync(fd);
    } catch {
      logSize = 0;
    }
    // A snapshot that claims more of the log than exists belongs to another log: rebuild.
    return snapshot.logOffset <= logSize ? snapshot : null;
  }

  /** Folds every complete line after our offset into the records. */
  private readTail(atStart: boolean): { lines: number; damaged: number } {
    let fd: number;
    try {
      fd = openSync(this.logPath, 'r');
    } catch {
      return { lines: 0, damaged: 0 };
    }
    let lines = 0;
    let damaged = 0;
    try {
      const size = fstatSync(fd).size;
      // Read in slices, so replaying a long history never holds all of it in memory at once.
      const slice = Buffer.alloc(Math.min(READ_SLICE, Math.max(1, size - this.offset)));
      let carry = Buffer.alloc(0);
      let position = this.offset;
      while (position < size) {
        const n = readSync(fd, slice, 0, Math.min(slice.length, size - position), position);
        if (n === 0) break;
        position += n;
        const chunk = carry.length ? Buffer.concat([carry, slice.subarray(0, n)]) : slice.subarray(0, n);
        const end = chunk.lastIndexOf(10);
        if (end < 0) {
          carry = Buffer.from(chunk);
          continue;
        }
        let start = 0;
        while (start <= end) {
          const nl = chunk.indexOf(10, start);
          if (nl > start) {
            const entry = parseLogLine(chunk.toString('utf8', start, nl));
            if (entry) {
              applyEntry(this.progress, entry);
              lines++;
            } else {
              damaged++;
            }
          }
          start = nl + 1;
        }
        this.offset += end + 1;
        carry = Buffer.from(chunk.subarray(end + 1));
      }
      // A last line without its newline is a write in progress or a torn write: left for later.
      if (atStart) this.needsNewline = carry.length > 0;
      if (lines > 0 && !atStart) this.dirty = true;
      return { lines, damaged };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Appends entries with one write and one fdatasync, then folds in everything new. One write keeps
   * an import's lines together when another process appends at the same time, and a failed write
   * is taken back whole (see safe-write), so the log holds all of the entries or none.
   */
  appendEntries(entries: readonly LogEntry[], context: WriteContext = IMPORT_CONTEXT(entries.length)): void {
    if (entries.length === 0) return;
    if (this.fd === null) this.fd = openForAppend(this.logPath, context);
    const text = Buffer.from(`${this.needsNewline ? '\n' : ''}${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`);
    try {
      appendWhole(this.fd, this.logPath, text, context);
    } catch (error) {
      // A fragment left at the end must not swallow the next line written.
      if (error instanceof WriteError && error.torn) this.needsNewline = true;
      throw error;
    }
    this.needsNewline = false;
    this.readTail(false);
  }

  private append(entry: LogEntry, context: WriteContext): void {
    this.appendEntries([entry], context);
  }

  /**
   * Every entry in the log from its start, in order. Damaged lines are skipped as at start-up, and
   * a last line without its newline is left out: it may be a write still in progress.
   */
  entries(): LogEntry[] {
    let text: string;
    try {
      text = readFileSync(this.logPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
    // One parse of the whole log is about twice as fast as a parse per line; a damaged line
    // makes it throw, and then each line is read on its own so only that line is lost.
    let values: unknown[] | null = null;
    try {
      values = JSON.parse(`[${lines.join(',')}]`) as unknown[];
    } catch {
      values = null;
    }
    const entries: LogEntry[] = [];
    if (values && values.length === lines.length) {
      for (const value of values) {
        const entry = logEntryFrom(value);
        if (entry) entries.push(entry);
      }
      return entries;
    }
    for (const line of lines) {
      const entry = parseLogLine(line);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  /** Other processes' ratings since we last looked. */
  refresh(): void {
    this.readTail(false);
  }

  /** Stores a rating durably; returns the entry, whose id undo needs. */
  record(key: string, rating: Rating, record: CardRecord, at: number, ms: number, answer?: { confidence?: 'sure' | 'guess' | undefined; correct?: boolean | undefined }): ReviewEntry {
    const entry: ReviewEntry = {
      v: LOG_VERSION,
      t: 'review',
      id: `${at.toString(36)}-${randomBytes(4).toString('hex')}`,
      key,
      rating,
      at,
      ms: Math.max(0, Math.round(ms)),
      record,
      ...(answer?.confidence ? { confidence: answer.confidence } : {}),
      ...(answer?.correct !== undefined ? { correct: answer.correct } : {}),
    };
    this.append(entry, RATING_CONTEXT);
    return entry;
  }

  /** Takes back a rating: the card returns to `restore` and the review no longer counts. */
  undo(reviewId: string, key: string, restore: CardRecord | null, at: number): void {
    this.append({ v: LOG_VERSION, t: 'undo', id: reviewId, key, at, restore }, UNDO_CONTEXT);
  }

  /**
   * Writes the snapshot if it is behind the log (temp file, fsync, rename: never half-written).
   * The snapshot is only a cache, so a disk that will not take it costs a longer start next time,
   * nothing else: the failure is returned, not thrown, and the snapshot stays due.
   */
  saveSnapshot(): WriteError | null {
    if (!this.dirty) return null;
    const snapshot: SnapshotV1 = { version: SNAPSHOT_VERSION, logOffset: this.offset, reviews: this.progress.reviews, cards: Object.fromEntries(this.progress.cards) };
    try {
      writeFileWhole(this.snapshotPath, JSON.stringify(snapshot), { what: 'the card states', inDataDir: true });
    } catch (error) {
      if (error instanceof WriteError) return error;
      throw error;
    }
    this.dirty = false;
    return null;
  }

  close(): void {
    try {
      this.refresh();
      this.saveSnapshot();
    } finally {
      if (this.fd !== null) closeSync(this.fd);
      this.fd = null;
    }
  }
}
