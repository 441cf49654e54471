// The answer screen of a select-all question: which ticks were right, wrong and missed, in glyphs
// and words (so it reads with NO_COLOR), and the rating with its reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyItems } from '../../src/core/queue.js';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp.js';

const DECK = {
  id: 'multi-only',
  title: 'Multi only',
  version: 1,
  cards: [
    { id: 'five', type: 'multi', prompt: 'Which are HTTP methods?', choices: ['GET', 'FETCH', 'PUT', 'DELETE', 'SEND'], answers: [0, 2, 3], explanation: 'FETCH and SEND are not methods.' },
    { id: 'three', type: 'multi', prompt: 'Which are even?', choices: ['2', '3', '4'], answers: [0, 2], explanation: '3 is odd.' },
  ],
};

async function session(card: 'five' | 'three'): Promise<Harness> {
  const dir = tempDir();
  const file = join(dir, 'multi.json');
  writeFileSync(file, JSON.stringify(DECK));
  const first = await renderApp({ dataDir: dir, deckArgs: [file] });
  const items = studyItems(first.ws.decks()).filter((item) => item.card.id === card);
  await first.unmount();
  return renderApp({ dataDir: dir, deckArgs: [file], initial: [{ name: 'review', title: 'Multi', items }], height: 30 });
}

/** The review just stored: its rating, and whether it counts as right for calibration. */
function stored(app: Harness): { rating?: number; correct?: boolean } {
  const reviews = app.ws.progress.entries().filter((e) => e.t === 'review');
  return reviews[reviews.length - 1] ?? {};
}

describe('a select-all answer', () => {
  it('one missed option with five options: each option marked, rated Hard, and said why', async () => {
    const app = await session('five');
    await app.press('1', '3', KEY.enter);
    const frame = app.frame();
    expect(frame).toMatch(/✓ 1\. \[x\] GET/);
    expect(frame).toMatch(/✓ 3\. \[x\] PUT/);
    expect(frame).toMatch(/! 4\. \[ \] DELETE \(missed\)/);
    expect(frame).toMatch(/ {2}2\. \[ \] FETCH/);
    expect(frame).toContain('One missed option (!): rated Hard.');
    expect(frame).toContain('! nearly right');
    expect(stored(app)).toMatchObject({ rating: 2, correct: false });
    await app.unmount();
  });

  it('a wrong tick and a missed option: both marked, rated Again', async () => {
    const app = await session('five');
    await app.press('1', '2', '3', KEY.enter);
    const frame = app.frame();
    expect(frame).toMatch(/✗ 2\. \[x\] FETCH/);
    expect(frame).toMatch(/! 4\. \[ \] DELETE \(missed\)/);
    // The verdict may wrap at this width.
    expect(frame.replace(/\s+/g, ' ')).toContain('One wrong tick (✗) and one missed option (!): rated Again; it will come back soon.');
    expect(frame).toContain('✗ not right');
    expect(stored(app)).toMatchObject({ rating: 1, correct: false });
    await app.unmount();
  });

  it('all right: no legend, rated Good', async () => {
    const app = await session('five');
    await app.press('1', '3', '4', KEY.enter);
    expect(app.frame()).toContain('Right: rated Good.');
    expect(app.frame()).not.toContain('ticked, not an answer');
    expect(stored(app)).toMatchObject({ rating: 3, correct: true });
    await app.unmount();
  });

  it('with three options one mistake is Again, and the screen says why', async () => {
    const app = await session('three');
    await app.press('1', KEY.enter);
    expect(app.frame()).toContain('One missed option (!): rated Again (with 3 options any mistake counts)');
    await app.unmount();
  });
});
