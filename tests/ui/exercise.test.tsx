// The exercise screen in a study session, with a fake runner: run, submit, hints, giving up, and
// the ratings each leads to, at 80x24 and 60x20 (and side by side at 160x45).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardKey } from '../../src/core/deck.js';
import type { StudyItem } from '../../src/core/queue.js';
import { fakeExercises, type FakeExercises } from '../helpers/fake-exercises.js';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { REPO, tempDir } from '../helpers/temp.js';

const DECK = join(REPO, 'tests/fixtures/exercises.json');
const CTRL_R = '\x12';
const CTRL_S = '\x13';
const SIZES = [
  { width: 80, height: 24 },
  { width: 60, height: 20 },
];

/** A session of the fixture deck's exercises (the SQL one first, or only `only`). */
async function session(exercises: FakeExercises, size: { width: number; height: number }, only?: 'sql' | 'code'): Promise<Harness> {
  const dataDir = tempDir();
  const probe = await renderApp({ dataDir, deckArgs: [DECK] });
  const deck = probe.ws.decks().find((d) => d.id === 'ex')!;
  await probe.unmount();
  const items: StudyItem[] = deck.cards.filter((c) => !only || c.type === only).map((card) => ({ key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card }));
  return renderApp({ dataDir, deckArgs: [DECK], exercises, ...size, initial: [{ name: 'review', title: 'Exercises', items }] });
}

/** The ratings stored, in order. */
function ratings(app: Harness): number[] {
  return readFileSync(join(app.ws.dataDir, 'reviews.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { t: string; rating?: number })
    .filter((e) => e.t === 'review')
    .map((e) => e.rating!);
}

/** Every line fits the terminal, and the footer is on the last one. */
function framed(app: Harness, size: { width: number; height: number }): string {
  const frame = app.frame();
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.height);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(size.width);
  return frame;
}

describe.each(SIZES)('the exercise screen at $width x $height', (size) => {
  it('SQL: the editor has focus; a run shows the rows, a wrong submit the extra row; fixed, it is rated Hard', async () => {
    const fake = fakeExercises();
    const app = await session(fake, size, 'sql');
    let frame = framed(app, size);
    expect(frame).toContain('Active members');
    expect(frame).toContain('Exercises · SQL exercise');
    expect(frame).toContain('Tables: members (3)');
    expect(frame).toContain('e.g. SELECT … FROM …');
    expect(frame).toMatch(/Ctrl\+R run/);
    // Letters are typed, not commands (q would end the session, s submit).
    await app.press('SELECT name FROM members');
    await app.press(CTRL_R);
    frame = framed(app, size);
    expect(frame).toMatch(/1 SELECT name FROM members▌/);
    expect(frame).toContain('✓ Ran: 3 rows');
    expect(frame).toMatch(/^\s*Bo\s*$/m);
    expect(fake.calls).toEqual([{ kind: 'run', answer: 'SELECT name FROM members' }]);
    expect(fake.attempts.get('ex/active-members')).toBe('SELECT name FROM members');

    await app.press(CTRL_S);
    frame = framed(app, size);
    expect(frame).toContain('✗ Not right: 3 rows, the solution has 2.');
    expect(frame).toContain('Extra: 1 row yours has and the solution lacks');
    expect(frame).toContain('Your query · line 1 of 1 · 1 failed submit');

    await app.press(' WHERE active = 1', CTRL_S);
    frame = framed(app, size);
    expect(frame).toContain('Right after 1 failed submit: rated Hard');
    expect(frame).toContain('WHERE keeps the rows whose active flag is 1.');
    expect(ratings(app)).toEqual([2]);
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/Session complete|done/);
    await app.unmount();
  });

  it('SQL: right on the first submit is Good; an error shows where it is', async () => {
    const app = await session(fakeExercises(), size, 'sql');
    await app.press('SELECT name FORM members', CTRL_R);
    expect(framed(app, size)).toContain('✗ Error at line 1, column 13: near "FORM": syntax error');
    // Runs do not count: fixed and submitted, it is still the first submit.
    await app.press(...Array(8).fill(KEY.left), '\x7f\x7f\x7f\x7f', 'FROM');
    await app.press(KEY.end, ' WHERE active = 1', CTRL_S);
    expect(framed(app, size)).toContain('Right on the first submit: rated Good');
    expect(ratings(app)).toEqual([3]);
    await app.unmount();
  });

  it('code: the starter is in the editor; a hint, then a pass, is Hard; a failed run shows the assertion and the output, made safe', async () => {
    const fake = fakeExercises();
    const app = await session(fake, size, 'code');
    let frame = framed(app, size);
    expect(frame).toContain('Add two numbers');
    expect(frame).toMatch(/1 def add\(a, b\):/);
    await app.press('return a - b', CTRL_R);
    frame = framed(app, size);
    expect(frame).toContain('✗ Tests failed (exit 1)');
    expect(frame).toContain('AssertionError: assert add(1, 2) == 3');
    expect(frame).not.toContain('\x1b[31m');
    await app.press(KEY.escape);
    expect(app.frame()).toMatch(/h hint/);
    await app.press('h');
    expect(framed(app, size)).toContain("Hint 1 of 1: Python's + adds numbers.");
    await app.press('e', '\x7f\x7f\x7f', '+ b', CTRL_S);
    frame = framed(app, size);
    expect(frame).toContain('Right after 1 hint: rated Hard');
    expect(ratings(app)).toEqual([2]);
    expect(fake.attempts.get('ex/add')).toBe('def add(a, b):\n    return a + b');
    await app.unmount();
  });

  it('giving up asks first, then shows the solution and the attempt, rated Again', async () => {
    const app = await session(fakeExercises(), size, 'code');
    await app.press('pass', KEY.escape, 'g');
    expect(app.frame()).toContain('Give up and see the solution?');
    await app.press('n');
    expect(app.frame()).not.toContain('Give up and see');
    expect(ratings.length).toBe(1);
    await app.press('g', 'y');
    const frame = framed(app, size);
    expect(frame).toContain('Given up: rated Again');
    expect(frame).toContain('Solution:');
    expect(frame).toContain('return a + b');
    await app.unmount();
  });

  it('a run in flight says so, and the editor keeps taking keys', async () => {
    const fake = fakeExercises();
    fake.hold = true;
    const app = await session(fake, size, 'sql');
    await app.press('SELECT 1', CTRL_R);
    expect(app.frame()).toContain('Running…');
    await app.press(' + 1');
    expect(app.frame()).toMatch(/SELECT 1 \+ 1▌/);
    fake.release();
    await app.press(KEY.end);
    expect(app.frame()).toContain('✓ Ran: 3 rows');
    expect(app.frame()).not.toContain('Running…');
    await app.unmount();
  });
});

