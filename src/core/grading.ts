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

/** What a one-answer choice earned, as the answer screen says it. */
export function choiceVerdict(graded: Graded, guessed: boolean): string {
  if (!graded.correct) return 'Not right: rated Again; it will come back soon.';
  return guessed ? 'Right, but marked a guess: rated Hard.' : 'Right: rated Good.';
}

export interface MultiGraded extends Graded {
  /** Options ticked that are not answers. */
  wrong: number;
  /** Answers left unticked. */
  missed: number;
  /** Answers ticked. */
  hits: number;
}

/** Below this many options one mistake is a large share of the question, so partial credit stops. */
export const PARTIAL_CREDIT_OPTIONS = 4;

/**
 * multi: the exact set is Good (Hard when marked a guess). One mistake, a wrong tick or a missed
 * answer, is Hard when there are four or more options and at least one answer was ticked: the
 * user knew most of it, and a near miss should not reset the card like a blank would. Anything
 * else is Again. A guess never lifts a near miss above Hard. `correct` stays "the exact set",
 * so calibration counts a near miss as not right: being sure and missing an option is the
 * overconfidence it measures.
 */
export function gradeMulti(answers: readonly number[], picked: ReadonlySet<number>, guessed: boolean, options: number): MultiGraded {
  const right = new Set(answers);
  const wrong = [...picked].filter((i) => !right.has(i)).length;
  const missed = answers.filter((a) => !picked.has(a)).length;
  const hits = answers.length - missed;
  const correct = wrong === 0 && missed === 0;
  const nearMiss = wrong + missed === 1 && hits > 0 && options >= PARTIAL_CREDIT_OPTIONS;
  const rating: Rating = correct ? (guessed ? 2 : 3) : nearMiss ? 2 : 1;
  return { correct, rating, wrong, missed, hits };
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `one ${one}` : `${n} ${many}`;
}

/** What a select-all answer earned and why, as the answer screen says it. */
export function multiVerdict(graded: MultiGraded, guessed: boolean, options: number): string {
  if (graded.correct) return choiceVerdict(graded, guessed);
  const { wrong, missed, hits } = graded;
  // The glyphs are the marks beside the options, so the verdict is also their legend.
  const mistakes = [wrong > 0 ? `${count(wrong, 'wrong tick', 'wrong ticks')} (✗)` : '', missed > 0 ? `${count(missed, 'missed option', 'missed options')} (!)` : ''].filter(Boolean).join(' and ');
  const what = hits === 0 && wrong === 0 ? 'Nothing ticked' : mistakes.charAt(0).toUpperCase() + mistakes.slice(1);
  if (graded.rating === 2) return `${what}: rated Hard.`;
  const why = wrong + missed === 1 && hits > 0 && options < PARTIAL_CREDIT_OPTIONS ? ` (with ${options} options any mistake counts)` : '';
  return `${what}: rated Again${why}; it will come back soon.`;
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

export interface AnswerGrade extends Graded {
  /** A near miss: not right, but rated above Again. */
  partly: boolean;
  /** The rating and why, as the answer screen says it. */
  verdict: string;
}

/** A choice or select-all answer, graded, with what to say of it. */
export function gradeAnswer(card: Extract<Card, { type: 'choice' | 'multi' }>, picked: ReadonlySet<number>, guessed: boolean): AnswerGrade {
  if (card.type === 'choice') {
    const graded = gradeChoice(card.answer, [...picked][0] ?? -1, guessed);
    return { ...graded, partly: false, verdict: choiceVerdict(graded, guessed) };
  }
  const graded = gradeMulti(card.answers, picked, guessed, card.choices.length);
  return { correct: graded.correct, rating: graded.rating, partly: !graded.correct && graded.rating > 1, verdict: multiVerdict(graded, guessed, card.choices.length) };
}

/** The indices of a choice or select-all card's right options. */
export function rightAnswers(card: Extract<Card, { type: 'choice' | 'multi' }>): ReadonlySet<number> {
  return new Set(card.type === 'choice' ? [card.answer] : card.answers);
}
