import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/store/workspace.js';
import { REPO, tempDir } from '../helpers/temp.js';

const FIXTURE = join(REPO, 'tests/fixtures/exercise-runs.json');
const T0 = Date.UTC(2026, 10, 20, 9);
const open = (env: NodeJS.ProcessEnv) => openWorkspace({ dataDir: tempDir(), deckArgs: [FIXTURE], env, builtinDir: join(tempDir(), 'none'), now: T0 });

describe('exercises in the workspace', () => {
  it('without python3, code exercises leave every deck the queues are built from, said in one notice', async () => {
    const ws = await open({ PATH: '', KEEPER_PREP_PYTHON: '/nonexistent/python3' });
    const ids = ws.decks().flatMap((d) => d.cards.map((c) => c.id));
    expect(ids).toContain('spend');
    expect(ids).not.toContain('add');
    expect(ws.queueFor(ws.studyDecks(), T0).map((i) => i.key)).toEqual(expect.arrayContaining(['exercises/spend', 'exercises/count']));
    expect(ws.queueFor(ws.studyDecks(), T0).map((i) => i.key)).not.toContain('exercises/add');
    expect(ws.notices.filter((n) => /python3/.test(n))).toEqual(['Code exercises need python3, which was not found, so code exercises are left out of your queues.']);
    // Still a card of a loaded deck: its progress is not reported as orphaned.
    expect(ws.library.decks[0]!.deck.cards.some((c) => c.id === 'add')).toBe(true);
    ws.close();
  });

  it('with python3 they stay, with no notice, and the service runs SQL from the loaded dataset file', async () => {
    const ws = await open({ PATH: process.env.PATH });
    expect(ws.decks().flatMap((d) => d.cards.map((c) => c.id))).toContain('add');
    // Scheduled like any card: new exercises come in the day's queue.
    expect(ws.queueFor(ws.studyDecks(), T0).map((i) => i.key)).toEqual(expect.arrayContaining(['exercises/spend', 'exercises/add']));
    expect(ws.notices.filter((n) => /python3/.test(n))).toEqual([]);
    const deck = ws.decks()[0]!;
    const item = { key: 'exercises/count', deckId: deck.id, deckTitle: deck.title, card: deck.cards.find((c) => c.id === 'count')! };
    expect(await ws.exercises.check(item, 'SELECT COUNT(n) FROM t')).toMatchObject({ passed: true });
    ws.close();
  });
});
