// A dependency's module as the app's build makes it (scripts/build.mjs sharedOptions, with its
// patches), to hold a patched build against the package's own module.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
// @ts-expect-error -- the build script is plain JS, without types
import { sharedOptions } from '../../scripts/build.mjs';

/**
 * The default export of the module as bundled (`patched`, which must be in its text: the patch was
 * applied) and as the package ships it (`original`). `remove` deletes the bundle.
 */
export async function buildPatched<T>(entry: string, patched: string): Promise<{ patched: T; original: T; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'kp-patched-'));
  const outfile = join(dir, 'patched.mjs');
  await build({ ...(sharedOptions as object), entryPoints: [entry], outfile, splitting: false, minify: false });
  expect(readFileSync(outfile, 'utf8')).toContain(patched);
  const load = async (file: string) => ((await import(file)) as { default: T }).default;
  return { patched: await load(outfile), original: await load(entry), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
