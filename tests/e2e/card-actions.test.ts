// Card actions in a real terminal: a card suspended in a review is never shown again (and is in
// `decks --json`), a flag is in `flags`, the suspended and flagged list's keys do what its footer
// says, and $EDITOR gets the terminal and gives it back.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MINI_DECK, REPO, tempDir } from '../helpers/temp.js';
import { answerCurrentCard, Terminal, type TerminalOptions } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.close();
});

function app(args: string[], home: string, options: TerminalOptions = {}): Terminal {
  const term = new Terminal(args, { ...options, env: { KEEPER_PREP_HOME: home, ...options.env } });
  open.push(term);
  return term;
}

/** A user with a role and the mini deck (flashcard, choice, multi, open) in their decks folder. */
function homeWithDeck(): string {
  const home = tempDir();
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ role: 'software-engineer' }));
  mkdirSync(join(home, 'decks'));
  cpSync(MINI_DECK, join(home, 'decks', 'mini.json'));
  return home;
}

function cli(home: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/keeper-prep.js', ...args], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' });
}

describe('suspend and flag', { timeout: 60_000 }, () => {
  it('x suspends the card in a review: gone from the session, from the next one, and listed by decks --json; f flags the next one for `flags`', async () => {
    const home = homeWithDeck();
    const term = app(['study', '--deck', 'mini'], home);
    await term.waitFor('Capital of France?');
    await term.pressUntil('x', '2 + 2 = ?');
    expect(term.screen()).toContain('Suspended: Decks, then m, lists it');
    await term.pressUntil('f', '⚑ Flag note:');
    term.type('answer 3 is odd');
    await term.waitFor('answer 3 is odd▌');
    await term.pressUntil('Enter', '⚑ Mini · choice · answer 3 is odd');
    // Nothing was rated, so q leaves at once (no summary); Home counts three cards, not four.
    await term.pressUntil('q', 'keeper-prep › Home');
    expect(term.screen()).toContain('(0 of 3 cards seen)');
    await term.pressUntil('q', '[exited 0]');

    const json = JSON.parse(cli(home, 'decks', '--json')) as { suspended: { key: string }[] };
    expect(json.suspended.map((s) => s.key)).toEqual(['mini/capital']);
    expect(cli(home, 'flags')).toMatch(/⚑ mini\/two-plus-two · .*\n {2}answer 3 is odd\n {2}2 \+ 2 = \?/);

    // A new session: the other cards, again and again as their learning steps come back, never the suspended one.
    const again = app(['study', '--deck', 'mini'], home);
    await again.waitFor('2 + 2 = ?');
    const seen: string[] = [];
    for (let i = 0; i < 8 && !again.screen().includes('Session complete'); i++) {
      seen.push(again.screen());
      await answerCurrentCard(again);
    }
    const all = seen.join('\n');
    for (const other of ['2 + 2 = ?', 'Which are prime?', 'Explain the CAP theorem.']) expect(all).toContain(other);
    expect(all).not.toContain('Capital of France?');
  });

  it('the suspended and flagged list: Enter opens the card, x unsuspends, f changes the note, Esc goes back', async () => {
    const home = homeWithDeck();
    writeFileSync(join(home, 'card-marks.jsonl'), `${JSON.stringify({ v: 1, t: 'suspend', key: 'mini/capital', at: 1 })}\n${JSON.stringify({ v: 1, t: 'flag', key: 'mini/primes', at: 2, note: 'typo' })}\n`);
    const term = app([], home);
    await term.select('Decks');
    await term.pressUntil('Enter', 'keeper-prep › Decks');
    await term.waitFor(/⊘ 1 suspended card .*⚑ 1 flagged card: m lists/s);
    expect(term.screen().trimEnd().split('\n').at(-1)).toMatch(/m marked/);
    await term.pressUntil('m', 'keeper-prep › Suspended and flagged cards');
    expect(term.screen().trimEnd().split('\n').at(-1)).toMatch(/^Enter open · x f v unsuspend, flag, edit · Esc back/);
    await term.pressUntil('Enter', 'keeper-prep › Card');
    expect(term.screen()).toMatch(/⊘ Mini · flashcard · suspended/);
    await term.pressUntil('Escape', 'keeper-prep › Suspended and flagged cards');
    await term.pressUntil('x', (s) => !s.includes('Capital of France?'));
    await term.pressUntil('f', '⚑ Flag note: typo▌');
    term.type(' in option 2');
    await term.pressUntil('Enter', '"typo in option 2"');
    await term.pressUntil('Escape', 'keeper-prep › Decks');
    expect(cli(home, 'flags', '--json')).toContain('"note": "typo in option 2"');
    expect(JSON.parse(cli(home, 'decks', '--json')).suspended).toEqual([]);
  });
});

describe('edit in $EDITOR', { timeout: 60_000 }, () => {
  /** An editor that shows itself on the main screen, waits for Enter, and edits the file as told. */
  function fakeEditor(change: string): { path: string; argsFile: string } {
    const dir = tempDir('fake-editor-');
    const argsFile = join(dir, 'args');
    const path = join(dir, 'vim');
    writeFileSync(path, [
      `#!${process.execPath}`,
      `const fs = require('node:fs');`,
      `const file = process.argv[process.argv.length - 1];`,
      `fs.writeFileSync(${JSON.stringify(argsFile)}, process.argv.slice(2).join(' '));`,
      `process.stdout.write('FAKE EDITOR on ' + file + '\\n');`,
      `process.stdin.once('data', () => { ${change}; process.exit(0); });`,
    ].join('\n'));
    chmodSync(path, 0o755);
    return { path, argsFile };
  }

  it('v gives the terminal to the editor at the card\'s line and takes it back; a broken edit is told with its place', async () => {
    const home = homeWithDeck();
    const file = join(home, 'decks', 'mini.json');
    const editor = fakeEditor(`fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"front": "Capital of France?"', '"front": "Capital of Spain?"'))`);
    const term = app(['study', '--deck', 'mini'], home, { env: { VISUAL: editor.path, EDITOR: 'nano' } });
    await term.waitFor('Capital of France?');
    const editing = await term.pressUntil('v', 'FAKE EDITOR on');
    // The app is off the screen while the editor has it.
    expect(editing).not.toContain('keeper-prep ›');
    expect(readFileSync(editor.argsFile, 'utf8')).toBe(`+9 ${file}`);
    await term.pressUntil('Enter', 'Saved and reloaded');
    expect(term.screen()).toContain('Capital of Spain?');
    expect(term.screen()).not.toContain('FAKE EDITOR');

    // Now an edit that breaks the file: the app says where, and keeps the card as it was.
    writeFileSync(editor.path, readFileSync(editor.path, 'utf8').replace(/process\.stdin\.once.*/, `process.stdin.once('data', () => { fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"back": "Paris"', '"back": Paris')); process.exit(0); });`));
    await term.pressUntil('v', 'FAKE EDITOR on');
    const broken = await term.pressUntil('Enter', 'does not load');
    expect(broken.replace(/\n\s*/g, ' ')).toMatch(/mini\.json:9:\d+ JSON syntax error/);
    expect(broken).toContain('Capital of Spain?');
    expect(readFileSync(file, 'utf8')).toContain('"back": Paris');
  });
});
