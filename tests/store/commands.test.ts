import { describe, expect, it } from 'vitest';
import { decksCommand } from '../../src/commands/decks.js';
import { statsCommand } from '../../src/commands/stats.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

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
    expect(header).toMatch(/^id\s+cards\s+flashcard\s+choice\s+multi\s+open\s+design$/);
    const total = rows.find((r) => r.startsWith('total'));
    expect(total).toMatch(/^total \(14 decks\)\s+\d+/);
    const json = JSON.parse(decksCommand(ws, true)) as { decks: { id: string; cards: number; kinds: Record<string, number> }[] };
    expect(json.decks).toHaveLength(14);
    for (const deck of json.decks) expect(Object.values(deck.kinds).reduce((a, b) => a + b, 0)).toBe(deck.cards);
    ws.close();
  });
});

describe('new-deck', () => {
  it('writes a starter deck that validates, with one card of each kind and a working $schema path', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const { dirname, join, resolve } = await import('node:path');
    const { newDeckCommand } = await import('../../src/commands/new-deck.js');
    const { validateCommand } = await import('../../src/commands/validate.js');
    const file = join(tempDir(), 'My Prep.json');
    const out = newDeckCommand(file, join(BUILTIN_DECKS, 'deck.schema.json'), '/data/decks');
    expect(out).toContain('Wrote a starter deck "my-prep"');
    expect(out).toMatch(/keeper-prep validate .*My Prep\.json/);
    expect(out).toMatch(/keeper-prep study --deck .*My Prep\.json/);
    expect(validateCommand([file], false)).toMatchObject({ ok: true });
    const deck = JSON.parse(readFileSync(file, 'utf8')) as { $schema: string; id: string; cards: { type: string }[] };
    expect(existsSync(resolve(dirname(file), deck.$schema))).toBe(true);
    expect(deck.cards.map((c) => c.type).sort()).toEqual(['choice', 'design', 'flashcard', 'multi', 'open']);
    const before = readFileSync(file, 'utf8');
    expect(() => newDeckCommand(file, join(BUILTIN_DECKS, 'deck.schema.json'), '/data/decks')).toThrow(/already exists; choose another name/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
