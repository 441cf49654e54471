import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyItems } from '../../src/core/queue.js';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { MINI_DECK, REPO, tempDir } from '../helpers/temp.js';

async function miniSession(extra: Partial<Parameters<typeof renderApp>[0]> = {}): Promise<Harness> {
  const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], ...extra });
  const items = studyItems(app.ws.decks());
  await app.unmount();
  return renderApp({ dataDir: app.ws.dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'review', title: 'Mini', items }], ...extra });
}

function reviews(app: Harness): number {
  app.ws.progress.refresh();
  return app.ws.progress.progress.reviews;
}

describe('review session', () => {
  it('flashcard: Space reveals, a number rates, the rating is stored before the next card shows', async () => {
    const app = await miniSession();
    expect(app.frame()).toContain('Capital of France?');
    expect(app.frame()).not.toContain('Paris');
    expect(app.frame()).toContain('0 done · 4 left');
    await app.press('3');
    expect(reviews(app)).toBe(0); // rating keys do nothing before the answer is shown
    await app.press(KEY.space);
    expect(app.frame()).toContain('Paris');
    expect(app.frame()).toMatch(/1 Again 1m {2}2 Hard 6m {2}3 Good 10m {2}4 Easy \d+d/);
    await app.press('3');
    expect(reviews(app)).toBe(1);
    expect(app.frame()).toContain('2 + 2 = ?');
    // Good on a new card is a learning step: it comes back in this session, so it is still left.
    expect(app.frame()).toContain('1 done · 4 left');
    await app.unmount();
  });

  it('choice: a number key answers, it is graded at once and the explanation shows', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4');
    await app.press('1');
    expect(app.frame()).toContain('Not right: rated Again');
    expect(app.frame()).toContain('Basic arithmetic.');
    expect(app.frame()).toMatch(/✓ 2\. 4/);
    expect(app.frame()).toMatch(/✗ 1\. 3/);
    expect(reviews(app)).toBe(2);
    const record = app.ws.progress.progress.cards.get('mini/two-plus-two');
    expect(record?.state.lapses ?? 0).toBe(0);
    expect(record?.state.phase).toBe('learning');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Which are prime?');
    await app.unmount();
  });

  it('choice: arrows and Enter answer; g marks a guess, which rates a right answer Hard', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4');
    await app.press('g', KEY.down, KEY.enter);
    expect(app.frame()).toContain('Right, but marked a guess: rated Hard.');
    await app.unmount();
  });

  it('multi: Space and numbers tick, Enter grades, missed answers are shown', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4', '2', KEY.enter);
    expect(app.frame()).toContain('Which are prime?');
    await app.press('1', KEY.enter);
    expect(app.frame()).toContain('One missed option (!): rated Hard.');
    expect(app.frame()).toContain('5 (missed)');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Explain the CAP theorem.');
    await app.unmount();
  });

  it('open: type an answer, reveal key points, tick what was covered, accept the suggested rating', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4', '2', KEY.enter, '1', '3', KEY.enter, KEY.enter);
    expect(app.frame()).toContain('Your answer:');
    await app.type('Not sure, maybe C or A?q');
    expect(app.frame()).toContain('Not sure, maybe C or A?q');
    expect(app.frame()).not.toContain('Keys on this screen');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Ticks start from your words; Space changes:');
    expect(app.frame()).toContain('Covered 0 of 3');
    await app.press(KEY.space, KEY.down, KEY.space);
    expect(app.frame()).toContain('Covered 2 of 3');
    await app.press(KEY.enter);
    const last = [...app.ws.progress.progress.cards.entries()].find(([k]) => k === 'mini/cap-theorem');
    expect(last).toBeDefined();
    expect(reviews(app)).toBe(4);
    await app.unmount();
  });

  it('u undoes the last rating: the card comes back and the log and schedule are restored', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '3');
    expect(reviews(app)).toBe(1);
    await app.press('u');
    expect(reviews(app)).toBe(0);
    expect(app.ws.progress.progress.cards.has('mini/capital')).toBe(false);
    expect(app.frame()).toContain('Capital of France?');
    expect(app.frame()).toContain('0 done · 4 left');
    // Undo while the explanation of a graded answer is showing takes that answer back too.
    await app.press(KEY.space, '4', '2');
    expect(reviews(app)).toBe(2);
    await app.press('u');
    expect(reviews(app)).toBe(1);
    expect(app.frame()).toContain('2 + 2 = ?');
    expect(app.frame()).not.toContain('rated');
    await app.unmount();
  });

  it('ends with a summary (cards, again, time) and returns to Home', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4');
    app.advance(30_000);
    await app.press('2', KEY.enter);
    await app.press('1', '3', KEY.enter, KEY.enter);
    await app.press(KEY.enter, '4');
    // The two right answers were learning steps: they come back once more.
    app.advance(45_000);
    await app.press('2', KEY.enter, '1', '3', KEY.enter, KEY.enter);
    app.advance(600_000); // reading the summary does not count
    expect(app.frame()).toContain('Session complete');
    expect(app.frame()).toMatch(/Cards rated: +6/);
    expect(app.frame()).toMatch(/Again: +0/);
    expect(app.frame()).toMatch(/Time: +1m 15s/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Home');
    await app.unmount();
  });

  it('q ends a session early with a summary of what was done and what is left; Enter goes back', async () => {
    const app = await miniSession();
    app.advance(20_000);
    await app.press(KEY.space, '4', 'q');
    expect(app.frame()).toContain('Session ended early');
    expect(app.frame()).toMatch(/Cards rated: +1/);
    expect(app.frame()).toMatch(/Again: +0/);
    expect(app.frame()).toMatch(/Time: +20s/);
    expect(app.frame()).toMatch(/Left today: +3 cards/);
    expect(app.frame()).toContain('u undo last rating');
    expect(reviews(app)).toBe(1);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Home');
    expect(reviews(app)).toBe(1);
    await app.unmount();
  });

  it('Esc with a graded answer on screen counts that answer; u on the summary goes back to the card', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4', '2', KEY.escape);
    expect(app.frame()).toMatch(/Cards rated: +2/);
    await app.press('u');
    expect(reviews(app)).toBe(1);
    expect(app.frame()).toContain('2 + 2 = ?');
    expect(app.frame()).toContain('1 done · 3 left');
    await app.unmount();
  });

  it('leaves at once when nothing was rated', async () => {
    const app = await miniSession();
    await app.press('q');
    expect(app.frame()).toContain('Home');
    expect(app.frame()).not.toContain('Session');
    await app.unmount();
  });

  it('u with nothing to undo says so, until the next key', async () => {
    const app = await miniSession();
    expect(app.frame()).not.toContain('u undo');
    await app.press('u');
    expect(app.frame()).toContain('Nothing to undo yet');
    expect(app.frame()).toContain('Capital of France?');
    await app.press(KEY.space);
    expect(app.frame()).not.toContain('Nothing to undo yet');
    expect(app.frame()).toContain('Paris');
    await app.press('3');
    // Now there is something to undo, and the footer says so.
    expect(app.frame()).toContain('u undo');
    await app.unmount();
  });

  it('footer and help list the keys of each state', async () => {
    const app = await miniSession();
    const footer = () => app.frame().split('\n').at(-1) ?? '';
    expect(footer()).toBe('Space reveal · x f v suspend, flag, edit · q end · ? help');
    await app.press('?');
    expect(app.frame()).toContain('reveal the answer');
    expect(app.frame()).toContain('end the session');
    expect(app.frame()).not.toContain('rate Again');
    expect(app.frame()).not.toContain('PgDn');
    await app.press('?', KEY.space);
    expect(footer()).toBe('1-4 rate · x f v suspend, flag, edit · q end · ? help');
    await app.press('?');
    expect(app.frame()).toContain('rate Again');
    expect(app.frame()).not.toContain('reveal the answer');
    await app.press('?', '3');
    expect(footer()).toBe('1-3 answer · g guess · ↑↓ Enter pick · u undo · q end · ? help');
    await app.press('2');
    expect(footer()).toBe('✓ right · Enter next · x f v suspend, flag, edit · u undo · q end · ? help');
    await app.press(KEY.enter);
    // What does not fit in 80 columns is left to the help.
    expect(footer()).toBe('Enter submit · 1-4 tick · g guess · u undo · q end · ? help');
    await app.press('?');
    expect(app.frame()).toContain('tick or untick that option');
    await app.unmount();
  });

  it('open: Esc leaves the answer field rather than the session; then ? is help and e types again', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4', '2', KEY.enter, '1', '3', KEY.enter, KEY.enter);
    expect(app.frame()).toContain('Your answer:');
    expect(app.frame()).toContain('e.g. type it, or answer in your head');
    expect(app.frame().split('\n').at(-1)).toBe('Enter key points · Esc stop typing, then ? help');
    await app.type('Pick C or A');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Explain the CAP theorem.');
    expect(app.frame()).toContain('Your answer: Pick C or A');
    expect(app.frame()).not.toContain('▌');
    expect(app.frame()).toContain('e type');
    await app.press('?');
    expect(app.frame()).toContain('Keys on this screen');
    expect(app.frame()).toContain('type your answer');
    await app.press('?', 'e');
    await app.type(' during a partition');
    expect(app.frame()).toContain('Pick C or A during a partition▌');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('You wrote: Pick C or A during a partition');
    await app.unmount();
  });

  it('open: the suggested rating is marked by brackets, so it reads without colour', async () => {
    const app = await miniSession();
    await app.press(KEY.space, '4', '2', KEY.enter, '1', '3', KEY.enter, KEY.enter, KEY.enter);
    // Nothing ticked: Again is suggested.
    expect(app.frame()).toContain('Covered 0 of 3: Enter accepts [Again], or press 1-4.');
    expect(app.frame()).toMatch(/\[1 Again 1m\] 2 Hard \S+ {2}3 Good/);
    expect(app.frame().split('\n').at(-1)).toContain('Enter accept Again');
    await app.press(KEY.space, KEY.down, KEY.space, KEY.down, KEY.space);
    expect(app.frame()).toContain('Covered 3 of 3: Enter accepts [Good]');
    expect(app.frame()).toMatch(/ 1 Again 1m {2}2 Hard \S+ \[3 Good \S+\]/);
    // No escape codes: every state above is in the plain text.
    expect(app.frame()).not.toMatch(/\u001b\[/);
    await app.press(KEY.enter);
    expect(app.ws.progress.progress.cards.get('mini/cap-theorem')).toBeDefined();
    await app.unmount();
  });
});

