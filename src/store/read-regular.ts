// Reading a file that came from outside (a deck, an answer, a cache the user may have replaced):
// opened without blocking and checked on the open descriptor, so a FIFO cannot hang the app and a
// link to /dev/zero cannot fill memory, and never read past a limit even if the file grows meanwhile.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type RegularRead =
  /** `steady`: the file's stat after the read is the one before it (nothing wrote to it meanwhile, as far as a stat can tell). */
  | { ok: true; bytes: Buffer; stat: Stats; steady: boolean }
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
    // Not zeroed: only the bytes read are ever handed out (zeroing a 6 MB deck cost a millisecond).
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { ok: false, why: 'too-big', size: length, grew: true };
    const after = fstatSync(fd);
    const steady = after.size === stat.size && after.size === length && after.mtimeMs === stat.mtimeMs && after.ctimeMs === stat.ctimeMs;
    return { ok: true, bytes: buffer.subarray(0, length), stat, steady };
  } catch (error) {
    return { ok: false, why: 'read', error: error as Error };
  } finally {
    closeSync(fd);
  }
}
