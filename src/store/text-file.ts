// Writing a whole text file so that a reader never sees half of it: a temp file beside it,
// synced, then renamed over the target.
import { closeSync, fdatasyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

export function writeTextFileAtomic(file: string, text: string): void {
  const target = resolve(file);
  const temp = `${target}.${process.pid}-${randomBytes(3).toString('hex')}.tmp`;
  const data = Buffer.from(text);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx');
    for (let written = 0; written < data.length; ) written += writeSync(fd, data, written);
    fdatasyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}
