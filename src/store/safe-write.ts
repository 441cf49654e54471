// Every write to the user's files goes through here, so each one is all or nothing and a failed
// one becomes a sentence the user can act on instead of a stack trace:
// - a whole-file rewrite goes to a temp file beside the target, synced, then renamed over it; the
//   temp file is removed when anything fails, so the target is the old file or the new one;
// - an append remembers the file's size and, when a write or sync fails, cuts the file back to
//   it, so no half line is left for the reader to trip on.
// The fs calls go through `io`, so a test can make the Nth write fail as a full disk would.
import * as fs from 'node:fs';
import { crypto } from './lazy-builtins.js';
import { homedir } from 'node:os';
import { dirname, resolve, sep } from 'node:path';

export const io = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fdatasyncSync: fs.fdatasyncSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  rmSync: fs.rmSync,
  mkdirSync: fs.mkdirSync,
  ftruncateSync: fs.ftruncateSync,
  fstatSync: fs.fstatSync,
  statfsSync: fs.statfsSync,
};

/** What a failed write was for, to say so in its message. */
export interface WriteContext {
  /** "your rating": what could not be saved. Without it the message says "could not write FILE". */
  what?: string;
  /** What the user still has, said last: "nothing was lost before this rating". */
  kept?: string;
  /** The file is in the data directory, so choosing another one with --data-dir is a way out. */
  inDataDir?: boolean;
}

/** A write that did not happen, with a one-line message naming the file and what to do. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly code: string,
    /** An append could not be taken back (another process wrote after it): a fragment may end the file. */
    readonly torn = false,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

/** Codes that mean "the disk or the path will not take this", not a bug. */
const FS_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ENOENT', 'EIO', 'ENAMETOOLONG', 'ELOOP', 'EFBIG', 'EMFILE', 'ENFILE']);

function errno(error: unknown): NodeJS.ErrnoException | null {
  const e = error as NodeJS.ErrnoException | null;
  return e && typeof e === 'object' && typeof e.code === 'string' && FS_CODES.has(e.code) ? e : null;
}

/** A path as the user would type it: the home directory as ~. */
export function shownPath(path: string): string {
  const home = homedir();
  return home && home !== sep && path.startsWith(home + sep) ? `~${path.slice(home.length)}` : path;
}

function reason(code: string, file: string, context: WriteContext): { why: string; todo: string } {
  const elsewhere = context.inDataDir ? ', or choose another data directory with --data-dir' : '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return { why: 'the disk is full', todo: 'Free some space and try again' };
    case 'EROFS':
      return { why: 'the disk is read-only', todo: `Make it writable${elsewhere || ', or choose another place'}` };
    case 'EACCES':
    case 'EPERM':
      return { why: 'permission denied', todo: `Check who may write to ${shownPath(dirname(file))} (ls -ld)${elsewhere}` };
    case 'EISDIR':
      return { why: 'that is a folder, not a file', todo: `Move the folder out of the way${elsewhere}` };
    case 'ENOTDIR':
    case 'EEXIST':
      return { why: 'a file is in the way where a folder should be', todo: `Check the path; move that file out of the way${elsewhere}` };
    case 'ENOENT':
      return { why: 'its folder does not exist', todo: 'Check the path and try again' };
    case 'EIO':
      return { why: 'the disk reported an error', todo: 'Check the disk and try again' };
    default:
      return { why: `the system refused (${code})`, todo: 'Check the path and try again' };
  }
}

function message(code: string, file: string, context: WriteContext, detail = ''): string {
  const { why, todo } = reason(code, file, context);
  const head = context.what ? `could not save ${context.what} to ${shownPath(file)}` : `could not write ${shownPath(file)}`;
  return `${head}: ${why}${detail}. ${todo}${context.kept ? `; ${context.kept}` : ''}.`;
}

/** The error as a WriteError naming `file`; anything that is not a disk refusal is thrown as it is. */
export function asWriteError(error: unknown, file: string, context: WriteContext, torn = false): WriteError {
  if (error instanceof WriteError) return error;
  const e = errno(error);
  if (!e) throw error;
  return new WriteError(message(e.code!, file, context), file, e.code!, torn);
}

/**
 * One line for any disk refusal, reads included: the WriteError's own message, or the failed call's
 * path with what to do. Null when the error is something else (its own message is then the line).
 */
export function fsErrorLine(error: unknown): string | null {
  if (error instanceof WriteError) return error.message;
  const e = errno(error);
  if (!e?.path) return null;
  const { why, todo } = reason(e.code!, e.path, {});
  const verb = e.syscall === 'mkdir' ? 'create' : e.syscall === 'open' || e.syscall === 'read' || e.syscall === 'scandir' ? 'open' : 'use';
  return `could not ${verb} ${shownPath(e.path)}: ${why}. ${todo}.`;
}

/**
 * mkdir -p, bounded: Node's own recursive mkdir loops for ever where a folder cannot be made under
 * one that exists (under /proc, say), each mkdir failing as if the parent were missing.
 */
export function makeDirs(dir: string, mode = 0o777, depth = 0): void {
  try {
    io.mkdirSync(dir, { mode });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && fs.statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT' || depth > 64 || dirname(dir) === dir) throw error;
    makeDirs(dirname(dir), mode, depth + 1);
    io.mkdirSync(dir, { mode });
  }
}

