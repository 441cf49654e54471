// Footers that fit the terminal: a key hint that does not fit is dropped whole, least important
// first, rather than cut mid-word at the edge; "? help" (which lists every key) always stays.
// Lengths are in characters: footers are our own text, with no wide characters.

/** [key, what it does, importance: lower numbers are dropped first, a shorter wording]. */
export type FooterPart = readonly [string, string, number, string?];

/** The parts as they are; if too wide, in their short wording; then without the least important. */
export function fitFooter(parts: readonly FooterPart[], width: number, help = '? help'): string {
  const join = (all: readonly FooterPart[]) => [...all.map(([k, d]) => `${k} ${d}`), help].join(' · ');
  if (join(parts).length <= width) return join(parts);
  const kept: FooterPart[] = parts.map(([k, d, importance, short]) => [k, short ?? d, importance]);
  const text = () => join(kept);
  while (kept.length > 0 && text().length > width) {
    const least = kept.reduce((low, part, i) => (part[2] < kept[low]![2] ? i : low), 0);
    kept.splice(least, 1);
  }
  return text();
}

/** The first of these that fits (the last one anyway): for footers that are one sentence. */
export function firstFitting(candidates: readonly string[], width: number): string {
  return candidates.find((c) => c.length <= width) ?? candidates[candidates.length - 1] ?? '';
}
