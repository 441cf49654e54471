import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
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
    expect(app.frame()).toContain('over time: n moves on');
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
    expect(app.frame()).toContain('Mean 3.5 of 4 · 2 hints used (a step lower for every two)');
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
});
