import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temp directory, removed after the test. */
export function tempDir(prefix = 'keeper-prep-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const REPO = new URL('../../', import.meta.url).pathname;
export const BUILTIN_DECKS = join(REPO, 'decks');
export const MINI_DECK = join(REPO, 'tests/fixtures/mini.json');
