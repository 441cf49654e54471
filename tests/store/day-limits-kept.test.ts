// The workspace keeps the day's limits while the moment, the records and the settings stay as
// they were (store/workspace.ts): each change must show at once, as when they were worked out
// every time.
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

describe('the day limits the workspace keeps', () => {
  it('follow a rating, a settings change, another moment, and another process\'s rating', async () => {
    const dir = tempDir();
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    ws.settings.set({ role: 'software-engineer', newPerDay: 5 });
    const decks = ws.studyDecks();
    expect(ws.overviewFor(decks, T0).new).toBe(5);
    expect(ws.queueFor(decks, T0).length).toBe(ws.overviewFor(decks, T0).due + ws.overviewFor(decks, T0).new);

    const first = ws.queueFor(decks, T0)[0]!;
    ws.rate(first.key, 3, T0, 1000);
    expect(ws.overviewFor(decks, T0).new).toBe(4);

    ws.settings.set({ newPerDay: 8 });
    expect(ws.overviewFor(decks, T0).new).toBe(7);

    // The next day: today's first ratings no longer use up the limit.
    expect(ws.overviewFor(decks, T0 + 86_400_000).new).toBe(8);

    // Another process rates a card; this one sees it once it reads the log again.
    const other = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    other.rate(ws.queueFor(decks, T0).find((i) => !ws.progress.progress.cards.has(i.key))!.key, 3, T0, 1000);
    other.close();
    ws.progress.refresh();
    expect(ws.overviewFor(decks, T0).new).toBe(6);

    ws.settings.set({ interviewDate: '2026-12-20' });
    expect(ws.plan(T0)).not.toBeNull();
    expect(ws.dayPlan(T0).plan).toEqual(ws.plan(T0));
    ws.close();
  });
});
