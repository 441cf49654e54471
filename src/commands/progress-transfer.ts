// `keeper-prep export-progress FILE` and `import-progress FILE [--settings]`: everything the user
// made (reviews, design attempts, cram answers, stories, suspended and flagged cards, culture rounds,
// settings) to a file and back, so two
// machines' work can be combined. An import reads the whole file first and writes only when every
// line is good: a bad file changes nothing on disk. Version 2 files are read a line at a time (twice:
// to check, then to append the reviews in batches), so their size is not limited by memory.
import { closeSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { CramEntry } from '../core/cram.js';
import { marksToImport, type MarkEntry } from '../core/card-marks.js';
import { newerAttempts, type ExerciseAttemptEntry } from '../core/exercise-attempts.js';
import { isLineHeader, exportLines, PROGRESS_LINE_LIMIT, ProgressLineReader } from '../core/progress-lines.js';
import { buildExport, changedCards, knownProgress, newReviews, parseProgressFile, planSideMerge, PROGRESS_V1_LIMIT, type ProgressExport } from '../core/progress-transfer.js';
import type { ReviewEntry } from '../core/progress.js';
import type { Story } from '../core/stories.js';
import type { Attempt } from '../store/attempts.js';
import type { RoundAttempt } from '../store/round-attempts.js';
import type { TransferSettings as Settings } from '../store/settings.js';
import type { Workspace } from '../store/workspace.js';
import { settingsLine } from './progress-settings.js';

/** Reviews appended per write: an import's memory stays bounded however long the file's history. */
const REVIEW_BATCH = 20_000;
const READ_SLICE = 1 << 20;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c" */
function listing(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Temp file beside the target, fsync, rename: the file is either the old one or the whole new one. */
function writeAtomically(target: string, lines: Iterable<string>): number {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(3).toString('hex')}.tmp`);
  let size = 0;
  try {
    const fd = openSync(tmp, 'wx');
    try {
      // Written in slices of about a megabyte: the file's text is never held whole.
      let pending: string[] = [];
      let pendingLength = 0;
      const flush = (): void => {
        const bytes = Buffer.from(pending.join(''));
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
        size += bytes.length;
        pending = [];
        pendingLength = 0;
      };
      for (const line of lines) {
        pending.push(line);
        pendingLength += line.length;
        if (pendingLength >= READ_SLICE) flush();
      }
      flush();
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return size;
}

export function exportProgressCommand(ws: Workspace, file: string, now: number, options: { force?: boolean } = {}): string {
  const target = resolve(file);
  const existing = statOrNull(target);
  if (existing?.isDirectory()) throw new Error(`${file} is a directory; name a file to write`);
  if (existing && !options.force) throw new Error(`${file} already exists; pass --force to replace it`);
  const folder = statOrNull(dirname(target));
  if (!folder?.isDirectory()) throw new Error(`${file}: the folder ${dirname(target)} does not exist`);
  const data = buildExport({ entries: ws.progress.entries(), attempts: ws.attempts.history(), cram: ws.cram.entries(), stories: ws.stories.list(), settings: ws.settings.get(), marks: ws.marks.entries(), rounds: ws.rounds.history(), exercises: ws.exerciseAttempts.entries() }, now);
  try {
    writeAtomically(target, exportLines(data));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${file} could not be written${code ? ` (${code})` : ''}`, { cause: error });
  }
  const cards = new Set(data.reviews.map((r) => r.key)).size;
  const parts = [
    `${plural(data.reviews.length, 'review')} of ${plural(cards, 'card')}`,
    plural(data.attempts.length, 'design attempt'),
    plural(data.cram.length, 'cram answer'),
    plural(data.stories.length, 'story', 'stories'),
    ...(data.marks?.length ? [plural(data.marks.length, 'card mark')] : []),
    ...(data.rounds?.length ? [plural(data.rounds.length, 'culture round')] : []),
    ...(data.exercises?.length ? [plural(data.exercises.length, 'exercise attempt')] : []),
    'your settings',
  ];
  return `Exported ${listing(parts)} to ${file}.`;
}

