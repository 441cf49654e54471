// The story bank: the user's own STAR stories, each tagged with the culture values it shows and
// rehearsed on the same FSRS schedule as cards. A story is rehearsed as an open question: an
// interviewer's question for one of its values is the prompt, its four STAR parts the key points.
import { ID_PATTERN, type Card } from './deck.js';
import { endOfDay } from './day.js';
import type { CardRecord } from './progress.js';
import type { StudyItem } from './queue.js';
import { CULTURE_VALUES, cultureValue, type CultureValue } from './culture-values.js';
import { rehearsalQuestion, rehearsalQuestions, type RehearsalQuestion } from './story-questions.js';

export interface Story {
  /** Lowercase a-z0-9-, fixed at creation: the schedule is keyed by it, so a new title keeps the history. */
  id: string;
  title: string;
  situation: string;
  task: string;
  action: string;
  result: string;
  /** Culture value ids (see culture-values.ts). */
  values: string[];
  createdAt: number;
  updatedAt: number;
}

export const STORY_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StoryPart = (typeof STORY_PARTS)[number];
export const STORY_PART_NAMES: Record<StoryPart, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };

export const STORIES_DECK_ID = 'stories';
export const STORIES_DECK_TITLE = 'Story bank';
const KEY_PREFIX = `${STORIES_DECK_ID}/`;
export const TITLE_MAX = 120;
const ID_MAX = 40;

/** The same rule as deck text: nothing below U+0020 but newline and tab, no DEL, no C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_ALL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The key of a story's schedule in the progress log. */
export function storyKey(id: string): string {
  return KEY_PREFIX + id;
}

export function isStoryKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX);
}

/** Ids of stories that have rehearsals in the log, removed ones included. */
export function storyIdsWithHistory(keys: Iterable<string>): string[] {
  return [...keys].filter(isStoryKey).map((k) => k.slice(KEY_PREFIX.length));
}

/**
 * Typed or pasted text made safe to keep: line breaks normalised, other control characters
 * dropped, so a paste never leaves the user with a story that cannot be saved.
 */
export function cleanStoryText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_ALL, '');
}

/** What is wrong with a story, as sentences for the user; empty when it can be saved. */
export function storyProblems(story: Story): string[] {
  const problems: string[] = [];
  if (!ID_PATTERN.test(story.id)) problems.push(`The id "${story.id}" must use lowercase letters, digits and single hyphens.`);
  if (!story.title.trim()) problems.push('Give the story a title.');
  else if (/[\n\t]/.test(story.title)) problems.push('The title must be one line.');
  else if (story.title.length > TITLE_MAX) problems.push(`Keep the title under ${TITLE_MAX} characters.`);
  if (STORY_PARTS.every((part) => !story[part].trim())) problems.push('Write at least one of Situation, Task, Action and Result.');
  const fields = [['Title', story.title], ...STORY_PARTS.map((p) => [STORY_PART_NAMES[p], story[p]])] as const;
  for (const [name, text] of fields) {
    if (UNSAFE.test(text)) problems.push(`${name} contains a control character (only newline and tab are allowed).`);
  }
  if (story.values.some((v) => !ID_PATTERN.test(v))) problems.push('A value id must use lowercase letters, digits and single hyphens.');
  if (new Set(story.values).size !== story.values.length) problems.push('A value is tagged twice.');
  return problems;
}

/** A story read from disk, or null when its shape is wrong; text is checked as on saving. */
export function parseStory(value: unknown): Story | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  const texts = ['id', 'title', ...STORY_PARTS] as const;
  if (!texts.every((k) => typeof s[k] === 'string')) return null;
  if (!Array.isArray(s.values) || !s.values.every((v) => typeof v === 'string')) return null;
  if (typeof s.createdAt !== 'number' || typeof s.updatedAt !== 'number') return null;
  const story: Story = {
    id: s.id as string,
    title: s.title as string,
    situation: s.situation as string,
    task: s.task as string,
    action: s.action as string,
    result: s.result as string,
    values: [...(s.values as string[])],
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
  return storyProblems(story).length === 0 ? story : null;
}

/** A readable id from the title ("Led the pacing fix" → "led-the-pacing-fix"), kept short. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > ID_MAX) break;
    slug = next;
  }
  // A first word longer than the limit, or a title with no latin letters or digits at all.
  if (!slug && words[0]) slug = words[0].slice(0, ID_MAX);
  return slug || 'story';
}

/**
 * An id for a new story that no other story uses. Pass the ids with rehearsal history too: a new
 * story must not inherit the schedule of a removed one that had the same title.
 */
export function newStoryId(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugFromTitle(title);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** The values, in memo order, that no story is tagged with yet. */
export function valuesWithoutStory(stories: readonly Story[]): CultureValue[] {
  const shown = new Set(stories.flatMap((s) => s.values));
  return CULTURE_VALUES.filter((v) => !shown.has(v.id));
}

/** The names of a story's values, in memo order; ids this version does not know are left out. */
export function storyValueNames(story: Story): string[] {
  return CULTURE_VALUES.filter((v) => story.values.includes(v.id)).map((v) => v.name);
}

type OpenCard = Extract<Card, { type: 'open' }>;

/**
 * What a rehearsal shows: an interviewer's question for one of the story's values, which story
 * to answer it with, then the four parts to tick. Without a question given, the first one.
 */
export function storyCard(story: Story, asked: RehearsalQuestion = rehearsalQuestion(story.values, new Map(), 0)): OpenCard {
  // The title names which story to tell, so ticking its parts afterwards checks the right one.
  const cue = asked.value
    ? `Your story: "${story.title.trim()}", for ${asked.value.name}. Tell it in STAR order.`
    : `Your story: "${story.title.trim()}". Tell it in STAR order, and tag it with the values it shows.`;
  return {
    id: story.id,
    type: 'open',
    prompt: `${asked.question}\n${cue}`,
    keyPoints: STORY_PARTS.filter((part) => story[part].trim()).map((part) => `${STORY_PART_NAMES[part]}: ${story[part].trim()}`),
    ...(story.values.length > 0 ? { tags: story.values.filter((v) => cultureValue(v)) } : {}),
  };
}

/**
 * A story as a study item. `questions` are the loaded decks' behavioural questions by value and
 * `rehearsals` how many the story has had, which picks the question (see rehearsalQuestion).
 */
export function storyItem(story: Story, questions: ReadonlyMap<string, readonly string[]> = new Map(), rehearsals = 0): StudyItem {
  const asked = rehearsalQuestions(story.values, questions, rehearsals);
  const card = storyCard(story, asked[0]);
  // The rest are offered on the question screen (o), for a question that does not fit the story.
  const prompts = asked.length > 1 ? { prompts: asked.map((q) => storyCard(story, q).prompt) } : {};
  return { key: storyKey(story.id), deckId: STORIES_DECK_ID, deckTitle: STORIES_DECK_TITLE, card, ...prompts };
}

/** Due today (its record is due before the day ends) or never rehearsed. */
export function isStoryDue(story: Story, records: ReadonlyMap<string, CardRecord>, now: number): boolean {
  const record = records.get(storyKey(story.id));
  return !record || record.state.due < endOfDay(now);
}

/** The stories to rehearse today, in bank order. */
export function dueStories(stories: readonly Story[], records: ReadonlyMap<string, CardRecord>, now: number): Story[] {
  return stories.filter((s) => isStoryDue(s, records, now));
}
