// Editing a card in $EDITOR, end to end with fake editors (small node scripts run as the real
// editor would be): the deck is reloaded and the card keeps its history; a broken edit is reported
// with its position, the text stays on disk and the app keeps the last good deck; an editor that
// fails changes nothing.
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_REFUSAL, editCard, editable } from '../../src/store/card-edit.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

/** A fake editor: a node script named `name` that runs `body` with the file as `file` and its arguments as `args`. */
function fakeEditor(name: string, body: string): { command: string; argsFile: string } {
  const dir = tempDir('fake-editor-');
  const argsFile = join(dir, 'args.json');
  const path = join(dir, name);
  writeFileSync(path, `#!${process.execPath}\nconst fs = require('node:fs');\nconst args = process.argv.slice(2);\nfs.writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(args));\nconst file = args[args.length - 1];\n${body}\n`);
  chmodSync(path, 0o755);
  return { command: path, argsFile };
}

async function userDeck(): Promise<{ ws: Workspace; file: string }> {
  const dataDir = tempDir();
  mkdirSync(join(dataDir, 'decks'));
  const file = join(dataDir, 'decks', 'mini.json');
  cpSync(MINI_DECK, file);
  const ws = await openWorkspace({ dataDir, env: {}, builtinDir: tempDir(), now: T0 });
  return { ws, file };
}

const front = (ws: Workspace) => {
  const card = ws.library.decks[0]!.deck.cards.find((c) => c.id === 'capital');
  return card?.type === 'flashcard' ? card.front : null;
};

describe('editing a card in $EDITOR', () => {
  it('opens the editor at the card\'s line, reloads the edited deck, and the card keeps its history', async () => {
    const { ws, file } = await userDeck();
    ws.rate('mini/capital', 3, T0, 1000);
    const editor = fakeEditor('vim', `fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Capital of France?', 'Capital city of France?'));`);
    const outcome = await editCard(ws.library, 'mini', 'capital', { EDITOR: 'nano', VISUAL: editor.command });
    expect(outcome).toMatchObject({ kind: 'reloaded', cardKept: true });
    expect(JSON.parse(readFileSync(editor.argsFile, 'utf8'))).toEqual(['+9', file]);
    expect(front(ws)).toBe('Capital city of France?');
    expect(ws.queueFor(ws.studyDecks(), T0).find((i) => i.key === 'mini/capital')?.card).toMatchObject({ front: 'Capital city of France?' });
    expect(ws.progress.progress.cards.has('mini/capital')).toBe(true);
    ws.close();
  });

  it('a broken edit: reported as file:line:col, the text stays on disk, the last good deck stays loaded', async () => {
    const { ws, file } = await userDeck();
    const editor = fakeEditor('breaks-json', `fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"front": "Capital', '"front": Capital'));`);
    const outcome = await editCard(ws.library, 'mini', 'capital', { EDITOR: editor.command });
    expect(outcome.kind).toBe('broken');
    expect(outcome.message).toMatch(new RegExp(`^The edited deck does not load: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:9:\\d+ JSON syntax error`));
    expect(outcome.message).toMatch(/your text stays in .*press v to edit again\.$/);
    expect(readFileSync(file, 'utf8')).toContain('"front": Capital of France?');
    expect(front(ws)).toBe('Capital of France?');
  });

  it('a deck that parses but breaks the schema is reported with its field', async () => {
    const { ws } = await userDeck();
    const editor = fakeEditor('bad-field', `fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"answer": 1', '"answer": 7'));`);
    const outcome = await editCard(ws.library, 'mini', 'two-plus-two', { EDITOR: editor.command });
    expect(outcome.kind).toBe('broken');
    expect(outcome.message).toMatch(/mini\.json:10:\d+ cards\[1\]\.answer: /);
  });

  it('an editor that exits non-zero: nothing reloaded, the file as the editor left it', async () => {
    const { ws, file } = await userDeck();
    const editor = fakeEditor('fails', `fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Capital of France?', 'half an edit'));\nprocess.exit(3);`);
    const outcome = await editCard(ws.library, 'mini', 'capital', { EDITOR: editor.command });
    expect(outcome).toEqual({ kind: 'editor-failed', message: expect.stringMatching(/exited with status 3: the deck was not reloaded; the file is as the editor left it\.$/) as string });
    expect(readFileSync(file, 'utf8')).toContain('half an edit');
    expect(front(ws)).toBe('Capital of France?');
  });

  it('an editor that is not installed, and one that changes nothing', async () => {
    const { ws } = await userDeck();
    const missing = await editCard(ws.library, 'mini', 'capital', { EDITOR: '/no/such/editor --wait' });
    expect(missing.message).toMatch(/^Could not start the editor "\/no\/such\/editor --wait" \(ENOENT\): set \$VISUAL or \$EDITOR/);
    const idle = fakeEditor('idle', '');
    expect((await editCard(ws.library, 'mini', 'capital', { EDITOR: idle.command })).kind).toBe('unchanged');
  });

  it('an edit that renames the card: reloaded, and the user told the card is gone from the deck', async () => {
    const { ws } = await userDeck();
    const editor = fakeEditor('renames', `fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"id": "capital"', '"id": "capital-city"'));`);
    const outcome = await editCard(ws.library, 'mini', 'capital', { EDITOR: editor.command });
    expect(outcome).toMatchObject({ kind: 'reloaded', cardKept: false });
    expect(outcome.message).toMatch(/no longer in it \(its history is kept under the old id\)/);
  });

  it('built-in cards are refused before any editor runs', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    const deckId = ws.library.decks[0]!.deck.id;
    expect(editable(ws.library, deckId)).toBe(false);
    const editor = fakeEditor('never', `fs.writeFileSync(file, 'x');`);
    const outcome = await editCard(ws.library, deckId, ws.library.decks[0]!.deck.cards[0]!.id, { EDITOR: editor.command });
    expect(outcome).toEqual({ kind: 'refused', message: BUILT_IN_REFUSAL });
  });
});
