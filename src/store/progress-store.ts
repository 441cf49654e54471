// Review history on disk: an append-only JSONL log (the truth) and a snapshot of card records
// (a cache, rebuilt from the log whenever it is missing, stale or damaged).
//
// Every rating is appended with one write and fdatasync before the caller moves on, so killing
// the process loses nothing. Several processes may append to the same log: O_APPEND keeps each
// line whole, and each process folds in every line it finds after its own offset, so they all
// converge on the same records.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { crypto } from './lazy-builtins.js';
import { join } from 'node:path';
import { appendInSteps, appendWhole, ensureDir, openForAppend, writeFileWhole, WriteError, type WriteContext } from './safe-write.js';
import { applyEntry, emptyProgress, LOG_VERSION, parseLogLine, type CardRecord, type LogEntry, type Progress, type ReviewEntry, type TickCounts } from '../core/progress.js';
import type { Rating, Scheduler } from '../core/scheduler.js';
import { copyAside, moveAside, plural, salvageLine } from './damage.js';
import type { NoticeSink } from './notices.js';
import { FiguresStore, parseLogText } from './figures-store.js';
import { decodeOldSnapshot, decodeSnapshot, encodeSnapshot, FORMER_SNAPSHOT_FILE, isFormerVersion, OLD_SNAPSHOT_FILE, SNAPSHOT_FILE, type Snapshot } from './card-snapshot.js';
import { TAIL_BYTES, tailHash } from './binary-file.js';
import { parametersTag } from '../core/fsrs-params.js';
import { readRegular } from './read-regular.js';

export const LOG_FILE = 'reviews.jsonl';
export { FORMER_SNAPSHOT_FILE, OLD_SNAPSHOT_FILE, SNAPSHOT_FILE } from './card-snapshot.js';
/** Replaying more lines than this at start-up is worth a fresh snapshot. */
const SNAPSHOT_AFTER_LINES = 200;
const READ_SLICE = 1 << 20;

const RATING_CONTEXT: WriteContext = { what: 'your rating', kept: 'nothing was lost before this rating', inDataDir: true };
const UNDO_CONTEXT: WriteContext = { what: 'the undo', kept: 'the rating still counts, and nothing before it was lost', inDataDir: true };
const IMPORT_CONTEXT = (n: number): WriteContext => ({ what: `${n} review${n === 1 ? '' : 's'}`, kept: 'none of them were written, and what was there before is kept', inDataDir: true });

/** How far back from an older snapshot's offset its last line is looked for. */
const LINE_WINDOW = 1 << 16;

/**
 * The FSRS parameters the records must have been worked out with: `tag` null for ts-fsrs's defaults,
 * which the log's own records were made with unless a fit was adopted; otherwise core/fsrs-params
 * parametersTag. Records from other parameters are replayed through `scheduler`.
 */
export interface RecordParameters {
  tag: string | null;
  scheduler: () => Scheduler;
}

/** What card-snapshot records for records replayed with the defaults (after a fit was given up). */
const DEFAULT_TAG = parametersTag(null);


export class ProgressStore {
  readonly progress: Progress = emptyProgress();
  readonly logPath: string;
  readonly snapshotPath: string;
  /** The readiness figures' running totals, read only when a figure is asked for. */
  readonly figures: FiguresStore;
  private offset = 0;
  private fd: number | null = null;
  /** The log ends in a torn line: the next append starts on a fresh line. */
  private needsNewline = false;
  private dirty = false;
  /** The last TAIL_BYTES of the log folded in (ending at `offset`), for the snapshot's tail hash. */
  private tailBytes: Buffer = Buffer.alloc(0);
  /** The file the snapshot was read from: an earlier version's file until card-states.bin is first written. */
  private snapshotName: string = SNAPSHOT_FILE;
  /** The parameters the records were replayed with (card-snapshot's params); null: the log's own records. */
  private params: string | null = null;
  /** The scheduler of those parameters, when known (the caller's, at open or restate). */
  private paramsScheduler: (() => Scheduler) | null = null;
  /** Bumped whenever the records change: lines folded in, or all of them worked out again (restate). */
  private changes = 0;

  private constructor(readonly dir: string, private readonly notices: NoticeSink) {
    this.logPath = join(dir, LOG_FILE);
    this.snapshotPath = join(dir, SNAPSHOT_FILE);
    this.figures = new FiguresStore(dir, this.logPath, () => (this.params !== null && this.paramsScheduler ? { tag: this.params, scheduler: this.paramsScheduler } : null));
  }

