// Reads an answer written in a file for `keeper-prep feedback`: a regular file of at most
// MAX_ANSWER_BYTES, opened without blocking and checked on the open descriptor, so a FIFO cannot
// hang the command and a link to /dev/zero cannot fill memory.
import { readRegular } from './read-regular.js';
import { safeText } from '../core/safe-text.js';

/** An answer is spoken in a few minutes; 64 KB is some ten thousand words. */
export const MAX_ANSWER_BYTES = 64 * 1024;

export class AnswerFileError extends Error {}

export function readAnswerFile(file: string): string {
  const shown = safeText(file);
  const read = readRegular(file, MAX_ANSWER_BYTES);
  if (!read.ok) {
    switch (read.why) {
      case 'open':
        throw new AnswerFileError(read.error.code === 'ENOENT' ? `${shown}: file not found` : read.error.code === 'EACCES' ? `${shown}: permission denied` : `${shown}: ${safeText(read.error.message)}`);
      case 'not-regular':
        throw new AnswerFileError(read.stat.isDirectory() ? `${shown} is a directory; give the file the answer is written in` : `${shown} is not a regular file (a pipe, socket or device); save the answer to a file`);
      case 'too-big':
        throw new AnswerFileError(`${shown} is over ${MAX_ANSWER_BYTES / 1024} KB; an answer file is limited to ${MAX_ANSWER_BYTES / 1024} KB`);
      case 'read':
        throw new AnswerFileError(`${shown}: ${safeText(read.error.message)}`);
    }
  }
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!text.trim()) throw new AnswerFileError(`${shown} is empty; write the answer in it first`);
  return text;
}
