import type { CardMarks } from '../../../core/card-marks.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The Decks screen's line about marked cards; null when there are none. */
export function marksLine(marks: CardMarks): string | null {
  const { suspended, flags } = marks;
  if (suspended.size === 0 && flags.size === 0) return null;
  const parts = [...(suspended.size ? [`⊘ ${plural(suspended.size, 'suspended card')} (never studied until unsuspended)`] : []), ...(flags.size ? [`⚑ ${plural(flags.size, 'flagged card')}`] : [])];
  return `${parts.join(' · ')}: m lists them, to unsuspend or clear.`;
}
