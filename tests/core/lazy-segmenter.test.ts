// The bundle's Intl.Segmenter (src/lazy-segmenter.js): what it gives must be what Intl gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JS module of the build, without types
import { LazySegmenter, SINGLE } from '../../src/lazy-segmenter.js';

interface Seg {
  segment(input: string): Iterable<{ segment: string; index: number; input: string }> & { containing(i?: number): { segment: string; index: number; input: string } | undefined };
}
const make = (...args: unknown[]) => new (LazySegmenter as new (...a: unknown[]) => Seg)(...args);
const plain = (segments: Iterable<{ segment: string; index: number; input: string }>) => [...segments].map(({ segment, index, input }) => ({ segment, index, input }));
const pick = (s: { segment: string; index: number; input: string } | undefined) => (s ? { segment: s.segment, index: s.index, input: s.input } : undefined);

// ASCII (controls, ESC sequences, CR and LF among them) and some text that is not.
const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const mixed = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\u001b[31m', 'e\u0301', '👍🏽', '한', 'ﾟ', '\u200d', '\u200c', '\ufe0f', '─', '·', '✓', '→', '…', 'a'), fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c))), maxLength: 20 });

describe('LazySegmenter', () => {
  it('splits text into the graphemes Intl.Segmenter gives, ASCII or not', () => {
    const real = new Intl.Segmenter();
    const realGrapheme = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.oneof(ascii, mixed), fc.nat(45), (text, at) => {
        expect(plain(make().segment(text))).toEqual(plain(real.segment(text)));
        expect(plain(make(undefined, { granularity: 'grapheme' }).segment(text))).toEqual(plain(realGrapheme.segment(text)));
        expect(pick(make().segment(text).containing(at))).toEqual(pick(real.segment(text).containing(at)));
      }),
      { numRuns: 500 },
    );
  });

  it('splits every pair of the characters it splits itself as Intl does', () => {
    const single: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if ((SINGLE as RegExp).test(String.fromCharCode(c))) single.push(String.fromCharCode(c));
    expect(single.length).toBeGreaterThan(1000);
    const real = new Intl.Segmenter();
    // Grapheme breaks are decided pair by pair for these (no emoji or regional-indicator runs
    // among them): each character beside every other one, on both sides.
    for (const c of single) {
      if (c === '\r') continue;
      const text = single.filter((x) => x !== '\r').join(c);
      // Where each segment starts says the whole split; compared as one string, it is quick.
      const starts = (segments: Iterable<{ index: number }>) => Array.from(segments, (s) => s.index).join(',');
      const ours = starts(make().segment(text));
      if (ours !== starts(real.segment(text))) expect(plain(make().segment(text))).toEqual(plain(real.segment(text)));
    }
  });

  it('keeps CR LF one grapheme and leaves words to Intl', () => {
    expect(plain(make().segment('a\r\nb')).map((s) => s.segment)).toEqual(['a', '\r\n', 'b']);
    const words = make(undefined, { granularity: 'word' });
    expect(plain(words.segment('two words')).map((s) => s.segment)).toEqual(['two', ' ', 'words']);
  });
});
