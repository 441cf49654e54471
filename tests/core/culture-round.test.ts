import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CULTURE_VALUES } from '../../src/core/culture-values.js';
import { behaviouralPrompts, pickQuestions, resumeTimer, roundDimensionMeans, ROUND_RUBRIC, speakingVerdict, suggestRoundRating } from '../../src/core/culture-round.js';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import { startTimer, togglePause, elapsed } from '../../src/core/mock.js';
import type { CardRecord } from '../../src/core/progress.js';
import { createScheduler } from '../../src/core/scheduler.js';
import type { Story } from '../../src/core/stories.js';
import { REPO } from '../helpers/temp.js';

const T0 = new Date(2026, 10, 20, 9, 0, 0).getTime();
const DAY = 24 * 60 * 60 * 1000;

function culture(): Deck {
  const parsed = parseDeck(readFileSync(join(REPO, 'decks/culture.json'), 'utf8'), 'culture.json');
  if (!parsed.ok) throw new Error('culture deck does not parse');
  return parsed.deck;
}

const story = (values: string[]): Story => ({ id: 's', title: 'S', situation: 'x', task: '', action: '', result: '', values, createdAt: T0, updatedAt: T0 });

/** A record rated `reps` times, due at `due`. */
function practised(reps: number, due: number): CardRecord {
  const state = createScheduler({ retention: 0.9 }).next(undefined, T0 - 30 * DAY, 3);
  return { state: { ...state, reps, due }, firstReview: T0 - 30 * DAY };
}

describe('the culture round: which questions', () => {
  const prompts = behaviouralPrompts([culture()]);

  it('takes the open behavioural prompts with a value: 32, four per value', () => {
    expect(prompts).toHaveLength(32);
    for (const v of CULTURE_VALUES) expect(prompts.filter((p) => p.value === v.id)).toHaveLength(4);
    expect(prompts.every((p) => p.card.type === 'open' && p.key.startsWith('culture/'))).toBe(true);
  });

  it('is the same on the same day, asks each value once, and changes from one day to the next', () => {
    const a = pickQuestions(prompts, new Map(), [], 5, T0);
    expect(pickQuestions(prompts, new Map(), [], 5, T0 + 3 * 60 * 60 * 1000)).toEqual(a);
    expect(a).toHaveLength(5);
    expect(new Set(a.map((q) => q.value)).size).toBe(5);
    const days = new Set(Array.from({ length: 5 }, (_v, d) => pickQuestions(prompts, new Map(), [], 5, T0 + d * DAY).map((q) => q.key).join()));
    expect(days.size).toBeGreaterThan(1);
  });

  it('asks due prompts first, then values without a story, then the least practised', () => {
    const records = new Map<string, CardRecord>();
    // Every prompt practised twice and due in the future, except one due now and one practised once.
    for (const p of prompts) records.set(p.key, practised(2, T0 + 5 * DAY));
    const dueOne = prompts.find((p) => p.value === 'curiosity')!;
    records.set(dueOne.key, practised(2, T0 - DAY));
    const lessOne = prompts.find((p) => p.value === 'courage')!;
    records.set(lessOne.key, practised(1, T0 + 5 * DAY));
    // Stories for every value but judgment.
    const stories = [story(CULTURE_VALUES.filter((v) => v.id !== 'judgment').map((v) => v.id))];
    const picked = pickQuestions(prompts, records, stories, 3, T0);
    expect(picked[0]!.key).toBe(dueOne.key);
    expect(picked[1]!.value).toBe('judgment');
    expect(picked[2]!.key).toBe(lessOne.key);
  });

  it('only repeats a value once every value has had a question, and stops at the prompts there are', () => {
    const nine = pickQuestions(prompts, new Map(), [], 9, T0);
    expect(new Set(nine.slice(0, 8).map((q) => q.value)).size).toBe(8);
    expect(new Set(nine.map((q) => q.key)).size).toBe(9);
    expect(pickQuestions(prompts, new Map(), [], 100, T0)).toHaveLength(32);
    expect(pickQuestions([], new Map(), [], 5, T0)).toEqual([]);
  });
});

describe('the behavioural rubric', () => {
  it('has five dimensions of four levels each', () => {
    expect(ROUND_RUBRIC.map((d) => d.id)).toEqual(['situation', 'ownership', 'result', 'reflection', 'value']);
    for (const d of ROUND_RUBRIC) expect(d.levels.every((l) => l.length > 10)).toBe(true);
  });

  it('suggests a rating from the mean score, as design does without hints', () => {
    expect(suggestRoundRating([1, 1, 2, 1, 1])).toBe(1);
    expect(suggestRoundRating([2, 2, 2, 1, 2])).toBe(2);
    expect(suggestRoundRating([3, 2, 3, 2, 4])).toBe(3);
    expect(suggestRoundRating([4, 4, 3, 4, 4])).toBe(4);
    expect(suggestRoundRating([2, 2, 1, 2, 2])).toBe(2);
    expect(suggestRoundRating([])).toBe(3);
    // A score outside 1-4 (a damaged file) is not counted.
    expect(suggestRoundRating([0, 4, 4])).toBe(4);
  });

  it('averages each dimension over the latest rounds, in rubric order', () => {
    const round = (finishedAt: number, scores: number[][]) => ({ finishedAt, questions: scores.map((s) => ({ scores: s.map((score, i) => ({ dimension: ROUND_RUBRIC[i]!.name, score })) })) });
    const means = roundDimensionMeans([round(T0, [[1, 2, 3, 4, 1], [3, 2, 1, 4, 3]]), round(T0 + 1, [[4, 4, 4, 4, 4]])]);
    expect(means.map((m) => m.dimension)).toEqual(ROUND_RUBRIC.map((d) => d.name));
    expect(means[0]).toEqual({ dimension: 'Specific situation', mean: 8 / 3, n: 3 });
    expect(roundDimensionMeans([])).toEqual([]);
    const old = round(T0 - 100, [[1, 1, 1, 1, 1]]);
    const recent = Array.from({ length: 10 }, (_v, i) => round(T0 + i, [[4, 4, 4, 4, 4]]));
    expect(roundDimensionMeans([old, ...recent])[0]!.mean).toBe(4);
  });
});

describe('the round clock', () => {
  it('does not count the time a round was away (closed or killed) when it resumes', () => {
    const timer = startTimer(T0);
    const resumed = resumeTimer(timer, T0 + 40_000, T0 + 3_600_000);
    expect(elapsed(resumed, T0 + 3_600_000 + 5_000)).toBe(45_000);
    const paused = togglePause(timer, T0 + 10_000);
    expect(resumeTimer(paused, T0 + 20_000, T0 + 99_000)).toBe(paused);
  });

  it('judges speaking time against the two to three minutes expected', () => {
    expect(speakingVerdict(60)).toBe('short');
    expect(speakingVerdict(150)).toBe('right');
    expect(speakingVerdict(200)).toBe('long');
  });
});
