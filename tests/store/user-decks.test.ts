import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decksCommand } from '../../src/commands/decks.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

interface MiniDeck {
  id: string;
  cards: { id: string; front?: string; prompt?: string }[];
}

/** A user deck in the data directory's decks folder, rewritten between starts like an author would. */
function userDeck(dataDir: string) {
  const file = join(dataDir, 'decks', 'mini.json');
  mkdirSync(join(dataDir, 'decks'), { recursive: true });
  const original = JSON.parse(readFileSync(MINI_DECK, 'utf8')) as MiniDeck;
  const write = (deck: MiniDeck) => writeFileSync(file, JSON.stringify(deck, null, 2));
  write(original);
  return { original, write };
}

const open = (dataDir: string) => openWorkspace({ dataDir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });

describe('user decks between starts', () => {
  it('keeps a card\'s progress when its text is edited, keeps a removed card\'s history, and restores it when the card returns', async () => {
    const dataDir = tempDir();
    const deck = userDeck(dataDir);
    const first = await open(dataDir);
    const key = `mini/${deck.original.cards[0]!.id}`;
    first.rate(key, 3, T0, 2000);
    const record = first.progress.progress.cards.get(key);
    first.close();

    // Edit the card's text: same ids, so the same history.
    const edited = structuredClone(deck.original);
    edited.cards[0]!.front = 'What is the capital of France? (reworded)';
    deck.write(edited);
    const afterEdit = await open(dataDir);
    expect(afterEdit.decks().find((d) => d.id === 'mini')!.cards[0]).toMatchObject({ front: 'What is the capital of France? (reworded)' });
    expect(afterEdit.progress.progress.cards.get(key)).toEqual(record);
    expect(afterEdit.orphans().size).toBe(0);
    afterEdit.close();

    // Remove it: the history stays, and `decks` says so.
    deck.write({ ...deck.original, cards: deck.original.cards.slice(1) });
    const afterRemove = await open(dataDir);
    expect(afterRemove.orphans()).toEqual(new Map([['mini', 1]]));
    expect(decksCommand(afterRemove, false)).toContain('1 card with review history is in no loaded deck (mini 1): removed from the deck, or the deck is not loaded. The history is kept, and comes back if the card does.');
    expect(JSON.parse(decksCommand(afterRemove, true))).toMatchObject({ orphaned: { total: 1, byDeck: { mini: 1 } } });
    afterRemove.close();

    // Put it back: it carries on from its old state instead of starting new.
    deck.write(deck.original);
    const afterReturn = await open(dataDir);
    expect(afterReturn.orphans().size).toBe(0);
    expect(afterReturn.progress.progress.cards.get(key)).toEqual(record);
    expect(afterReturn.overviewFor(afterReturn.decks().filter((d) => d.id === 'mini'), T0).seen).toBe(1);
    afterReturn.close();
  });
});

describe('the new-card limit', () => {
  it('is not used up by design prompts or story rehearsals, which have their own screens', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.settings.set({ role: 'software-engineer' });
    const before = ws.overviewFor(ws.studyDecks(), T0).new;
    const prompt = ws.designPrompts(T0)[0]!;
    ws.rate(prompt.key, 3, T0, 1000);
    ws.rate('stories/told-a-vp', 3, T0, 1000);
    expect(ws.overviewFor(ws.studyDecks(), T0).new).toBe(before);
    ws.close();
  });

  it('refuses a deck with the id reserved for stories', async () => {
    const { parseDeck } = await import('../../src/core/deck-parse.js');
    const result = parseDeck(readFileSync(MINI_DECK, 'utf8').replace('"id": "mini"', '"id": "stories"'), 'stories.json');
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['id: "stories" is reserved for your story bank; choose another deck id']);
  });
});
