import { describe, expect, it } from 'vitest';
import { storyKey } from '../../src/core/stories.js';
import { behaviouralQuestions, rehearsalQuestion, rehearsalQuestions } from '../../src/core/story-questions.js';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp.js';

const CTRL_S = '\u0013';
const TAB = '\t';
const SHIFT_TAB = '\u001B[Z';
const ID = 'shipped-the-pacing-fix';

/** The frame's text with its wrapping undone, to find a sentence that wraps. */
function flat(frame: string): string {
  return lines(frame)
    .map((line) => line.trim())
    .join(' ');
}

function lines(frame: string): string[] {
  return frame.replace(/\u001B\[[0-9;]*m/g, '').split('\n');
}

/** From the story bank: writes a story with two values (Judgment and Courage) and saves it. */
async function writeStory(app: Harness): Promise<void> {
  await app.press('n');
  expect(app.frame()).toContain('New story');
  await app.type('Shipped the pacing fix');
  await app.press(TAB);
  await app.type('Ads overspent every night.');
  await app.press(KEY.enter);
  await app.type('Nobody knew why.');
  await app.press(TAB);
  await app.type('Find the cause before the quarter closed.');
  await app.press(TAB);
  await app.type('Shadowed ad ops; found the time-zone bug.');
  await app.press(TAB);
  await app.type('Overspend fell 12%.');
  await app.press(TAB);
  expect(app.frame()).toContain('[ ] Judgment');
  await app.press(KEY.right, KEY.space, KEY.right, KEY.right, KEY.right, KEY.space);
  expect(app.frame()).toContain('[x] Judgment');
  expect(app.frame()).toContain('[x] Courage');
  await app.press(CTRL_S);
}

describe('story bank', () => {
  it('writes a story, lists it, rehearses it on the schedule, and a second app reads it back', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir });
    expect(app.frame()).toContain('Story bank (0 stories, 8 values without one)');
    await app.choose('Story bank');
    expect(app.frame()).toContain('A STAR story is one real example');
    expect(app.frame()).toContain('n to write your first.');

    await writeStory(app);
    const bank = app.frame();
    expect(bank).toContain('keeper-prep › Story bank');
    expect(bank).toMatch(/› Shipped the pacing fix\s+Judg Cour\s+due/);
    expect(bank).toContain('Values without a story: Selflessness, Candor, Creativity, Inclusion, Curiosity,');
    expect(bank).not.toMatch(/without a story:[^\n]*(Judgment|Courage)/);
    expect(app.ws.stories.get(ID)).toMatchObject({
      title: 'Shipped the pacing fix',
      situation: 'Ads overspent every night.\nNobody knew why.',
      values: ['judgment', 'courage'],
    });
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Story bank (1 story, 6 values without one)');

    await app.choose('Story bank');
    await app.press('r');
    expect(app.frame()).toContain('Story rehearsal');
    // The interviewer's question for Judgment (first in memo order), from the culture deck; then the story to tell.
    const questions = behaviouralQuestions(app.ws.decks());
    const first = rehearsalQuestion(['judgment', 'courage'], questions, 0);
    expect(first.value?.name).toBe('Judgment');
    expect(questions.get('judgment')).toContain(first.question);
    expect(flat(app.frame())).toContain(first.question);
    expect(flat(app.frame())).toContain('Your story: "Shipped the pacing fix", for Judgment. Tell it in STAR order.');
    expect(app.frame()).not.toContain('Tell me about a time… "');
    await app.type('The pacing bug, told in STAR order');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Situation: Ads overspent every night.');
    expect(app.frame()).toContain('Result: Overspend fell 12%.');
    expect(app.frame()).toContain('Covered 0 of 4');
    await app.press(KEY.space, KEY.down, KEY.space, KEY.down, KEY.space, KEY.down, KEY.space);
    expect(app.frame()).toContain('Covered 4 of 4');
    await app.press('3');
    app.ws.progress.refresh();
    expect(app.ws.progress.progress.cards.has(storyKey(ID))).toBe(true);
    expect(app.ws.progress.progress.reviews).toBe(1);
    // A first Good is a learning step: the story comes back in this session, as a card would.
    expect(flat(app.frame())).toContain('Your story: "Shipped the pacing fix"');
    // The first Esc leaves the answer field, the second ends the session with its summary.
    await app.press(KEY.escape, KEY.escape);
    expect(app.frame()).toContain('Session ended early');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('keeper-prep › Story bank');
    expect(app.frame()).toMatch(/next rehearsal/);
    await app.unmount();

    const again = await renderApp({ dataDir: dir });
    expect(again.frame()).toContain('Story bank (1 story, 6 values without one)');
    await again.choose('Story bank');
    expect(again.frame()).toMatch(/› Shipped the pacing fix\s+Judg Cour/);
    expect(again.ws.progress.progress.cards.has(storyKey(ID))).toBe(true);
    // One rehearsal on: the next asks about the story's other value, Courage.
    await again.press('r');
    const second = rehearsalQuestion(['judgment', 'courage'], behaviouralQuestions(again.ws.decks()), 1);
    expect(second.value?.name).toBe('Courage');
    expect(flat(again.frame())).toContain(second.question);
    expect(flat(again.frame())).toContain('for Courage. Tell it in STAR order.');
    await again.unmount();
  });

  it('asks another question with o before the answer is shown, not while typing, and the rating still schedules the story', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Story bank');
    await writeStory(app);
    await app.press('r');
    const asked = rehearsalQuestions(['judgment', 'courage'], behaviouralQuestions(app.ws.decks()), 0);
    expect(asked.length).toBeGreaterThan(2);
    expect(flat(app.frame())).toContain(asked[0]!.question);
    // While the answer field has focus, o is a letter of the answer.
    await app.type('o');
    expect(app.frame()).toContain('Your answer: o');
    expect(flat(app.frame())).toContain(asked[0]!.question);
    await app.press(KEY.escape);
    expect(app.frame()).toContain('o other question');
    await app.press('o');
    // The next question goes round to the story's other value.
    expect(asked[1]!.value?.name).toBe('Courage');
    expect(flat(app.frame())).toContain(asked[1]!.question);
    expect(flat(app.frame())).toContain('for Courage. Tell it in STAR order.');
    expect(flat(app.frame())).not.toContain(asked[0]!.question);
    await app.press('o');
    expect(flat(app.frame())).toContain(asked[2]!.question);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Covered 0 of 4');
    expect(flat(app.frame())).toContain(asked[2]!.question);
    // Not once the key points are shown: o does nothing there.
    await app.press('o');
    expect(flat(app.frame())).toContain(asked[2]!.question);
    await app.press('3');
    app.ws.progress.refresh();
    expect(app.ws.progress.progress.cards.has(storyKey(ID))).toBe(true);
    expect(app.ws.progress.progress.reviews).toBe(1);
    await app.unmount();
  });

  it('edits a story in place, asks before discarding changes, and says what is missing', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Story bank');
    await app.press('n', CTRL_S);
    expect(app.frame()).toContain('Give the story a title.');
    await app.type('Told a VP the launch date was wrong');
    await app.press(CTRL_S);
    expect(app.frame()).toContain('Write at least one of Situation, Task, Action and Result.');
    expect(app.frame()).toContain('› Situation');
    await app.type('The date had no slack.');
    await app.press(SHIFT_TAB, SHIFT_TAB, KEY.enter); // Shift+Tab from Title wraps round to Save
    expect(app.frame()).toMatch(/› Told a VP the launch date was wrong\s+due/);
    expect(app.frame()).toContain('No values tagged');

    await app.press(KEY.enter);
    expect(app.frame()).toContain('Edit story');
    await app.type(' (again)');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Discard your changes?');
    await app.press('n');
    expect(app.frame()).toContain('Told a VP the launch date was wrong (again)▌');
    await app.press(KEY.escape, 'y');
    expect(app.frame()).toMatch(/› Told a VP the launch date was wrong\s/);
    expect(app.ws.stories.list().map((s) => s.title)).toEqual(['Told a VP the launch date was wrong']);

    await app.press(KEY.enter, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down);
    expect(app.frame()).toContain('› Values');
    await app.press(KEY.left, KEY.space, CTRL_S);
    const story = app.ws.stories.list()[0]!;
    expect(story.id).toBe('told-a-vp-the-launch-date-was-wrong');
    expect(story.values).toEqual(['resilience']);
    expect(app.frame()).toContain('Values without a story: Selflessness, Judgment, Candor');
    await app.unmount();
  });

  it('deletes a story after a y, keeping its rehearsals in the log', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Story bank');
    await writeStory(app);
    await app.press('r', KEY.enter, '1', KEY.escape, KEY.escape);
    expect(app.frame()).toContain('Session ended early');
    await app.press(KEY.enter);
    expect(app.ws.progress.progress.cards.has(storyKey(ID))).toBe(true);
    await app.press('d');
    expect(app.frame()).toContain('Delete "Shipped the pacing fix"?');
    await app.press('n');
    expect(app.ws.stories.list()).toHaveLength(1);
    await app.press('d', 'y');
    expect(app.ws.stories.list()).toEqual([]);
    expect(app.frame()).toContain('n to write your first.');
    expect(app.ws.progress.progress.cards.has(storyKey(ID))).toBe(true);
    // A new story with the same title does not take over the old one's schedule.
    await writeStory(app);
    expect(app.ws.stories.list().map((s) => s.id)).toEqual([`${ID}-2`]);
    await app.unmount();
  });

  it('fits a 60x20 terminal: the bank and the editor keep every line within 60 columns', async () => {
    const app = await renderApp({ dataDir: tempDir(), width: 60, height: 20 });
    await app.choose('Story bank');
    const frames = [app.frame()];
    await writeStory(app);
    await app.press('n');
    await app.type('A second story with a title far too long to fit on one line of a narrow terminal');
    await app.press(TAB);
    await app.type('word '.repeat(120));
    frames.push(app.frame());
    await app.press(TAB, TAB, TAB, TAB);
    frames.push(app.frame());
    await app.press(CTRL_S);
    frames.push(app.frame());
    for (const frame of frames) {
      const shown = lines(frame);
      expect(shown.length).toBeLessThanOrEqual(20);
      for (const line of shown) expect([...line].length, line).toBeLessThanOrEqual(60);
    }
    expect(frames[1]).toMatch(/… \d+ lines above/);
    expect(frames[3]).toContain('› A second story with a title fa…');
    await app.unmount();
  });

  it('shows the value cursor, the focus and the examples without colour, with footers true for each field', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Story bank');
    await app.press('n');
    // lines() drops every style, as NO_COLOR does: what is left must still say where the cursor is.
    let shown = lines(app.frame());
    expect(shown).toContain('› Title     ▌e.g. Shipped the pacing fix');
    expect(shown.at(-1)).toBe('Tab ↑↓ field · Ctrl+S save · Esc leave · ? is typed: on Values/Save, ? help');
    await app.press(TAB);
    shown = lines(app.frame());
    expect(shown).toContain('  Title     e.g. Shipped the pacing fix');
    expect(shown).toContain('› Situation Enter starts a new line');
    expect(shown).toContain('    ▌e.g. Ads overspent every night and nobody knew why.');
    await app.press(TAB, TAB, TAB, TAB);
    shown = lines(app.frame());
    expect(shown.join('\n')).toMatch(/^› Values +›\[ \] Selflessness +\[ \] Judgment/m);
    expect(shown.at(-1)).toBe('←→ value · Space tick · Tab ↑↓ field · Ctrl+S save · Esc leave · ? help');
    await app.press(KEY.right, KEY.space);
    shown = lines(app.frame());
    expect(shown.join('\n')).toMatch(/^› Values +\[ \] Selflessness +›\[x\] Judgment/m);
    await app.press(TAB);
    shown = lines(app.frame());
    expect(shown).toContain('› [ Save ]  Ctrl+S saves from any field');
    expect(shown).toContain('  Values    Judgment');
    await app.press(KEY.escape);
    shown = lines(app.frame());
    expect(shown).toContain('Discard your changes? y discards · n keeps editing');
    expect(shown.at(-1)).toBe('y discard · n Esc keep editing · ? help');
    await app.press('?');
    expect(app.frame()).toContain('yes, go ahead');
    await app.unmount();
  });

  it('lists its keys in the help', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Story bank');
    await writeStory(app);
    await app.press('?');
    for (const text of ['write a new story', 'rehearse the stories due', 'delete the highlighted story']) expect(app.frame()).toContain(text);
    await app.press('?', 'n', TAB, TAB, TAB, TAB, TAB, '?');
    for (const text of ['next field', 'save the story', 'tick or untick']) expect(app.frame()).toContain(text);
    await app.unmount();
  });
});
