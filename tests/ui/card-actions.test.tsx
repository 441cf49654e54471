// Acting on a card where it is shown: x suspends, f flags with a note, v edits in $EDITOR; and the
// list of suspended and flagged cards reached from Decks.
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { studyItems } from '../../src/core/queue.js';
import { KEY, renderApp, type Harness, type HarnessOptions } from '../helpers/render-app.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

/** A review of the mini deck (a deck of the user's own, loaded with --deck): flashcard, choice, multi, open. */
async function miniReview(extra: Partial<HarnessOptions> = {}): Promise<Harness> {
  const dataDir = extra.dataDir ?? tempDir();
  const first = await renderApp({ dataDir, deckArgs: [MINI_DECK] });
  const items = studyItems(first.ws.decks());
  await first.unmount();
  return renderApp({ dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'review', title: 'Mini', items }], ...extra });
}

/** Waits (in act) for work the app finishes after a promise, such as reloading an edited deck. */
async function until(app: Harness, match: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    if (match.test(app.frame())) return app.frame();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
  }
  throw new Error(`never showed ${String(match)}:\n${app.frame()}`);
}

function fakeEditor(body: string): string {
  const path = join(tempDir('fake-editor-'), 'edit');
  writeFileSync(path, `#!${process.execPath}\nconst fs = require('node:fs');\nconst file = process.argv[process.argv.length - 1];\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('suspending a card', () => {
  it('x in a review: the card leaves the session at once and never comes back in a queue', async () => {
    const app = await miniReview();
    expect(app.frame()).toContain('Capital of France?');
    expect(app.frame()).toMatch(/x f v suspend, flag, edit/);
    await app.press('x');
    expect(app.frame()).toContain('2 + 2 = ?');
    expect(app.frame()).toContain('0 done · 3 left');
    expect(app.frame()).toContain('Suspended: Decks, then m, lists it');
    expect(app.ws.marks.current().suspended.has('mini/capital')).toBe(true);
    expect(app.ws.queueFor(app.ws.studyDecks(), Date.now()).map((i) => i.key)).not.toContain('mini/capital');
    await app.unmount();
  });

  it('x after a choice is answered: the answer counts, and the card does not come back as a learning step', async () => {
    const app = await miniReview();
    await app.press(KEY.space, '3');
    await app.press('1'); // wrong: Again, a learning step due back in this session
    expect(app.frame()).toContain('Not right: rated Again');
    await app.press('x');
    expect(app.frame()).toContain('Which are prime?');
    app.ws.progress.refresh();
    expect(app.ws.progress.progress.reviews).toBe(2);
    // Left: the flashcard's learning step, the multi and the open card; 2 + 2's Again step is gone with it.
    expect(app.frame()).toContain('2 done · 3 left');
    await app.unmount();
  });

  it('the card view says suspended, and x there unsuspends', async () => {
    const app = await miniReview({ initial: [] });
    const item = studyItems(app.ws.decks())[0]!;
    await app.unmount();
    const view = await renderApp({ dataDir: app.ws.dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'card', item }] });
    expect(view.frame()).toMatch(/s study now/);
    await view.press('x');
    expect(view.frame()).toMatch(/⊘ Mini · flashcard · suspended/);
    expect(view.frame()).not.toMatch(/s study now/);
    await view.press('x');
    expect(view.frame()).toContain('Unsuspended');
    expect(view.ws.marks.current().suspended.size).toBe(0);
    await view.unmount();
  });

  it('Decks says how many are marked; m lists them; x unsuspends, f clears a flag', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], initial: [{ name: 'decks' }] });
    app.ws.marks.suspend('mini/capital', true, 1);
    app.ws.marks.flag('mini/primes', 'option 4 is prime?', 2);
    await app.press(KEY.pageDown);
    await app.unmount();
    const again = await renderApp({ dataDir: app.ws.dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'decks' }], height: 30 });
    expect(again.frame()).toMatch(/⊘ 1 suspended card \(never studied until unsuspended\) · ⚑ 1 flagged card: m lists/);
    await again.press('m');
    expect(again.frame()).toContain('Suspended and flagged cards');
    expect(again.frame()).toMatch(/› ⊘ {2}Mini: Capital of France\?/);
    expect(again.frame()).toMatch(/ ⚑ "option 4 is prime\?" · Mini: Which are prime\?/);
    await again.press('x');
    expect(again.frame()).not.toContain('Capital of France?');
    expect(again.frame()).toMatch(/› {2}⚑ "option 4 is prime\?"/);
    await again.press('f');
    expect(again.frame()).toContain('⚑ Flag note: option 4 is prime?');
    // Backspace the whole note: an empty note clears the flag.
    await again.press(...Array.from({ length: 20 }, () => '\u007f'), KEY.enter);
    expect(again.frame()).toContain('No suspended or flagged cards.');
    expect(again.ws.marks.current().flags.size).toBe(0);
    await again.unmount();
  });

  it('a mark on a card no deck has now is listed and can be taken off', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], initial: [{ name: 'card-marks' }] });
    app.ws.marks.suspend('gone/card', true, 1);
    await app.unmount();
    const again = await renderApp({ dataDir: app.ws.dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'card-marks' }] });
    expect(again.frame()).toMatch(/› ⊘ {2}gone\/card \(not in any loaded deck\)/);
    await again.press(KEY.enter);
    expect(again.frame()).toContain('Suspended and flagged cards');
    await again.press('x');
    expect(again.frame()).toContain('No suspended or flagged cards.');
    await again.unmount();
  });
});

describe('flagging a card', () => {
  it('f over a choice card: letters and digits go into the note, not to the card; Enter saves it and ⚑ shows', async () => {
    const app = await miniReview();
    await app.press(KEY.space, '3');
    expect(app.frame()).toContain('2 + 2 = ?');
    await app.press('f');
    expect(app.frame()).toContain('Enter save (empty clears) · Esc cancel');
    await app.type('1 is g? q');
    await app.press(KEY.enter);
    app.ws.progress.refresh();
    expect(app.ws.progress.progress.reviews).toBe(1);
    expect(app.frame()).toContain('2 + 2 = ?');
    expect(app.frame()).not.toContain('unmark guess');
    expect(app.frame()).toMatch(/⚑ Mini · choice · 1 is g\? q/);
    expect(app.ws.marks.current().flags.get('mini/two-plus-two')?.note).toBe('1 is g? q');
    await app.unmount();
  });

  it('Esc cancels the note and leaves the session going', async () => {
    const app = await miniReview();
    await app.press('f');
    await app.type('half');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Capital of France?');
    expect(app.frame()).not.toContain('Flag note');
    expect(app.ws.marks.current().flags.size).toBe(0);
    await app.unmount();
  });

  it('search: the highlighted result is flagged from the list, and ⚑ marks it', async () => {
    // Wide enough for the card actions in the footer after the search's own keys.
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], initial: [{ name: 'search' }], width: 120 });
    await app.type('capital');
    await app.press('\t');
    expect(app.frame()).toMatch(/x f v suspend, flag, edit/);
    await app.press('f');
    await app.type('typo');
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/› ⚑ Capital of France\?/);
    await app.press('x');
    expect(app.frame()).toMatch(/› ⊘⚑ Capital of France\?/);
    await app.unmount();
  });
});

describe('editing a card in $EDITOR', () => {
  async function userDeckReview(editor: string, handOvers: string[]): Promise<{ app: Harness; file: string }> {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'decks'));
    const file = join(dataDir, 'decks', 'mini.json');
    cpSync(MINI_DECK, file);
    const first = await renderApp({ dataDir, deckArgs: ['mini'] });
    const items = studyItems(first.ws.decks());
    await first.unmount();
    const app = await renderApp({
      dataDir,
      deckArgs: ['mini'],
      initial: [{ name: 'review', title: 'Mini', items }],
      editor: { env: { EDITOR: editor }, handOver: (run) => (handOvers.push('out'), run()) },
    });
    return { app, file };
  }

  it('v hands the terminal over, and the edited card shows at once', async () => {
    const handOvers: string[] = [];
    const { app } = await userDeckReview(fakeEditor(`fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Capital of France?', 'Capital city of France?'));`), handOvers);
    await app.press('v');
    await until(app, /Saved and reloaded/);
    expect(handOvers).toHaveLength(1);
    expect(app.frame()).toContain('Capital city of France?');
    await app.unmount();
  });

  it('a broken edit is reported with its position at the foot, and v edits again', async () => {
    const handOvers: string[] = [];
    // The first run breaks the file, the second mends it.
    const toggle = `const text = fs.readFileSync(file, 'utf8'); fs.writeFileSync(file, text.includes('"back": Paris') ? text.replace('"back": Paris', '"back": "Paris!"') : text.replace('"back": "Paris"', '"back": Paris'));`;
    const { app, file } = await userDeckReview(fakeEditor(toggle), handOvers);
    await app.press('v');
    const frame = await until(app, /does not load/);
    expect(frame).toMatch(/! The edited deck does not load: .*mini\.json:9:\d+/);
    expect(frame.replace(/\n\s*/g, ' ')).toMatch(/press v to edit again/);
    expect(app.frame()).toContain('Capital of France?');
    expect(readFileSync(file, 'utf8')).toContain('"back": Paris');
    await app.press('v');
    await until(app, /Saved and reloaded/);
    expect(app.frame()).not.toContain('does not load');
    await app.press(KEY.space);
    expect(app.frame()).toContain('Paris!');
    await app.unmount();
  });

  it('built-in cards say to flag them instead, and no editor runs', async () => {
    const handOvers: string[] = [];
    const app = await renderApp({ dataDir: tempDir(), editor: { env: { EDITOR: '/bin/false' }, handOver: (run) => (handOvers.push('out'), run()) } });
    const items = studyItems(app.ws.studyDecks()).slice(0, 2);
    await app.unmount();
    const review = await renderApp({ dataDir: app.ws.dataDir, initial: [{ name: 'review', title: 'Built-in', items }], editor: { env: { EDITOR: '/bin/false' }, handOver: (run) => (handOvers.push('out'), run()) } });
    expect(review.frame()).toMatch(/x f suspend, flag/);
    await review.press('v');
    await until(review, /Built-in cards cannot be edited: flag it instead \(f\)\./);
    expect(handOvers).toHaveLength(0);
    await review.unmount();
  });
});

describe('footers', () => {
  it('the Decks footer with marked cards says m at 80 columns, and fits at 50 (help lists m)', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], width: 50, height: 14 });
    app.ws.marks.suspend('mini/capital', true, 1);
    await app.unmount();
    for (const width of [80, 50]) {
      const again = await renderApp({ dataDir: app.ws.dataDir, deckArgs: [MINI_DECK], initial: [{ name: 'decks' }], width, height: 14 });
      const footer = again.frame().split('\n').at(-1)!;
      expect([...footer].length).toBeLessThanOrEqual(width);
      if (width === 80) expect(footer).toContain('m marked');
      await again.press('?');
      expect(again.frame()).toContain('list suspended and flagged cards');
      await again.unmount();
    }
  });

  it('at 50 columns every footer with card actions fits on its line', async () => {
    const app = await miniReview({ width: 50, height: 14 });
    for (const keys of [[], ['f']]) {
      await app.press(...keys);
      const lines = app.frame().split('\n');
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(50);
    }
    await app.unmount();
  });
});
