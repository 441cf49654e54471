// The open-question screen's evidence view: a typed answer's key points show the words that cover
// them, the ticks start from that evidence, the user changes them, and a tick without evidence is
// marked and counted with the rating. The matcher is replaced by a fixed one here: these tests are
// about the screen, the matcher has its own benchmark.
import stringWidth from 'string-width';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { studyItems } from '../../src/core/queue.js';
import type { ReviewEntry } from '../../src/core/progress.js';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

// Key point i is covered by the sentence holding its trigger word.
const TRIGGERS = ['tolerance', 'choose', 'replicated'];
vi.mock('../../src/core/feedback.js', () => ({
  matchKeyPoints: (answer: string, keyPoints: readonly string[]) =>
    keyPoints.map((text, i) => {
      const sentence = answer.split(/(?<=[.!?])\s+/).find((s) => s.toLowerCase().includes(TRIGGERS[i] ?? '\0'));
      return { text, covered: !!sentence, evidence: sentence ?? null };
    }),
}));

const ANSWER = 'We had to choose availability during the network split and kept serving reads from the nearest copy while the other region was unreachable for most of the afternoon. It was fine.';

async function openCard(width: number, height: number): Promise<Harness> {
  const dataDir = tempDir();
  const first = await renderApp({ dataDir, deckArgs: [MINI_DECK] });
  const items = studyItems(first.ws.decks()).filter((i) => i.key === 'mini/cap-theorem');
  await first.unmount();
  return renderApp({ dataDir, deckArgs: [MINI_DECK], width, height, initial: [{ name: 'review', title: 'Mini', items }] });
}

/** Lets the lazily imported matcher arrive: waits for the frame to stop saying "checking…". */
async function settle(app: Harness): Promise<void> {
  for (let i = 0; i < 200 && app.frame().includes('checking…'); i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
  }
  expect(app.frame()).not.toContain('checking…');
}

function fits(frame: string, width: number, height: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(height);
  for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
}

function lastReview(app: Harness): ReviewEntry {
  const reviews = app.ws.progress.entries().filter((e): e is ReviewEntry => e.t === 'review');
  return reviews[reviews.length - 1]!;
}

describe.each([
  [80, 24],
  [60, 20],
])('evidence for each key point at %ix%i', (width, height) => {
  it('quotes the covering words, presets the ticks from them, marks and counts a tick without evidence', async () => {
    const app = await openCard(width, height);
    await app.type(ANSWER);
    await app.press(KEY.enter);
    await settle(app);
    const frame = app.frame();
    fits(frame, width, height);
    expect(frame).toContain('Ticks start from your words; Space changes:');
    // Covered: ticked, with the words quoted and cut to at most two lines.
    expect(frame).toContain('2. [x] Choose consistency');
    expect(frame).toContain('✓ covered: "We had to choose');
    const lines = frame.split('\n');
    const quote = lines.findIndex((l) => l.includes('✓ covered:'));
    expect(lines.slice(quote, quote + 2).join(' ')).toContain('…"');
    // Not covered: unticked, and said so.
    expect(frame).toContain('1. [ ] Partition tolerance');
    expect(frame).toContain('· no words found');
    expect(frame).toContain('Covered 1 of 3');

    // The user decides: a tick the answer's words do not back is marked, in a glyph and a word.
    await app.press(KEY.space);
    expect(app.frame()).toContain('1. [x] Partition tolerance');
    expect(app.frame()).toContain('! ticked without evidence');
    expect(app.frame()).toContain('Covered 2 of 3 (1 ! without evidence)');
    // And an evidenced tick can be taken off.
    await app.press(KEY.down, KEY.space);
    expect(app.frame()).toContain('2. [ ] Choose consistency');
    expect(app.frame()).toContain('Covered 1 of 3 (1 ! without evidence)');
    fits(app.frame(), width, height);

    await app.press(KEY.enter);
    expect(lastReview(app)).toMatchObject({ key: 'mini/cap-theorem', ticks: { evidenced: 0, unevidenced: 1 } });
    await app.unmount();
  });

  it('with nothing typed (answered in the head) shows no evidence, starts with no ticks and stores no tick counts', async () => {
    const app = await openCard(width, height);
    await app.press(KEY.enter);
    const frame = app.frame();
    fits(frame, width, height);
    expect(frame).toContain('Tick the key points you covered');
    expect(frame).not.toContain('covered:');
    expect(frame).not.toContain('no words found');
    expect(frame).not.toContain('checking…');
    expect(frame).not.toContain('[x]');
    await app.press(KEY.space, '3');
    expect(lastReview(app).ticks).toBeUndefined();
    expect(lastReview(app).rating).toBe(3);
    await app.unmount();
  });
});

describe('Readiness', () => {
  it('reports the ticks made without evidence next to calibration', async () => {
    const dataDir = tempDir();
    const first = await renderApp({ dataDir, deckArgs: [MINI_DECK] });
    const now = new Date(2026, 10, 20, 8, 0, 0).getTime();
    first.ws.rate('mini/cap-theorem', 3, now, 1000, { ticks: { evidenced: 2, unevidenced: 1 } });
    first.ws.rate('mini/cap-theorem', 2, now + 60_000, 1000, { ticks: { evidenced: 0, unevidenced: 2 } });
    await first.unmount();
    const app = await renderApp({ dataDir, deckArgs: [MINI_DECK], width: 100, height: 60, initial: [{ name: 'readiness' }] });
    expect(app.frame()).toMatch(/Calibration[^\n]*\n(.*\n){2}\s+open answers, ticked without evidence: 3 of 5/);
    await app.unmount();
  });
});
