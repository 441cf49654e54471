// The build has ink make each line of a frame without the blank cells after its text (scripts/
// build.mjs, ink-line-fast-path). A frame through the patched Output must be byte for byte what
// ink's own makes, for random writes with SGR codes, wide characters, transformers and clips.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPatched } from '../helpers/build-patched.js';

const OUTPUT_JS = join(import.meta.dirname, '../../node_modules/ink/build/output.js');

interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: ((line: string, index: number) => string)[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => OutputLike;

const SGR = ['0', '1', '2', '7', '22', '27', '31', '39', '44', '49', '4', '24'];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', 'a', 'b', '─', '›', '·') },
  { weight: 1, arbitrary: fc.constantFrom('日', '\u{1F44D}', 'e\u0301', '\n') },
  { weight: 2, arbitrary: fc.constantFrom(...SGR).map((code) => `\u001b[${code}m`) },
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
const op = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('write' as const), x: fc.integer({ min: -1, max: 30 }), y: fc.integer({ min: 0, max: 7 }), text, dim: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clip' as const), x1: fc.integer({ min: 0, max: 30 }), x2: fc.integer({ min: 0, max: 33 }), y1: fc.integer({ min: 0, max: 6 }), y2: fc.integer({ min: 0, max: 8 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unclip' as const }) },
);

let remove = (): void => {};
let Patched: OutputClass;
let Original: OutputClass;

beforeAll(async () => {
  ({ patched: Patched, original: Original, remove } = await buildPatched<OutputClass>(OUTPUT_JS, 'let end = lineWithoutEmptyItems.length;'));
});
afterAll(() => remove());

describe("the bundled ink's Output", () => {
  it('has the fast path, and makes every frame exactly as ink does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 8 }), (width, height, ops) => {
        const outputs = [new Original({ width, height }), new Patched({ width, height })];
        for (const output of outputs) {
          for (const o of ops) {
            if (o.kind === 'clip') output.clip(o);
            else if (o.kind === 'unclip') output.unclip();
            else output.write(o.x, o.y, o.text, { transformers: o.dim ? [(line) => `\u001b[2m${line}\u001b[22m`] : [] });
          }
        }
        expect(outputs[1]!.get()).toEqual(outputs[0]!.get());
      }),
      { numRuns: 500 },
    );
  });
});
