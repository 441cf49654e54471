// End to end: the built, bundled CLI in a real 80x24 terminal.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ankiPackage, BASIC, CLOZE } from '../helpers/anki-fixture.js';
import { REPO, tempDir } from '../helpers/temp.js';
import { answerCurrentCard, chooseRoleOnFirstRun, endSession, skipInterviewDate, Terminal } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.close();
});

function terminal(args: string[], home: string, options: { width?: number; height?: number; env?: Record<string, string> } = {}): Terminal {
  const term = new Terminal(args, { ...options, env: { KEEPER_PREP_HOME: home, ...options.env } });
  open.push(term);
  return term;
}

function statsJson(home: string): { reviews: number; role: string; decks: { id: string }[] } {
  const out = execFileSync(process.execPath, ['bin/keeper-prep.js', 'stats', '--json'], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Settings as the role picker leaves them, so a test can start past it. */
function chooseRole(home: string, role: string): void {
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ role }));
}

describe('the app in a terminal', () => {
  it('first run: pick a role, study 3 cards, quit; the next start remembers them', async () => {
    const home = tempDir();
    const term = terminal([], home);
    await chooseRoleOnFirstRun(term, 'Machine Learning Engineer');
    await term.waitFor('Due today: 0   New today: 20');
    await term.pressUntil('Enter', '0 done · 20 left');
    for (let i = 0; i < 3; i++) await answerCurrentCard(term);
    await endSession(term, 'keeper-prep › Home');
    await term.pressUntil('q', '[exited 0]');

    const again = terminal([], home);
    const screen = await again.waitFor('keeper-prep › Home');
    expect(screen).toContain('Machine Learning Engineer');
    expect(screen).toMatch(/\(3 of \d+ cards seen\)/);
    await again.pressUntil('q', '[exited 0]');
    expect(statsJson(home)).toMatchObject({ reviews: 3, role: 'ml-engineer' });
  });

  it('culture walkthrough: a section intro, its questions, then Home counts the section done and resumes at the next', async () => {
    const home = tempDir();
    chooseRole(home, 'policy-ops-analyst');
    const term = terminal([], home);
    await term.waitFor(/Culture walkthrough \(0 of \d+ sections done\)/);
    await term.select('Culture walkthrough');
    await term.pressUntil('Enter', 'Section 1 of');
    await term.pressUntil('Enter', /\b0 done · \d+ left/);
    for (let i = 0; i < 60 && !term.screen().includes('Session complete'); i++) await answerCurrentCard(term);
    await term.pressUntil('Enter', 'Section 2 of');
    await term.pressUntil('Escape', /Culture walkthrough \(1 of \d+ sections done\)/);
    await term.pressUntil('q', '[exited 0]');

    const again = terminal([], home);
    await again.waitFor(/^› Today/m);
    await again.select('Culture walkthrough');
    await again.pressUntil('Enter', 'Section 2 of');
  });

  it('design mock, shortened: hint, notes, phases, rubric, saved attempt; killed mid-way it resumes', async () => {
    const home = tempDir();
    chooseRole(home, 'software-engineer');
    const killed = terminal(['design', 'url-shortener', '--minutes', '2', '--deck', 'tests/fixtures/design.json'], home);
    // The mock's clock runs from the first frame, so the test cannot know which second it will see.
    await killed.waitFor(/Phase 1\/2 · Clarify +phase 0:\d\d · total [12]:\d\d/);
    await killed.pressUntil('e', 'Typing notes');
    // The first letter is sent until it shows (it can reach the handlers of the screen before typing), then the rest.
    await killed.pressUntil('b', 'b▌');
    killed.type('ase62 ids');
    await killed.waitFor('base62 ids▌');
    killed.press('C-c');
    await killed.waitFor('[exited');

    const term = terminal(['design', 'url-shortener', '--minutes', '2', '--deck', 'tests/fixtures/design.json'], home);
    await term.waitFor('You have an unfinished attempt');
    await term.pressUntil('Enter', 'base62 ids');
    await term.pressUntil('h', '1. Think about the id space.');
    await term.pressUntil('n', 'Phase 2/2 · Design');
    await term.pressUntil('n', 'What a strong answer covers');
    await term.pressUntil('Enter', 'Rubric 1 of 2');
    await term.pressUntil('3', 'Rubric 2 of 2');
    await term.pressUntil('4', 'Suggested rating: Easy');
    await term.pressUntil('Enter', 'Attempt saved');
    await term.pressUntil('Enter', 'Design mocks');
    const history = JSON.parse(execFileSync(process.execPath, ['bin/keeper-prep.js', 'design', 'history', 'url-shortener', '--json', '--deck', 'tests/fixtures/design.json'], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' }));
    expect(history).toMatchObject([{ key: 'mini-design/url-shortener', notes: 'base62 ids', hintsUsed: 1, rating: 4, minutes: 2 }]);
    expect(statsJson(home).reviews).toBe(1);
  });

  it('own material: new-deck, import an Anki package, study it in the app, then move the progress to a second machine', async () => {
    const home = tempDir();
    chooseRole(home, 'software-engineer');
    const cli = (args: string[], dataHome = home) => spawnSync(process.execPath, ['bin/keeper-prep.js', ...args], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: dataHome }, encoding: 'utf8' });
    const dir = tempDir();
    const starter = cli(['new-deck', join(dir, 'mine.json')]);
    expect(starter.status).toBe(0);
    expect(cli(['validate', join(dir, 'mine.json')]).stdout).toContain('(deck "mine", 7 cards)');

    const apkg = join(dir, 'Networking Basics.apkg');
    writeFileSync(apkg, await ankiPackage([BASIC, CLOZE], [
      { typeId: BASIC.id, fields: ['What does a <b>CDN</b> do?', 'Serves content from <i>edge</i> caches<ul><li>lower latency</li><li>less origin load</li></ul>'] },
      { typeId: CLOZE.id, fields: ['TCP gives a {{c1::reliable, ordered}} byte stream', ''] },
    ]));
    const imported = cli(['import', apkg]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Imported 2 cards from 2 notes in Networking Basics.apkg');

    const term = terminal([], home);
    await term.waitFor('Your decks (0 due, 2 new, 2 cards)');
    await term.select('Your decks');
    await term.pressUntil('Enter', '0 done · 2 left');
    expect(term.screen()).toMatch(/What does a CDN do\?|TCP gives a \[\.\.\.\] byte stream/);
    await answerCurrentCard(term);
    await term.waitFor('1 done · ');
    await endSession(term, 'keeper-prep › Home');
    await term.pressUntil('q', '[exited 0]');

    const file = join(dir, 'progress.json');
    expect(cli(['export-progress', file]).stdout).toMatch(/^Exported 1 review/);
    const laptop = tempDir();
    const merged = cli(['import-progress', file], laptop);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toMatch(/^Imported 1 review/);
    expect(cli(['import-progress', file], laptop).stdout).toMatch(/^Nothing new/);
    expect(statsJson(laptop)).toMatchObject({ reviews: 1 });
  });

  it('readiness: --interview sets the date, Home shows the plan, Readiness predicts for the day, cram keeps practice out, report writes Markdown', async () => {
    const home = tempDir();
    chooseRole(home, 'software-engineer');
    const day = new Date();
    day.setDate(day.getDate() + 12);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const term = terminal(['--interview', date], home);
    await term.waitFor(/12 days left: \d+ new \+ ~\d+ reviews a day/);
    await term.pressUntil('Enter', /\b0 done · \d+ left/);
    for (let i = 0; i < 3; i++) await answerCurrentCard(term);
    await endSession(term, /^› Today/m);
    await term.select('Readiness');
    const screen = await term.pressUntil('Enter', `Recall is FSRS's prediction on ${date}`);
    expect(screen).toMatch(/Skills +3\/\d+/);
    await term.pressUntil('c', 'Answers are practice');
    await term.pressUntil('Enter', 'Cram · Weakest cards');
    await answerCurrentCard(term);
    await endSession(term, 'Answers are practice');
    await term.pressUntil('Escape', "Recall is FSRS's prediction");
    await term.pressUntil('Escape', /^› Readiness/m);
    await term.pressUntil('q', '[exited 0]');
    // The cram answer went to its own log; the schedule has the 3 reviews only.
    expect(statsJson(home)).toMatchObject({ reviews: 3 });

    const out = join(tempDir(), 'ready.md');
    const report = spawnSync(process.execPath, ['bin/keeper-prep.js', 'report', '--out', out], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' });
    expect(report.stdout).toContain(`Wrote the readiness report to ${out}`);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('## Plan');
    expect(markdown).toContain('## What to do tonight');
  });

  it('Ctrl+C after 2 ratings leaves exactly 2 reviews', async () => {
    const home = tempDir();
    chooseRole(home, 'software-engineer');
    const term = terminal(['study'], home);
    await term.waitFor('0 done · 20 left');
    await answerCurrentCard(term);
    await answerCurrentCard(term);
    term.press('C-c');
    await term.waitFor('[exited');
    expect(statsJson(home).reviews).toBe(2);
  });

  it('fits 60x20, and NO_COLOR turns colour off', async () => {
    const home = tempDir();
    const coloured = terminal([], home, { width: 60, height: 20 });
    await coloured.waitFor('Which role');
    expect(coloured.screen({ escapes: true })).toMatch(/\u001b\[[0-9;]*3[0-9]m|\u001b\[[0-9;]*2m/);
    await coloured.pressUntil('Enter', 'When is your interview?');
    const home60 = await skipInterviewDate(coloured);
    for (const line of home60.split('\n')) expect(line.length).toBeLessThanOrEqual(60);

    const plain = terminal([], home, { width: 60, height: 20, env: { NO_COLOR: '1' } });
    await plain.waitFor('keeper-prep › Home');
    await plain.pressUntil('Enter', '0 done · 20 left');
    expect(plain.screen({ escapes: true })).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});

describe('the command line', () => {
  const run = (args: string[], options: { input?: string } = {}) =>
    spawnSync(process.execPath, ['bin/keeper-prep.js', ...args], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: tempDir() }, encoding: 'utf8', ...options });

  it('without a terminal says so in one line, names the subcommands, and exits 1', () => {
    const result = run([], { input: '' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/needs an interactive terminal.*decks, validate FILE\.\.\., search QUERY, stats/);
    expect(result.stdout).toBe('');
  });

  it('answers --help, --version, and bad flags with a one-line error and the usage', () => {
    expect(run(['--help']).stdout).toMatch(/Usage: keeper-prep \[options\] \[command\][\s\S]*validate/);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = run(['decks', '--colour']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^keeper-prep: unknown option '--colour'\nUsage: keeper-prep/);
    const badLimit = run(['study', '--limit', 'zero']);
    expect(badLimit.status).toBe(1);
    expect(badLimit.stderr).toMatch(/--limit.*must be a whole number/);
  });

  it('validate exits 1 with positioned errors for a bad deck, 0 for good ones', () => {
    const dir = tempDir();
    const bad = `${dir}/bad.json`;
    execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(bad)}, '{\\n  "id": "x",\\n  "title": "X",\\n  "version": 1,\\n  "cards": [{"id": "a", "type": "choice", "prompt": "p", "choices": ["a", "b", "c"], "answer": 4, "explanation": "e"}]\\n}')`]);
    const result = run(['validate', bad, 'tests/fixtures/mini.json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${bad}:5:`);
    expect(result.stdout).toContain('cards[0].answer: 4 is out of range; this card has 3 choices');
    expect(result.stdout).toContain('ok    tests/fixtures/mini.json');
    expect(run(['validate', 'decks']).status).toBe(0);
  });

  it('a broken import exits 1 with one line on stderr and writes nothing', () => {
    const dir = tempDir();
    const home = tempDir();
    writeFileSync(join(dir, 'ragged.csv'), 'q,a\nok,fine\ntoo,many,columns\n');
    writeFileSync(join(dir, 'junk.apkg'), Uint8Array.from({ length: 512 }, (_, i) => (i * 31) % 256));
    for (const [file, message] of [
      ['ragged.csv', /^keeper-prep: ragged\.csv:3: this row has 3 columns but the first row has 2/],
      ['junk.apkg', /^keeper-prep: junk\.apkg is not a zip file, so not an Anki package/],
    ] as const) {
      const result = spawnSync(process.execPath, ['bin/keeper-prep.js', 'import', join(dir, file)], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
    expect(existsSync(join(home, 'decks'))).toBe(false);
  });

  it('decks, search and stats print data, as JSON on request', () => {
    const decks = JSON.parse(run(['decks', '--json']).stdout);
    expect(decks.decks.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining(['culture', 'ab-testing']));
    expect(run(['decks']).stdout).toMatch(/id\s+cards\s+flash choice multi open design sql code/);
    const hits = JSON.parse(run(['search', 'sample', 'ratio', '--json']).stdout);
    expect(hits[0].key).toMatch(/^ab-testing\//);
    const stats = JSON.parse(run(['stats', '--json']).stdout);
    // No role chosen yet: only the culture deck, whose cards come through the walkthrough.
    expect(stats).toMatchObject({ role: null, reviews: 0, newToday: 0, dueToday: 0, walkthrough: { deck: 'culture', done: 0 } });
    expect(stats.decks.map((d: { id: string }) => d.id)).toEqual(['culture']);
  });
});
