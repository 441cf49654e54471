// The readiness figures' running totals (core/history-figures) on disk, beside the card snapshot:
// figures.bin, a cache like card-states.bin. It records how much of the log it holds (offset, and a
// hash of the bytes before it, so a log cut, replaced or rewritten under it is noticed); each use
// folds in only the lines appended since, and anything it cannot trust (missing, damaged, another
// version, another time zone, a log that changed, an entry out of time order) is built again from
// the whole log. Nothing here is ever the only copy: the log is the truth.
import { readRegular } from './read-regular.js';
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalColumns, figuresFromColumns, FIGURES_VERSION } from '../core/figures-columns.js';
import { buildFigures, foldEntry, LOG_MODEL, type HistoryFigures } from '../core/history-figures.js';
import { restatedEntries } from '../core/replay.js';
import { DEFAULT_DECAY, type Scheduler } from '../core/scheduler.js';
import { logEntryFrom, parseLogLine, type LogEntry } from '../core/progress.js';
import { salvageLine } from './damage.js';
import { writeFileWhole } from './safe-write.js';
import { decodeBinaryFile, encodeBinaryFile, logPlaceOf, TAIL_BYTES, tailHash, type LogPlace } from './binary-file.js';

export const FIGURES_FILE = 'figures.bin';
/** Where the previous version kept them, as JSON: never read, removed once the new file is written. */
const OLD_FIGURES_FILE = 'figures.json';
/** Folding more lines than this on a read is worth saving, so the next one need not repeat it. */
const SAVE_AFTER_LINES = 200;

/**
 * The time zone local days are counted in here, as a key: figures counted under another key are
 * counted again. Asking Intl for the zone's name loads the locale data, some 13-19 ms at every
 * start, so where the zone comes from plain inputs (the TZ variable and the /etc/localtime link,
 * which is where ICU itself takes it from) the key is made of those: the same inputs, the same zone.
 */
export function localTimeZone(): string {
  let zoneFile: string | null = null;
  try {
    // The file at the end of the links: a link to a link that moves still changes the key.
    if (lstatSync('/etc/localtime').isSymbolicLink()) zoneFile = realpathSync('/etc/localtime');
  } catch {
    zoneFile = null;
  }
  // No link (Windows, or a zone file copied in place, whose bytes could change under the same name): only Intl knows.
  if (zoneFile === null) return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'unknown';
  return JSON.stringify({ TZ: process.env.TZ ?? null, localtime: zoneFile });
}


/**
 * The entries in a stretch of the log, damaged lines skipped and what is whole inside them kept,
 * as at start-up. One parse of the whole text is about twice as fast as a parse per line; a
 * damaged line makes it throw, and then each line is read on its own so only that line is lost.
 */
export function parseLogText(text: string): LogEntry[] {
  const lines = text.split('\n').filter(Boolean);
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
    else entries.push(...salvageLine(line, parseLogLine));
  }
  return entries;
}

/** The log's whole lines from `offset` on (up to `upTo`): their entries, where they end, and the last bytes before that end. */
function readLogFrom(logPath: string, offset: number, upTo = Infinity): { entries: LogEntry[]; end: number; tail: Buffer } | null {
  let fd: number;
  try {
    fd = openSync(logPath, 'r');
  } catch {
    return null;
  }
  try {
    const size = Math.min(fstatSync(fd).size, upTo);
    if (size < offset) return null;
    const from = Math.max(0, offset - TAIL_BYTES);
    const bytes = Buffer.alloc(size - from);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, from + read);
      if (n === 0) break;
      read += n;
    }
    const last = bytes.lastIndexOf(10, read - 1);
    const endInBuffer = Math.max(offset - from, last + 1);
    return { entries: parseLogText(bytes.toString('utf8', offset - from, endInBuffer)), end: from + endInBuffer, tail: Buffer.from(bytes.subarray(Math.max(0, endInBuffer - TAIL_BYTES), endInBuffer)) };
  } finally {
    closeSync(fd);
  }
}

/** Whether the log still holds, just before `offset`, the bytes whose hash is `tail`. */
function logMatches(logPath: string, offset: number, tail: string): boolean {
  let fd: number;
  try {
    fd = openSync(logPath, 'r');
  } catch {
    return offset === 0;
  }
  try {
    if (fstatSync(fd).size < offset) return false;
    const window = Buffer.alloc(Math.min(offset, TAIL_BYTES));
    const n = readSync(fd, window, 0, window.length, offset - window.length);
    return n === window.length && tailHash(window) === tail;
  } finally {
    closeSync(fd);
  }
}

const MAGIC = 'KPFIGURE';

interface Saved extends LogPlace {
  figures: HistoryFigures;
}

export function encodeFiguresFile(saved: Saved): Buffer {
  const { text, numbers } = canonicalColumns(saved.figures);
  return encodeBinaryFile(MAGIC, FIGURES_VERSION, { logOffset: saved.logOffset, tail: saved.tail, figures: text }, numbers);
}

/** What encodeFiguresFile wrote, or null for anything else: another version, damage, a file cut short. */
export function decodeFiguresFile(bytes: Buffer): Saved | null {
  const file = decodeBinaryFile(bytes, MAGIC, FIGURES_VERSION);
  const place = file && logPlaceOf(file.text);
  if (!place) return null;
  const figures = figuresFromColumns((file.text as { figures?: unknown }).figures, file.numbers);
  return figures ? { ...place, figures } : null;
}

