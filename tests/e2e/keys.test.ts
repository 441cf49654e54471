// Keys in a real terminal: where the cursor goes and what Enter then opens, typing faster than
// the app draws, help that keeps the screen's state, marks that read without colour, the
// alternate screen, and the keys that must not do what they used to.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/temp.js';
import { answerCurrentCard, endSession, skipInterviewDate, Terminal, type TerminalOptions } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.close();
});

function app(args: string[], home: string, options: TerminalOptions = {}): Terminal {
  const term = new Terminal(args, { ...options, env: { KEEPER_PREP_HOME: home, ...options.env } });
  open.push(term);
  return term;
}

function homeWithRole(role = 'software-engineer'): string {
  const home = tempDir();
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ role }));
  return home;
}

function statsJson(home: string): { reviews: number; role: string } {
  const out = execFileSync(process.execPath, ['bin/keeper-prep.js', 'stats', '--json'], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' });
  return JSON.parse(out);
}

/** The help overlay is open: its heading, or the footer that says how to close it. */
const HELP = /Keys on this screen|close help/;

/** The search results on screen, as their rows read (the `›` row is the selected one). */
function results(screen: string): string[] {
  const lines = screen.split('\n');
  const start = lines.findIndex((line) => /^\d+\+? match(es)? in \d+ cards/.test(line.trim()));
  return lines.slice(start + 1).filter((line) => /^(› | {2})\S/.test(line));
}

describe('keys typed faster than the screen draws', { timeout: 40_000 }, () => {
  it('"33" in one read rates the card on screen once, and the second 3 meets the next card', async () => {
    const home = homeWithRole('product-manager');
    const term = app([], home);
    await term.waitFor(/› Today's review/m);
    await term.pressUntil('Enter', /0 done · \d+ left/);
    await term.pressUntil('Space', /1 Again/);
    term.type('33');
    await term.waitFor(/1 done · \d+ left/);
    // Keys are handed over in order: by the time q ends the session, the second 3 has had its turn.
    term.press('q');
    await term.waitFor(/Session ended early|Home/);
    expect(statsJson(home).reviews).toBe(1);
  });
});

describe('search', { timeout: 40_000 }, () => {
  it('Down Down moves the selection to the third result, and Enter opens that card', async () => {
    const term = app([], homeWithRole());
    await term.pressUntil('/', 'keeper-prep › Search');
    term.type('sample ratio');
    const first = await term.waitFor(/\d+ matches in \d+ cards/);
    expect(results(first)[0]).toMatch(/^› /);
    const third = results(first)[2]!.slice(2, 32);

    await term.pressUntil('Down', (screen) => results(screen)[1]?.startsWith('› ') ?? false);
    await term.pressUntil('Down', (screen) => results(screen)[2]?.startsWith('› ') ?? false);
    // Enter must open the selected result, so it must reach the handler that knows the selection.
    expect(results(term.screen())[2]).toContain(third);
    const card = await term.pressUntil('Enter', 'keeper-prep › Card');
    expect(card).toContain(third);
  });

  it('typing in bursts (letters, then two Backspaces in one go, then more letters) gives the query meant', async () => {
    const term = app([], homeWithRole());
    await term.pressUntil('/', 'keeper-prep › Search');
    term.type('sqlxx');
    await term.waitFor(/^Search: sqlxx▌\s*$/m);
    term.burst('BSpace', 'BSpace');
    await term.waitFor(/^Search: sql▌\s*$/m, 3000);
    term.type(' join');
    await term.waitFor(/^Search: sql join▌\s*$/m, 3000);
    await term.waitFor(/^\d+\+? match(es)? in \d+ cards$/m);
    // And typing still works after the burst.
    term.type('s');
    await term.waitFor(/^Search: sql joins▌\s*$/m, 3000);
  });
});

describe('search filters', { timeout: 40_000 }, () => {
  it('deck:sql kind:choice lists SQL choice cards by deck title; the query is still there after opening one; Esc while browsing goes back once', async () => {
    const term = app([], homeWithRole());
    await term.pressUntil('/', 'keeper-prep › Search');
    term.type('deck:sql kind:choice');
    const listed = await term.waitFor(/^\d+ match(es)? in \d+ cards$/m);
    const rows = results(listed).filter((row) => !/^ {2}[▲▼] \d+ more$/.test(row));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row).toMatch(/ {2}SQL$/);
    expect(listed).not.toContain('```');
    await term.pressUntil('Down', (screen) => results(screen)[1]?.startsWith('› ') ?? false);
    const second = results(term.screen())[1]!.slice(2, 30);
    const card = await term.pressUntil('Enter', 'keeper-prep › Card');
    expect(card).toContain('SQL · choice');
    const back = await term.pressUntil('Escape', 'keeper-prep › Search');
    expect(back).toMatch(/^Search: deck:sql kind:choice▌/m);
    expect(results(back)[1]).toContain(`› ${second}`);
    await term.pressUntil('Tab', /^Search: deck:sql kind:choice\s*$/m);
    await term.pressUntil('Escape', 'keeper-prep › Home');
  });
});

describe('design mock length', { timeout: 40_000 }, () => {
  it('m cycles the length in the footer, Enter starts the mock at it, and the list keeps it', async () => {
    const term = app([], homeWithRole());
    await term.select('Design mocks');
    await term.pressUntil('Enter', 'keeper-prep › Design mocks');
    await term.waitFor('Enter start 45 min (full)');
    await term.pressUntil('m', 'Enter start 30 min');
    await term.pressUntil('m', 'Enter start 20 min');
    const mock = await term.pressUntil('Enter', /total (20:00|19:5\d)/);
    expect(mock).toContain('Open Connect');
    await term.pressUntil('Escape', 'keeper-prep › Design mocks');
    expect(term.screen()).toContain('Enter start 20 min');
    await term.pressUntil('m', 'Enter start 10 min');
    await term.pressUntil('m', 'Enter start 45 min (full)');
  });
});

describe('help', { timeout: 40_000 }, () => {
  it('keeps the role picker\'s cursor: Down to Machine Learning Engineer, ?, Esc, Enter chooses it', async () => {
    const home = tempDir();
    const term = app([], home);
    await term.waitFor('Which role are you interviewing for?');
    await term.select('Machine Learning Engineer');
    await term.pressUntil('?', HELP);
    // Esc must reach help's handler, not the role picker's (where it quits).
    await term.pressUntil('Escape', (screen) => !HELP.test(screen));
    expect(term.screen()).toContain('› Machine Learning Engineer');
    await term.pressUntil('Enter', 'When is your interview?');
    await skipInterviewDate(term);
    await term.pressUntil('q', '[exited 0]');
    expect(statsJson(home).role).toBe('ml-engineer');
  });

  it('keeps Home\'s cursor: Decks, ?, Esc, Enter opens Decks', async () => {
    const term = app([], homeWithRole());
    await term.select('Decks');
    await term.pressUntil('?', HELP);
    await term.pressUntil('Escape', (screen) => !HELP.test(screen));
    expect(term.screen()).toContain('› Decks');
    await term.pressUntil('Enter', 'keeper-prep › Decks');
  });
});

describe('without colour (NO_COLOR=1)', { timeout: 40_000 }, () => {
  it('an open question: the placeholder reads "e.g. …", and the suggested rating is marked by a glyph, not only colour', async () => {
    const dir = tempDir();
    const deck = join(dir, 'open.json');
    writeFileSync(deck, JSON.stringify({
      id: 'open-only',
      title: 'Open only',
      version: 1,
      cards: [{ id: 'cap', type: 'open', prompt: 'Explain the CAP theorem.', keyPoints: ['Partitions happen', 'Then choose C or A', 'Only for replicated stores'] }],
    }));
    const term = app(['study', '--deck', deck], homeWithRole(), { env: { NO_COLOR: '1' } });
    const question = await term.waitFor('Explain the CAP theorem.');
    expect.soft(question).toMatch(/Your answer: ▌?e\.g\. /);
    await term.pressUntil('Enter', 'Tick the key points');
    // Nothing covered: Again is suggested. All three: Good.
    expect(markedRatings(term.screen())).toEqual(['Again']);
    const points = ['Partitions happen', 'Then choose C or A', 'Only for replicated stores'];
    for (const [i, point] of points.entries()) {
      await term.pressUntil('Space', `[x] ${point}`);
      if (i < points.length - 1) await term.pressUntil('Down', `› ${i + 2}. [ ] ${points[i + 1]}`);
    }
    await term.waitFor('Covered 3 of 3');
    expect(markedRatings(term.screen())).toEqual(['Good']);
    expect(term.screen({ escapes: true })).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});

describe('evidence for each key point (NO_COLOR=1)', { timeout: 40_000 }, () => {
  it('a typed answer: ticks start from the words found; ↑↓ and Space change them, a tick without words is marked !, Enter stores the counts', async () => {
    const home = homeWithRole();
    const deck = join(home, 'open-only.json');
    writeFileSync(deck, JSON.stringify({
      id: 'open-only',
      title: 'Open only',
      version: 1,
      cards: [{ id: 'cap', type: 'open', prompt: 'Explain the CAP theorem.', keyPoints: ['Partitions happen in every network', 'Then choose consistency or availability', 'Only for replicated stores'] }],
    }));
    const term = app(['study', '--deck', deck], home, { env: { NO_COLOR: '1' } });
    await term.waitFor('Explain the CAP theorem.');
    term.type('Partitions happen in every network, sooner or later. Then you choose consistency or availability for the duration.');
    const shown = await term.pressUntil('Enter', /› 1\. \[x\] Partitions happen in every network/);
    expect(shown).toMatch(/› 1\. \[x\] Partitions happen in every network/);
    expect(shown).toMatch(/2\. \[x\] Then choose consistency or availability/);
    expect(shown).toMatch(/3\. \[ \] Only for replicated stores\n\s+· no words found/);
    expect(shown).toContain('✓ covered: "Partitions happen in every network');
    await term.pressUntil('Down', '› 2. [x] Then choose');
    await term.pressUntil('Down', '› 3. [ ] Only for replicated');
    await term.pressUntil('Space', '! ticked without evidence');
    await term.pressUntil('Up', '› 2. [x] Then choose');
    const changed = await term.pressUntil('Space', '› 2. [ ] Then choose');
    expect(changed).toContain('Covered 2 of 3 (1 ! without evidence)');
    expect(term.screen({ escapes: true })).not.toMatch(/\u001b\[[0-9;]*m/);
    await term.pressUntil('Enter', (s) => !s.includes('Covered 2 of 3'));
    const review = readFileSync(join(home, 'reviews.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; ticks?: unknown }).find((e) => e.key === 'open-only/cap');
    expect(review?.ticks).toEqual({ evidenced: 1, unevidenced: 1 });
  });
});

/**
 * The ratings a glyph marks in the rating bar ("1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy 8d"):
 * an opening bracket, arrow, star or dot just before "N Name", a closing bracket or arrow just
 * after it (or its interval), or the word "suggested".
 */
function markedRatings(screen: string): string[] {
  const bar = screen.split('\n').find((line) => /1 Again.*2 Hard.*3 Good.*4 Easy/.test(line)) ?? '';
  const before = '[[(<›»▸►▶→★●•*]';
  const after = '[\\])>‹«◂◄◀←]|\\(?suggested';
  return ['Again', 'Hard', 'Good', 'Easy'].filter((name, i) => new RegExp(`${before} ?${i + 1} ${name}|${i + 1} ${name}( \\S+)? ?(${after})`).test(bar));
}

describe('the alternate screen', { timeout: 40_000 }, () => {
  it('q puts back what the terminal showed before, with one summary line and none of the app', async () => {
    const home = homeWithRole();
    const term = app(['study', '--deck', 'tests/fixtures/mini.json'], home, { prefix: 'echo MARKER-123' });
    await term.waitFor('Capital of France?');
    await answerCurrentCard(term);
    await endSession(term, 'keeper-prep › Home');
    const after = await term.pressUntil('q', '[exited 0]');
    const rows = after.split('\n').map((row) => row.trim()).filter(Boolean);
    expect(rows[0]).toBe('MARKER-123');
    expect(rows[1]).toMatch(/Reviewed 1 card\b/);
    expect(rows[2]).toBe('[exited 0]');
    expect(rows).toHaveLength(3);
  });
});

describe('Study now', { timeout: 60_000 }, () => {
  it('its footer keys: Enter picks a deck, → learns more new cards, Enter starts them; Tab and Esc go to other cards and back', async () => {
    const term = app([], homeWithRole());
    await term.select('Study now…');
    await term.pressUntil('Enter', 'What do you want to study?');
    expect(term.screen()).toMatch(/Enter choose · ↑↓ move · Esc back/);
    await term.select('A deck…');
    await term.pressUntil('Enter', 'Which deck?');
    await term.select('SQL');
    await term.pressUntil('Enter', 'keeper-prep › Study now · SQL');
    const choices = await term.waitFor('› Learn 10 more new cards today (95 unseen)');
    expect(choices).toMatch(/Enter start · ←→ how many new · Tab other cards · ↑↓ move · Esc back · \? help/);
    await term.pressUntil('Right', '› Learn 15 more new cards today (95 unseen)');
    await term.pressUntil('Left', '› Learn 10 more new cards today');
    await term.pressUntil('+', '› Learn 15 more new cards today');
    const review = await term.pressUntil('Enter', 'Study now · SQL · +15 new');
    expect(review).toMatch(/0 done · 15 left/);
    await answerCurrentCard(term);
    // Back on SQL's choices (the session's own title starts the same: wait for the choices' footer).
    await endSession(term, /Study now · SQL\b(?! ·)[\s\S]*←→ how many new/);
    // Tab: other cards, with the kinds to pick from; Esc comes back to SQL's choices, then to Home.
    await term.pressUntil('Tab', 'What do you want to study?');
    await term.pressUntil('Escape', /Study now · SQL[\s\S]*←→ how many new/);
    await term.pressUntil('Escape', '› Study now…');
  });

  it("the empty review offers new cards (n) and practice (p), each opening Study now ready to start", async () => {
    const home = tempDir();
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ role: 'software-engineer', newPerDay: 0 }));
    const term = app([], home);
    await term.waitFor("› Today's review (0 due, 0 new)");
    const empty = await term.pressUntil('Enter', 'What next?');
    expect(empty).toContain('Nothing to study here right now');
    expect(empty).toMatch(/Enter go back · n learn new · p practise/);
    await term.pressUntil('n', 'keeper-prep › Study now · All your decks');
    await term.waitFor(/› Learn 10 more new cards today \(\d+ unseen\)/);
    await term.pressUntil('Enter', /Study now · All your decks · \+10 new[\s\S]*0 done · 10 left/);
    // Nothing answered: q leaves at once, back to the choices.
    await term.pressUntil('q', /Study now · All your decks(?! ·)[\s\S]*←→ how many new/);
    await term.pressUntil('Escape', 'What next?');
    await term.pressUntil('p', /› Practise all \d+, weakest first/);
    await term.pressUntil('Enter', 'Study now · All your decks · practice');
  });
});

describe('keys that must not do what they did', { timeout: 40_000 }, () => {
  it('Esc on Home does not quit; q does', async () => {
    const term = app([], homeWithRole());
    await term.waitFor("› Today's review");
    term.press('Escape');
    // Keys are handled in order: once Down has moved the cursor, Esc was handled and the app is still there.
    const screen = await term.pressUntil('Down', (s) => s.includes('› Study now…') || s.includes('[exited'));
    expect(screen).not.toContain('[exited');
    expect(term.screen()).toContain('keeper-prep › Home');
    await term.pressUntil('q', '[exited 0]');
  });

  it('u with nothing to undo says so', async () => {
    const term = app(['study', '--deck', 'tests/fixtures/mini.json'], homeWithRole());
    await term.waitFor('Capital of France?');
    await term.pressUntil('u', /nothing to undo/i);
  });
});

/** A local YYYY-MM-DD this many days from today. */
function isoDate(daysAhead: number): string {
  const day = new Date();
  day.setDate(day.getDate() + daysAhead);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function storedSettings(home: string): { role?: string; interviewDate?: string | null } {
  return JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
}

describe('first run: the interview date after the role', { timeout: 40_000 }, () => {
  it('a wrong date is refused with a reason; a date typed and Enter saves it and Home plans for it', async () => {
    const home = tempDir();
    const term = app([], home);
    await term.waitFor('Which role are you interviewing for?');
    const step = await term.pressUntil('Enter', 'When is your interview?');
    expect(step).toMatch(/^Date: ▌e\.g\. \d{4}-\d\d-\d\d\s*$/m);
    expect(step.split('\n').at(-2)).toMatch(/^Enter save · Esc skip/);
    term.type('2020-02-30');
    await term.pressUntil('Enter', '! "2020-02-30" is not a date like');
    for (let i = 0; i < 10; i++) term.press('BSpace');
    await term.waitFor(/^Date: ▌e\.g\./m);
    const date = isoDate(14);
    term.type(date);
    await term.waitFor(`Date: ${date}▌`);
    const screen = await term.pressUntil('Enter', 'keeper-prep › Home');
    expect(screen).toMatch(/14 days left: \d+ new \+ ~\d+ reviews? a day/);
    expect(storedSettings(home)).toMatchObject({ role: 'software-engineer', interviewDate: date });
    await term.pressUntil('q', '[exited 0]');

    // Asked once: the next start is Home.
    const again = app([], home);
    await again.waitFor('keeper-prep › Home');
  });

  it('Esc skips it: Home, with the role stored and no date', async () => {
    const home = tempDir();
    const term = app([], home);
    await term.waitFor('Which role are you interviewing for?');
    await term.pressUntil('Enter', 'When is your interview?');
    term.type('2027');
    await term.waitFor('Date: 2027▌');
    const screen = await skipInterviewDate(term);
    expect(screen).not.toMatch(/days left/);
    expect(storedSettings(home)).toMatchObject({ role: 'software-engineer' });
    expect(storedSettings(home).interviewDate ?? null).toBeNull();
  });

  it('an empty Enter skips it too', async () => {
    const home = tempDir();
    const term = app([], home);
    await term.waitFor('Which role are you interviewing for?');
    await term.pressUntil('Enter', 'When is your interview?');
    await term.pressUntil('Enter', 'keeper-prep › Home');
    expect(storedSettings(home).interviewDate ?? null).toBeNull();
  });
});

describe('a select-all answer with one missed option', { timeout: 40_000 }, () => {
  it('reads without colour: ✓ on the right ticks, ! and "missed" on the answer left out, and the rating with its reason', async () => {
    const term = app(['study', '--deck', 'tests/fixtures/mini.json'], homeWithRole(), { env: { NO_COLOR: '1' } });
    await term.waitFor('Capital of France?');
    await answerCurrentCard(term);
    await answerCurrentCard(term);
    await term.waitFor('Which are prime?');
    await term.pressUntil('1', '[x] 2');
    const screen = await term.pressUntil('Enter', 'rated Hard');
    expect(screen).toMatch(/^\s*✓ 1\. \[x\] 2$/m);
    expect(screen).toMatch(/^\s*! 3\. \[ \] 5 \(missed\)$/m);
    expect(screen).toContain('One missed option (!): rated Hard.');
    expect(term.screen({ escapes: true })).not.toMatch(/\u001b\[[0-9;]*m/);
    await term.pressUntil('Enter', 'Explain the CAP theorem.');
  });
});

describe('a story rehearsal asking another question', { timeout: 40_000 }, () => {
  it('o on the question screen (not while typing) swaps the question; the rating still counts', async () => {
    const home = homeWithRole();
    const now = Date.now();
    const story = { id: 'rollback', title: 'Rolled back a bad deploy', situation: 'A deploy broke checkout.', task: 'Stop the bleeding.', action: 'Rolled back and wrote the postmortem.', result: 'Checkout back in ten minutes.', values: ['judgment', 'candor'], createdAt: now, updatedAt: now };
    writeFileSync(join(home, 'stories.json'), JSON.stringify({ version: 1, stories: [story] }));
    const term = app([], home);
    await term.select('Story bank');
    await term.pressUntil('Enter', 'keeper-prep › Story bank');
    await term.pressUntil('r', 'for Judgment. Tell it in STAR order.');
    // While the answer field has focus, o is typed.
    await term.pressUntil('o', 'Your answer: o');
    await term.pressUntil('Escape', 'o other question');
    await term.pressUntil('o', 'for Candor. Tell it in STAR order.');
    await term.pressUntil('Enter', 'Covered 0 of 4');
    expect(term.screen()).toContain('for Candor.');
    // A first Good is a learning step: the story comes back, its answer field open.
    await term.pressUntil('3', (screen) => !screen.includes('Covered 0 of 4') && screen.includes('Your answer:'));
    await term.pressUntil('Escape', 'o other question');
    await endSession(term, 'keeper-prep › Story bank');
    expect(statsJson(home).reviews).toBe(1);
  });
});

// Needs the exercise runner (store/exercise-*) and exercise cards in study sessions: written on
// the branch of the exercise screen, run once the two are merged.
describe("the exercise screen's keys", { timeout: 60_000 }, () => {
  it('typing takes letters; Ctrl+R runs and Ctrl+S submits from the editor; Esc gives r s h t e g; a paste keeps its indentation', async () => {
    const home = homeWithRole();
    const term = app(['study', '--deck', 'tests/fixtures/exercises.json'], home, { env: { NO_COLOR: '1' } });
    await term.waitFor('Exercises · SQL exercise');
    expect(term.screen().split('\n').at(-2)).toMatch(/^Ctrl\+R run · Ctrl\+S submit · Esc other keys/);
    // Letters that are keys elsewhere (q ends a session, s submits here, ? is help) are typed.
    term.type('SELECT q, s? FROM');
    await term.waitFor('SELECT q, s? FROM▌');
    for (let i = 0; i < 'q, s? FROM'.length; i++) term.press('BSpace');
    await term.waitFor(/1 SELECT ▌\s*$/m);
    term.type('name FROM members');
    await term.pressUntil('C-r', /✓ Ran: 3 rows/);
    await term.pressUntil('C-s', '· 1 failed submit');

    // Esc leaves the editor: the letters act.
    const keys = await term.pressUntil('Escape', /e edit · r s run, submit · h hint/);
    expect(keys.split('\n').at(-2)).toMatch(/^e edit · r s run, submit · h hint · g give up · t task/);
    await term.pressUntil('h', 'Hint 1 of 2: Filter with WHERE.');
    await term.pressUntil('t', 'id INTEGER, name TEXT, active INTEGER');
    await term.pressUntil('t', 'e edit · r s run, submit');
    await term.pressUntil('r', /✓ Ran: 3 rows/);
    // e goes back to typing where the cursor was; a paste of several lines keeps its own indentation.
    await term.pressUntil('e', 'Ctrl+R run · Ctrl+S submit');
    term.burst('Enter');
    term.paste('  WHERE active = 1\n    AND 1 = 1');
    await term.waitFor(/^ *3 {5}AND 1 = 1▌/m);
    expect(term.screen()).toMatch(/^ *2 {3}WHERE active = 1\s*$/m);
    await term.pressUntil('C-s', 'Right after 1 hint and 1 failed submit: rated Hard');
    expect(statsJson(home).reviews).toBe(1);

    // The code exercise: g asks first; n keeps trying; g y gives up, rated Again.
    await term.pressUntil('Enter', 'Exercises · code exercise');
    await term.pressUntil('Escape', 'g give up');
    await term.pressUntil('g', 'Give up and see the solution?');
    await term.pressUntil('n', 'g give up');
    await term.pressUntil('g', 'Give up and see the solution?');
    await term.pressUntil('y', 'Given up: rated Again');
    expect(statsJson(home).reviews).toBe(2);
    await term.pressUntil('Enter', (screen) => !screen.includes('Given up'));
  });
});

describe('Readiness: retention for the days left', { timeout: 40_000 }, () => {
  it('r lists the simulated retentions on your setting; Up, Enter sets the one above it, as Readiness, Settings and stats --json then say', async () => {
    const home = tempDir();
    const day = new Date();
    day.setDate(day.getDate() + 10);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ role: 'software-engineer', interviewDate: date }));
    const term = app([], home);
    await term.select('Readiness');
    const readiness = await term.pressUntil('Enter', /r retention · c cram/);
    expect(readiness.trimEnd().split('\n').at(-1)).toMatch(/^r retention · c cram/);
    await term.pressUntil('r', /› +0\.90 .* yours\s*$/m);
    await term.pressUntil('Up', /› +(▶ )?0\.87 /m);
    await term.pressUntil('Enter', /keeper-prep › Readiness +/);
    await term.pressUntil('Escape', 'keeper-prep › Home');
    await term.select('Settings');
    await term.pressUntil('Enter', /Desired retention +87%/);
    const stats = JSON.parse(execFileSync(process.execPath, ['bin/keeper-prep.js', 'stats', '--json'], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' })) as { retention: number; readiness: { retentionAdvice: { current: number; rows: unknown[] } } };
    expect(stats.retention).toBe(0.87);
    expect(stats.readiness.retentionAdvice.current).toBe(0.87);
    expect(stats.readiness.retentionAdvice.rows).toHaveLength(8);
  });
});
