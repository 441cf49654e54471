import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { BUILTIN_DECKS, MINI_DECK, tempDir } from '../helpers/temp.js';
import { terminalColumns } from '../helpers/wide-terminal.js';

/** A terminal of this size. */
function terminal(width: number, height: number): { width: number; height: number } {
  return { width, height };
}

/** The frame as a terminal without colour shows it (NO_COLOR drops every style). */
function plain(app: Harness): string[] {
  return app.frame().replace(/\u001B\[[0-9;]*m/g, '').split('\n');
}

function expectFits(lines: readonly string[], width: number, height: number): void {
  expect(lines).toHaveLength(height);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
}

/** A data dir with an interview date 10 days out, a deck of the user's, and a deck file that does not load. */
function busyDataDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ role: 'software-engineer', interviewDate: '2026-11-30' }));
  mkdirSync(join(dir, 'decks'));
  copyFileSync(MINI_DECK, join(dir, 'decks', 'mini.json'));
  writeFileSync(join(dir, 'decks', 'bad.json'), '{"id": "bad"');
  return dir;
}

describe('first run and Home', () => {
  it('asks for the role first, remembers it, then shows Home with today\'s figures and entries', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, role: null });
    expect(app.frame()).toContain('Which role are you interviewing for?');
    expect(app.frame()).toContain('Policy Operations Analyst');
    await app.press(KEY.down, KEY.enter);
    // Then the interview date, which this test skips (tests/ui/first-run-date.test.tsx sets it).
    expect(app.frame()).toContain('When is your interview?');
    await app.press(KEY.escape);
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
      ['Decks', ['/', 'search all cards']],
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
    expect(app.frame()).toMatch(/New cards per day +20/);
    await app.press(KEY.down, KEY.down, KEY.down, KEY.enter, KEY.down, KEY.enter);
    expect(app.frame()).toMatch(/New cards per day +25/);
    expect(app.ws.settings.get().newPerDay).toBe(25);
    expect(app.frame()).toMatch(/› New cards per day +25/);
    await app.press(KEY.down, KEY.enter);
    expect(app.frame()).toContain("on top of the role's");
    await app.press(KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toMatch(/› New per day, each own deck +30/);
    expect(app.ws.settings.get().userDeckNewPerDay).toBe(30);
    await app.press(KEY.down, KEY.enter, KEY.down, KEY.enter);
    expect(app.frame()).toMatch(/Desired retention +92%/);
    await app.press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.enter);
    expect(app.frame()).toContain('Choose the role');
    await app.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toMatch(/Role +Analytics Engineer/);
    await app.press(KEY.escape);
    expect(app.frame()).toContain('New today: 25');
    await app.unmount();
  });
});

