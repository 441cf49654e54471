import { writeFileSync } from 'node:fs';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp.js';

const round = (questions = 2, minutes = 1) => [{ name: 'culture-round' as const, questions, minutes }];

/** The feedback module loads lazily: wait for it to be on screen. */
async function until(app: Harness, text: string): Promise<void> {
  for (let i = 0; i < 100 && !app.frame().includes(text); i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
  }
  expect(app.frame()).toContain(text);
}

describe('culture round screen', () => {
  it('is on Home and opens on the first question with its countdown', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Culture round');
    expect(app.frame()).toContain('Question 1 of 5 ·');
    expect(app.frame()).toContain('3:00 left');
    expect(app.frame()).toContain('e type · a aloud · Enter done');
    await app.unmount();
  });

  it('a typed answer and an aloud one, each with feedback, then scored, rated and saved', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, initial: round() });
    await app.press('e');
    expect(app.frame()).toContain('Your answer · typing');
    await app.type('I paused my caching work so we could ship. Errors fell 40%.');
    await app.press(KEY.enter);
    await app.type('I learned to ask early?');
    expect(app.frame()).toContain('I learned to ask early?'); // ? is typed, not help
    app.advance(30_000);
    await app.press(KEY.escape, KEY.enter);
    await until(app, 'Key points:');
    expect(app.frame()).toMatch(/Question 1 of 2 · \w+ · typed in 0:30/);
    expect(app.frame()).toMatch(/STAR: [✓✗] situation/);
    expect(app.frame()).toMatch(/I \d+ · we \d+/);
    expect(app.frame()).toContain('Enter next question');

    await app.press(KEY.enter, 'a');
    expect(app.frame()).toContain('Question 2 of 2');
    expect(app.frame()).toContain('Answering aloud');
    app.advance(65_000);
    await app.press('p', 'p'); // pauses for no time: re-renders the clock (it ticks on a timer)
    expect(app.frame()).toContain('0:05 over');
    expect(app.frame()).toContain('! over time (not enforced)');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('answered in 1:05');
    await app.type('Raised it early with data, then committed.');
    await app.press(KEY.enter);
    await until(app, 'Spoken for 1:05 (timed)');
    expect(app.frame()).toContain('Enter score the round');

    await app.press(KEY.enter);
    expect(app.frame()).toContain('score 1 of 2');
    expect(app.frame()).toContain('Specific situation (1 of 5)');
    // The bar of the target level (mid-level by default), as the design rubric shows it.
    expect(app.frame()).toContain('▸ bar for mid-level: 3 — a specific situation with its stakes');
    expect(app.frame()).toMatch(/3 One real situation with its context and the stakes, told\s+briefly\.\s+◂ bar/);
    await app.press('3', '2', '3', '2');
    expect(app.frame()).toContain('The value shown (5 of 5)');
    await app.press('4', '2', '2', '1', '2');
    expect(app.frame()).toContain('score 2 of 2');
    expect(app.frame()).toContain('The value shown (5 of 5)');
    // Esc takes the last score back, marked › as given before.
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Reflection and what changed (4 of 5)');
    expect(app.frame()).toContain('› 2 A generic lesson');
    await app.press('2', '2');
    expect(app.frame()).toContain('[3 Good]');
    expect(app.frame()).toContain('[2 Hard]');
    expect(app.frame()).toContain('The bar for mid-level is 3 of 4 on each dimension.');
    await app.press(KEY.down, '1');
    expect(app.frame()).toContain('1 Again (suggested Hard)');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('✓ Round saved');

    const [saved] = app.ws.rounds.history();
    expect(saved?.questions.map((q) => [q.mode, q.ms, q.rating, q.scores.map((s) => s.score).join('')])).toEqual([
      ['typed', 30_000, 3, '32324'],
      ['aloud', 65_000, 1, '22122'],
    ]);
    expect(saved?.questions[0]?.text).toBe('I paused my caching work so we could ship. Errors fell 40%.\nI learned to ask early?');
    expect(saved?.questions[1]?.text).toBe('Raised it early with data, then committed.');
    for (const q of saved!.questions) expect(app.ws.progress.progress.cards.get(q.key)?.state.reps).toBe(1);
    expect(app.ws.rounds.draft()).toBeNull();
    await app.unmount();
  });

  it('pauses the clock, and a round left mid-answer is offered again with its text and clock', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, initial: round() });
    app.advance(10_000);
    await app.press('p');
    expect(app.frame()).toContain('PAUSED 0:50 left');
    expect(app.frame()).toContain('paused: p resumes');
    app.advance(60_000);
    await app.press('p', 'e');
    await app.type('half an answer');
    app.advance(5_000);
    await app.press(KEY.escape);
    // The app is killed here: the draft on disk is all that is left.
    await app.unmount();

    const again = await renderApp({ dataDir: dir, initial: round(), now: new Date(2026, 10, 20, 12, 0, 0).getTime() });
    expect(again.frame()).toContain('You have an unfinished culture round.');
    expect(again.frame()).toContain('0 of 2 answered');
    await again.press(KEY.enter);
    expect(again.frame()).toContain('half an answer');
    // 10 s before the pause and 5 s of typing count; the pause and the hours away do not.
    expect(again.frame()).toContain('0:45 left');
    await again.unmount();
  });

  it('a draft with control characters in it is shown clean when resumed', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, initial: round() });
    await app.press('e');
    await app.type('clean');
    const draft = app.ws.rounds.draft()!;
    await app.unmount();
    const evil = { ...draft, text: 'before\u001b]52;c;aGk=\u0007\u001b[2Jafter', answers: [] };
    writeFileSync(app.ws.rounds.draftPath, JSON.stringify(evil));
    const again = await renderApp({ dataDir: dir, initial: round() });
    await again.press(KEY.enter);
    expect(again.frame()).toContain('before]52;c;aGk=[2Jafter');
    expect(again.frame()).not.toMatch(/\u001b\]|\u0007/);
    await again.unmount();
  });

  it('n starts a new round instead of resuming', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, initial: round() });
    await app.press('e');
    await app.type('old text');
    await app.unmount();
    const again = await renderApp({ dataDir: dir, initial: round() });
    await again.press('n');
    expect(again.frame()).toContain('Question 1 of 2');
    expect(again.frame()).not.toContain('old text');
    expect(again.ws.rounds.draft()?.text).toBe('');
    await again.unmount();
  });

  it('a senior sees the senior bar on each dimension', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: round(1) });
    app.ws.settings.set({ level: 'senior' });
    await app.press(KEY.enter);
    await until(app, 'Key points:');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('▸ bar for senior: 3-4 — a situation with cross-team stakes');
    await app.press('3');
    expect(app.frame()).toContain('▸ bar for senior: 3-4 — owns a cross-team outcome');
    await app.press('3');
    expect(app.frame()).toContain('▸ bar for senior: 3-4 — a measurable result beyond the team');
    await app.unmount();
  });

  it('Readiness shows the mean per dimension of the rounds', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, width: 80, height: 60, initial: [{ name: 'readiness' }] });
    expect(app.frame()).toContain('Culture rounds: 0 finished');
    await app.unmount();
    const ws2 = await renderApp({ dataDir: dir });
    const dims = ['Specific situation', 'Own actions and decisions', 'Measurable result', 'Reflection and what changed', 'The value shown'];
    ws2.ws.rounds.record({ v: 1, startedAt: 0, finishedAt: 1, minutes: 3, questions: [{ key: 'culture/x', value: 'candor', mode: 'typed', text: 't', ms: 1, rating: 3, scores: dims.map((dimension, i) => ({ dimension, score: 1 + (i % 4) })) }] });
    await ws2.unmount();
    const shown = await renderApp({ dataDir: dir, width: 80, height: 60, initial: [{ name: 'readiness' }] });
    expect(shown.frame()).toContain('Culture rounds: 1 finished');
    expect(shown.frame()).toMatch(/Specific situation +1\.0 of 4 {2}\(n=1\)/);
    expect(shown.frame()).toMatch(/The value shown +1\.0 of 4 {2}\(n=1\)/);
    await shown.unmount();
  });
});
