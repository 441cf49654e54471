import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CULTURE_VALUES } from '../../src/core/culture-values.js';
import { createScheduler } from '../../src/core/scheduler.js';
import type { CardRecord } from '../../src/core/progress.js';
import {
  cleanStoryText,
  dueStories,
  newStoryId,
  parseStory,
  slugFromTitle,
  storyIdsWithHistory,
  storyItem,
  storyKey,
  storyProblems,
  valuesWithoutStory,
  type Story,
} from '../../src/core/stories.js';
import { REPO } from '../helpers/temp.js';

const T0 = new Date(2026, 10, 20, 9, 0, 0).getTime();

const story = (patch: Partial<Story> = {}): Story => ({
  id: 'pacing-fix',
  title: 'Shipped the pacing fix',
  situation: 'Ads overspent every night.',
  task: 'Find out why before the quarter closed.',
  action: 'Read the spec, shadowed ad ops,\nfound the time-zone bug.',
  result: 'Overspend fell 12%.',
  values: ['curiosity', 'judgment'],
  createdAt: T0,
  updatedAt: T0,
  ...patch,
});

describe('culture values', () => {
  it('are the eight values the culture deck tags its behavioural cards with', () => {
    const deck = JSON.parse(readFileSync(join(REPO, 'decks/culture.json'), 'utf8')) as { cards: { tags?: string[] }[] };
    const behavioural = deck.cards.filter((c) => c.tags?.includes('behavioural'));
    const tagged = new Set(behavioural.flatMap((c) => c.tags ?? []));
    expect(CULTURE_VALUES).toHaveLength(8);
    for (const value of CULTURE_VALUES) expect(tagged, value.id).toContain(value.id);
    expect(new Set(CULTURE_VALUES.map((v) => v.short)).size).toBe(8);
  });
});

describe('story validation', () => {
  it('accepts a story with a title and at least one part', () => {
    expect(storyProblems(story())).toEqual([]);
    expect(storyProblems(story({ situation: '', task: '', action: '', result: 'It shipped.' }))).toEqual([]);
  });

  it('needs a one-line title and one part that is not blank', () => {
    expect(storyProblems(story({ title: '  ' }))).toEqual(['Give the story a title.']);
    expect(storyProblems(story({ title: 'two\nlines' }))).toEqual(['The title must be one line.']);
    expect(storyProblems(story({ situation: ' ', task: '', action: '\n', result: '' }))).toEqual(['Write at least one of Situation, Task, Action and Result.']);
  });

  it('rejects control characters other than newline and tab, and a bad id', () => {
    expect(storyProblems(story({ action: 'ok\tfine\nstill fine' }))).toEqual([]);
    expect(storyProblems(story({ result: 'clear \u001B[2J screen' }))).toEqual(['Result contains a control character (only newline and tab are allowed).']);
    expect(storyProblems(story({ title: 'bell\u0007' }))[0]).toMatch(/Title contains a control character/);
    expect(storyProblems(story({ id: 'Not An Id' }))[0]).toMatch(/lowercase letters/);
    expect(storyProblems(story({ values: ['courage', 'courage'] }))).toEqual(['A value is tagged twice.']);
  });

  it('cleans typed and pasted text so it can always be saved', () => {
    expect(cleanStoryText('a\r\nb\rc\u001B[Ad\u0085e\tf')).toBe('a\nb\nc[Ade\tf');
  });

  it('reads a stored story back only when its shape and text are valid', () => {
    expect(parseStory(JSON.parse(JSON.stringify(story())))).toEqual(story());
    expect(parseStory({ ...story(), values: 'courage' })).toBeNull();
    expect(parseStory({ ...story(), createdAt: 'yesterday' })).toBeNull();
    expect(parseStory({ ...story(), title: '' })).toBeNull();
    expect(parseStory(null)).toBeNull();
  });
});

describe('story ids', () => {
  it('come from the title, short and in the id alphabet', () => {
    expect(slugFromTitle('Shipped the pacing fix!')).toBe('shipped-the-pacing-fix');
    expect(slugFromTitle('  Résumé — café  ')).toBe('resume-cafe');
    expect(slugFromTitle('私の話')).toBe('story');
    const long = slugFromTitle('One two three four five six seven eight nine ten eleven twelve');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(long.endsWith('-')).toBe(false);
  });

  it('never clash with an existing story, nor with a removed story that has history', () => {
    expect(newStoryId('Pacing fix', [])).toBe('pacing-fix');
    expect(newStoryId('Pacing fix', ['pacing-fix'])).toBe('pacing-fix-2');
    expect(newStoryId('Pacing fix', ['pacing-fix', 'pacing-fix-2'])).toBe('pacing-fix-3');
    const history = storyIdsWithHistory(['culture/eight-values', storyKey('pacing-fix'), 'sql/joins']);
    expect(history).toEqual(['pacing-fix']);
    expect(newStoryId('Pacing fix', history)).toBe('pacing-fix-2');
  });
});

describe('values without a story', () => {
  it('lists the values no story is tagged with, in memo order', () => {
    expect(valuesWithoutStory([])).toHaveLength(8);
    const left = valuesWithoutStory([story(), story({ id: 'b', values: ['courage'] })]).map((v) => v.name);
    expect(left).toEqual(['Selflessness', 'Candor', 'Creativity', 'Inclusion', 'Resilience']);
    const all = CULTURE_VALUES.map((v) => story({ id: v.id, values: [v.id] }));
    expect(valuesWithoutStory(all)).toEqual([]);
  });
});

describe('a story as a rehearsal', () => {
  it('is an open card keyed stories/<id>: a question for one of its values, the story to tell, the STAR parts as key points', () => {
    const item = storyItem(story({ task: '  ' }), new Map([['judgment', ['Tell me about a call you made on thin data.']]]));
    expect(item).toMatchObject({ key: 'stories/pacing-fix', deckId: 'stories', deckTitle: 'Story bank' });
    expect(item.card.type).toBe('open');
    if (item.card.type !== 'open') return;
    // Memo order puts Judgment before Curiosity, so the first rehearsal asks about Judgment.
    expect(item.card.prompt).toBe('Tell me about a call you made on thin data.\nYour story: "Shipped the pacing fix", for Judgment. Tell it in STAR order.');
    expect(item.card.prompt).not.toContain('Tell me about a time… "');
    expect(item.card.keyPoints).toEqual([
      'Situation: Ads overspent every night.',
      'Action: Read the spec, shadowed ad ops,\nfound the time-zone bug.',
      'Result: Overspend fell 12%.',
    ]);
    const untagged = storyItem(story({ values: [] })).card;
    expect(untagged.type === 'open' && untagged.prompt).toContain('tag it with the values it shows');
  });

  it('is due when never rehearsed or when its schedule says today', () => {
    const scheduler = createScheduler({ retention: 0.9 });
    const fresh = story({ id: 'fresh' });
    const learnt = story({ id: 'learnt' });
    const lapsed = story({ id: 'lapsed' });
    let learntState = scheduler.next(undefined, T0 - 40 * 86_400_000, 3);
    for (let i = 0; i < 3; i++) learntState = scheduler.next(learntState, learntState.due, 4);
    const records = new Map<string, CardRecord>([
      [storyKey('learnt'), { state: learntState, firstReview: T0 }],
      [storyKey('lapsed'), { state: { ...learntState, due: T0 - 1000 }, firstReview: T0 }],
    ]);
    expect(learntState.due).toBeGreaterThan(T0 + 86_400_000);
    expect(dueStories([fresh, learnt, lapsed], records, T0).map((s) => s.id)).toEqual(['fresh', 'lapsed']);
  });
});
