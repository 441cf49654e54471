// Reads a file to import, refusing what is too big to be a deck before reading a byte of it.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ImportError } from '../core/import-text.js';
import { safeText } from '../core/safe-text.js';

export type ImportKind = 'anki' | 'text';

/** Anki packages can carry media, which is skipped but still read; text exports are small. */
export const IMPORT_LIMITS: Record<ImportKind, number> = { anki: 256 * 1024 * 1024, text: 20 * 1024 * 1024 };

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}

export function readImportSource(file: string): { kind: ImportKind; bytes: Uint8Array; name: string } {
  const name = basename(file);
  const shown = safeText(file);
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new ImportError(`${shown} is a directory; import one file at a time`);
    // A pipe or a device has no size to check and may never end: only regular files are read.
    if (!stat.isFile()) throw new ImportError(`${shown} is not a regular file (a pipe, socket or device); save the export to a file and import that`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError((error as NodeJS.ErrnoException).code === 'ENOENT' ? `${shown}: file not found` : `${shown}: ${safeText((error as Error).message)}`);
  }
  const ext = extname(file).toLowerCase();
  const kind: ImportKind = ext === '.apkg' || ext === '.colpkg' ? 'anki' : 'text';
  if (size > IMPORT_LIMITS[kind]) {
    throw new ImportError(`${safeText(name)} is ${megabytes(size)}; keeper-prep imports ${kind === 'anki' ? 'Anki packages' : 'text files'} of up to ${megabytes(IMPORT_LIMITS[kind])}`);
  }
  if (size === 0) throw new ImportError(`${safeText(name)} is empty`);
  const bytes = readFileSync(file);
  // A zip with another extension is still an Anki package if it holds a collection.
  const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return { kind: zipped && size <= IMPORT_LIMITS.anki ? 'anki' : kind, bytes, name };
}
