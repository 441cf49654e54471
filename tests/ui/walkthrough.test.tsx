import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { REPO, tempDir } from '../helpers/temp.js';

const WALK = join(REPO, 'tests/fixtures/walk.json');

/** Answers whatever card the review shows (flashcards rated Easy, choices picked right) until the session ends. */
async function finishSession(app: Harness): Promise<void> {
  for (let i = 0; i < 10 && !app.frame().includes('Session complete'); i++) {
    const frame = app.frame();
    if (frame.includes('First B?')) await app.press('2', KEY.enter);
    else await app.press(KEY.space, '4');
  }
  expect(app.frame()).toContain('Session complete');
  await app.press(KEY.enter);
}

describe('culture walkthrough', () => {
  it('shows each section\'s intro, then its questions, and picks up at the next section', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, deckArgs: [WALK] });
    expect(app.frame()).toContain('Culture walkthrough (0 of 2 sections done)');
    expect(app.frame()).toContain('New today: 0'); // walkthrough cards are not plain new cards
    await app.press(KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toContain('Section 1 of 2');
    expect(app.frame()).toContain('First Principle');
    expect(app.frame()).toContain('say what you think');
    expect(app.frame()).toContain('Enter starts its 2 check questions');

    await app.press(KEY.enter);
    expect(app.frame()).toContain('Walk · First Principle');
    expect(app.frame()).toContain('First A?');
    await finishSession(app);

    expect(app.frame()).toContain('Section 2 of 2');
    expect(app.frame()).toContain('decide with context');
    await app.press(KEY.left);
    expect(app.frame()).toContain('✓ Done: its 2 cards are in your daily review now.');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Culture walkthrough (1 of 2 sections done)');
    await app.unmount();

    // A new start resumes at the first unfinished section.
    const again = await renderApp({ dataDir: dir, deckArgs: [WALK] });
    await again.press(KEY.down, KEY.down, KEY.enter);
    expect(again.frame()).toContain('Section 2 of 2');
    await again.press(KEY.enter);
    await finishSession(again);
    expect(again.frame()).toContain('Walkthrough complete');
    await again.press(KEY.escape);
    expect(again.frame()).toContain('Culture walkthrough (all 2 sections done)');
    await again.unmount();
  });

  it('goes on with the unanswered cards of a section left half-way', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, deckArgs: [WALK] });
    await app.press(KEY.down, KEY.down, KEY.enter, KEY.enter, KEY.space, '4', KEY.escape);
    expect(app.frame()).toContain('Session ended early');
    expect(app.frame()).toMatch(/Not answered: 1 card/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('1 of 2 questions answered. Enter goes on with the other 1.');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('First B?');
    await app.unmount();
  });
});