  static open(dir: string, now: number, notices: NoticeSink, parameters?: RecordParameters): ProgressStore {
    ensureDir(dir, { what: 'your progress', inDataDir: true });
    const store = new ProgressStore(dir, notices);
    store.load(now);
    if (parameters) store.matchParameters(parameters);
    return store;
  }

  /** Replays the records when they were not worked out with these parameters (see RecordParameters). */
  matchParameters(parameters: RecordParameters): void {
    this.paramsScheduler = parameters.scheduler;
    const held = this.params;
    const fine = parameters.tag === null ? held === null || held === DEFAULT_TAG : held === parameters.tag;
    if (!fine) this.restate(parameters.tag ?? DEFAULT_TAG, parameters.scheduler());
  }

  /**
   * Works every card's record out again from its ratings through the scheduler (core/replay), and
   * saves the snapshot so: the log is not touched. For a change of parameters, which changes what
   * each rating did to the card's memory.
   */
  restate(tag: string, scheduler: Scheduler): void {
    this.refresh();
    // Read and replayed once, for the records and the readiness figures both (what a fold of the
    // replayed entries leaves is what replaying the ratings gives: tests/core/replay.property).
    const records = emptyProgress();
    for (const entry of this.figures.restated({ tag, scheduler: () => scheduler }, scheduler.decay, this.offset)) applyEntry(records, entry);
    // A card the log no longer has the ratings of (kept from a snapshot when the log was lost or cut)
    // keeps the record it has: nothing to replay is no reason to lose it.
    for (const [key, record] of records.cards) this.progress.cards.set(key, record);
    this.params = tag;
    this.paramsScheduler = () => scheduler;
    this.changes++;
    this.dirty = true;
    this.saveSnapshot();
  }

  /**
   * Reads the snapshot, checks it against the log, and folds in the log after it. Nothing found
   * damaged is discarded: the damaged file is kept aside, the user is told once, and what is still
   * good (whole log lines, entries inside damaged ones, the cards a mismatched snapshot knows) is
   * kept. The repaired snapshot is saved at once, so the next start does not repair again.
   */
  private load(now: number): void {
    this.checkLogIsFile(now);
    const snapshot = this.readSnapshot(now);
    const mismatch = snapshot ? this.mismatch(snapshot) : null;
    if (snapshot && !mismatch) {
      for (let i = 0; i < snapshot.keys.length; i++) this.progress.cards.set(snapshot.keys[i]!, snapshot.records[i]!);
      this.progress.reviews = snapshot.reviews;
      this.offset = snapshot.logOffset;
      this.params = snapshot.params ?? null;
    }
    const { lines, damaged, salvaged } = this.readTail(true);
    let logCopy: string | null = null;
    if (snapshot && mismatch) {
      logCopy = existsSync(this.logPath) ? copyAside(this.logPath, now) : null;
      const snapshotCopy = copyAside(join(this.dir, this.snapshotName), now);
      this.keepSnapshotCards(snapshot);
      const copies = logCopy ? `copies of both files as they were are at ${logCopy} and ${snapshotCopy}` : `a copy of ${this.snapshotName} as it was is at ${snapshotCopy}`;
      this.notices.push(`${mismatch} Your ${plural(this.progress.cards.size, 'card')} kept the states ${this.snapshotName} holds, and the log was read again from its start; ${copies}.`);
      this.dirty = true;
    }
    if (damaged > 0) {
      logCopy ??= copyAside(this.logPath, now);
      const rescued = salvaged > 0 ? `; ${plural(salvaged, 'review')} in them ${salvaged === 1 ? 'was' : 'were'} recovered` : '';
      this.notices.push(`${plural(damaged, 'damaged line')} in your review log (${LOG_FILE}) ${damaged === 1 ? 'was' : 'were'} skipped${rescued}. A copy of the log as it was is at ${logCopy}.`);
      // Saved past the damage, so the next start neither reports it nor copies the log again.
      this.dirty = true;
    }
    const repaired = this.dirty;
    // A long replay is worth saving, so the next start need not repeat it; so is a snapshot in the old format.
    this.dirty ||= lines > SNAPSHOT_AFTER_LINES || (!snapshot && lines > 0) || (snapshot !== null && this.snapshotName !== SNAPSHOT_FILE);
    if (repaired) {
      try {
        this.saveSnapshot();
      } catch {
        // Tried again on close; the copies and the notice already keep the user informed.
      }
    }
  }

