// How each card kind's answer becomes an FSRS rating. Auto-graded kinds only ever give
// Again, Hard or Good: "Easy" is a judgement about effort only the user can make.
import type { Card } from './deck.js';
import type { Rating } from './scheduler.js';

export interface Graded {
  correct: boolean;
  rating: Rating;
}

/** choice: wrong is Again, right is Good, right but marked a guess is Hard. */
export function gradeChoice(answer: number, picked: number, guessed: boolean): Graded {
  const correct = picked === answer;
  return { correct, rating: correct ? (guessed ? 2 : 3) : 1 };
}

/** multi: right only when exactly the right set is selected. */
export function gradeMulti(answers: readonly number[], picked: ReadonlySet<number>, guessed: boolean): Graded {
  const correct = picked.size === answers.length && answers.every((a) => picked.has(a));
  return { correct, rating: correct ? (guessed ? 2 : 3) : 1 };
}

/**
 * open: the share of key points covered suggests a rating the user can change.
 * Under half is a failed recall (Again); most but not all is Hard; all of them is Good.
 */
export function suggestOpenRating(covered: number, total: number): Rating {
  if (total <= 0) return 3;
  const share = covered / total;
  if (share < 0.5) return 1;
  if (share < 1) return 2;
  return 3;
}

/** The indices of a choice or select-all card's right options. */
export function rightAnswers(card: Extract<Card, { type: 'choice' | 'multi' }>): ReadonlySet<number> {
  return new Set(card.type === 'choice' ? [card.answer] : card.answers);
}