describe('long cards and small terminals', () => {
  it('scrolls a card longer than the screen and fits every line in 60x20', async () => {
    const dir = tempDir();
    const mini = JSON.parse(readFileSync(MINI_DECK, 'utf8'));
    const long = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of a long answer that needs several lines at sixty columns.`).join('\n');
    mini.cards[0].back = long;
    const file = join(dir, 'long.json');
    writeFileSync(file, JSON.stringify(mini));
    const first = await renderApp({ dataDir: dir, deckArgs: [file] });
    const items = studyItems(first.ws.decks());
    await first.unmount();
    const app = await renderApp({ dataDir: dir, deckArgs: [file], width: 60, height: 20, initial: [{ name: 'review', title: 'Mini', items }] });
    await app.press(KEY.space);
    const frame = app.frame();
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(frame).toContain('▼ more below');
    expect(frame).not.toContain('Paragraph 30');
    for (let i = 0; i < 10; i++) await app.press(KEY.pageDown);
    expect(app.frame()).toContain('Paragraph 30');
    expect(app.frame()).toContain('▲ end');
    await app.unmount();
  });

  it('draws every Home-reachable screen within 60x20', async () => {
    const app = await renderApp({ dataDir: tempDir(), width: 60, height: 20 });
    const check = () => {
      const lines = app.frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(20);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    };
    check();
    for (let i = 0; i < 7; i++) {
      if (i > 0) await app.press(KEY.down);
      await app.press(KEY.enter);
      check();
      await app.press('?');
      check();
      await app.press('?', KEY.escape);
    }
    await app.unmount();
  });
});

describe('the study screens fit every size', () => {
  const SIZES = [[50, 14], [60, 20], [80, 18], [80, 24], [100, 30], [160, 45]] as const;
  const at = (width: number, height: number) => ({ width, height });

  for (const [width, height] of SIZES) {
    it(`${width}x${height}: each state of each card kind, the summary, the walkthrough, cram and a card`, async () => {
      const dir = tempDir();
      const first = await renderApp({ dataDir: dir, deckArgs: [MINI_DECK] });
      const items = studyItems(first.ws.decks());
      await first.unmount();
      const app = await renderApp({ dataDir: dir, deckArgs: [MINI_DECK], ...at(width, height), initial: [{ name: 'review', title: 'Mini', items }] });
      const fits = (what: string) => {
        const lines = app.frame().split('\n');
        expect(lines.length, what).toBeLessThanOrEqual(height);
        for (const line of lines) expect(line.length, `${what}: ${line}`).toBeLessThanOrEqual(width);
        // The progress line is never squashed: it is whole on the screen.
        if (what !== 'summary') expect(app.frame(), what).toMatch(/\d+ done · \d+ left/);
      };
      fits('flashcard');
      await app.press(KEY.space);
      fits('flashcard answer');
      await app.press('3');
      fits('choice');
      await app.press('2');
      fits('choice answered');
      await app.press(KEY.enter, '1');
      fits('multi ticking');
      await app.press(KEY.enter);
      fits('multi answered');
      await app.press(KEY.enter);
      await app.type('A long answer that runs well past the width of the answer field at any size we draw');
      fits('open typing');
      expect(app.frame()).toContain('Your answer: ');
      await app.press(KEY.enter);
      fits('open checking');
      await app.press('q');
      fits('summary');
      expect(app.frame()).toContain('Session ended early');
      await app.unmount();

      const walk = await renderApp({ dataDir: tempDir(), deckArgs: [join(REPO, 'tests/fixtures/walk.json')], ...at(width, height), initial: [{ name: 'walkthrough' }] });
      for (const line of walk.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(width);
      expect(walk.frame()).toMatch(/Section 1 of 2 +\[·\]·/);
      await walk.unmount();

      const cram = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], ...at(width, height), initial: [{ name: 'cram' }] });
      expect(cram.frame().split('\n').length).toBeLessThanOrEqual(height);
      expect(cram.frame()).toContain('› Weakest cards, every area');
      await cram.unmount();

      const card = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], ...at(width, height), initial: [{ name: 'card', item: items[3]! }] });
      expect(card.frame().split('\n').length).toBeLessThanOrEqual(height);
      for (const line of card.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(width);
      expect(card.frame()).toContain('Explain the CAP theorem.');
      await card.unmount();
    });
  }
});