/** Creates a folder (and its parents) for a file about to be written. */
export function ensureDir(dir: string, context: WriteContext): void {
  try {
    makeDirs(dir);
  } catch (error) {
    throw asWriteError(error, dir, context);
  }
}

/** Makes a rename durable; a platform that cannot open a directory for fsync is left as it is. */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = io.openSync(dir, 'r');
    io.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== null) io.closeSync(fd);
  }
}

/** Replaces `file` whole: a reader sees the old content or the new, and a failure leaves no temp file. */
export function writeFileWhole(file: string, data: string | Uint8Array, context: WriteContext): void {
  const target = resolve(file);
  const temp = `${target}.${process.pid}-${crypto().randomBytes(3).toString('hex')}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let fd: number | null = null;
  try {
    fd = io.openSync(temp, 'wx');
    for (let written = 0; written < bytes.length; ) written += io.writeSync(fd, bytes, written);
    io.fdatasyncSync(fd);
    io.closeSync(fd);
    fd = null;
    io.renameSync(temp, target);
  } catch (error) {
    try {
      if (fd !== null) io.closeSync(fd);
    } catch {
      // the temp file goes next either way
    }
    try {
      io.rmSync(temp, { force: true });
    } catch {
      // a read-only disk never had it
    }
    throw asWriteError(error, target, context);
  }
  syncDir(dirname(target));
}

/** Above this, an append checks the free space first instead of writing megabytes to take back. */
const CHECK_ROOM_FROM = 64 * 1024;

function checkRoom(file: string, bytes: number, context: WriteContext): void {
  let free: number;
  try {
    const s = io.statfsSync(dirname(file));
    // root may use the blocks reserved for it; others only the available ones.
    free = (process.getuid?.() === 0 ? s.bfree : s.bavail) * s.bsize;
  } catch {
    return;
  }
  if (free >= bytes) return;
  const size = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  throw new WriteError(message('ENOSPC', file, context, ` (${size(bytes)} needed, ${size(free)} free)`), file, 'ENOSPC');
}

/**
 * Appends JSON lines to a log in `dir` with one write and one fdatasync, all or none (see
 * appendWhole). After a torn last line (a killed process) it starts on a fresh line, or the first
 * entry written here would be glued to the fragment and lost with it.
 */
export function appendJsonLines(dir: string, file: string, entries: readonly unknown[], context: WriteContext): void {
  if (entries.length === 0) return;
  ensureDir(dir, context);
  const fd = openForAppend(file, context, 'a+');
  try {
    const size = io.fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const torn = size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 10;
    appendWhole(fd, file, Buffer.from(`${torn ? '\n' : ''}${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`), context);
  } finally {
    io.closeSync(fd);
  }
}

/**
 * Appends `data` to the file open at `fd` (opened with 'a') and syncs it. On failure the file is
 * cut back to its size before, unless another process appended meanwhile (its lines are not ours
 * to cut; the reader then skips our torn fragment).
 */
export function appendWhole(fd: number, file: string, data: Uint8Array, context: WriteContext): void {
  const steps = appendInSteps(fd, file, context);
  try {
    steps.write(data);
    steps.commit();
  } catch (error) {
    steps.fail(error);
  }
}

/**
 * An append made of many writes that lands whole or not at all: `write` each piece, then `commit`
 * (one sync); if anything throws in between, `fail` cuts the file back to its size before the
 * first piece and throws the error as a WriteError naming the file. For an import too large to
 * hold in memory as one buffer.
 */
export function appendInSteps(fd: number, file: string, context: WriteContext): { write(data: Uint8Array): void; commit(): void; fail(error: unknown): never } {
  let before: number;
  try {
    before = io.fstatSync(fd).size;
  } catch (error) {
    throw asWriteError(error, file, context);
  }
  let written = 0;
  return {
    write(data) {
      // Refused before a byte of a large piece is written, with the sizes, as appendWhole does.
      if (data.length >= CHECK_ROOM_FROM) checkRoom(file, data.length, context);
      for (let at = 0; at < data.length; ) {
        const n = io.writeSync(fd, data, at);
        at += n;
        written += n;
      }
    },
    commit() {
      io.fdatasyncSync(fd);
    },
    fail(error) {
      const torn = written > 0 && !rollBack(fd, before, written);
      // A disk error becomes one line naming the file; anything else (the source changed under
      // the import) is passed on as it is, the log cut back all the same.
      if ((error as NodeJS.ErrnoException | null)?.code === undefined) throw error;
      throw asWriteError(error, file, context, torn);
    },
  };
}

/** Cuts the file back to `before`; false when that is not safe or did not work. */
function rollBack(fd: number, before: number, written: number): boolean {
  try {
    if (io.fstatSync(fd).size !== before + written) return false;
    io.ftruncateSync(fd, before);
    io.fdatasyncSync(fd);
    return true;
  } catch {
    // Nothing more can be done here; a torn last line is skipped when the file is read.
    return false;
  }
}

/** Opens `file` for appending (creating it), as a WriteError naming the file when it cannot be. */
export function openForAppend(file: string, context: WriteContext, flags: 'a' | 'a+' = 'a'): number {
  try {
    return io.openSync(file, flags);
  } catch (error) {
    throw asWriteError(error, file, context);
  }
}
