// The matcher's evidence as the open-question screen shows and counts it: each key point's quote
// cut to a line or two, and how many of the user's ticks the answer's own words back up.
import wrapAnsi from 'wrap-ansi';
import type { TickCounts } from './progress.js';
import { safeText } from './safe-text.js';

/** Ticks with the matcher's evidence and without, or undefined when there was no evidence to weigh. */
export function tickTally(evidence: readonly { covered: boolean }[] | null, ticked: ReadonlySet<number>): TickCounts | undefined {
  if (!evidence) return undefined;
  let evidenced = 0;
  let unevidenced = 0;
  for (const i of ticked) {
    if (evidence[i]?.covered) evidenced++;
    else unevidenced++;
  }
  return { evidenced, unevidenced };
}

const fits = (text: string, width: number, lines: number): boolean => wrapAnsi(text, width, { hard: true, trim: true }).split('\n').length <= lines;

/**
 * `covered: "…we rolled back within the hour…"`, in at most `lines` lines of `width` columns.
 * The words come from the user's answer, so they are made safe first; an ellipsis marks where
 * the quote starts or ends inside a sentence, or where it was cut to fit.
 */
export function quoteEvidence(answer: string, evidence: string, width: number, lines = 2): string {
  const words = safeText(evidence.replace(/\s+/g, ' ').trim()).split(' ');
  const at = answer.indexOf(evidence);
  const before = at > 0 ? answer.slice(0, at).trimEnd() : '';
  const after = at >= 0 ? answer.slice(at + evidence.length).trimStart() : '';
  const lead = before && !/[.!?]$/.test(before) ? '…' : '';
  const endsSentence = /[.!?]$/.test(evidence.trim()) || !after;
  const quote = (n: number, cut: boolean) => `covered: "${lead}${words.slice(0, n).join(' ')}${cut || !endsSentence ? '…' : ''}"`;
  if (fits(quote(words.length, false), width, lines)) return quote(words.length, false);
  let n = words.length - 1;
  while (n > 1 && !fits(quote(n, true), width, lines)) n--;
  // One word too long for the lines (a pasted URL): cut inside it.
  while (words[0]!.length > 1 && !fits(quote(1, true), width, lines)) words[0] = words[0]!.slice(0, Math.ceil(words[0]!.length * 0.8));
  return quote(Math.max(1, n), true);
}
