// The built command line as a user meets it in a real shell: mistyped commands, pipes closed
// early, a wrong --deck, and the commands new-deck prints, run as printed. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/temp.js';

const BIN = join(REPO, 'bin/keeper-prep.js');

function run(args: string[], home: string, options: { cwd?: string } = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8', input: '' });
}

/** A shell line run with `keeper-prep` on PATH, as a user who installed the package would run it. */
function shell(line: string, home: string, cwd: string) {
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'keeper-prep'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'keeper-prep'), 0o755);
  return spawnSync('bash', ['-c', `set -o pipefail; ${line}`], { cwd, env: { ...process.env, KEEPER_PREP_HOME: home, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8', input: '' });
}

describe('an unknown command', () => {
  it('exits 1 with one line naming the nearest command', () => {
    const result = run(['stduy'], tempDir());
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("keeper-prep: unknown command 'stduy'. Did you mean 'study'?\n");
    expect(result.stdout).toBe('');
    expect(run(['--deck', 'culture', 'sttas'], tempDir()).stderr).toBe("keeper-prep: unknown command 'sttas'. Did you mean 'stats'?\n");
  });

  it('far from every command, points at --help', () => {
    const result = run(['xyz'], tempDir());
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('keeper-prep: unknown command \'xyz\'\nRun "keeper-prep --help" for the commands.\n');
  });
});

describe('output piped into a reader that stops early', () => {
  it('ends quietly with exit 0', () => {
    const home = tempDir();
    const head = shell('keeper-prep stats --json | head -c 5', home, REPO);
    expect(head).toMatchObject({ status: 0, stderr: '', stdout: '{\n  "' });
    expect(shell('keeper-prep decks | head -1', home, REPO)).toMatchObject({ status: 0, stderr: '' });
    // `true` reads nothing and exits at once, so every write meets a closed pipe.
    for (const command of ['stats --json', 'decks', 'search sample ratio --json', 'report', 'design --list']) {
      expect(shell(`keeper-prep ${command} | true`, home, REPO), command).toMatchObject({ status: 0, stderr: '' });
    }
  });
});

describe('a wrong --deck', () => {
  it('exits 1 with one line before anything opens, also without a terminal', () => {
    const home = join(tempDir(), 'home');
    for (const args of [['study', '--deck', 'nosuchdeck'], ['--deck', 'nosuchdeck'], ['stats', '--deck', 'nosuchdeck']]) {
      const result = run(args, home);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toBe('keeper-prep: no deck has the id "nosuchdeck"; `keeper-prep decks` lists them\n');
    }
    expect(run(['study', '--deck', 'statistcs'], home).stderr).toBe('keeper-prep: no deck has the id "statistcs" (did you mean "statistics"?); `keeper-prep decks` lists them\n');
    expect(run(['study', '--deck', './nope.json'], home).stderr).toBe('keeper-prep: --deck ./nope.json: no such file\n');
    expect(existsSync(home)).toBe(false);
    // A good --deck gets as far as the terminal check.
    expect(run(['study', '--deck', 'culture'], home).stderr).toMatch(/^keeper-prep needs an interactive terminal/);
  });
});

describe('new-deck', () => {
  it('prints commands that work as printed: check, study, then move it into the decks folder', () => {
    const home = join(tempDir(), 'home');
    const cwd = tempDir();
    const made = run(['new-deck', 'My Prep'], home, { cwd });
    expect(made.status).toBe(0);
    const commands = made.stdout.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim());
    expect(commands).toEqual([
      "keeper-prep validate 'My Prep.json'",
      "keeper-prep study --deck 'My Prep.json'",
      `mkdir -p ${join(home, 'decks')} && mv 'My Prep.json' ${join(home, 'decks')}/`,
    ]);
    expect(shell(commands[0]!, home, cwd)).toMatchObject({ status: 0, stdout: "ok    My Prep.json (deck \"my-prep\", 7 cards)\n" });
    // Without a terminal the app stops at the terminal check, so the deck itself was found.
    expect(shell(commands[1]!, home, cwd).stderr).toMatch(/^keeper-prep needs an interactive terminal/);
    expect(shell(commands[2]!, home, cwd).status).toBe(0);
    const decks = JSON.parse(run(['decks', '--json'], home).stdout) as { decks: { id: string; origin: string }[] };
    expect(decks.decks).toContainEqual(expect.objectContaining({ id: 'my-prep', origin: 'user' }));
    const deck = JSON.parse(readFileSync(join(home, 'decks', 'My Prep.json'), 'utf8')) as { $schema: string };
    expect(deck.$schema).toBe(`file://${join(home, 'deck.schema.json')}`);
    expect(readFileSync(join(home, 'deck.schema.json'), 'utf8')).toBe(readFileSync(join(REPO, 'decks/deck.schema.json'), 'utf8'));
  });

  it('--install writes into the decks folder, creating it', () => {
    const data = join(tempDir(), 'my data');
    const made = run(['--data-dir', data, 'new-deck', 'drills', '--install'], tempDir());
    expect(made.status).toBe(0);
    expect(readdirSync(join(data, 'decks'))).toEqual(['drills.json']);
    const commands = made.stdout.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim());
    expect(commands).toEqual([`keeper-prep validate '${join(data, 'decks', 'drills.json')}'`, `keeper-prep --data-dir '${data}' study --deck drills`]);
    expect(shell(commands[0]!, tempDir(), REPO).status).toBe(0);
    expect(shell(commands[1]!, tempDir(), REPO).stderr).toMatch(/^keeper-prep needs an interactive terminal/);
    const deck = JSON.parse(readFileSync(join(data, 'decks', 'drills.json'), 'utf8')) as { $schema: string };
    expect(existsSync(resolve(dirname(join(data, 'decks', 'drills.json')), deck.$schema))).toBe(true);
  });
});

describe('import', () => {
  it('points the deck\'s $schema at the data directory\'s copy', () => {
    const home = tempDir();
    const csv = join(tempDir(), 'drills.csv');
    writeFileSync(csv, 'question,answer\nWhat is 2+2?,4\n');
    expect(run(['import', csv], home).status).toBe(0);
    const deck = JSON.parse(readFileSync(join(home, 'decks', 'drills.json'), 'utf8')) as { $schema: string; description: string };
    expect(deck.$schema).toBe('../deck.schema.json');
    expect(existsSync(join(home, 'deck.schema.json'))).toBe(true);
    expect(deck.description).toMatch(/ on \d{4}-\d\d-\d\d\.$/);
  });
});
