// The culture round in a real terminal: a two-question round with 1-minute answers, one typed and
// one aloud, each with its feedback, scored and saved, then `behavioral history --json` lists it;
// and a round killed mid-answer offered again at the next start.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/temp.js';
import { Terminal } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.close();
});

function home(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ role: 'software-engineer' }));
  return dir;
}

function app(args: string[], dir: string): Terminal {
  const term = new Terminal(args, { width: 80, height: 24, env: { KEEPER_PREP_HOME: dir } });
  open.push(term);
  return term;
}

/** Scores one dimension at a time, each key once the screen has moved on from the one before. */
async function score(term: Terminal, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    const before = term.screen();
    await term.pressUntil(key, (now) => now !== before);
  }
}

function cli(dir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/keeper-prep.js', ...args], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: dir }, encoding: 'utf8' });
}

describe('culture round', { timeout: 60_000 }, () => {
  it('a two-question round, one typed and one aloud, scored and saved, then behavioral history --json shows it', async () => {
    const dir = home();
    const term = app(['behavioral', '--questions', '2', '--minutes', '1'], dir);
    await term.waitFor(/Question 1 of 2 · \w+ +0:\d\d left/);
    expect(term.screen()).toContain('e type · a aloud · Enter done · p pause · q leave');
    await term.pressUntil('e', 'Your answer · typing');
    term.type('I paused my own project for two weeks so we could fix checkout first. Errors fell 40%.');
    await term.waitFor('40%.▌');
    await term.pressUntil('Escape', 'e type · a aloud');
    await term.pressUntil('Enter', /Key points: \d of 4 found in your answer/);
    expect(term.screen()).toMatch(/Question 1 of 2 · \w+ · typed in 0:\d\d/);
    expect(term.screen()).toMatch(/STAR: [✓✗] situation/);
    expect(term.screen()).toMatch(/\d+ words ≈ 0:\d\d spoken \(at 140 a minute\): short of the 2-3 minutes expected/);

    await term.pressUntil('Enter', /Question 2 of 2 · \w+ +[01]:\d\d left/);
    await term.pressUntil('a', 'Speak your answer now');
    await term.waitFor(/0:5[0-7] left/);
    await term.pressUntil('Enter', 'now a one-line summary');
    term.type('Raised it with the owner early, then committed fully.');
    await term.waitFor('committed fully.▌');
    await term.pressUntil('Enter', /Spoken for 0:0\d \(timed\)/);
    await term.pressUntil('Enter', 'Specific situation (1 of 5)');
    await score(term, ['3', '3', '2', '3', '4']);
    expect(term.screen()).toContain('score 2 of 2');
    await score(term, ['2', '2', '2', '1', '2']);
    expect(term.screen()).toContain('Culture round · ratings');
    expect(term.screen()).toMatch(/\[3 Good\] · back in \S+ · mean 3\.0 of 4 · scores 3 3 2 3 4/);
    expect(term.screen()).toMatch(/\[2 Hard\] · back in \S+ · mean 1\.8 of 4 · scores 2 2 2 1 2/);
    await term.pressUntil('Enter', '✓ Round saved');
    await term.pressUntil('Enter', 'keeper-prep › Home');

    const rounds = JSON.parse(cli(dir, 'behavioral', 'history', '--json')) as { minutes: number; questions: { mode: string; answer: string; rating: number; scores: { score: number }[] }[] }[];
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.minutes).toBe(1);
    expect(rounds[0]!.questions.map((q) => [q.mode, q.rating, q.scores.map((s) => s.score).join('')])).toEqual([
      ['typed', 3, '33234'],
      ['aloud', 2, '22212'],
    ]);
    expect(rounds[0]!.questions[1]!.answer).toBe('Raised it with the owner early, then committed fully.');
    expect(cli(dir, 'behavioral', 'history')).toMatch(/ 2 +0:\d\d +2\.5 +2\.5 +2\.0 +2\.0 +3\.0 +Good Hard/);
  });

  it('a round killed mid-answer is offered at the next start, with what was typed', async () => {
    const dir = home();
    const first = app(['behavioral', '--questions', '2', '--minutes', '1'], dir);
    await first.waitFor(/Question 1 of 2/);
    await first.pressUntil('e', 'Your answer · typing');
    first.type('typed before the kill');
    await first.waitFor('typed before the kill▌');
    first.close();
    const again = app(['behavioral'], dir);
    await again.waitFor('You have an unfinished culture round.');
    expect(again.screen()).toContain('0 of 2 answered');
    await again.pressUntil('Enter', 'typed before the kill');
    expect(again.screen()).toContain('Question 1 of 2');
  });

  it('the keys the footers promise: p pause and resume, q leave (kept) and Enter resume, PgDn scroll, Esc previous score and back, ↑↓ and 1-4 on the ratings', async () => {
    const dir = home();
    const term = new Terminal(['behavioral', '--questions', '2', '--minutes', '1'], { width: 60, height: 20, env: { KEEPER_PREP_HOME: dir } });
    open.push(term);
    await term.waitFor(/Question 1 of 2/);
    await term.pressUntil('p', 'paused: p resumes');
    expect(term.screen()).toContain('p resume');
    await term.pressUntil('p', (s) => !s.includes('paused: p resumes') && s.includes('p pause'));
    await term.pressUntil('q', 'keeper-prep › Home');
    await term.select('Culture round');
    await term.pressUntil('Enter', 'You have an unfinished culture round.');
    // Enter resumes it (n, a new round, is in the screen tests).
    await term.pressUntil('Enter', /Question 1 of 2 · \w+ +0:\d\d left/);
    await term.pressUntil('e', 'Your answer · typing');
    term.type('Short.');
    await term.waitFor('Short.▌');
    await term.pressUntil('Escape', 'e type');
    await term.pressUntil('Enter', /▼ more below: PgDn/);
    await term.pressUntil('PageDown', /Values touched: /);
    await term.pressUntil('Enter', 'Question 2 of 2');
    await term.pressUntil('Enter', /Key points: \d of 4 found in your answer/);
    await term.pressUntil('Enter', 'Specific situation (1 of 5)');
    await term.pressUntil('2', 'Own actions and decisions (2 of 5)');
    await term.pressUntil('Escape', (s) => s.includes('Specific situation (1 of 5)') && s.includes('› 2'));
    for (let i = 0; i < 9; i++) term.press('4');
    await term.pressUntil('4', 'Culture round · ratings');
    await term.pressUntil('Escape', 'The value shown (5 of 5)');
    await term.pressUntil('1', 'Culture round · ratings');
    await term.pressUntil('Down', /› 2\. /);
    await term.pressUntil('1', /1 Again \(suggested \w+\)/);
    await term.pressUntil('Up', /› 1\. /);
    await term.pressUntil('Enter', '✓ Round saved');
    const [round] = JSON.parse(cli(dir, 'behavioral', 'history', '--json')) as { questions: { rating: number }[] }[];
    expect(round!.questions.map((q) => q.rating)).toEqual([4, 1]);
  });
});
