import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/commands/import.js';
import { validateCommand } from '../../src/commands/validate.js';
import type { Deck } from '../../src/core/deck.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { ankiPackage, BASIC, BASIC_REVERSED, CLOZE, OPTIONAL_REVERSED, SQL_WASM } from '../helpers/anki-fixture.js';
import { openCardRenderer } from '../helpers/render-card.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const PATHS = { sqlWasm: SQL_WASM, schema: join(BUILTIN_DECKS, 'deck.schema.json') };

async function workspace(dataDir = tempDir()): Promise<Workspace> {
  return openWorkspace({ dataDir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
}

function run(ws: Workspace, file: string, options: Parameters<typeof importCommand>[2] = {}): Promise<string> {
  return importCommand(ws, file, options, PATHS, '2026-11-20');
}

function readDeck(file: string): Deck {
  return JSON.parse(readFileSync(file, 'utf8')) as Deck;
}

/** Every file under a directory with its bytes, to show an import left the disk as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path] = readFileSync(path).toString('base64');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const NOTES = [
  { typeId: BASIC.id, fields: ['What does a <b>CDN</b> cache?', 'Static and popular content<br>close to users'], tags: ['networking'] },
  { typeId: BASIC_REVERSED.id, fields: ['Idempotent', 'Safe to retry: the same request twice has the effect of one'] },
  { typeId: CLOZE.id, fields: ['{{c1::Consistency}}, {{c2::availability}} and partition tolerance', 'Pick two under a partition'] },
  { typeId: OPTIONAL_REVERSED.id, fields: ['p99', 'The latency 99% of requests beat', ''], cards: [0] },
  { typeId: BASIC.id, fields: ['Architecture diagram <img src="arch.png">', 'See [sound:explain.mp3]'] },
  { typeId: BASIC.id, fields: ['No answer here', ''] },
];
const TYPES = [BASIC, BASIC_REVERSED, CLOZE, OPTIONAL_REVERSED];

describe('import: Anki packages', () => {
  for (const format of ['collection.anki2', 'collection.anki21', 'collection.anki21b'] as const) {
    it(`imports Basic, reversed and Cloze notes from ${format} into a deck that validates`, async () => {
      const dir = tempDir();
      const file = join(dir, 'Interview Prep.apkg');
      writeFileSync(file, await ankiPackage(TYPES, NOTES, { format }));
      const ws = await workspace();
      const report = await run(ws, file);
      const deckFile = join(ws.userDecksDir, 'interview-prep.json');
      expect(validateCommand([deckFile], false).ok).toBe(true);
      const deck = readDeck(deckFile);
      expect(deck).toMatchObject({ id: 'interview-prep', title: 'Interview / Networking', area: 'custom', $schema: expect.stringMatching(/deck\.schema\.json$/) });
      expect(deck.cards.map((c) => c.type === 'flashcard' && [c.front, c.back])).toEqual([
        ['What does a CDN cache?', 'Static and popular content\nclose to users'],
        ['Idempotent', 'Safe to retry: the same request twice has the effect of one'],
        ['Safe to retry: the same request twice has the effect of one', 'Idempotent'],
        ['[...], availability and partition tolerance', '[Consistency], availability and partition tolerance\nPick two under a partition'],
        ['Consistency, [...] and partition tolerance', 'Consistency, [availability] and partition tolerance\nPick two under a partition'],
        ['p99', 'The latency 99% of requests beat'],
        ['Architecture diagram [image: arch.png]', 'See [audio: explain.mp3]'],
      ]);
      expect(report).toContain(`Imported 7 cards from 6 notes in Interview Prep.apkg (Anki, ${format}).`);
      expect(report).toContain('  Cloze: 1 note, 2 cards');
      expect(report).toContain('  Basic (and reversed card): 1 note, 2 cards');
      expect(report).toContain('1 card refers to images or sounds');
      expect(report).toMatch(/Skipped 1:\n {2}note \d+ \("No answer here"\): the answer is empty/);
      expect(report).toContain('Study it: keeper-prep study --deck interview-prep');
      ws.close();

      // The next start finds it in the decks directory, ready to study.
      const again = await workspace(ws.dataDir);
      expect(again.library.decks.find((d) => d.deck.id === 'interview-prep')?.origin).toBe('user');
      expect(again.queueFor(again.decks().filter((d) => d.id === 'interview-prep'), T0).length).toBe(7);
      again.close();
    });
  }

  it('reads a .colpkg the same way', async () => {
    const file = join(tempDir(), 'backup.colpkg');
    writeFileSync(file, await ankiPackage([BASIC], [NOTES[0]!], { format: 'collection.anki21b' }));
    const ws = await workspace();
    expect(await run(ws, file, { out: join(tempDir(), 'out.json'), id: 'my-backup' })).toContain('Wrote deck "my-backup"');
    ws.close();
  });

  it('re-importing needs --force, and keeps the progress of cards that are still there', async () => {
    const file = join(tempDir(), 'net.apkg');
    writeFileSync(file, await ankiPackage(TYPES, NOTES));
    const ws = await workspace();
    await run(ws, file);
    ws.close();
    const studied = await workspace(ws.dataDir);
    const first = studied.queueFor(studied.decks().filter((d) => d.id === 'net'), T0)[0]!;
    studied.rate(first.key, 3, T0, 1000);
    await expect(run(studied, file)).rejects.toThrow(/net\.json already exists; pass --force to replace it/);
    await run(studied, file, { force: true });
    studied.close();
    const reopened = await workspace(ws.dataDir);
    const deck = reopened.decks().find((d) => d.id === 'net')!;
    expect(deck.cards.some((c) => `net/${c.id}` === first.key)).toBe(true);
    expect(reopened.progress.progress.cards.has(first.key)).toBe(true);
    reopened.close();
  });

  it('will not take a built-in deck id', async () => {
    const file = join(tempDir(), 'sql.apkg');
    writeFileSync(file, await ankiPackage([BASIC], [NOTES[0]!]));
    const ws = await workspace();
    await expect(run(ws, file)).rejects.toThrow(/^a built-in deck already has the id "sql" \(.*\); choose another with --id$/);
    ws.close();
  });

  it.skipIf(!existsSync(join(REPO, '../shared/fixtures/anki/system-design-primer.apkg')))(
    'imports the real system-design-primer deck (42 notes) into a deck that validates (needs ../shared)',
    async () => {
      const ws = await workspace();
      const report = await run(ws, join(REPO, '../shared/fixtures/anki/system-design-primer.apkg'));
      expect(report).toContain('Imported 42 cards from 42 notes');
      expect(report).not.toContain('Skipped');
      const deckFile = join(ws.userDecksDir, 'system-design-primer.json');
      expect(validateCommand([deckFile], false).ok).toBe(true);
      const deck = readDeck(deckFile);
      expect(deck.title).toBe('System Design');
      ws.close();
      // Every card, read through the real review screen at 80x24 and paged to its end.
      const renderer = await openCardRenderer(80, 24);
      try {
        for (const card of deck.cards) {
          if (card.type !== 'flashcard') continue;
          const frames = await renderer.pages(deck, card);
          const shown = frames.join('\n');
          expect(shown, card.id).not.toMatch(/<\/?(?:div|span|p|b|a|li|ul|h\d|img|br|svg)\b|&(?:nbsp|amp|quot|lt|gt|#\d+);/);
          for (const line of shown.split('\n')) expect(line.length, `${card.id}: ${line}`).toBeLessThanOrEqual(80);
          expect(frames.at(-1), card.id).not.toContain('more below');
          // Paging reaches the end of the answer: its last words are on screen.
          const lastWords = card.back.split(/\s+/).filter((w) => w.length < 30 && !w.includes('`')).slice(-3).join(' ');
          expect(shown.replace(/\s+/g, ' '), card.id).toContain(lastWords);
        }
      } finally {
        renderer.close();
      }
    },
  );
});

describe('import: CSV and TSV', () => {
  it('turns a spreadsheet export into a deck in the decks directory', async () => {
    const file = join(tempDir(), 'recruiter guide.csv');
    writeFileSync(file, 'Question,Answer,Tags\n"What is a p-value, briefly?","The chance of data this extreme\nif there were no effect",stats\nDefine MDE,Minimum detectable effect,stats\n');
    const ws = await workspace();
    const report = await run(ws, file);
    expect(report).toContain('Imported 2 cards from recruiter guide.csv (","-separated, header row: Question, Answer, Tags).');
    const deck = readDeck(join(ws.userDecksDir, 'recruiter-guide.json'));
    expect(deck.cards[0]).toMatchObject({ type: 'flashcard', front: 'What is a p-value, briefly?', back: 'The chance of data this extreme\nif there were no effect', tags: ['stats'] });
    ws.close();
  });
});

describe('import: bad input gets one clear line, and nothing on disk changes', () => {
  const cases: { name: string; file: string; content: () => Promise<Uint8Array | string> | Uint8Array | string; size?: number; error: RegExp }[] = [
    {
      name: 'a truncated zip',
      file: 'cut.apkg',
      content: async () => (await ankiPackage([BASIC], [NOTES[0]!])).subarray(0, 700),
      error: /^cut\.apkg is damaged or cut short: the zip cannot be read \(.+\); download or export it again$/,
    },
    {
      name: 'a zip that is not Anki',
      file: 'photos.apkg',
      content: async () => (await import('fflate')).zipSync({ 'a.txt': new TextEncoder().encode('hello'), 'b.jpg': new Uint8Array(10) }),
      error: /^photos\.apkg is a zip file but not an Anki package: it has no collection\.anki2, collection\.anki21, collection\.anki21b \(it holds a\.txt, b\.jpg\)$/,
    },
    {
      name: 'a zip whose collection is not a database',
      file: 'fake.apkg',
      content: async () => (await import('fflate')).zipSync({ 'collection.anki2': new TextEncoder().encode('not sqlite at all, just text'.repeat(40)) }),
      error: /^fake\.apkg: its collection\.anki2 is not a readable Anki collection \(file is not a database\)$/,
    },
    { name: 'binary junk named .apkg', file: 'junk.apkg', content: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), error: /^junk\.apkg is not a zip file, so not an Anki package/ },
    { name: 'binary junk named .csv', file: 'junk.csv', content: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), error: /^junk\.csv is not a text file \(it has a zero byte at offset \d+\)/ },
    { name: 'text that is not UTF-8', file: 'latin1.csv', content: () => Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x78, 0x0a]), error: /^latin1\.csv is not UTF-8 text/ },
    { name: 'an Anki package over the size limit', file: 'huge.apkg', content: () => '', size: 300 * 1024 * 1024, error: /^huge\.apkg is 300 MB; keeper-prep imports Anki packages of up to 256 MB$/ },
    { name: 'a CSV over the size limit', file: 'huge.csv', content: () => '', size: 25 * 1024 * 1024, error: /^huge\.csv is 25 MB; keeper-prep imports text files of up to 20 MB$/ },
    { name: 'a CSV with ragged rows', file: 'ragged.csv', content: () => 'q,a\nfine,row\ntoo,many,columns\n', error: /^ragged\.csv:3: this row has 3 columns but the first row has 2/ },
    { name: 'a CSV with a terminal escape sequence', file: 'esc.csv', content: () => 'q,a\nclear screen,\u001b[2J\n', error: /^esc\.csv:2: contains a terminal escape sequence/ },
    {
      name: 'an Anki note with a terminal escape sequence',
      file: 'esc.apkg',
      content: () => ankiPackage([BASIC], [{ typeId: BASIC.id, fields: ['Title', 'set title \u001b]0;pwned\u0007'] }]),
      error: /^note \d+ \("Title"\) contains a terminal escape sequence/,
    },
    { name: 'an empty file', file: 'empty.csv', content: () => '', error: /^empty\.csv is empty$/ },
    { name: 'a missing file', file: 'nowhere.apkg', content: () => '', size: -1, error: /nowhere\.apkg: file not found$/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const dir = tempDir();
      const file = join(dir, c.file);
      if (c.size !== -1) {
        writeFileSync(file, await c.content());
        if (c.size) truncateSync(file, c.size);
      }
      const ws = await workspace();
      const before = snapshot(ws.dataDir);
      const error = await run(ws, file).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(c.error);
      expect(error?.message).not.toContain('\n');
      expect(snapshot(ws.dataDir)).toEqual(before);
      ws.close();
    });
  }
});
