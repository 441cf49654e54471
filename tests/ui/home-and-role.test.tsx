import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
import { BUILTIN_DECKS, MINI_DECK, tempDir } from '../helpers/temp.js';

describe('first run and Home', () => {
  it('asks for the role first, remembers it, then shows Home with today\'s figures and entries', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, role: null });
    expect(app.frame()).toContain('Which role are you interviewing for?');
    expect(app.frame()).toContain('Policy Operations Analyst');
    await app.press(KEY.down, KEY.enter);
    const home = app.frame();
    expect(home).toContain('Home');
    expect(home).toMatch(/Due today: 0 {3}New today: 20/);
    for (const entry of ["Today's review", 'Culture', 'Skills for Machine Learning Engineer', 'Search', 'Decks', 'Readiness', 'Settings']) {
      expect(home).toContain(entry);
    }
    expect(app.ws.settings.get().role).toBe('ml-engineer');
    await app.unmount();

    const again = await renderApp({ dataDir: dir, role: undefined });
    expect(again.frame()).toContain('Skills for Machine Learning Engineer');
    await again.unmount();
  });

  it('shows the keys of the current screen on ? and hides them again', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.press('?');
    expect(app.frame()).toContain('Keys on this screen');
    expect(app.frame()).toMatch(/\/\s+search all cards/);
    await app.press(KEY.down); // keys do not act behind the help
    await app.press('?');
    expect(app.frame()).not.toContain('Keys on this screen');
    expect(app.frame()).toContain("› Today's review");
    await app.unmount();
  });

  it('has help on every screen', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    const screens: [string, string[]][] = [
      ['Culture walkthrough', ['←', 'previous section']],
      ['Decks', ['PgDn', 'scroll down']],
      ['Readiness', ['c', 'cram']],
      ['Settings', ['Enter', 'choose']],
    ];
    for (const [entry, expected] of screens) {
      await app.choose(entry);
      await app.press('?');
      for (const text of expected) expect(app.frame()).toContain(text);
      await app.press('?', KEY.escape);
      expect(app.frame()).toContain('Home');
      expect(app.frame()).toContain(`› ${entry}`);
    }
    await app.unmount();
  });

  it('changes settings through Settings and the role picker', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Settings');
    expect(app.frame()).toContain('New cards per day: 20');
    await app.press(KEY.down, KEY.down, KEY.enter, KEY.down, KEY.enter);
    expect(app.frame()).toContain('New cards per day: 25');
    expect(app.ws.settings.get().newPerDay).toBe(25);
    expect(app.frame()).toContain('› New cards per day: 25');
    await app.press(KEY.down, KEY.enter, KEY.down, KEY.enter);
    expect(app.frame()).toContain('Desired retention: 92%');
    await app.press(KEY.up, KEY.up, KEY.up, KEY.enter);
    expect(app.frame()).toContain('Choose the role');
    await app.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toContain('Role: Analytics Engineer');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('New today: 25');
    await app.unmount();
  });
});

describe('Home with problems on disk', () => {
  it('says when a deck could not be loaded and where a damaged file went', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    mkdirSync(join(dir, 'decks'));
    writeFileSync(join(dir, 'decks', 'bad.json'), '{"id": "bad"');
    writeFileSync(join(dir, 'cards.json'), 'not json');
    const app = await renderApp({ dataDir: dir });
    expect(app.frame()).toContain('1 deck file could not be loaded; Decks shows why.');
    expect(app.frame()).toMatch(/card states file could not be read; it was moved to/);
    await app.choose('Decks');
    expect(app.frame()).toContain('Not loaded:');
    expect(app.frame()).toMatch(/bad\.json:1:\d+ JSON syntax error/);
    await app.unmount();
  });
});

describe('your own decks', () => {
  it('lists a deck from the decks directory on Home and studies it; Decks shows its file and which deck it replaced', async () => {
    const { copyFileSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    mkdirSync(join(dir, 'decks'));
    copyFileSync(MINI_DECK, join(dir, 'decks', 'mini.json'));
    const sql = JSON.parse(readFileSync(join(BUILTIN_DECKS, 'sql.json'), 'utf8')) as { title: string; cards: unknown[] };
    writeFileSync(join(dir, 'decks', 'my-sql.json'), JSON.stringify({ ...sql, $schema: undefined, title: 'My SQL', cards: sql.cards.slice(0, 3) }));
    const app = await renderApp({ dataDir: dir });
    expect(app.frame()).toContain('Your decks (0 due, 4 cards)');
    await app.choose('Your decks');
    expect(app.frame()).toContain('Your decks');
    expect(app.frame()).toContain("Mini · flashcard");
    await app.press(KEY.escape);
    await app.choose('Decks');
    const frame = app.frame();
    expect(frame).toContain(join(dir, 'decks', 'mini.json'));
    expect(frame.replace(/\s+/g, ' ')).toMatch(/Used instead of the built-in deck with the same id \(sql\.json\): your decks directory takes precedence over the built-in decks\./);
    await app.unmount();
  });
});