function readError(file: string, error: unknown): Error {
  return new Error(`${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
}

/**
 * Calls `onLine` with each line's text (no newline) in order, read a slice at a time; stops at the
 * first problem, which it returns as one line. A missing last newline still ends a line.
 */
function forEachLine(file: string, onLine: (text: string, unterminated: boolean) => string | null): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw readError(file, error);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 0;
  // The lines of a slice are decoded together (a newline byte is never inside a UTF-8 sequence);
  // only when that fails is each decoded alone, to name the line at fault.
  const deliver = (bytes: Buffer, unterminated: boolean): string | null => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      for (let start = 0, n = line + 1; start <= bytes.length; n++) {
        const nl = bytes.indexOf(10, start);
        const end = nl < 0 ? bytes.length : nl;
        try {
          decoder.decode(bytes.subarray(start, end));
        } catch {
          return `line ${n} is not UTF-8 text`;
        }
        start = end + 1;
      }
      return 'not UTF-8 text';
    }
    const lines = text.split('\n');
    for (const [i, each] of lines.entries()) {
      line++;
      const problem = onLine(line === 1 && each.charCodeAt(0) === 0xfeff ? each.slice(1) : each, unterminated && i === lines.length - 1);
      if (problem) return problem;
    }
    return null;
  };
  try {
    const slice = Buffer.alloc(READ_SLICE);
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, slice, 0, slice.length, null);
      } catch (error) {
        throw readError(file, error);
      }
      if (n === 0) break;
      const bytes = slice.subarray(0, n);
      if (bytes.includes(0)) return 'not a text file';
      const chunk = carry.length ? Buffer.concat([carry, bytes]) : bytes;
      const last = chunk.lastIndexOf(10);
      if (last >= 0) {
        const problem = deliver(chunk.subarray(0, last), false);
        if (problem) return problem;
      }
      carry = Buffer.from(chunk.subarray(last + 1));
      if (carry.length > PROGRESS_LINE_LIMIT) return `line ${line + 1} is longer than ${megabytes(PROGRESS_LINE_LIMIT)}, which export-progress never writes`;
    }
    return carry.length ? deliver(carry, true) : null;
  } finally {
    closeSync(fd);
  }
}

/** Whether the file starts with a version 2 header line (else it is read whole, as version 1). */
function startsWithHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    const nl = head.subarray(0, n).indexOf(10);
    const first = head.toString('utf8', 0, nl >= 0 ? nl : n).replace(/^\uFEFF/, '');
    return isLineHeader(first);
  } finally {
    closeSync(fd);
  }
}

/** A version 1 file's text, or an Error whose message is one line naming the file. */
function readWholeText(file: string, stats: Stats): string {
  // Checked before reading, so a huge file is never loaded into memory.
  const tooBig = (size: number): Error => new Error(`${file} is ${megabytes(size)}; progress files from keeper-prep before format 2 are limited to ${PROGRESS_V1_LIMIT / (1024 * 1024)} MB (export again with this version: its files have no limit)`);
  if (stats.size > PROGRESS_V1_LIMIT) throw tooBig(stats.size);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw readError(file, error);
  }
  // It may have grown since the stat.
  if (bytes.length > PROGRESS_V1_LIMIT) throw tooBig(bytes.length);
  if (bytes.includes(0)) throw new Error(`${file} is not a text file`);
  try {
    // fatal: invalid UTF-8 is an error rather than replacement characters; a leading BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not a text file`);
  }
}

