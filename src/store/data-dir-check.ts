// Before anything opens: the data directory must be a folder (or not exist yet), and no data file
// a pipe or device. A file where the data directory should be is one line naming the path, not an
// EISDIR from whichever call met it first; a FIFO is refused before a read could wait on it
// forever. (A folder where a data file should be is moved aside by the store, with a notice.)
import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { ATTEMPTS_FILE } from './attempts.js';
import { CRAM_FILE } from './cram-log.js';
import { LOG_FILE, OLD_SNAPSHOT_FILE, SNAPSHOT_FILE } from './progress-store.js';
import { shownPath } from './safe-write.js';
import { STORIES_FILE } from './stories.js';

/** Why the data directory cannot be used as it is; its message is the one line to print. */
export class DataDirError extends Error {}

const FILES: readonly [name: string, holds: string][] = [
  [LOG_FILE, 'your review log'],
  [SNAPSHOT_FILE, 'your card states'],
  [OLD_SNAPSHOT_FILE, 'your card states'],
  [ATTEMPTS_FILE, 'your design attempts'],
  [CRAM_FILE, 'your practice answers'],
  [STORIES_FILE, 'your story bank'],
  ['settings.json', 'your settings'],
];
const FOLDERS: readonly [name: string, holds: string][] = [
  ['drafts', 'your unfinished mocks'],
  ['decks', 'your own decks'],
];

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new DataDirError(`${shownPath(path)} cannot be used: part of its path is a file, not a folder. Choose another data directory with --data-dir or KEEPER_PREP_HOME.`);
    throw error;
  }
}

function kind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function checkDataDir(dir: string): void {
  const top = statOrNull(dir);
  if (!top) return;
  if (!top.isDirectory()) {
    throw new DataDirError(`the data directory ${shownPath(dir)} is ${top.isFile() ? 'a file' : kind(top)}, not a folder. Move it out of the way, or choose another with --data-dir or KEEPER_PREP_HOME.`);
  }
  for (const [name, holds] of FILES) {
    const path = join(dir, name);
    const stats = statOrNull(path);
    // A folder there is damage the store moves aside and reports (nothing in it is lost); a pipe
    // or device could hang a read, so it is refused.
    if (stats && !stats.isFile() && !stats.isDirectory()) throw new DataDirError(`${shownPath(path)} is ${kind(stats)}, where keeper-prep keeps ${holds} as a file. Move it out of the way (rename it), then try again.`);
  }
  for (const [name, holds] of FOLDERS) {
    const path = join(dir, name);
    const stats = statOrNull(path);
    if (stats && !stats.isDirectory()) throw new DataDirError(`${shownPath(path)} is a file, where keeper-prep keeps ${holds} in a folder. Move it out of the way (rename it), then try again.`);
  }
}
