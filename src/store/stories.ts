// The story bank on disk: one small versioned JSON file, rewritten whole on every change (temp
// file in the same directory, fsync, rename), so it is always either the old bank or the new one.
// Each change first reads the file again, so a story saved by another instance on the same data
// directory is kept rather than overwritten. Rehearsals are not here: they are in the review log.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, type WriteContext, writeFileWhole } from './safe-write.js';
import { parse as parseTolerant } from 'jsonc-parser';
import { parseStory, storyProblems, type Story } from '../core/stories.js';
import { moveAside, plural } from './damage.js';
import type { NoticeSink } from './notices.js';

export const STORIES_FILE = 'stories.json';
const VERSION = 1;

interface StoriesFileV1 {
  version: 1;
  stories: Story[];
}

/** The stories in a file's text, or null when it is not a bank this version can read whole. */
function parseStoriesFile(text: string): Story[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const file = value as Record<string, unknown>;
  if (file.version !== VERSION || !Array.isArray(file.stories)) return null;
  const stories: Story[] = [];
  const ids = new Set<string>();
  for (const item of file.stories) {
    const story = parseStory(item);
    // One bad story makes the whole file unreadable: keeping the rest would drop it on the next save.
    if (!story || ids.has(story.id)) return null;
    ids.add(story.id);
    stories.push(story);
  }
  return stories;
}

/**
 * The stories still whole in a bank that does not read whole: the file read leniently (a torn
 * bank keeps every story before the tear), each story checked on its own, the first of an id kept.
 */
function salvageStories(text: string): Story[] {
  const value: unknown = parseTolerant(text, [], { allowTrailingComma: true });
  const items = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as Record<string, unknown>).stories) ? ((value as Record<string, unknown>).stories as unknown[]) : [];
  const stories: Story[] = [];
  const ids = new Set<string>();
  for (const item of items) {
    const story = parseStory(item);
    if (!story || ids.has(story.id)) continue;
    ids.add(story.id);
    stories.push(story);
  }
  return stories;
}

export class StoryStore {
  readonly path: string;
  private stories: Story[] = [];
  /** What the file looked like when last read, to notice another instance's writes. */
  private seen = '';

  constructor(readonly dir: string, now: number, private readonly notices: NoticeSink) {
    this.path = join(dir, STORIES_FILE);
    this.load(now);
  }

  private stamp(): string {
    try {
      const s = statSync(this.path);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
      throw error;
    }
  }

  private load(now: number): void {
    const stamp = this.stamp();
    if (stamp === this.seen) return;
    if (stamp === 'none') {
      this.stories = [];
      this.seen = stamp;
      return;
    }
    const folder = statSync(this.path).isDirectory();
    const text = folder ? '' : readFileSync(this.path, 'utf8');
    const stories = folder ? null : parseStoriesFile(text);
    if (stories) {
      this.stories = stories;
      this.seen = stamp;
      return;
    }
    // Kept aside whole, and the stories still readable in it kept in the bank.
    const rescued = salvageStories(text);
    const aside = moveAside(this.path, now);
    this.stories = [];
    this.seen = 'none';
    if (rescued.length > 0) this.write(rescued);
    const kept = rescued.length > 0 ? `${plural(rescued.length, 'story', 'stories')} in it ${rescued.length === 1 ? 'was' : 'were'} kept in the bank` : 'no story in it could be read, so the bank starts empty';
    this.notices.push(`Your story bank (${STORIES_FILE}) ${folder ? 'was a folder' : 'was damaged'}; ${kept}. The file as it was is at ${aside}.`);
  }

  private write(stories: Story[]): void {
    const context: WriteContext = { what: 'your story bank', kept: 'it is as it was before this change', inDataDir: true };
    ensureDir(this.dir, context);
    const data: StoriesFileV1 = { version: VERSION, stories };
    writeFileWhole(this.path, `${JSON.stringify(data, null, 2)}\n`, context);
    this.stories = stories;
    this.seen = this.stamp();
  }

  /**
   * Every story, oldest first, including ones another instance saved since we last looked. The
   * clock here only names a file found damaged mid-session; it never reaches a schedule.
   */
  list(): Story[] {
    this.load(Date.now());
    return [...this.stories];
  }

  get(id: string): Story | undefined {
    return this.list().find((s) => s.id === id);
  }

  /** Creates the story, or replaces the one with its id; throws when the story is not valid. */
  save(story: Story): void {
    const problems = storyProblems(story);
    if (problems.length > 0) throw new Error(problems.join(' '));
    const stories = this.list();
    const index = stories.findIndex((s) => s.id === story.id);
    if (index >= 0) stories[index] = story;
    else stories.push(story);
    this.write(stories);
  }

  /**
   * Adds or replaces several stories with one rewrite of the bank (an import's); throws before
   * writing when any of them is not valid.
   */
  saveMany(incoming: readonly Story[]): void {
    if (incoming.length === 0) return;
    for (const story of incoming) {
      const problems = storyProblems(story);
      if (problems.length > 0) throw new Error(problems.join(' '));
    }
    const stories = this.list();
    for (const story of incoming) {
      const index = stories.findIndex((s) => s.id === story.id);
      if (index >= 0) stories[index] = story;
      else stories.push(story);
    }
    this.write(stories);
  }

  /** Takes the story out of the bank; its rehearsals stay in the review log. */
  remove(id: string): boolean {
    const stories = this.list();
    const kept = stories.filter((s) => s.id !== id);
    if (kept.length === stories.length) return false;
    this.write(kept);
    return true;
  }
}