/** How often `text` shows in the frame. */
function times(frame: string, text: string): number {
  return frame.split(text).length - 1;
}

describe.each(SIZES)('the exercise screen fixed after a first walk-through, at $width x $height', (size) => {
  it('a new view starts at its top: giving up after paging a result shows "Given up" first', async () => {
    const app = await session(fakeExercises(), size, 'sql');
    await app.press('SELECT n FROM numbers', CTRL_R);
    expect(framed(app, size)).toContain('✓ Ran: 30 rows');
    await app.press(KEY.escape, KEY.pageDown, KEY.pageDown);
    // Scrolled: the verdict is gone, but the column names stay on top of the rows.
    expect(app.frame()).not.toContain('✓ Ran');
    expect(app.frame()).toMatch(/^ n$/m);
    await app.press('g', 'y');
    const frame = framed(app, size);
    expect(frame).toContain('Given up: rated Again');
    expect(frame).not.toContain('more above');
    await app.unmount();
  });

  it('a long answer wraps with ↪ in the give-up view: every character can be read, nothing cut with …', async () => {
    const app = await session(fakeExercises(), size, 'sql');
    const long = `SELECT name FROM members WHERE ${Array.from({ length: 6 }, (_, i) => `name <> 'nobody${i}'`).join(' AND ')} AND active = 1 -- the end`;
    await app.press(long, KEY.escape, 'g', 'y');
    let frame = framed(app, size);
    // The give-up view may scroll on a small screen: page to the end.
    for (let i = 0; i < 4 && !frame.includes('the end'); i++) {
      await app.press(KEY.pageDown);
      frame = framed(app, size);
    }
    expect(frame).toContain('↪');
    expect(frame).toContain("-- the end");
    expect(frame).not.toMatch(/nobody\d'…|…$/m);
    await app.unmount();
  });

  it('said once: a failed query on submit, the failing Python line; Running… replaces the old result', async () => {
    const fake = fakeExercises();
    const app = await session(fake, size, 'sql');
    await app.press('SELECT name FORM members', CTRL_S);
    let frame = framed(app, size);
    expect(frame).toContain('✗ Not yet: the query failed: near "FORM": syntax error');
    expect(times(frame, 'near "FORM"')).toBe(1);
    expect(frame).toContain('at line 1, column 13');
    // Fixed and run again while the answer is held back: the old ✗ gives way to Running….
    await app.press(...Array(8).fill(KEY.left), '\x7f\x7f\x7f\x7f', 'FROM');
    fake.hold = true;
    await app.press(CTRL_R);
    frame = app.frame();
    expect(frame).toContain('Running…');
    expect(frame).not.toContain('✗ Not yet');
    fake.release();
    await app.flush();
    expect(app.frame()).toContain('✓ Ran: 3 rows');
    await app.unmount();

    const code = await session(fakeExercises(), size, 'code');
    await code.press('return a - b', CTRL_S);
    expect(times(framed(code, size), 'assert add(1, 2) == 3')).toBe(1);
    await code.unmount();
  });

  it('an undo in the middle of an exercise keeps its failed submits; the footer offers its own keys before undo', async () => {
    const app = await session(fakeExercises(), size);
    // The SQL card right, on to the code one.
    await app.press('SELECT name FROM members WHERE active = 1', CTRL_S);
    expect(app.frame()).toContain('rated Good');
    await app.press(KEY.enter);
    await app.press('return a - b', CTRL_S);
    expect(framed(app, size)).toContain('1 failed submit');
    await app.press(KEY.escape);
    const footer = framed(app, size).split('\n').at(-1)!;
    expect(footer).toContain('g give up');
    if (footer.includes('u undo')) expect(footer.indexOf('g give up')).toBeLessThan(footer.indexOf('u undo'));
    // Undo takes back the SQL card's rating: it comes back; answered again, the code card returns with its count.
    await app.press('u');
    expect(app.frame()).toContain('Active members');
    await app.press('e', KEY.enter, CTRL_S);
    await app.press(KEY.enter);
    let frame = framed(app, size);
    expect(frame).toContain('Add two numbers');
    expect(frame).toContain('1 failed submit');
    await app.press('\x7f\x7f\x7f', '+ b', CTRL_S);
    frame = framed(app, size);
    expect(frame).toContain('Right after 1 failed submit: rated Hard');
    await app.unmount();
  });

  it('the editor scrolls sideways only while the cursor\'s line does not fit, and marks every shifted line with …', async () => {
    const app = await session(fakeExercises(), size, 'sql');
    const long = `SELECT name FROM members WHERE ${'x'.repeat(size.width)} AND y`;
    await app.press('SELECT 1', KEY.enter, long);
    let frame = framed(app, size);
    // At the end of the long line: both lines shifted, the short one shown as "…", not blank.
    expect(frame).toMatch(/^ 1 …$/m);
    expect(frame).toMatch(/^ 2 …x+ AND y▌$/m);
    // Up on the short line, which fits: nothing shifted.
    await app.press(KEY.up);
    frame = framed(app, size);
    expect(frame).toMatch(/^ 1 SELECT 1▌$/m);
    expect(frame).toMatch(/^ 2 SELECT name FROM members WHERE x+…$/m);
    await app.unmount();
  });
});

describe('the exercise screen, other cases', () => {
  it('without python3 a code exercise says so in one line, and Enter skips it unrated', async () => {
    const app = await session(fakeExercises({ unavailable: 'Code exercises need python3, which was not found.' }), { width: 80, height: 24 }, 'code');
    expect(app.frame()).toContain('✗ Code exercises need python3, which was not found.');
    await app.press(KEY.enter);
    expect(app.frame()).not.toContain('Add two numbers');
    await app.unmount();
  });

  it('opens with the last attempt; t shows the whole task with the tables and sample rows; Esc goes back', async () => {
    const fake = fakeExercises();
    fake.attempts.set('ex/active-members', 'SELECT *\nFROM members');
    const app = await session(fake, { width: 60, height: 20 }, 'sql');
    expect(app.frame()).toMatch(/2 FROM members▌/);
    await app.press(KEY.escape, 't');
    const frame = app.frame();
    expect(frame).toContain('members (3 rows)');
    expect(frame).toContain('id INTEGER, name TEXT, active INTEGER');
    expect(frame).toMatch(/3\s+Cy\s+NULL/);
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Tables: members (3)');
    expect(app.frame()).toContain('e edit · r s run, submit');
    await app.unmount();
  });

  it('a long answer: the editor follows the cursor, numbering its lines; PgUp moves a page', async () => {
    const app = await session(fakeExercises(), { width: 80, height: 24 }, 'sql');
    await app.press(Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\r'));
    let frame = framed(app, { width: 80, height: 24 });
    expect(frame).toMatch(/^30 line 30▌$/m);
    expect(frame).toMatch(/^17 line 17$/m);
    expect(frame).not.toMatch(/line 16$/m);
    expect(frame).toContain('Your query · line 30 of 30');
    await app.press(KEY.pageUp);
    expect(app.frame()).toMatch(/^17 line 17▌$/m);
    await app.press(KEY.up);
    frame = app.frame();
    expect(frame).toMatch(/^16 line 16▌$/m);
    expect(frame).not.toContain('line 30');
    await app.unmount();
  });

  it('at 160x45 the tables and the result sit beside the editor; giving up shows the solution beside the answer', async () => {
    const size = { width: 160, height: 45 };
    const app = await session(fakeExercises(), size, 'sql');
    await app.press('SELECT name FROM members', CTRL_R);
    let frame = framed(app, size);
    expect(frame).toMatch(/1 SELECT name FROM members▌/);
    expect(frame).toMatch(/ {6}✓ Ran: 3 rows/);
    expect(frame).toMatch(/members \(3 rows\)/);
    await app.press(KEY.escape, 'g', 'y');
    frame = framed(app, size);
    expect(frame).toMatch(/Your answer:\s+│ Solution:/);
    expect(frame).toMatch(/SELECT name FROM members\s+│ {3}SELECT name FROM members WHERE active = 1/);
    await app.unmount();
  });
});
