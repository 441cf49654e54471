// Someone else's text (a deck, an import, a file name) never reaches the terminal raw: the OSC 52
// sequence that writes the user's clipboard, and a right-to-left override, are shown as visible
// escapes by every command that quotes them. Runs the built CLI: needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ankiPackage, BASIC } from '../helpers/anki-fixture.js';
import { MINI_DECK, REPO, tempDir } from '../helpers/temp.js';

const BIN = join(REPO, 'bin/keeper-prep.js');
/** Sets the clipboard to "hi" in a terminal that allows it. */
const OSC52 = '\u001b]52;c;aGk=\u0007';
const SHOWN = '\\x1b]52;c;aGk=\\x07';
const RLO = '\u202e';

function run(args: string[], home: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home, NO_COLOR: '1' }, encoding: 'utf8', input: '' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The control and bidi characters a terminal acts on; none may be printed. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function expectSafe(output: string, label: string): void {
  expect(UNSAFE.exec(output), `${label}: ${JSON.stringify(output)}`).toBeNull();
}

function mini(): Record<string, unknown> {
  return JSON.parse(readFileSync(MINI_DECK, 'utf8')) as Record<string, unknown>;
}

function writeDeck(file: string, change: (deck: Record<string, unknown> & { cards: Record<string, unknown>[] }) => void): string {
  const deck = mini() as Record<string, unknown> & { cards: Record<string, unknown>[] };
  change(deck);
  writeFileSync(file, JSON.stringify(deck));
  return file;
}

describe('deck text in validate and decks', () => {
  it('an unknown key, a section, a value and a file name carrying OSC 52 or U+202E are shown escaped', () => {
    const home = tempDir();
    const dir = tempDir();
    const decks = join(home, 'decks');
    mkdirSync(decks);
    const files = [
      writeDeck(join(dir, 'key.json'), (d) => (d[OSC52] = 1)),
      writeDeck(join(dir, 'section.json'), (d) => {
        d.sections = [{ name: 'Basics', intro: 'The basics.' }];
        for (const card of d.cards) card.section = `Basics${RLO}`;
      }),
      writeDeck(join(dir, 'value.json'), (d) => (d.area = OSC52)),
      writeDeck(join(dir, 'text.json'), (d) => (d.cards[0]!.front = `clipboard ${OSC52}`)),
    ];
    const named = join(decks, `evil${OSC52}.json`);
    writeFileSync(named, '{');
    writeDeck(join(decks, 'bidi.json'), (d) => {
      d.id = 'bidi';
      d.title = `txt.${RLO}exe`;
    });

    const validate = run(['validate', ...files, named], home);
    expect(validate.status).toBe(1);
    expectSafe(validate.output, 'validate');
    expect(validate.output).toContain(`unknown key "${SHOWN}"`);
    expect(validate.output).toContain('"Basics<U+202E>" is not one of the deck\'s sections');
    expect(validate.output).toContain(`evil${SHOWN}.json:1:2`);
    const json = run(['validate', '--json', ...files, named], home);
    expectSafe(json.output, 'validate --json');
    expect(JSON.stringify(JSON.parse(json.output))).toContain(JSON.stringify(`unknown key "${OSC52}"`).slice(1, -1));

    for (const args of [['decks'], ['decks', '--json'], ['search', 'capital'], ['search', 'capital', '--json'], ['stats'], ['stats', '--json'], ['report']]) {
      const result = run(args, home);
      expect(result.status, args.join(' ')).toBe(0);
      expectSafe(result.output, args.join(' '));
    }
    expect(run(['decks'], home).output).toContain(`Broken deck (not loaded): ${named.replace(OSC52, SHOWN)}`);
    expect(run(['decks', '--json'], home).output).toContain('"title": "txt.\\u202eexe"');
  });
});

describe('imports', () => {
  it('a note-type name, zip entry names, a file name and refused CSV text are shown escaped', async () => {
    const home = tempDir();
    const dir = tempDir();
    const anki = join(dir, 'types.apkg');
    writeFileSync(anki, await ankiPackage([{ ...BASIC, name: `Basic${OSC52}` }], [{ typeId: BASIC.id, fields: ['Front text', 'Back text'] }]));
    const zip = join(dir, 'entries.apkg');
    writeFileSync(zip, zipSync({ [`notes${OSC52}.txt`]: new TextEncoder().encode('x'), [`${RLO}gpj.exe`]: new Uint8Array([1]) }));
    const csv = join(dir, `cards${OSC52}.csv`);
    writeFileSync(csv, `q,a\n"a"${OSC52}b,c\n`);
    const clipboardCell = join(dir, 'cell.csv');
    writeFileSync(clipboardCell, `q,a\nclipboard,${OSC52}\n`);

    const typed = run(['import', anki, '--out', join(dir, 'types.json')], home);
    expect(typed.status).toBe(0);
    expectSafe(typed.output, 'import apkg');
    expect(typed.output).toContain(`  Basic${SHOWN}: 1 note`);

    const entries = run(['import', zip], home);
    expect(entries.status).toBe(1);
    expectSafe(entries.output, 'import zip');
    expect(entries.output).toContain(`notes${SHOWN}.txt, <U+202E>gpj.exe`);

    for (const file of [csv, clipboardCell]) {
      const result = run(['import', file], home);
      expect(result.status, file).toBe(1);
      expectSafe(result.output, file);
      expect(result.output.split('\n').filter(Boolean)).toHaveLength(1);
    }
    expect(run(['import', csv], home).output).toContain(`cards${SHOWN}.csv:2:`);
  });
});

describe('progress files', () => {
  it('a rubric name, prompt key and notes with control characters, already stored, print escaped', () => {
    const home = tempDir();
    const attempt = {
      v: 1,
      key: `system-design/cache${OSC52}`,
      startedAt: Date.UTC(2026, 10, 1, 9),
      finishedAt: Date.UTC(2026, 10, 1, 10),
      durationMs: 3_000_000,
      minutes: 45,
      phases: [{ name: `Clarify${RLO}`, ms: 300_000 }],
      hintsUsed: 0,
      scores: [{ dimension: `Scale${OSC52}`, score: 2 }],
      rating: 3,
      notes: `notes ${OSC52}`,
    };
    writeFileSync(join(home, 'attempts.jsonl'), `${JSON.stringify(attempt)}\n`);
    for (const args of [['design', 'history'], ['design', 'history', '--json'], ['design', '--list'], ['stats'], ['stats', '--json'], ['report']]) {
      const result = run(args, home);
      expect(result.status, args.join(' ')).toBe(0);
      expectSafe(result.output, args.join(' '));
    }
    expect(run(['design', 'history'], home).output).toContain(`cache${SHOWN}`);
    expect(JSON.parse(run(['design', 'history', '--json'], home).output)).toEqual([attempt]);
  });
});
