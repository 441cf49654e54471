// `keeper-prep export-progress FILE` and `import-progress FILE`: review history and design attempts
// to a file and back, so two machines' histories can be combined. An import is checked in full
// before anything is written: a bad file changes nothing on disk.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { buildExport, changedCards, formatExport, knownProgress, parseProgressFile, planMerge, PROGRESS_FILE_LIMIT } from '../core/progress-transfer.js';
import type { Workspace } from '../store/workspace.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const LIMIT_TEXT = `${PROGRESS_FILE_LIMIT / (1024 * 1024)} MB`;

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Temp file beside the target, fsync, rename: the file is either the old one or the whole new one. */
function writeAtomically(target: string, text: string): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(3).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      const bytes = Buffer.from(text);
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export function exportProgressCommand(ws: Workspace, file: string, now: number, options: { force?: boolean } = {}): string {
  const target = resolve(file);
  const existing = statOrNull(target);
  if (existing?.isDirectory()) throw new Error(`${file} is a directory; name a file to write`);
  if (existing && !options.force) throw new Error(`${file} already exists; pass --force to replace it`);
  const folder = statOrNull(dirname(target));
  if (!folder?.isDirectory()) throw new Error(`${file}: the folder ${dirname(target)} does not exist`);
  const data = buildExport(ws.progress.entries(), ws.attempts.history(), now);
  const text = formatExport(data);
  try {
    writeAtomically(target, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${file} could not be written${code ? ` (${code})` : ''}`, { cause: error });
  }
  const cards = new Set(data.reviews.map((r) => r.key)).size;
  const size = Buffer.byteLength(text);
  // Said now rather than found out on the other machine, where import-progress would refuse it.
  const tooBig = size > PROGRESS_FILE_LIMIT ? ` Note: at ${megabytes(size)} it is over the ${LIMIT_TEXT} limit of import-progress.` : '';
  return `Exported ${plural(data.reviews.length, 'review')} of ${plural(cards, 'card')} and ${plural(data.attempts.length, 'design attempt')} to ${file}.${tooBig}`;
}

/** The file's text, or an Error whose message is one line naming the file. */
function readProgressText(file: string): string {
  let stats: Stats | null;
  try {
    stats = statOrNull(file);
  } catch (error) {
    throw new Error(`${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  if (!stats) throw new Error(`${file}: file not found`);
  if (stats.isDirectory()) throw new Error(`${file} is a directory, not a progress file`);
  // Checked before reading, so a huge file is never loaded into memory.
  if (stats.size > PROGRESS_FILE_LIMIT) throw new Error(`${file} is ${megabytes(stats.size)}; progress files are limited to ${LIMIT_TEXT}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  // It may have grown since the stat.
  if (bytes.length > PROGRESS_FILE_LIMIT) throw new Error(`${file} is ${megabytes(bytes.length)}; progress files are limited to ${LIMIT_TEXT}`);
  if (bytes.includes(0)) throw new Error(`${file} is not a text file`);
  try {
    // fatal: invalid UTF-8 is an error rather than replacement characters; a leading BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not a text file`);
  }
}

export function importProgressCommand(ws: Workspace, file: string): string {
  const parsed = parseProgressFile(readProgressText(file));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  const { data } = parsed;
  ws.progress.refresh();
  const plan = planMerge(knownProgress(ws.progress.entries(), ws.attempts.history()), data);
  if (data.reviews.length === 0 && data.attempts.length === 0) return `${file} holds no reviews or design attempts; nothing was imported.`;
  if (plan.reviews.length === 0 && plan.attempts.length === 0) {
    return `Nothing new in ${file}: its ${plural(data.reviews.length, 'review')} and ${plural(data.attempts.length, 'design attempt')} are already here.`;
  }
  const before = new Map(ws.progress.progress.cards);
  ws.progress.appendEntries(plan.reviews);
  ws.attempts.recordMany(plan.attempts);
  const { added, replaced } = changedCards(before, ws.progress.progress.cards);
  const skipped = (n: number): string => (n > 0 ? ` (${n} already here ${n === 1 ? 'was' : 'were'} skipped)` : '');
  const changes = [
    ...(added > 0 ? [`${plural(added, 'card')} ${added === 1 ? 'is' : 'are'} new here`] : []),
    ...(replaced > 0 ? [`${plural(replaced, 'card')} now ${replaced === 1 ? 'uses' : 'use'} the newer state from the file`] : []),
  ];
  const outcome =
    changes.length > 0
      ? `${changes.join('; ')}.`
      : plan.reviews.length > 0
        ? 'Every card kept its state here, which was newer; the reviews still count in your history.'
        : '';
  return `Imported ${plural(plan.reviews.length, 'review')}${skipped(plan.skippedReviews)} and ${plural(plan.attempts.length, 'design attempt')}${skipped(plan.skippedAttempts)} from ${file}.${outcome ? ` ${outcome}` : ''}`;
}
