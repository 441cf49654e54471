import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decksCommand } from '../../src/commands/decks.js';
import { designHistoryCommand, designListCommand } from '../../src/commands/design.js';
import { newDeckCommand } from '../../src/commands/new-deck.js';
import { validateCommand } from '../../src/commands/validate.js';
import { formatDate } from '../../src/core/day.js';
import { ensureSchemaCopy, schemaRef } from '../../src/store/deck-schema.js';
import { statsCommand } from '../../src/commands/stats.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

describe('stats and decks commands', () => {
  it('stats follows the chosen track: its skill decks, weighted, and the culture walkthrough', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.settings.set({ role: 'policy-ops-analyst' });
    const stats = JSON.parse(statsCommand(ws, T0, true)) as { decks: { id: string; mix: number | null; guided: boolean }[]; walkthrough: { done: number; sections: number } };
    const ids = stats.decks.map((d) => d.id);
    expect(ids[0]).toBe('culture');
    expect(ids[1]).toBe('risk-communication'); // the skill a policy loop leans on most
    expect(ids).toEqual(expect.arrayContaining(['sql', 'statistics', 'operational-planning', 'cross-functional-coordination']));
    expect(ids).not.toContain('java');
    expect(stats.decks[0]).toMatchObject({ mix: null, guided: true });
    expect(stats.decks.reduce((n, d) => n + (d.mix ?? 0), 0)).toBeCloseTo(1);
    expect(stats.walkthrough).toMatchObject({ done: 0 });
    expect(stats.walkthrough.sections).toBeGreaterThanOrEqual(5);

    ws.settings.set({ role: 'ml-engineer' });
    const text = statsCommand(ws, T0, false);
    expect(text).toContain('Role: Machine Learning Engineer');
    expect(text).toMatch(/Culture walkthrough: 0 of \d+ sections done; next: /);
    expect(text.split('\n').find((l) => l.startsWith('ml-fundamentals'))).toMatch(/\d+%$/);
    expect(text).not.toMatch(/^sql /m);
    ws.close();
  });

  it('decks prints a table of counts per deck and kind, with totals', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    const text = decksCommand(ws, false);
    const [header, ...rows] = text.split('\n');
    expect(header).toMatch(/^id\s+cards\s+flash choice multi open design sql code$/);
    // Every kind in one table that fits an 80-column terminal.
    for (const line of [header!, ...rows.slice(0, rows.indexOf(''))]) expect(line.length).toBeLessThanOrEqual(80);
    // Counted from the directory, so adding a built-in deck does not break this test.
    const builtin = readdirSync(BUILTIN_DECKS).filter((f) => f.endsWith('.json') && f !== 'deck.schema.json').length;
    const total = rows.find((r) => r.startsWith('total'));
    expect(total).toMatch(new RegExp(`^total \\(${String(builtin)} decks\\)\\s+\\d+`));
    const json = JSON.parse(decksCommand(ws, true)) as { decks: { id: string; cards: number; kinds: Record<string, number> }[] };
    expect(json.decks).toHaveLength(builtin);
    for (const deck of json.decks) expect(Object.values(deck.kinds).reduce((a, b) => a + b, 0)).toBe(deck.cards);
    ws.close();
  });
});