  /** A folder where the log belongs (a sync tool, a bad restore) is moved aside; a new log starts. */
  private checkLogIsFile(now: number): void {
    try {
      if (!statSync(this.logPath).isDirectory()) return;
    } catch {
      return;
    }
    const aside = moveAside(this.logPath, now);
    this.notices.push(`Your review log (${LOG_FILE}) was a folder; it was moved to ${aside} and a new log started.`);
  }

  /** The snapshot in card-states.bin, or while there is none in the files earlier versions kept it in (cards.bin, rebuilt silently; cards.json, read); a file that cannot be read is moved aside. */
  private readSnapshot(now: number): Snapshot | null {
    for (const name of [SNAPSHOT_FILE, FORMER_SNAPSHOT_FILE, OLD_SNAPSHOT_FILE]) {
      const path = join(this.dir, name);
      const read = readRegular(path, Number.MAX_SAFE_INTEGER);
      if (!read.ok && read.why === 'open' && read.error.code === 'ENOENT') continue;
      let snapshot: Snapshot | null = null;
      try {
        if (read.ok && name === FORMER_SNAPSHOT_FILE && isFormerVersion(read.bytes)) return null;
        // cards.bin in this version's layout (written by a build before the file had its own name) is read as it is.
        if (read.ok) snapshot = name === OLD_SNAPSHOT_FILE ? decodeOldSnapshot(read.bytes.toString('utf8')) : decodeSnapshot(read.bytes);
      } catch {
        snapshot = null;
      }
      if (!snapshot) {
        const aside = moveAside(path, now);
        this.notices.push(`Your card states file (${name}) could not be read; it was moved to ${aside} and rebuilt from the review log.`);
        return null;
      }
      this.snapshotName = name;
      return snapshot;
    }
    return null;
  }

  /** Why the log is not the one the snapshot was taken from, or null when it is. */
  private mismatch(snapshot: Snapshot): string | null {
    let fd: number;
    try {
      fd = openSync(this.logPath, 'r');
    } catch {
      return snapshot.logOffset > 0 ? `Your review log (${LOG_FILE}) is missing, though your card states file (${this.snapshotName}) was taken from one.` : null;
    }
    try {
      const size = fstatSync(fd).size;
      if (size < snapshot.logOffset) return `Your review log (${LOG_FILE}) is shorter than your card states file (${this.snapshotName}) says (${size} of ${snapshot.logOffset} bytes): it was emptied or cut short.`;
      if (snapshot.logOffset === 0) return null;
      const changed = `Your review log (${LOG_FILE}) has changed in the part your card states file (${this.snapshotName}) was taken from.`;
      // An older snapshot without a tail hash: its offset must at least end a valid entry.
      const from = Math.max(0, snapshot.logOffset - (snapshot.tail !== undefined ? TAIL_BYTES : LINE_WINDOW));
      const window = Buffer.alloc(snapshot.logOffset - from);
      const n = readSync(fd, window, 0, window.length, from);
      if (n !== window.length || window[n - 1] !== 10) return changed;
      let same: boolean;
      if (snapshot.tail !== undefined) {
        same = tailHash(window) === snapshot.tail;
      } else {
        const prev = n >= 2 ? window.lastIndexOf(10, n - 2) : -1;
        same = (prev >= 0 || from === 0) && !!parseLogLine(window.toString('utf8', prev + 1, n - 1));
      }
      if (same) this.tailBytes = Buffer.from(window.subarray(-TAIL_BYTES));
      return same ? null : changed;
    } finally {
      closeSync(fd);
    }
  }

  /** After a full replay: every card the snapshot knows keeps its state unless the log has a newer one. */
  private keepSnapshotCards(snapshot: Snapshot): void {
    const at = (record: CardRecord): number => record.state.lastReview ?? -Infinity;
    for (let i = 0; i < snapshot.keys.length; i++) {
      const key = snapshot.keys[i]!;
      const record = snapshot.records[i]!;
      const held = this.progress.cards.get(key);
      if (!held) this.progress.cards.set(key, record);
      else if (at(record) > at(held)) this.progress.cards.set(key, { ...record, firstReview: Math.min(held.firstReview, record.firstReview) });
    }
    this.progress.reviews = Math.max(this.progress.reviews, snapshot.reviews);
  }

