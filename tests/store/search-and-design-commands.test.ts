import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designListCommand } from '../../src/commands/design.js';
import { queryFromArgs, searchCommand } from '../../src/commands/search.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, MINI_DECK, REPO, tempDir } from '../helpers/temp.js';

const T0 = new Date(2026, 10, 20, 9).getTime();

describe('search command', () => {
  it('a filter-only query lists every card it keeps, with the deck title and the prompt\'s first line', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), deckArgs: [MINI_DECK], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    const text = searchCommand(ws, 'deck:mini', false, T0);
    expect(text.split('\n')[0]).toMatch(/^card +deck +prompt$/);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toMatch(/^mini\/two-plus-two +Mini +2 \+ 2 = \?$/m);
    const json = JSON.parse(searchCommand(ws, 'kind:choice', true, T0)) as { key: string; deckTitle: string }[];
    expect(json).toEqual([expect.objectContaining({ key: 'mini/two-plus-two', deckTitle: 'Mini', type: 'choice' })]);
    ws.rate('mini/capital', 3, T0 - 60_000, 1000);
    expect(JSON.parse(searchCommand(ws, 'seen:yes', true, T0)).map((h: { key: string }) => h.key)).toEqual(['mini/capital']);
    expect(searchCommand(ws, 'capital kind:multi', false, T0)).toBe('No cards match "capital kind:multi".');
    ws.close();
  });

  it('stops with the reason when a filter cannot be read', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), deckArgs: [MINI_DECK], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(() => searchCommand(ws, 'capital kind:banana', false, T0)).toThrow('kind: is one of flashcard, choice, multi, open, design');
    ws.close();
  });

  it('an argument the shell unquoted ("deck:system design") is one value again', () => {
    expect(queryFromArgs(['deck:system design', 'cache'])).toBe('deck:"system design" cache');
    expect(queryFromArgs(['foo:a b', 'kind:choice'])).toBe('foo:a b kind:choice');
    // A whole query in one argument stays a query: its second filter is not part of the first's value.
    expect(queryFromArgs(['deck:sql kind:choice'])).toBe('deck:sql kind:choice');
  });
});

describe('design --list', () => {
  it('lists the role\'s ★ prompts first, as the app does', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.settings.set({ role: 'analytics-engineer' });
    const lines = designListCommand(ws, T0, false).split('\n');
    const starred = lines.filter((l) => l.startsWith('★  '));
    expect(starred.length).toBeGreaterThan(3);
    expect(lines.slice(1, 1 + starred.length)).toEqual(starred);
    expect(lines.at(-1)).toBe('★ suits your role.');
    const json = JSON.parse(designListCommand(ws, T0, true)) as { id: string; forRole: boolean }[];
    expect(json.map((p) => p.id)).toEqual(ws.designPrompts(T0).map((p) => p.card.id));
    expect(json[0]!.forRole).toBe(true);
    ws.close();
  });

  it('without a role prompt for the role, no legend', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), deckArgs: [join(REPO, 'tests/fixtures/design.json')], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.settings.set({ role: 'product-manager' });
    expect(designListCommand(ws, T0, false)).not.toContain('★');
    ws.close();
  });
});
