// string-width segments text into graphemes and tests each against a regex of every emoji, which
// V8 takes some 20 ms to compile at the first string that is not plain ASCII: on the first frame of
// every start. The glyphs the app draws itself (dots, arrows, box lines, chart blocks, ticks,
// stars) are one column each, are no emoji, and join no neighbour, so a string of them and
// printable ASCII is as wide as it is long. The bundle measures such strings here and passes any
// other to string-width (scripts/build.mjs); tests/ui/narrow-width.test.ts checks every one of
// these characters against both string-width versions in the bundle.
const NARROW = /^[\u0020-\u007E\u00B1\u00B7\u2014\u2022\u2026\u203A\u2190-\u2193\u21B3\u2500-\u259F\u25B2\u25B8\u25BC\u2605\u2713\u2717]*$/;

/** string-width's options that change a width. */
export interface WidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

/** The width of a string of those characters (ambiguous ones narrow, string-width's default); -1 for any other. */
export function narrowWidth(input: unknown, options?: WidthOptions): number {
  if (typeof input !== 'string' || options?.countAnsiEscapeCodes || options?.ambiguousIsNarrow === false) return -1;
  return NARROW.test(input) ? input.length : -1;
}
