// The bundle measures strings of the app's own glyphs without string-width (core/narrow-width.ts):
// every such string must measure exactly as both string-width versions in the bundle say.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { narrowWidth } from '../../src/core/narrow-width.js';
// wrap-ansi's own copy (7.x), which its wrapping measures with
import stringWidth7 from '../../node_modules/wrap-ansi/node_modules/string-width/index.js';

const measures: [string, (s: string, o?: object) => number][] = [
  ['string-width', stringWidth],
  ['string-width 7', stringWidth7 as (s: string, o?: object) => number],
];

/** Every character the fast path takes, printable ASCII included. */
const NARROW_CHARS = [...Array.from({ length: 0x10000 }, (_, cp) => String.fromCharCode(cp))].filter((c) => narrowWidth(c) === 1);

describe('narrowWidth', () => {
  it('takes printable ASCII and the glyphs the app draws, and nothing that is not one column', () => {
    expect(NARROW_CHARS.length).toBeGreaterThan(95);
    for (const c of '·…›↑↓←→─│┤┼╭╮╯╰▁█░▒▓▲▼▸★✓✗•—±↳') expect(NARROW_CHARS).toContain(c);
    for (const c of ['\u00AD', '\u0301', '\u200B', '\u200D', '\uFE0F', '\u2194', '\u25B6', '\u231A', '\u3000', '\u4E00', '\uAC00', '\u1100', '\t', '\u001B', '\u00A9']) expect(narrowWidth(c)).toBe(-1);
  });

  for (const [name, measure] of measures) {
    it(`measures each of its characters, alone and beside others, as ${name} does`, () => {
      for (const c of NARROW_CHARS) {
        expect([c, measure(c)]).toEqual([c, 1]);
        // Joins no neighbour: a combining mark or joiner would make these narrower.
        expect([c, measure(`a${c}a`), measure(`${c}${c}`), measure(`\u2500${c}\u00B7`)]).toEqual([c, 3, 2, 3]);
      }
    });

    it(`agrees with ${name} on any string, its fast path or not`, () => {
      const glyph = fc.constantFrom(...NARROW_CHARS, '\u0301', '\u200D', '\uFE0F', '\u4E00', '\u{1F600}', '\u00AD', '\u001B[31m', '\u2194');
      fc.assert(
        fc.property(fc.array(glyph, { maxLength: 40 }), (chars) => {
          const text = chars.join('');
          const fast = narrowWidth(text);
          if (fast >= 0) expect(fast).toBe(measure(text));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('leaves strings with options that change widths, and non-strings, to string-width', () => {
    expect(narrowWidth('·', { ambiguousIsNarrow: false })).toBe(-1);
    expect(narrowWidth('abc', { countAnsiEscapeCodes: true })).toBe(-1);
    expect(narrowWidth(42)).toBe(-1);
    expect(narrowWidth('')).toBe(0);
  });
});
