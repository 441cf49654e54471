// The build answers ansi-tokenize's diffAnsiCodes(from, to) with no change when both hold the same
// code objects (scripts/build.mjs, ansi-diff-fast-path). ink's output through the patched package
// must be byte for byte what the package writes, for text with random SGR codes.
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import { build } from 'esbuild';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the build script is plain JS, without types
import { sharedOptions } from '../../scripts/build.mjs';

const SGR = ['0', '1', '2', '3', '4', '7', '9', '22', '23', '24', '27', '29', '31', '32', '33', '39', '41', '49', '90', '38;5;208', '38;2;1;2;3', '48;5;17'];
const styled = fc.array(fc.oneof(fc.constantFrom('a', 'b', ' ', '─', '·'), fc.constantFrom(...SGR).map((c) => `\u001b[${c}m`)), { maxLength: 40 }).map((parts) => parts.join(''));

type Pkg = { styledCharsFromTokens: typeof styledCharsFromTokens; styledCharsToString: typeof styledCharsToString; tokenize: typeof tokenize; diffAnsiCodes: (a: unknown[], b: unknown[]) => unknown[] };
let dir: string;
let patched: Pkg;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansi-diff-'));
  const outfile = join(dir, 'patched.mjs');
  await build({ ...(sharedOptions as object), entryPoints: [join(import.meta.dirname, '../../node_modules/@alcalzone/ansi-tokenize/build/index.js')], outfile, splitting: false, minify: false });
  expect(readFileSync(outfile, 'utf8')).toContain('from.every((code, i) => code === to[i])');
  patched = (await import(outfile)) as Pkg;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled ansi-tokenize', () => {
  it('has the fast path, and writes styled text exactly as the package does', () => {
    fc.assert(
      fc.property(styled, (text) => {
        expect(patched.styledCharsToString(patched.styledCharsFromTokens(patched.tokenize(text)))).toBe(styledCharsToString(styledCharsFromTokens(tokenize(text))));
      }),
      { numRuns: 300 },
    );
  });
});
