// A matcher that fails (its language data missing, a bug) must not take the open question with
// it: the key points show as before it existed, ticked by the user alone, and no counts are stored.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { studyItems } from '../../src/core/queue.js';
import type { ReviewEntry } from '../../src/core/progress.js';
import { KEY, renderApp } from '../helpers/render-app.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

vi.mock('../../src/core/feedback.js', () => ({
  matchKeyPoints: () => {
    throw new Error('no model');
  },
}));

describe('evidence when the matcher fails', () => {
  it('falls back to plain ticks', async () => {
    const dataDir = tempDir();
    const first = await renderApp({ dataDir, deckArgs: [MINI_DECK] });
    const items = studyItems(first.ws.decks()).filter((i) => i.key === 'mini/cap-theorem');
    await first.unmount();
    const app = await renderApp({ dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'review', title: 'Mini', items }] });
    await app.type('We choose availability during a partition.');
    await app.press(KEY.enter);
    for (let i = 0; i < 200 && !app.frame().includes('Tick the key points you covered'); i++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
    }
    expect(app.frame()).toContain('Tick the key points you covered');
    expect(app.frame()).not.toContain('checking…');
    await app.press(KEY.space, '3');
    const reviews = app.ws.progress.entries().filter((e): e is ReviewEntry => e.t === 'review');
    expect(reviews.at(-1)).toMatchObject({ key: 'mini/cap-theorem', rating: 3 });
    expect(reviews.at(-1)?.ticks).toBeUndefined();
    await app.unmount();
  });
});
