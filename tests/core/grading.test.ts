import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeMulti, suggestOpenRating } from '../../src/core/grading.js';

describe('grading', () => {
  it('choice: wrong is Again, right is Good, right but a guess is Hard', () => {
    expect(gradeChoice(2, 1, false)).toEqual({ correct: false, rating: 1 });
    expect(gradeChoice(2, 2, false)).toEqual({ correct: true, rating: 3 });
    expect(gradeChoice(2, 2, true)).toEqual({ correct: true, rating: 2 });
    expect(gradeChoice(2, 1, true)).toEqual({ correct: false, rating: 1 });
  });

  it('multi: only the exact set is right', () => {
    expect(gradeMulti([0, 3], new Set([3, 0]), false)).toEqual({ correct: true, rating: 3 });
    expect(gradeMulti([0, 3], new Set([0]), false).rating).toBe(1);
    expect(gradeMulti([0, 3], new Set([0, 1, 3]), false).rating).toBe(1);
    expect(gradeMulti([0, 3], new Set([0, 3]), true).rating).toBe(2);
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
