// The build compiles string-width's RGI emoji regex on first use, not when the module loads
// (scripts/build.mjs, rgi-emoji-on-first-use). The bundled module must measure every string as
// string-width itself does: emoji, ZWJ sequences, flags, keycaps, skin tones, CJK, combining marks.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPatched } from '../helpers/build-patched.js';

const STRING_WIDTH = join(import.meta.dirname, '../../node_modules/string-width/index.js');
type Width = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;

let remove = (): void => {};
let patched: Width;
let original: Width;

beforeAll(async () => {
  ({ patched, original, remove } = await buildPatched<Width>(STRING_WIDTH, 'rgiEmojiCompiled'));
});
afterAll(() => remove());

const pieces = ['a', ' ', '日', '한', 'e\u0301', '\u{1F44D}', '\u{1F44D}\u{1F3FD}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u{1F1EC}\u{1F1E7}', '1\uFE0F\u20E3', '\u2764\uFE0F', '\u2764', '\u00A9', '\u{1F3F3}\uFE0F\u200D\u{1F308}', '\u0301', '\u200B', '\u001b[31m', '\t'];

describe("the bundled string-width's lazy emoji regex", () => {
  it('measures every string as string-width does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.boolean(), (parts, narrow) => {
        const text = parts.join('');
        expect(patched(text, { ambiguousIsNarrow: narrow })).toBe(original(text, { ambiguousIsNarrow: narrow }));
      }),
      { numRuns: 1000 },
    );
  });
});
