import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CULTURE_VALUES } from '../../src/core/culture-values.js';
import type { Deck } from '../../src/core/deck.js';
import { parseDeck } from '../../src/core/deck-parse.js';
import { behaviouralQuestions, BUILTIN_QUESTIONS, rehearsalQuestion, rehearsalQuestions, UNTAGGED_QUESTION } from '../../src/core/story-questions.js';
import { REPO } from '../helpers/temp.js';

function deck(cards: unknown[]): Deck {
  const parsed = parseDeck(JSON.stringify({ id: 'qs', title: 'Questions', version: 1, cards }), 'qs.json');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.deck;
}

const open = (id: string, prompt: string, tags: string[]) => ({ id, type: 'open', prompt, keyPoints: ['a'], tags });

describe('behavioural questions of the loaded decks', () => {
  it('are the open cards tagged behavioural, filed under each value id they carry, in deck order', () => {
    const questions = behaviouralQuestions([
      deck([
        open('a', 'Courage one?', ['behavioural', 'courage', 'decisions']),
        open('b', 'Not behavioural?', ['courage']),
        open('c', 'Courage and candor?', ['behavioural', 'candor', 'courage']),
        open('d', 'No value?', ['behavioural']),
        { id: 'e', type: 'flashcard', front: 'A flashcard?', back: 'x', tags: ['behavioural', 'courage'] },
        open('f', 'Unknown value?', ['behavioural', 'teamwork']),
      ]),
    ]);
    expect([...questions.keys()].sort()).toEqual(['candor', 'courage']);
    expect(questions.get('courage')).toEqual(['Courage one?', 'Courage and candor?']);
    expect(questions.get('candor')).toEqual(['Courage and candor?']);
  });

  it('cover every value in the shipped culture deck', () => {
    const parsed = parseDeck(readFileSync(join(REPO, 'decks/culture.json'), 'utf8'), 'culture.json');
    if (!parsed.ok) throw new Error('culture deck does not parse');
    const questions = behaviouralQuestions([parsed.deck]);
    for (const value of CULTURE_VALUES) expect(questions.get(value.id)?.length ?? 0, value.id).toBeGreaterThan(0);
  });
});

describe('the question a rehearsal asks', () => {
  const questions = new Map([
    ['courage', ['C1?', 'C2?', 'C3?']],
    ['judgment', ['J1?']],
  ]);

  it('takes the values in memo order in turn, and each value\'s questions in turn, by the count of past rehearsals', () => {
    // Ticked in any order, Judgment comes before Courage in the memo.
    const asked = [0, 1, 2, 3, 4, 5, 6].map((n) => rehearsalQuestion(['courage', 'judgment'], questions, n));
    expect(asked.map((a) => `${a.value?.id}:${a.question}`)).toEqual([
      'judgment:J1?',
      'courage:C1?',
      'judgment:J1?',
      'courage:C2?',
      'judgment:J1?',
      'courage:C3?',
      'judgment:J1?',
    ]);
    expect(rehearsalQuestion(['courage'], questions, 4).question).toBe('C2?');
    // The same count asks the same question.
    expect(rehearsalQuestion(['courage'], questions, 7)).toEqual(rehearsalQuestion(['courage'], questions, 7));
  });

  it('offers every question of the story\'s values once, starting with the one asked, going round the values first', () => {
    const list = (n: number, values = ['courage', 'judgment', 'resilience']) => rehearsalQuestions(values, questions, n).map((a) => `${a.value?.id}:${a.question}`);
    expect(list(0)).toEqual(['judgment:J1?', 'courage:C1?', `resilience:${BUILTIN_QUESTIONS.resilience}`, 'courage:C2?', 'courage:C3?']);
    // Rehearsal 3 asks C2? (see above, with two values): the list starts there and wraps round.
    expect(list(3, ['courage', 'judgment'])).toEqual(['courage:C2?', 'courage:C3?', 'judgment:J1?', 'courage:C1?']);
    for (let n = 0; n < 8; n++) expect(rehearsalQuestions(['judgment', 'courage'], questions, n)[0]).toEqual(rehearsalQuestion(['judgment', 'courage'], questions, n));
    // A question filed under two values comes once.
    expect(rehearsalQuestions(['judgment', 'courage'], new Map([['judgment', ['Both?']], ['courage', ['Both?', 'C?']]]), 0).map((a) => a.question)).toEqual(['Both?', 'C?']);
    expect(rehearsalQuestions([], questions, 0)).toEqual([{ question: UNTAGGED_QUESTION, value: null }]);
  });

  it('falls back to the built-in question of a value no deck asks about, and to a general one without values', () => {
    expect(rehearsalQuestion(['resilience'], questions, 3)).toEqual({ question: BUILTIN_QUESTIONS.resilience, value: expect.objectContaining({ id: 'resilience' }) });
    expect(rehearsalQuestion([], questions, 0)).toEqual({ question: UNTAGGED_QUESTION, value: null });
    expect(rehearsalQuestion(['not-a-value'], questions, 0).value).toBeNull();
  });

  it('has a built-in question for every value, each a real interview question', () => {
    for (const value of CULTURE_VALUES) {
      const q = BUILTIN_QUESTIONS[value.id];
      expect(q, value.id).toMatch(/^Tell me about .+[.?]$/);
      expect(q!.length).toBeLessThan(160);
    }
    expect(Object.keys(BUILTIN_QUESTIONS).sort()).toEqual(CULTURE_VALUES.map((v) => v.id).sort());
  });
});