describe('Home at any size', () => {
  for (const [width, height] of [[50, 14], [80, 18]] as const) {
    it(`fits ${width}x${height} with a deck of your own and a notice: every line whole, the footer last, Quit reached by moving down`, async () => {
      const app = await renderApp({ dataDir: busyDataDir(), ...terminal(width, height) });
      const lines = plain(app);
      expectFits(lines, width, height);
      expect(lines.at(-1)).toBe('↑↓ move · Enter open · / search · q quit · ? help');
      const text = lines.join('\n');
      expect(text).toMatch(/^Due today: 0 {3}New today: \d+/m);
      expect(text).toMatch(/\(0 of \d+ cards seen\)$/m);
      expect(text).toMatch(/^10 days left: \d+ new \+ ~\d+ reviews? a day$/m);
      expect(text.replace(/\n +/g, ' ')).toContain('! 1 deck file could not be loaded; Decks shows why.');
      expect(text).toMatch(/^› Today's review \(0 due, \d+ new\)$/m);
      // The menu has less room than entries: it scrolls, and the lines above it stay whole.
      expect(text).toMatch(/^ {2}▼ \d+ more$/m);
      for (let i = 0; i < 20 && !app.frame().includes('› Quit'); i++) {
        await app.press(KEY.down);
        expectFits(plain(app), width, height);
      }
      const bottom = plain(app).join('\n');
      expect(bottom).toMatch(/^› Quit$/m);
      expect(bottom).toMatch(/^ {2}▲ \d+ more$/m);
      expect(bottom).toMatch(/^Due today: 0 {3}New today: \d+/m);
      await app.unmount();
    });
  }

  it('puts a side panel beside the menu at 160x45: the plan, readiness, each deck, the next design prompt and stories', async () => {
    const dir = busyDataDir();
    const first = await renderApp({ dataDir: dir });
    const at = new Date(2026, 10, 20, 8).getTime();
    for (const item of first.ws.queueFor(first.ws.studyDecks(), at).slice(0, 6)) first.ws.rate(item.key, 3, at, 1000);
    await first.unmount();
    terminalColumns(160);
    const app = await renderApp({ dataDir: dir, ...terminal(160, 45) });
    const lines = plain(app);
    expectFits(lines, 160, 45);
    // Menu and panel side by side, a rule between them.
    expect(lines[2]).toMatch(/^Due today: \d+ {3}New today: \d+ {3}\(6 of \d+ cards seen\) +│ Plan for 2026-11-30$/);
    expect(lines.find((l) => l.startsWith("› Today's review"))).toMatch(/ +│/);
    const panel = lines.slice(2, -2).map((l) => l.split('│ ')[1] ?? '').join('\n');
    expect(panel).toMatch(/^ {2}10 days left: \d+ new \+ ~\d+ reviews? a day$/m);
    expect(panel).toMatch(/^Readiness\n {2}\d+% recall predicted on 2026-11-30 \(\d+% of cards seen\)$/m);
    expect(panel).toMatch(/^By deck\n +due +seen +recall$/m);
    expect(panel).toMatch(/^ {2}Netflix Culture +\d+ +\d+\/\d+ +\d+%$/m);
    expect(panel).toMatch(/^ {2}Mini +0 +0\/4 +0%$/m);
    expect(panel).toMatch(/^Design mocks\n {2}None tried yet\. Start with: .+ \(suits your role\)$/m);
    expect(panel).toMatch(/^Stories\n {2}None yet: no culture value has a story\.$/m);
    // The notice stays in the menu's column, above it.
    expect(lines.join('\n')).toContain('! 1 deck file could not be loaded; Decks shows why.');
    await app.unmount();
  });
});

describe('the role picker', () => {
  it("shows the highlighted role's family and what its loop leans on, following the cursor", async () => {
    const app = await renderApp({ dataDir: tempDir(), role: null });
    let text = plain(app).join('\n');
    expect(text).toContain('› Software Engineer');
    expect(text).toContain('Family: Network Engineering & Infrastructure');
    expect(text).toContain('Leans on: Distributed systems and Java most');
    await app.press(KEY.down, KEY.down, KEY.down);
    text = plain(app).join('\n');
    expect(text).toContain('› Analytics Engineer');
    expect(text).toContain('Family: Service Operations & Risk');
    expect(text).toContain('Leans on: SQL and statistics most');
    expect(text).not.toContain('Network Engineering');
    await app.press(KEY.up);
    text = plain(app).join('\n');
    expect(text).toContain('Family: Network Engineering & Infrastructure');
    expect(text).toContain('Leans on: Product metrics and A/B testing most');
    await app.unmount();
  });

  it('fits 50x14 with every role reachable and its family in view', async () => {
    const app = await renderApp({ dataDir: tempDir(), role: null, ...terminal(50, 14) });
    expectFits(plain(app), 50, 14);
    await app.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down);
    const lines = plain(app);
    expectFits(lines, 50, 14);
    expect(lines).toContain('› Policy Operations Analyst');
    expect(lines).toContain('Family: Service Operations & Risk');
    expect(lines.join('\n')).toMatch(/^Leans on: Risk communication/m);
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
    expect(app.frame()).toMatch(/card states file \(cards\.json\) could not be read; it was moved to/);
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
    // Its dataset is a file next to it, as in the built-in decks folder.
    mkdirSync(join(dir, 'decks', 'datasets'));
    copyFileSync(join(BUILTIN_DECKS, 'datasets', 'streaming.sql'), join(dir, 'decks', 'datasets', 'streaming.sql'));
    const app = await renderApp({ dataDir: dir });
    expect(app.frame()).toContain('Your decks (0 due, 4 new, 4 cards)');
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
