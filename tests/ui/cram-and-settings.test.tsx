import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readinessFor } from '../../src/commands/readiness-input.js';
import { KEY, renderApp } from '../helpers/render-app.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';
import { terminalColumns } from '../helpers/wide-terminal.js';

describe('interview date in Settings', () => {
  it('takes a YYYY-MM-DD date, refuses anything else, and shows the days left', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'settings' }] });
    expect(app.frame()).toMatch(/Interview date +not set/);
    await app.choose('Interview date');
    await app.type('2026-02-30');
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/"2026-02-30" is not a date like \d{4}-\d{2}-\d{2} \(YYYY-MM-DD\)/);
    for (let i = 0; i < 10; i++) await app.press('\u007F');
    await app.type('2026-12-02');
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/Interview date +2026-12-02 \(12 days left\)/);
    expect(app.ws.settings.get().interviewDate).toBe('2026-12-02');
    await app.unmount();
  });
});

describe('cram', () => {
  it('asks "sure or guess?" before a choice answer, and keeps practice answers out of the schedule', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, deckArgs: [MINI_DECK], initial: [{ name: 'cram' }] });
    expect(app.frame()).toContain('Answers are practice: your schedule is left as it is.');
    await app.choose('Weakest cards, every area');
    // The flashcard first (weakest: all unseen, in deck order), then the choice card.
    await app.press(KEY.space, '3');
    expect(app.frame()).toContain('How sure are you? s sure · g guess');
    await app.press('2');
    expect(app.frame()).toContain('How sure are you?');
    await app.press('s', '2');
    expect(app.frame()).toContain('Right: rated Good.');
    await app.press(KEY.enter, 'q');
    expect(app.ws.progress.progress.cards.size).toBe(0);
    expect(existsSync(join(dir, 'reviews.jsonl'))).toBe(false);
    const cram = readFileSync(join(dir, 'cram.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { key: string; confidence?: string; correct?: boolean });
    expect(cram).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'mini/two-plus-two', confidence: 'sure', correct: true })]));
    // Practice answers feed calibration, though never the schedule.
    expect(readinessFor(app.ws, Date.now()).calibration.sure).toEqual({ n: 1, right: 1, rate: 1 });
    await app.unmount();
  });

  it('counts cram answers in the schedule when asked to', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], initial: [{ name: 'cram' }] });
    await app.press('c');
    expect(app.frame()).toContain('Answers COUNT');
    await app.choose('Weakest cards, every area');
    await app.press(KEY.space, '3');
    expect(app.ws.progress.progress.cards.size).toBe(1);
    // Leaving the session shows its summary, then the cram screen with the choice still made.
    await app.press('q');
    expect(app.frame()).toContain('Session ended early');
    expect(app.frame()).toMatch(/Not answered: 3 cards/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Answers COUNT');
    await app.unmount();
  });
});

describe('the Readiness screen', () => {
  async function studied(width: number, height: number) {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, width, height });
    app.ws.settings.set({ interviewDate: '2026-12-02' });
    const items = app.ws.queueFor(app.ws.studyDecks(), new Date(2026, 10, 20, 9).getTime()).slice(0, 6);
    for (const item of items) app.ws.rate(item.key, 3, new Date(2026, 10, 20, 9).getTime(), 1000);
    await app.unmount();
    return renderApp({ dataDir: dir, width, height, initial: [{ name: 'readiness' }] });
  }

  for (const [width, height] of [[80, 24], [60, 20]] as const) {
    it(`shows the plan, areas and skills with their trend, and fits ${width}x${height}`, async () => {
      const app = await studied(width, height);
      const frame = app.frame();
      expect(frame).toMatch(/12 days left: \d+ new \+ ~\d+ reviews a day/);
      expect(frame).toContain("Recall is FSRS's prediction on 2026-12-02");
      expect(frame).toMatch(/Skills +6\/\d+ +\d+%/);
      for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
      // Everything below is reached by paging, and fits too.
      const seen = [frame];
      for (let i = 0; i < 10 && app.frame().includes('more below'); i++) {
        await app.press(KEY.pageDown);
        seen.push(app.frame());
        for (const line of app.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(width);
      }
      expect(seen.join('\n')).toContain('True retention');
      expect(app.frame()).toContain('How far to trust these figures');
      expect(app.frame()).toContain('Health check');
      await app.unmount();
    });
  }

  it('sizes the name column to the longest name and puts the charts beside the figures at 160x45', async () => {
    terminalColumns(160);
    const app = await studied(160, 45);
    const lines = app.frame().replace(/\u001B\[[0-9;]*m/g, '').split('\n');
    expect(lines).toHaveLength(45);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(160);
    // "Distributed Systems" is the longest name: the figures follow it after one column, not at the far right.
    const longest = lines.find((l) => l.startsWith('Distributed Systems'))!;
    expect(longest).toMatch(/^Distributed Systems +\d+\/\d+ +\d+% +\d+% {2}[▁-█]{14} +[-+±]\d+/);
    expect(longest.search(/\d/)).toBeLessThan('Distributed Systems'.length + 10);
    const header = lines.find((l) => /^ +seen cover recall {2}14-day trend/.test(l))!;
    expect(header.indexOf('seen') + 4).toBe(longest.search(/\d+\/\d+ /) + longest.match(/\d+\/\d+/)![0].length);
    expect(lines.find((l) => l.startsWith('Culture'))).toMatch(/^Culture {2,}\d+\/\d+ /);
    // The charts stand to the right of the plan and the tables. Below them, the retention advice and
    // how far to trust the figures take the right column past 45 rows: the rest is a page down.
    expect(lines[2]).toMatch(/^12 days left: .+ {3,}Reviews, last 16 weeks$/);
    expect(lines.some((l) => /Culture .+ {3,}(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /.test(l))).toBe(true);
    expect(app.frame()).toContain('Retention for the 12 days left');
    await app.press(KEY.pageDown);
    expect(app.frame()).toContain('True retention');
    expect(app.frame()).toContain('How far to trust these figures');
    expect(lines.at(-1)).toBe('↑↓ Enter study a weak topic · r retention · c cram · Esc back · ? help');
    await app.unmount();
  });

  it('opens a weak topic in Study now with practice chosen, practises it off the schedule, and opens cram with c', async () => {
    const app = await studied(80, 24);
    // At 80x24 the weakest topics are under the areas and decks: a page down shows them.
    await app.press(KEY.pageDown);
    expect(app.frame()).toMatch(/› \S.* · .*: \d+% \(\d+ seen\)/);
    await app.press('?');
    expect(app.frame()).toMatch(/Enter +study the highlighted weak topic now/);
    await app.press('?');
    const records = new Map(app.ws.progress.progress.cards);
    await app.press(KEY.enter);
    // The topic is one of its deck's tags (or the deck): Study now opens on it, practice highlighted.
    expect(app.frame()).toMatch(/Study now · (tag \S+|[A-Z][\w /-]+)/);
    expect(app.frame()).toMatch(/› Practise all \d+, weakest first/);
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/Study now · .* · practice/);
    await app.press('q', KEY.escape);
    expect(app.frame()).toContain('Weakest topics');
    await app.press('c');
    expect(app.frame()).toContain('Answers are practice');
    expect(app.ws.progress.progress.cards).toEqual(records);
    await app.unmount();
  });
});