/** The file's bytes, or null when it is missing or not a regular file (a pipe in its place cannot hang a start). */
function readBytes(path: string): Buffer | null {
  const read = readRegular(path, Number.MAX_SAFE_INTEGER);
  return read.ok ? read.bytes : null;
}

/**
 * The records the figures are folded from when they are not the log's own: the card states were
 * worked out again with these parameters (a fit, or the defaults after one; see ProgressStore.restate).
 */
export interface FiguresModel {
  tag: string;
  scheduler: () => Scheduler;
}

export class FiguresStore {
  readonly path: string;
  private readonly oldPath: string;
  private figures: HistoryFigures | null = null;
  private offset = 0;
  private tail: Buffer = Buffer.alloc(0);
  /** Lines folded in since the file was read or written; -1 after a rebuild. */
  private unsaved = 0;

  constructor(dir: string, private readonly logPath: string, private readonly modelOf: () => FiguresModel | null = () => null) {
    this.path = join(dir, FIGURES_FILE);
    this.oldPath = join(dir, OLD_FIGURES_FILE);
  }

  /** The figures for the whole log as it is now; `decay`, the forgetting curve's of the parameters in use (Scheduler.decay). */
  current(timeZone = localTimeZone(), decay = DEFAULT_DECAY): HistoryFigures {
    const model = this.modelOf()?.tag ?? LOG_MODEL;
    if (!this.figures || this.figures.timeZone !== timeZone || this.figures.decay !== decay || this.figures.model !== model) this.load(timeZone, decay);
    this.catchUp(timeZone, decay);
    if (this.unsaved < 0 || this.unsaved > SAVE_AFTER_LINES) this.save();
    return this.figures!;
  }

  private load(timeZone: string, decay: number): void {
    const bytes = readBytes(this.path);
    let saved: Saved | null = null;
    try {
      saved = bytes && decodeFiguresFile(bytes);
    } catch {
      // Nothing the file holds may stop a start: built again below.
    }
    if (saved && saved.figures.timeZone === timeZone && saved.figures.decay === decay && saved.figures.model === (this.modelOf()?.tag ?? LOG_MODEL) && logMatches(this.logPath, saved.logOffset, saved.tail)) {
      this.figures = saved.figures;
      this.offset = saved.logOffset;
      this.tail = Buffer.alloc(0);
      this.unsaved = 0;
      return;
    }
    this.rebuild(timeZone, decay);
  }

  private rebuild(timeZone: string, decay: number): void {
    const read = readLogFrom(this.logPath, 0);
    // Records worked out again with the parameters in use, when the card states were: past
    // predictions are then these parameters', every one (the log's own are each of their day's).
    // New lines folded in later were rated with these parameters already.
    const model = this.modelOf();
    const entries = read?.entries ?? [];
    this.build(model ? restatedEntries(entries, model.scheduler()) : entries, read, timeZone, decay, model?.tag ?? LOG_MODEL);
  }

  private build(entries: readonly LogEntry[], read: { end: number; tail: Buffer } | null, timeZone: string, decay: number, model: string): void {
    this.figures = buildFigures(entries, timeZone, decay, Infinity, model);
    this.offset = read?.end ?? 0;
    this.tail = read?.tail ?? Buffer.alloc(0);
    this.unsaved = -1;
  }

  /**
   * The log up to `upTo` (where the caller's records were folded to) worked out again with these
   * parameters (see ProgressStore.restate), which also rebuilds the figures from the same entries:
   * the log read and replayed once for both. A line appended meanwhile is folded later, by both.
   */
  restated(model: FiguresModel, decay: number, upTo: number, timeZone = localTimeZone()): LogEntry[] {
    const read = readLogFrom(this.logPath, 0, upTo);
    const entries = restatedEntries(read?.entries ?? [], model.scheduler());
    this.build(entries, read, timeZone, decay, model.tag);
    return entries;
  }

  private catchUp(timeZone: string, decay: number): void {
    const read = readLogFrom(this.logPath, this.offset);
    if (!read) {
      // The log is gone or shorter than what was folded: it is not the log the figures came from.
      if (this.offset > 0) this.rebuild(timeZone, decay);
      return;
    }
    if (read.end === this.offset) return;
    for (const entry of read.entries) {
      if (!foldEntry(this.figures!, entry)) {
        this.rebuild(timeZone, decay);
        return;
      }
    }
    this.offset = read.end;
    this.tail = read.tail;
    if (this.unsaved >= 0) this.unsaved += read.entries.length;
  }

  /** Writes the figures when they moved on; a disk that refuses only costs a longer read next time. */
  save(): void {
    if (!this.figures || this.unsaved === 0) return;
    // Read back from the file and nothing folded since: it is as it was, no write needed.
    if (this.tail.length === 0 && this.offset > 0) return;
    try {
      writeFileWhole(this.path, encodeFiguresFile({ logOffset: this.offset, tail: tailHash(this.tail), figures: this.figures }), { what: 'the readiness figures', inDataDir: true });
      this.unsaved = 0;
      rmSync(this.oldPath, { force: true });
    } catch {
      // Only a cache: built or caught up again next time.
    }
  }
}
