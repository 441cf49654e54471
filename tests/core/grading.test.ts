import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/deck.js';
import { gradeAnswer, gradeChoice, gradeMulti, multiVerdict, suggestOpenRating } from '../../src/core/grading.js';

describe('grading', () => {
  it('choice: wrong is Again, right is Good, right but a guess is Hard', () => {
    expect(gradeChoice(2, 1, false)).toEqual({ correct: false, rating: 1 });
    expect(gradeChoice(2, 2, false)).toEqual({ correct: true, rating: 3 });
    expect(gradeChoice(2, 2, true)).toEqual({ correct: true, rating: 2 });
    expect(gradeChoice(2, 1, true)).toEqual({ correct: false, rating: 1 });
  });

  it('multi: the exact set is Good, or Hard when marked a guess', () => {
    expect(gradeMulti([0, 3], new Set([3, 0]), false, 4)).toEqual({ correct: true, rating: 3, wrong: 0, missed: 0, hits: 2 });
    expect(gradeMulti([0, 3], new Set([0, 3]), true, 4)).toMatchObject({ correct: true, rating: 2 });
  });

  it('multi: one wrong tick or one missed option is Hard with four or more options, and not fully correct', () => {
    expect(gradeMulti([0, 3], new Set([0]), false, 4)).toEqual({ correct: false, rating: 2, wrong: 0, missed: 1, hits: 1 });
    expect(gradeMulti([0, 3], new Set([0, 1, 3]), false, 4)).toEqual({ correct: false, rating: 2, wrong: 1, missed: 0, hits: 2 });
    expect(gradeMulti([0, 3, 4], new Set([0, 3]), false, 6).rating).toBe(2);
    // A guess does not lift a near miss, and does not sink it either.
    expect(gradeMulti([0, 3], new Set([0]), true, 4).rating).toBe(2);
  });

  it('multi: more than one mistake, a blank, or any mistake with under four options is Again', () => {
    expect(gradeMulti([0, 3], new Set([1]), false, 4)).toMatchObject({ correct: false, rating: 1, wrong: 1, missed: 2 });
    expect(gradeMulti([0, 3], new Set([0, 1, 2, 3]), false, 4).rating).toBe(1);
    expect(gradeMulti([0, 3], new Set([1, 3]), false, 4).rating).toBe(1);
    // One missed option of one answer leaves nothing right ticked.
    expect(gradeMulti([2], new Set(), false, 4)).toMatchObject({ rating: 1, hits: 0, missed: 1 });
    expect(gradeMulti([0, 2], new Set([0]), false, 3).rating).toBe(1);
    expect(gradeMulti([0, 2], new Set([0, 1, 2]), false, 3).rating).toBe(1);
  });

  it('multi: for any answer set and ticks, the rating follows the count of mistakes and the verdict names it', () => {
    const question = fc.integer({ min: 2, max: 9 }).chain((options) =>
      fc.record({
        options: fc.constant(options),
        answers: fc.uniqueArray(fc.integer({ min: 0, max: options - 1 }), { minLength: 1, maxLength: options }),
        picked: fc.uniqueArray(fc.integer({ min: 0, max: options - 1 }), { maxLength: options }),
        guessed: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(question, ({ options, answers, picked, guessed }) => {
        const graded = gradeMulti(answers, new Set(picked), guessed, options);
        const mistakes = graded.wrong + graded.missed;
        expect(graded.correct).toBe(mistakes === 0);
        if (mistakes === 0) expect(graded.rating).toBe(guessed ? 2 : 3);
        else if (mistakes === 1 && options >= 4 && graded.hits > 0) expect(graded.rating).toBe(2);
        else expect(graded.rating).toBe(1);
        expect(multiVerdict(graded, guessed, options)).toMatch(graded.rating === 1 ? /rated Again/ : graded.rating === 2 ? /rated Hard\.$/ : /rated Good\.$/);
      }),
    );
  });

  it('multi: the verdict says the rating and why', () => {
    const say = (answers: number[], picked: number[], options = 4, guessed = false) => multiVerdict(gradeMulti(answers, new Set(picked), guessed, options), guessed, options);
    expect(say([0, 3], [0, 3])).toBe('Right: rated Good.');
    expect(say([0, 3], [0, 3], 4, true)).toBe('Right, but marked a guess: rated Hard.');
    expect(say([0, 3], [0])).toBe('One missed option (!): rated Hard.');
    expect(say([0, 3], [0, 1, 3])).toBe('One wrong tick (✗): rated Hard.');
    expect(say([0, 3], [1])).toBe('One wrong tick (✗) and 2 missed options (!): rated Again; it will come back soon.');
    expect(say([0, 3], [0, 1, 2, 3])).toBe('2 wrong ticks (✗): rated Again; it will come back soon.');
    expect(say([0, 3], [])).toBe('Nothing ticked: rated Again; it will come back soon.');
    expect(say([0, 2], [0], 3)).toBe('One missed option (!): rated Again (with 3 options any mistake counts); it will come back soon.');
  });

  it('a card answer: grade, near miss and verdict for both choice kinds', () => {
    const multi: Card = { id: 'm', type: 'multi', prompt: 'p', choices: ['a', 'b', 'c', 'd'], answers: [0, 3], explanation: 'e' };
    expect(gradeAnswer(multi, new Set([0]), false)).toEqual({ correct: false, rating: 2, partly: true, verdict: 'One missed option (!): rated Hard.' });
    expect(gradeAnswer(multi, new Set([1]), false)).toMatchObject({ rating: 1, partly: false });
    const choice: Card = { id: 'c', type: 'choice', prompt: 'p', choices: ['a', 'b'], answer: 1, explanation: 'e' };
    expect(gradeAnswer(choice, new Set([0]), false)).toEqual({ correct: false, rating: 1, partly: false, verdict: 'Not right: rated Again; it will come back soon.' });
    expect(gradeAnswer(choice, new Set([1]), true)).toMatchObject({ correct: true, rating: 2, verdict: 'Right, but marked a guess: rated Hard.' });
  });

  it('open: the share of key points covered suggests the rating', () => {
    expect(suggestOpenRating(0, 3)).toBe(1);
    expect(suggestOpenRating(1, 3)).toBe(1);
    expect(suggestOpenRating(2, 3)).toBe(2);
    expect(suggestOpenRating(3, 3)).toBe(3);
    expect(suggestOpenRating(2, 4)).toBe(2);
    expect(suggestOpenRating(0, 0)).toBe(3);
  });
});
