import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { REPO, tempDir } from '../helpers/temp.js';

const DESIGN = join(REPO, 'tests/fixtures/design.json');
const PROMPT = 'mini-design/url-shortener';
/** The screen renders on a one-second timer; in tests a key that changes nothing visible re-renders it. */
async function refresh(app: Awaited<ReturnType<typeof renderApp>>): Promise<void> {
  await app.press('e', KEY.escape, 'b');
}
const mock = (minutes?: number) => [{ name: 'mock' as const, key: PROMPT, minutes }];

describe('design mock screen', () => {
  it('counts down from the clock, reveals hints one at a time, moves phases early and pauses', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [DESIGN], initial: mock() });
    expect(app.frame()).toContain('Phase 1/2 · Clarify');
    expect(app.frame()).toContain('phase 4:00 · total 10:00');
    expect(app.frame()).toContain('Design a URL shortener');
    expect(app.frame()).toContain('10M new links a day');
    app.advance(90_000);
    await refresh(app);
    expect(app.frame()).toContain('phase 2:30 · total 8:30');
    await app.press('h');
    expect(app.frame()).toContain('1. Think about the id space.');
    expect(app.frame()).not.toContain('Base62');
    expect(app.frame()).toContain('h hints 1/3');
    await app.press('n');
    expect(app.frame()).toContain('Phase 2/2 · Design');
    expect(app.frame()).toContain('phase 6:00 · total 8:30');
    await app.press('p');
    app.advance(5 * 60_000);
    await refresh(app);
    expect(app.frame()).toContain('PAUSED phase 6:00');
    await app.press('p');
    app.advance(7 * 60_000);
    await refresh(app);
    expect(app.frame()).toContain('phase +1:00 · total 1:30'); // the first phase ended early
    expect(app.frame()).toContain('! over time: n or f finishes'); // the last phase: n ends the interview
    expect(app.frame()).toContain('n/f finish');
    await app.unmount();
  });

  it('saves notes on every keystroke and offers to resume them after the app is killed', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, deckArgs: [DESIGN], initial: mock() });
    await app.press('e');
    await app.type('ids: base62');
    await app.press(KEY.enter);
    await app.type('cache');
    expect(app.ws.attempts.draft(PROMPT, Date.now())?.notes).toBe('ids: base62\ncache');
    expect(app.frame()).toContain('cache▌');
    // No clean exit: the next start finds the draft as the last keystroke left it.
    const again = await renderApp({ dataDir: dir, deckArgs: [DESIGN], initial: mock() });
    expect(again.frame()).toContain('You have an unfinished attempt');
    expect(again.frame()).toContain('2 lines of notes');
    await again.press(KEY.enter);
    expect(again.frame()).toContain('ids: base62');
    expect(again.frame()).toContain('e notes (2)');
    await again.unmount();
    await app.unmount();
  });

  it('ends with key points, a rubric scored 1-4, a suggested rating, and a saved attempt', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [DESIGN], initial: mock(5) });
    expect(app.frame()).toContain('phase 2:00 · total 5:00');
    await app.press('h', 'h', 'e');
    await app.type('my design');
    await app.press(KEY.escape, 'f');
    expect(app.frame()).toContain('Id generation without collisions');
    expect(app.frame()).toContain('How do you stop abuse?');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Rubric 1 of 2');
    expect(app.frame()).toContain('All, with numbers');
    await app.press('4', '3');
    expect(app.frame()).toContain('Mean 3.5 of 4 · bars for mid-level · 2 hints used (a step lower for every two)');
    expect(app.frame()).toContain('Suggested rating: Good');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Attempt saved');
    const [attempt] = app.ws.attempts.history(PROMPT);
    expect(attempt).toMatchObject({ hintsUsed: 2, rating: 3, notes: 'my design', minutes: 5, scores: [{ dimension: 'Requirements', score: 4 }, { dimension: 'Data model', score: 3 }] });
    expect(app.ws.attempts.draft(PROMPT, Date.now())).toBeNull();
    await app.press(KEY.enter);
    await app.unmount();
  });

  it('lists prompts from Home and shows past attempts with their notes', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, deckArgs: [DESIGN], initial: mock() });
    await app.press('f', KEY.enter, '2', '2', '1');
    expect(app.frame()).toContain('Attempt saved');
    await app.press(KEY.enter);
    // Rated Again: due again within minutes.
    expect(app.frame()).toContain('Design mocks (1 due, 1 prompt)');
    await app.choose('Design mocks');
    expect(app.frame()).toMatch(/★ URL shortener\s+due/);
    await app.press('h');
    expect(app.frame()).toMatch(/mean 2\.0\/4\s+Again/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('2/4  Requirements');
    expect(app.frame()).toContain('No notes were written.');
    await app.unmount();
  });

  it('from 120 columns shows the brief and the notes side by side, so typing never hides the requirements', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [DESIGN], initial: mock(), width: 160, height: 45 });
    await app.press('e');
    await app.type('ids: base62');
    const lines = app.frame().split('\n');
    expect(lines).toHaveLength(45);
    // One row holds the prompt on the left and the notes being typed on the right.
    expect(lines.find((l) => l.includes('Design a URL shortener'))).toContain('ids: base62▌');
    expect(app.frame()).toContain('Functional: create a short link');
    expect(app.frame()).toContain('Phase 1/2 · Clarify');
    expect(lines[lines.length - 1]).toContain('Esc stops typing, then ? help');
    await app.press(KEY.escape, 'h');
    expect(app.frame().split('\n').find((l) => l.includes('1. Think about the id space.'))).toContain('ids: base62');
    await app.unmount();
  });

  it('keeps one panel below 120 columns, the line being typed in view however long the notes', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [DESIGN], initial: mock(), width: 80, height: 24 });
    await app.press('e');
    for (let i = 1; i <= 30; i++) await app.press(`note ${i}`, KEY.enter);
    await app.type('last');
    expect(app.frame()).not.toContain('Design a URL shortener');
    expect(app.frame()).toContain('last▌');
    expect(app.frame()).toMatch(/▲ \d+ more lines: PgUp/);
    await app.press(KEY.pageUp);
    expect(app.frame()).not.toContain('last▌');
    expect(app.frame()).toMatch(/▼ \d+ more lines: PgDn/);
    await app.type('!');
    expect(app.frame()).toContain('last!▌');
    await app.unmount();
  });

  it('shows the notes on the finish screen: beside the key points from 120 columns, under them below', async () => {
    for (const [width, height] of [[160, 45], [80, 24]] as const) {
      const app = await renderApp({ dataDir: tempDir(), deckArgs: [DESIGN], initial: mock(), width, height });
      await app.press('e');
      await app.type('cache hot redirects');
      await app.press(KEY.escape, 'f');
      const lines = app.frame().split('\n');
      expect(app.frame()).toContain('What a strong answer covers');
      expect(app.frame()).toContain('cache hot redirects');
      const heading = lines.findIndex((l) => l.includes('What a strong answer covers'));
      const notes = lines.findIndex((l) => l.includes('Your notes'));
      if (width >= 120) expect(notes).toBe(heading);
      else expect(notes).toBeGreaterThan(lines.findIndex((l) => l.includes('How do you stop abuse?')));
      await app.press(KEY.enter);
      expect(app.frame()).toContain('Rubric 1 of 2');
      if (width >= 120) expect(app.frame()).toContain('cache hot redirects');
      await app.unmount();
    }
  });

  for (const [width, height] of [[50, 14], [160, 45]] as const) {
    it(`fits ${width}x${height} in every state: no line too wide, the footer on the last line`, async () => {
      const dir = tempDir();
      const fits = (h: Harness, state: string, footer: string | RegExp = '? help') => {
        const lines = stripVTControlCharacters(h.frame()).split('\n');
        expect(lines.length, state).toBe(height);
        for (const line of lines) expect(line.length, `${state}: ${line}`).toBeLessThanOrEqual(width);
        expect(lines[lines.length - 1], state).toMatch(footer);
      };
      const size = { width, height };
      const app = await renderApp({ dataDir: dir, deckArgs: [DESIGN], initial: mock(), ...size });
      fits(app, 'running', /n next/);
      await app.press('e');
      for (let i = 1; i <= 12; i++) await app.press(`a long line of notes number ${i} that wraps on a narrow terminal`, KEY.enter);
      fits(app, 'typing', 'Esc stops typing, then ? help');
      expect(app.frame()).toContain('▌');
      const resumed = await renderApp({ dataDir: dir, deckArgs: [DESIGN], initial: mock(), ...size });
      expect(resumed.frame()).toContain('You have an unfinished attempt');
      fits(resumed, 'resume prompt', /Enter resume/);
      await resumed.unmount();
      await app.press(KEY.escape, 'h', 'h');
      fits(app, 'hints');
      await app.press('p');
      expect(app.frame()).toContain('PAUSED');
      fits(app, 'paused', /p resume/);
      await app.press('p', 'n');
      app.advance(10 * 60_000);
      await refresh(app);
      expect(app.frame()).toContain('! over time');
      fits(app, 'overtime in the last phase', /n\/f finish/);
      await app.press('f');
      fits(app, 'key points', /Enter score/);
      await app.press(KEY.enter);
      fits(app, 'rubric', /1-4 score/);
      await app.press('3', KEY.escape);
      expect(app.frame()).toContain('› 3');
      fits(app, 'rubric, back to a scored dimension');
      await app.press('3', '4');
      expect(app.frame()).toContain('[3 Good');
      fits(app, 'rate', /Enter save as Good/);
      await app.press(KEY.enter);
      expect(app.frame()).toContain('✓ Attempt saved');
      fits(app, 'saved');
      await app.unmount();

      const list = await renderApp({ dataDir: dir, deckArgs: [DESIGN], initial: [{ name: 'designs' }], ...size });
      expect(list.frame()).toContain('URL shortener');
      fits(list, 'design list', /Enter start/);
      await list.press('h');
      expect(list.frame()).toMatch(/\d{4}-\d{2}-\d{2}/);
      fits(list, 'history', /Enter notes/);
      await list.press(KEY.enter);
      fits(list, 'an attempt', /PgDn scroll|Esc back/);
      await list.unmount();
    });
  }
});
