// Intl.Segmenter as the bundle sees it (scripts/build.mjs defines Intl.Segmenter as this class).
// ink, string-width and wrap-ansi each make a segmenter when their module loads, and ink's output
// splits every line of every frame into graphemes. The first Intl object of a process loads ICU's
// locale data, some 10-14 ms of every start of the app, although the screens' text is almost all
// Latin-1, punctuation, arrows, box drawing and symbols: characters that are each a grapheme of
// their own (UAX #29: none of them extends, joins or pairs; CR LF is the one pair that stays
// together). Text made only of those, without CR LF, is split here, one segment per character
// (tests/core/lazy-segmenter.test.ts checks every pair of them against Intl); anything else goes
// to the real segmenter, made on first use with the arguments given.
const Real = globalThis.Intl.Segmenter;
/** Latin-1, dashes to ellipsis, per mille to the last prime-like mark, arrows, box drawing to dingbats. */
export const SINGLE = /^[\0-\xff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u27bf]*$/;

/** The segments of such a text: what Intl gives for it, one character each. */
class SingleSegments {
  #input;

  constructor(input) {
    this.#input = input;
  }

  containing(index = 0) {
    const input = this.#input;
    const at = Math.trunc(Number(index)) || 0;
    return at >= 0 && at < input.length ? { segment: input[at], index: at, input } : undefined;
  }

  *[Symbol.iterator]() {
    const input = this.#input;
    for (let index = 0; index < input.length; index++) yield { segment: input[index], index, input };
  }
}

export class LazySegmenter {
  #args;
  #real = null;
  #graphemes;

  constructor(...args) {
    this.#args = args;
    this.#graphemes = (args[1]?.granularity ?? 'grapheme') === 'grapheme';
  }

  #segmenter() {
    return (this.#real ??= new Real(...this.#args));
  }

  segment(input) {
    const text = String(input);
    if (this.#graphemes && SINGLE.test(text) && !text.includes('\r\n')) return new SingleSegments(text);
    return this.#segmenter().segment(text);
  }

  resolvedOptions() {
    return this.#segmenter().resolvedOptions();
  }

  static supportedLocalesOf(...args) {
    return Real.supportedLocalesOf(...args);
  }
}