describe('new-deck', () => {
  it('writes a starter deck that validates, with one card of each kind and a $schema at the data directory\'s copy', async () => {
    const file = join(tempDir(), 'My Prep.json');
    const data = tempDir();
    const schema = ensureSchemaCopy(data, BUILTIN_DECKS);
    const out = newDeckCommand(file, { schema, userDecksDir: join(data, 'decks') });
    const shown = relative(process.cwd(), file);
    expect(out.split('\n')).toEqual([
      `Wrote a starter deck "my-prep" to '${shown}': 7 cards, one of each kind (flashcard, choice, multi, open, design, sql, code).`,
      'Edit it (its "$schema" line lets your editor complete and check the keys), then check it and study it:',
      `  keeper-prep validate '${shown}'`,
      `  keeper-prep study --deck '${shown}'`,
      'To load it every time the app starts, move it into your decks folder:',
      `  mkdir -p ${join(data, 'decks')} && mv '${shown}' ${join(data, 'decks')}/`,
    ]);
    expect(validateCommand([file], false)).toMatchObject({ ok: true });
    const deck = JSON.parse(readFileSync(file, 'utf8')) as { $schema: string; id: string; cards: { type: string }[] };
    // Outside the data directory an absolute URL, so the deck can be moved into the decks folder as printed.
    expect(deck.$schema).toBe(pathToFileURL(schema).href);
    expect(deck.cards.map((c) => c.type).sort()).toEqual(['choice', 'code', 'design', 'flashcard', 'multi', 'open', 'sql']);
    const before = readFileSync(file, 'utf8');
    expect(() => newDeckCommand(file, { schema, userDecksDir: join(data, 'decks') })).toThrow(/already exists; choose another name/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('with --install writes into the decks folder, creating it, and prints commands that run as printed', async () => {
    const data = join(tempDir(), 'data dir');
    const schema = ensureSchemaCopy(data, BUILTIN_DECKS);
    const out = newDeckCommand('drills', { schema, userDecksDir: join(data, 'decks'), install: true, command: `keeper-prep --data-dir '${data}'` });
    const target = join(data, 'decks', 'drills.json');
    expect(out.split('\n')).toEqual([
      `Wrote a starter deck "drills" to '${target}': 7 cards, one of each kind (flashcard, choice, multi, open, design, sql, code).`,
      'It loads every time the app starts.',
      'Edit it (its "$schema" line lets your editor complete and check the keys), then check it and study it:',
      `  keeper-prep validate '${target}'`,
      `  keeper-prep --data-dir '${data}' study --deck drills`,
    ]);
    const deck = JSON.parse(readFileSync(target, 'utf8')) as { $schema: string };
    expect(deck.$schema).toBe('../deck.schema.json');
    expect(existsSync(resolve(dirname(target), deck.$schema))).toBe(true);
    expect(() => newDeckCommand('sub/drills', { schema, userDecksDir: join(data, 'decks'), install: true })).toThrow(/with --install, give a file name like my-deck\.json, not a path/);
  });
});

describe('the deck schema in the data directory', () => {
  it('is written when missing, left alone when it matches the shipped one, and refreshed when it differs', () => {
    const data = join(tempDir(), 'data');
    const copy = ensureSchemaCopy(data, BUILTIN_DECKS);
    expect(copy).toBe(join(data, 'deck.schema.json'));
    const shipped = readFileSync(join(BUILTIN_DECKS, 'deck.schema.json'), 'utf8');
    expect(readFileSync(copy, 'utf8')).toBe(shipped);
    const { ino, mtimeMs } = statSync(copy);
    ensureSchemaCopy(data, BUILTIN_DECKS);
    expect(statSync(copy)).toMatchObject({ ino, mtimeMs });
    writeFileSync(copy, '{"old": true}');
    ensureSchemaCopy(data, BUILTIN_DECKS);
    expect(readFileSync(copy, 'utf8')).toBe(shipped);
  });

  it('opening the workspace keeps it current', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'deck.schema.json'), '{}');
    const ws = await openWorkspace({ dataDir: data, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.close();
    expect(readFileSync(join(data, 'deck.schema.json'), 'utf8')).toBe(readFileSync(join(BUILTIN_DECKS, 'deck.schema.json'), 'utf8'));
  });

  it('is referred to relatively from inside the data directory and by file URL from anywhere else', () => {
    const schema = join('/data', 'deck.schema.json');
    expect(schemaRef(join('/data', 'decks', 'a.json'), schema)).toBe('../deck.schema.json');
    expect(schemaRef(join('/data', 'a.json'), schema)).toBe('./deck.schema.json');
    expect(schemaRef(join('/home', 'me', 'a.json'), schema)).toBe(pathToFileURL(schema).href);
    expect(schemaRef(join('/data-other', 'a.json'), schema)).toBe(pathToFileURL(schema).href);
  });
});

describe('design list and history', () => {
  it('show dates in the one local format; JSON keeps ISO timestamps', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), deckArgs: [join(REPO, 'tests/fixtures/design.json')], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    const [prompt] = ws.designPrompts(T0);
    const finishedAt = new Date(2026, 10, 20, 8, 5).getTime();
    const result = ws.finishMock({ v: 1, key: prompt!.key, startedAt: finishedAt - 60_000, finishedAt, durationMs: 60_000, minutes: 2, phases: [], hintsUsed: 0, scores: [], rating: 4, notes: '' }, finishedAt);
    const history = designHistoryCommand(ws, undefined, false);
    expect(history.split('\n')[1]).toMatch(/^2026-11-20 08:05 {2}/);
    const list = designListCommand(ws, finishedAt, false);
    expect(list).toContain(`next ${formatDate(result.record.state.due)}`);
    expect(list).not.toMatch(/T\d\d:/);
    const json = JSON.parse(designListCommand(ws, finishedAt, true)) as { dueAt: string }[];
    expect(json[0]!.dueAt).toBe(new Date(result.record.state.due).toISOString());
    ws.close();
  });
});