  /** Folds every complete line after our offset into the records. */
  private readTail(atStart: boolean): { lines: number; damaged: number; salvaged: number } {
    let fd: number;
    try {
      fd = openSync(this.logPath, 'r');
    } catch {
      return { lines: 0, damaged: 0, salvaged: 0 };
    }
    let lines = 0;
    let damaged = 0;
    let salvaged = 0;
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
            const text = chunk.toString('utf8', start, nl);
            const entry = parseLogLine(text);
            if (entry) {
              applyEntry(this.progress, entry);
              lines++;
            } else {
              // Junk around an entry, or two entries glued by a lost newline: the entries are kept.
              damaged++;
              for (const rescued of salvageLine(text, parseLogLine)) {
                applyEntry(this.progress, rescued);
                salvaged++;
              }
            }
          }
          start = nl + 1;
        }
        this.offset += end + 1;
        this.changes++;
        const folded = chunk.subarray(0, end + 1);
        this.tailBytes = folded.length >= TAIL_BYTES ? Buffer.from(folded.subarray(-TAIL_BYTES)) : Buffer.concat([this.tailBytes, folded]).subarray(-TAIL_BYTES);
        carry = Buffer.from(chunk.subarray(end + 1));
      }
      // A last line without its newline is a write in progress or a torn write: left for later.
      if (atStart) this.needsNewline = carry.length > 0;
      if (lines > 0 && !atStart) this.dirty = true;
      return { lines, damaged, salvaged };
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

  /**
   * Appends entries handed over in batches (an import too long to hold as one buffer) as one
   * step: if a write fails, or `each` throws part-way, the log is cut back to where it was.
   * Returns how many entries were appended.
   */
  appendBatches(each: (write: (entries: readonly LogEntry[]) => void) => void, expected: number): number {
    const context = IMPORT_CONTEXT(expected);
    if (this.fd === null) this.fd = openForAppend(this.logPath, context);
    const steps = appendInSteps(this.fd, this.logPath, context);
    let count = 0;
    try {
      each((entries) => {
        if (entries.length === 0) return;
        steps.write(Buffer.from(`${count === 0 && this.needsNewline ? '\n' : ''}${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`));
        count += entries.length;
      });
      if (count > 0) steps.commit();
    } catch (error) {
      try {
        steps.fail(error);
      } catch (thrown) {
        if (thrown instanceof WriteError && thrown.torn) this.needsNewline = true;
        throw thrown;
      }
    }
    if (count > 0) {
      this.needsNewline = false;
      this.readTail(false);
    }
    return count;
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
    return parseLogText(text.slice(0, text.lastIndexOf('\n') + 1));
  }

  /** Moves on whenever the records change (entries folded in, or all of them worked out again): what a figure computed from them may be kept by. */
  get revision(): number {
    return this.changes;
  }

  /** Other processes' ratings since we last looked. */
  refresh(): void {
    this.readTail(false);
  }

  /** Stores a rating durably; returns the entry, whose id undo needs. */
  record(key: string, rating: Rating, record: CardRecord, at: number, ms: number, answer?: { confidence?: 'sure' | 'guess' | undefined; correct?: boolean | undefined; ticks?: TickCounts | undefined }): ReviewEntry {
    const entry: ReviewEntry = {
      v: LOG_VERSION,
      t: 'review',
      id: `${at.toString(36)}-${crypto().randomBytes(4).toString('hex')}`,
      key,
      rating,
      at,
      ms: Math.max(0, Math.round(ms)),
      record,
      ...(answer?.confidence ? { confidence: answer.confidence } : {}),
      ...(answer?.correct !== undefined ? { correct: answer.correct } : {}),
      ...(answer?.ticks ? { ticks: { evidenced: answer.ticks.evidenced, unevidenced: answer.ticks.unevidenced } } : {}),
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
    try {
      writeFileWhole(this.snapshotPath, encodeSnapshot(this.offset, tailHash(this.tailBytes), this.progress.reviews, this.progress.cards, this.params), { what: 'the card states', inDataDir: true });
    } catch (error) {
      if (error instanceof WriteError) return error;
      throw error;
    }
    this.dirty = false;
    try {
      // Never read again while the snapshot is there: the files earlier versions kept it in.
      rmSync(join(this.dir, FORMER_SNAPSHOT_FILE), { force: true });
      rmSync(join(this.dir, OLD_SNAPSHOT_FILE), { force: true });
    } catch {
      // Left: read only while there is no snapshot.
    }
    return null;
  }

  close(): void {
    try {
      this.refresh();
      this.saveSnapshot();
      this.figures.save();
    } finally {
      if (this.fd !== null) closeSync(this.fd);
      this.fd = null;
    }
  }
}