/** Everything in a file but its reviews, which are streamed by `eachReviewBatch`. */
interface ReadProgress {
  settings: Settings | null;
  attempts: Attempt[];
  cram: CramEntry[];
  stories: Story[];
  marks: MarkEntry[];
  rounds: RoundAttempt[];
  exercises: ExerciseAttemptEntry[];
  reviewCount: number;
  /** How many of the reviews are not here yet: what `eachReviewBatch` will hand over. */
  freshCount: number;
  /** Throws when the file is no longer the one checked (called before anything is written). */
  checkUnchanged(): void;
  /** Calls back with the file's new reviews in order, a batch at a time. */
  eachReviewBatch(onBatch: (batch: ReviewEntry[]) => void): void;
}

function stamp(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

function readLineFile(file: string, before: Stats, known: ReadonlySet<string>): ReadProgress {
  const reader = new ProgressLineReader();
  const read: ReadProgress = { settings: null, attempts: [], cram: [], stories: [], marks: [], rounds: [], exercises: [], reviewCount: 0, freshCount: 0, checkUnchanged: () => undefined, eachReviewBatch: () => undefined };
  // Only ids, so that the second pass can be skipped when nothing is new: a file imported twice
  // is read once.
  const fresh = new Set<string>();
  const problem =
    forEachLine(file, (text, unterminated) => {
      const result = reader.feed(text, unterminated);
      if (!result.ok) return result.error;
      const item = result.item;
      if (item?.kind === 'review') {
        read.reviewCount++;
        if (!known.has(item.value.id)) fresh.add(item.value.id);
      } else if (item?.kind === 'attempt') read.attempts.push(item.value);
      else if (item?.kind === 'cram') read.cram.push(item.value);
      else if (item?.kind === 'story') read.stories.push(item.value);
      else if (item?.kind === 'mark') read.marks.push(item.value);
      else if (item?.kind === 'round') read.rounds.push(item.value);
      else if (item?.kind === 'exercise') read.exercises.push(item.value);
      return null;
    }) ?? reader.finish();
  if (problem) throw new Error(`${file}: ${problem}`);
  read.settings = reader.header!.settings;
  read.freshCount = fresh.size;
  const checked = stamp(before);
  // The second pass reads the same bytes the first one checked, or nothing at all.
  read.checkUnchanged = () => {
    if (stamp(statSync(file)) !== checked) throw new Error(`${file} changed while it was being imported; nothing was imported; run import-progress again`);
  };
  read.eachReviewBatch = (onBatch) => {
    if (fresh.size === 0) return;
    const again = new ProgressLineReader();
    let batch: ReviewEntry[] = [];
    const changed =
      forEachLine(file, (text, unterminated) => {
        const result = again.feed(text, unterminated);
        if (!result.ok) return result.error;
        if (result.item?.kind !== 'review' || !fresh.delete(result.item.value.id)) return null;
        batch.push(result.item.value);
        if (batch.length >= REVIEW_BATCH) {
          onBatch(batch);
          batch = [];
        }
        return null;
      }) ?? again.finish();
    if (changed) throw new Error(`${file} changed while it was being imported (${changed}); nothing was imported; run import-progress again`);
    onBatch(batch);
  };
  return read;
}

function readProgress(file: string, known: ReadonlySet<string>): ReadProgress {
  let stats: Stats | null;
  try {
    stats = statOrNull(file);
  } catch (error) {
    throw readError(file, error);
  }
  if (!stats) throw new Error(`${file}: file not found`);
  if (stats.isDirectory()) throw new Error(`${file} is a directory, not a progress file`);
  if (!stats.isFile()) throw new Error(`${file} is not a regular file`);
  let lines: boolean;
  try {
    lines = startsWithHeader(file);
  } catch (error) {
    throw readError(file, error);
  }
  if (lines) return readLineFile(file, stats, known);
  const parsed = parseProgressFile(readWholeText(file, stats));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  const data: ProgressExport = parsed.data;
  const fresh = newReviews(new Set(known), data.reviews);
  return { ...data, marks: data.marks ?? [], rounds: data.rounds ?? [], exercises: data.exercises ?? [], reviewCount: data.reviews.length, freshCount: fresh.length, checkUnchanged: () => undefined, eachReviewBatch: (onBatch) => onBatch(fresh) };
}

export function importProgressCommand(ws: Workspace, file: string, options: { settings?: boolean } = {}): string {
  ws.progress.refresh();
  const known = knownProgress(ws.progress.entries(), ws.attempts.history(), ws.cram.entries(), ws.stories.list(), ws.rounds.history());
  const read = readProgress(file, known.reviewIds);
  const side = planSideMerge(known, read);
  const marks = marksToImport(ws.marks.entries(), read.marks);
  const exercises = newerAttempts(ws.exerciseAttempts.entries(), read.exercises);
  const before = new Map(ws.progress.progress.cards);

  read.checkUnchanged();
  ws.stories.saveMany([...side.storiesAdded, ...side.storiesUpdated]);
  ws.cram.appendMany(side.cram);
  ws.attempts.recordMany(side.attempts);
  ws.marks.appendMany(marks);
  ws.rounds.recordMany(side.rounds);
  ws.exerciseAttempts.saveMany(exercises);
  // All of the new reviews or none: batches keep memory bounded, and a failure part-way cuts the
  // log back to where it was.
  const imported = ws.progress.appendBatches((write) => read.eachReviewBatch(write), read.freshCount);
  // The imported records were made with the other machine's parameters: with a fit in use here,
  // every card is worked out again with it (the log keeps them as they came).
  if (imported > 0 && ws.settings.get().fsrs) ws.restateCards();
  const settings = settingsLine(ws, file, read.settings, !!options.settings);

  const kinds = [
    { n: imported, total: read.reviewCount, noun: 'review', shown: true },
    { n: side.attempts.length, total: read.attempts.length, noun: 'design attempt', shown: true },
    { n: side.cram.length, total: read.cram.length, noun: 'cram answer', shown: read.cram.length > 0 },
    { n: side.storiesAdded.length + side.storiesUpdated.length, total: read.stories.length, noun: 'story', many: 'stories', shown: read.stories.length > 0 },
    { n: marks.length, total: read.marks.length, noun: 'card mark', shown: read.marks.length > 0 },
    { n: side.rounds.length, total: read.rounds.length, noun: 'culture round', shown: read.rounds.length > 0 },
    { n: exercises.length, total: read.exercises.length, noun: 'exercise attempt', shown: read.exercises.length > 0 },
  ].filter((k) => k.shown);
  const withSettings = (text: string): string => (settings ? `${text}\n${settings}` : text);
  if (kinds.every((k) => k.total === 0)) return withSettings(`${file} holds no reviews, design attempts, cram answers or stories; nothing was imported.`);
  if (kinds.every((k) => k.n === 0)) return withSettings(`Nothing new in ${file}: its ${listing(kinds.map((k) => plural(k.total, k.noun, k.many)))} are already here.`);

  const { added, replaced } = changedCards(before, ws.progress.progress.cards);
  const skipped = (n: number): string => (n > 0 ? ` (${n} already here ${n === 1 ? 'was' : 'were'} skipped)` : '');
  const changes = [
    ...(added > 0 ? [`${plural(added, 'card')} ${added === 1 ? 'is' : 'are'} new here`] : []),
    ...(replaced > 0 ? [`${plural(replaced, 'card')} now ${replaced === 1 ? 'uses' : 'use'} the newer state from the file`] : []),
    ...(side.storiesUpdated.length > 0 ? [`${plural(side.storiesUpdated.length, 'story', 'stories')} here ${side.storiesUpdated.length === 1 ? 'was' : 'were'} replaced by the newer edit from the file`] : []),
  ];
  const outcome =
    changes.length > 0
      ? `${changes.join('; ')}.`
      : imported > 0
        ? 'Every card kept its state here, which was newer; the reviews still count in your history.'
        : '';
  const list = listing(kinds.map((k) => `${plural(k.n, k.noun, k.many)}${skipped(k.total - k.n)}`));
  return withSettings(`Imported ${list} from ${file}.${outcome ? ` ${outcome}` : ''}`);
}
