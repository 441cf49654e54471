import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson, safeText } from '../../src/core/safe-text.js';

// Written out here rather than taken from the module, so the tests check the promise, not the code.
const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const INVISIBLE = [0x00ad, 0x180e, 0x200b, 0x2028, 0x2029, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, 0xfeff, 0xfff9, 0xfffa, 0xfffb];
/** Tag characters: invisible letters, a known way to hide text. */
const TAGS = [0xe0000, 0xe007f] as const;

/** A reason the string is not safe for a terminal, or null. */
function unsafe(text: string, allowed: readonly string[]): string | null {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 && !allowed.includes(char)) return `control ${code.toString(16)}`;
    if (code >= 0x7f && code <= 0x9f) return `DEL or C1 ${code.toString(16)}`;
    if (BIDI.includes(code) || INVISIBLE.includes(code) || (code >= TAGS[0] && code <= TAGS[1])) return `formatting ${code.toString(16)}`;
    if (code >= 0xd800 && code <= 0xdfff) return 'lone surrogate';
  }
  return null;
}

const dangerous = fc.constantFrom('\x1b', '\x07', '\x00', '\r', '\n', '\t', '\x7f', '\x85', '\x9b', '\u202e', '\u2066', '\u200f', '\u061c', '\ufeff', '\u{e0041}', '\ud800', '\udfff', '\x1b]52;c;aGk=\x07', '\x1b[2J');
/** Any string, weighted towards the characters that matter here. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(dangerous, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('safeText', () => {
  it('shows the OSC 52 clipboard sequence visibly', () => {
    expect(safeText('deck\x1b]52;c;aGVsbG8=\x07.json')).toBe('deck\\x1b]52;c;aGVsbG8=\\x07.json');
    expect(safeText('abc\u202Edef')).toBe('abc<U+202E>def');
    expect(safeText('\x9b31m\x7f')).toBe('\\x9b31m\\x7f');
    expect(safeText('a\nb\tc\rd')).toBe('a\\nb\\tc\\rd');
    expect(safeText('a\nb\tc\rd', { multiline: true })).toBe('a\nb\tc\\rd');
    expect(safeText('flag \u{1F3F4}\u{E0067}\u{E007F}')).toBe('flag \u{1F3F4}<U+E0067><U+E007F>');
  });

  it('leaves printable text alone: accents, scripts, emoji with joiners and variation selectors', () => {
    for (const text of ['naïve café', 'Привет, 世界', 'שלום עולם', 'مرحبا', '👩‍💻 ❤️ 1️⃣', 'a\\x1b stays as typed', 'कि\u200dत']) {
      expect(safeText(text)).toBe(text);
    }
  });

  it('for any string: no control, C1, bidi or invisible character out, printable text unchanged, length bounded', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const line = safeText(text);
        const multi = safeText(text, { multiline: true });
        expect(unsafe(line, [])).toBeNull();
        expect(unsafe(multi, ['\n', '\t'])).toBeNull();
        expect(line.length).toBeLessThanOrEqual(8 * text.length);
        expect(multi.length).toBeLessThanOrEqual(8 * text.length);
        // Nothing added or lost around what was escaped: the newlines are where they were.
        expect(multi.split('\n').length).toBe(text.split('\n').length);
        expect(safeText(line)).toBe(line);
        expect(safeText(multi, { multiline: true })).toBe(multi);
        if (unsafe(text, []) === null) expect(line).toBe(text);
        if (unsafe(text, ['\n', '\t']) === null) expect(multi).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('safeJson', () => {
  it('is the same data to a JSON reader, with nothing unsafe for a terminal', () => {
    fc.assert(
      fc.property(fc.dictionary(anyText, fc.oneof(anyText, fc.array(anyText, { maxLength: 3 })), { maxKeys: 4 }), (value) => {
        const json = safeJson(value);
        expect(unsafe(json, ['\n'])).toBeNull();
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes \\u escapes, astral characters as their surrogate pair', () => {
    expect(safeJson({ key: 'a\u202Eb\x9b\u{E0041}' })).toBe('{\n  "key": "a\\u202eb\\u009b\\udb40\\udc41"\n}');
  });
});
