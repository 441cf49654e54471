// A dependency's module as the app's build makes it (scripts/build.mjs sharedOptions, with its
// patches), to hold a patched build against the package's own module.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
// @ts-expect-error -- the build script is plain JS, without types
import { sharedOptions } from '../../scripts/build.mjs';

/** The bundled module's default export; `patched` must be in its text (the patch was applied). `remove` deletes the bundle. */
export async function buildPatched<T>(entry: string, patched: string): Promise<{ value: T; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'kp-patched-'));
  const outfile = join(dir, 'patched.mjs');
  await build({ ...(sharedOptions as object), entryPoints: [entry], outfile, splitting: false, minify: false });
  expect(readFileSync(outfile, 'utf8')).toContain(patched);
  const value = ((await import(outfile)) as { default: T }).default;
  return { value, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
