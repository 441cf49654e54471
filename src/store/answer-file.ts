// Reads an answer written in a file for `keeper-prep feedback`: a regular file of at most
// MAX_ANSWER_BYTES, opened without blocking and checked on the open descriptor, so a FIFO cannot
// hang the command and a link to /dev/zero cannot fill memory.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { safeText } from '../core/safe-text.js';

/** An answer is spoken in a few minutes; 64 KB is some ten thousand words. */
export const MAX_ANSWER_BYTES = 64 * 1024;

export class AnswerFileError extends Error {}

export function readAnswerFile(file: string): string {
  const shown = safeText(file);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AnswerFileError(code === 'ENOENT' ? `${shown}: file not found` : code === 'EACCES' ? `${shown}: permission denied` : `${shown}: ${safeText((error as Error).message)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new AnswerFileError(`${shown} is a directory; give the file the answer is written in`);
    if (!stat.isFile()) throw new AnswerFileError(`${shown} is not a regular file (a pipe, socket or device); save the answer to a file`);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_ANSWER_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_ANSWER_BYTES) throw new AnswerFileError(`${shown} is over ${MAX_ANSWER_BYTES / 1024} KB; an answer file is limited to ${MAX_ANSWER_BYTES / 1024} KB`);
    const text = buffer.subarray(0, length).toString('utf8').replace(/^\uFEFF/, '');
    if (!text.trim()) throw new AnswerFileError(`${shown} is empty; write the answer in it first`);
    return text;
  } catch (error) {
    if (error instanceof AnswerFileError) throw error;
    throw new AnswerFileError(`${shown}: ${safeText((error as Error).message)}`);
  } finally {
    closeSync(fd);
  }
}
