// The story bank on disk: one small versioned JSON file, rewritten whole on every change (temp
// file in the same directory, fsync, rename), so it is always either the old bank or the new one.
// Each change first reads the file again, so a story saved by another instance on the same data
// directory is kept rather than overwritten. Rehearsals are not here: they are in the review log.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseStory, storyProblems, type Story } from '../core/stories.js';

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

export class StoryStore {
  readonly path: string;
  private stories: Story[] = [];
  /** What the file looked like when last read, to notice another instance's writes. */
  private seen = '';

  constructor(readonly dir: string, now: number, private readonly notices: string[]) {
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
    const stories = parseStoriesFile(readFileSync(this.path, 'utf8'));
    if (stories) {
      this.stories = stories;
      this.seen = stamp;
      return;
    }
    let aside = `${this.path}.damaged-${now}`;
    for (let n = 2; this.exists(aside); n++) aside = `${this.path}.damaged-${now}-${n}`;
    renameSync(this.path, aside);
    this.notices.push(`Your story bank could not be read; it was moved to ${aside} and the bank starts empty. Your stories are still in that file.`);
    this.stories = [];
    this.seen = 'none';
  }

  private exists(path: string): boolean {
    try {
      statSync(path);
      return true;
    } catch {
      return false;
    }
  }

  private write(stories: Story[]): void {
    mkdirSync(this.dir, { recursive: true });
    const data: StoriesFileV1 = { version: VERSION, stories };
    const bytes = Buffer.from(`${JSON.stringify(data, null, 2)}\n`);
    const temp = join(this.dir, `.${STORIES_FILE}.${process.pid}-${randomBytes(3).toString('hex')}.tmp`);
    try {
      const fd = openSync(temp, 'wx');
      try {
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.syncDir();
    this.stories = stories;
    this.seen = this.stamp();
  }

  /** Makes the rename itself durable; a platform that cannot fsync a directory is left as it is. */
  private syncDir(): void {
    let fd: number | null = null;
    try {
      fd = openSync(this.dir, 'r');
      fsyncSync(fd);
    } catch {
      // Windows cannot open a directory for fsync; the rename is still atomic there.
    } finally {
      if (fd !== null) closeSync(fd);
    }
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
