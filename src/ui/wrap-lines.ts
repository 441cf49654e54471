// Text wrapped to a width the way Para draws it, as lines: a screen that lays out its own body
// counts them before it gives the rest of its room to a list.
import wrapAnsi from 'wrap-ansi';
import { safeText } from '../core/safe-text.js';

/**
 * hang: the first `hang` columns of each paragraph are a mark ("! ", "• ") its later lines hang
 * under, so the first line uses the whole width and the others line up after the mark.
 */
export function wrapLines(text: string, width: number, hang = 0): string[] {
  const indent = ' '.repeat(hang);
  // Made safe first, as Para does, so the lines counted are the lines drawn.
  return safeText(text, { multiline: true }).split('\n').flatMap((line) => {
    // A mark ends in a space ("! ", "• "); otherwise the text starts at once ("No values…") and
    // only its later lines hang.
    const mark = /\s$/.test(line.slice(0, hang)) ? line.slice(0, hang) : '';
    return wrapAnsi(line.slice(mark.length), Math.max(10, width - hang), { hard: true, trim: true })
      .split('\n')
      .map((part, i) => (i === 0 ? mark + part : indent + part));
  });
}

/** The first of these footers that fits the width (the last one otherwise): long hints, then short. */
export function fitFooter(width: number, ...footers: string[]): string {
  return footers.find((f) => [...f].length <= width) ?? footers[footers.length - 1] ?? '';
}
