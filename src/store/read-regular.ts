// Reading a file that came from outside (a deck, an answer, a cache the user may have replaced):
// opened without blocking and checked on the open descriptor, so a FIFO cannot hang the app and a
// link to /dev/zero cannot fill memory, and never read past a limit even if the file grows meanwhile.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type RegularRead =
  | { ok: true; bytes: Buffer; stat: Stats }
  | { ok: false; why: 'open'; error: NodeJS.ErrnoException }
  | { ok: false; why: 'not-regular'; stat: Stats }
  /** `size` is what was seen: the stat's size, or more than the limit when it grew while read. */
  | { ok: false; why: 'too-big'; size: number; grew: boolean }
  | { ok: false; why: 'read'; error: Error };

export function readRegular(path: string, maxBytes: number): RegularRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, why: 'open', error: error as NodeJS.ErrnoException };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, why: 'not-regular', stat };
    if (stat.size > maxBytes) return { ok: false, why: 'too-big', size: stat.size, grew: false };
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { ok: false, why: 'too-big', size: length, grew: true };
    return { ok: true, bytes: buffer.subarray(0, length), stat };
  } catch (error) {
    return { ok: false, why: 'read', error: error as Error };
  } finally {
    closeSync(fd);
  }
}
