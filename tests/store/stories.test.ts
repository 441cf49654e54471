import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyKey, type Story } from '../../src/core/stories.js';
import { STORIES_FILE, StoryStore } from '../../src/store/stories.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const T0 = new Date(2026, 10, 20, 9, 0, 0).getTime();

const story = (id: string, patch: Partial<Story> = {}): Story => ({
  id,
  title: `Story ${id}`,
  situation: 'The situation,\nover two lines.',
  task: 'The task.',
  action: 'What I did.',
  result: 'What came of it.',
  values: ['courage'],
  createdAt: T0,
  updatedAt: T0,
  ...patch,
});

describe('story bank on disk', () => {
  it('round-trips: stories saved are the stories a new store on the same directory reads', () => {
    const dir = tempDir();
    const store = new StoryStore(dir, T0, []);
    expect(store.list()).toEqual([]);
    store.save(story('a'));
    store.save(story('b', { values: ['judgment', 'candor'], task: '' }));
    const again = new StoryStore(dir, T0, []);
    expect(again.list()).toEqual([story('a'), story('b', { values: ['judgment', 'candor'], task: '' })]);
    expect(again.get('b')?.values).toEqual(['judgment', 'candor']);
    expect(again.get('missing')).toBeUndefined();
    const file = JSON.parse(readFileSync(join(dir, STORIES_FILE), 'utf8')) as { version: number; stories: unknown[] };
    expect(file.version).toBe(1);
    expect(file.stories).toHaveLength(2);
  });

  it('updates a story in place and removes one', () => {
    const dir = tempDir();
    const store = new StoryStore(dir, T0, []);
    store.save(story('a'));
    store.save(story('b'));
    store.save(story('a', { title: 'Renamed', updatedAt: T0 + 1000 }));
    expect(new StoryStore(dir, T0, []).list().map((s) => [s.id, s.title])).toEqual([['a', 'Renamed'], ['b', 'Story b']]);
    expect(store.remove('a')).toBe(true);
    expect(store.remove('a')).toBe(false);
    expect(new StoryStore(dir, T0, []).list().map((s) => s.id)).toEqual(['b']);
  });

  it('refuses to save a story that is not valid, and leaves the file as it was', () => {
    const dir = tempDir();
    const store = new StoryStore(dir, T0, []);
    store.save(story('a'));
    const before = readFileSync(join(dir, STORIES_FILE), 'utf8');
    expect(() => store.save(story('b', { title: '' }))).toThrow(/title/);
    expect(() => store.save(story('c', { action: 'esc \u001B[2J' }))).toThrow(/control character/);
    expect(readFileSync(join(dir, STORIES_FILE), 'utf8')).toBe(before);
  });

  it('keeps what another instance saved on the same directory', () => {
    const dir = tempDir();
    const one = new StoryStore(dir, T0, []);
    const two = new StoryStore(dir, T0, []);
    one.save(story('a'));
    two.save(story('b'));
    expect(one.list().map((s) => s.id)).toEqual(['a', 'b']);
    one.remove('b');
    expect(two.list().map((s) => s.id)).toEqual(['a']);
  });

  it('writes atomically: no temp file is left beside the bank', () => {
    const dir = tempDir();
    const store = new StoryStore(dir, T0, []);
    for (const id of ['a', 'b', 'c']) store.save(story(id));
    store.remove('b');
    expect(readdirSync(dir).sort()).toEqual([STORIES_FILE]);
  });

  it('moves a damaged file aside (never deletes it) and says where', () => {
    for (const text of ['{"version": 1, "stories": [', '{"version": 1, "stories": [{"id": "x"}]}', '{"version": 7, "stories": []}', 'null']) {
      const dir = tempDir();
      const path = join(dir, STORIES_FILE);
      writeFileSync(path, text);
      const notices: string[] = [];
      const store = new StoryStore(dir, T0, notices);
      expect(store.list()).toEqual([]);
      expect(existsSync(path)).toBe(false);
      expect(readFileSync(`${path}.damaged-${T0}`, 'utf8')).toBe(text);
      expect(notices).toEqual([`Your story bank (stories.json) was damaged; no story in it could be read, so the bank starts empty. The file as it was is at ${path}.damaged-${T0}.`]);
      // The bank works again at once, and a second damaged file does not replace the first copy.
      store.save(story('a'));
      writeFileSync(path, 'garbage');
      new StoryStore(dir, T0, notices);
      expect(readFileSync(`${path}.damaged-${T0}`, 'utf8')).toBe(text);
      expect(readFileSync(`${path}.damaged-${T0}-2`, 'utf8')).toBe('garbage');
    }
  });

  it('treats two stories with one id as damage: the file is kept aside whole, the first story kept in the bank', () => {
    const dir = tempDir();
    const text = JSON.stringify({ version: 1, stories: [story('a'), { ...story('a'), title: 'Second a' }] });
    writeFileSync(join(dir, STORIES_FILE), text);
    const notices: string[] = [];
    expect(new StoryStore(dir, T0, notices).list()).toEqual([story('a')]);
    expect(readFileSync(join(dir, `${STORIES_FILE}.damaged-${T0}`), 'utf8')).toBe(text);
    expect(notices).toHaveLength(1);
  });
});

describe('stories in the workspace', () => {
  it('opens the bank with the workspace, reports damage on start, and keeps rehearsals out of orphaned cards', async () => {
    const dir = tempDir();
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.stories.save(story('a'));
    ws.stories.save(story('b'));
    ws.rate(storyKey('a'), 3, T0, 1000);
    ws.rate(storyKey('b'), 3, T0, 1000);
    ws.rate('gone-deck/card', 3, T0, 1000);
    ws.stories.remove('b');
    // A removed story's rehearsals are not cards missing from a deck: only the deck card counts.
    expect(ws.orphans()).toEqual(new Map([['gone-deck', 1]]));
    ws.close();

    writeFileSync(join(dir, STORIES_FILE), '{');
    const again = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 + 1 });
    expect(again.notices.some((n) => n.startsWith('Your story bank (stories.json) was damaged'))).toBe(true);
    // The rehearsal history stays in the log whatever happens to the bank.
    expect(again.progress.progress.cards.has(storyKey('a'))).toBe(true);
    again.close();
  });
});
