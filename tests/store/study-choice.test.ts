// `keeper-prep study` with a choice: which session each tag, skill, search and mode opens, and the
// one line for a choice that cannot be studied.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choiceProblem, studySession } from '../../src/commands/study.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

async function workspace(deckArgs: string[] = []): Promise<Workspace> {
  const ws = await openWorkspace({ dataDir: tempDir(), deckArgs, env: {}, builtinDir: BUILTIN_DECKS, now: NOW });
  ws.settings.set({ role: 'analytics-engineer' });
  return ws;
}

describe('study choices that cannot go together', () => {
  it('are refused before anything opens, in one line', () => {
    expect(choiceProblem({ tag: 'joins', skill: 'SQL' })).toBe('--tag and --skill cannot be used together: study one tag, skill or search at a time (--deck narrows any of them)');
    expect(choiceProblem({ due: true, new: 5 })).toBe('--due and --new cannot be used together: choose due cards, new cards or practice');
    expect(choiceProblem({ new: 5, practice: true })).toMatch(/^--new and --practice cannot/);
    expect(choiceProblem({ search: '  ' })).toBe('--search needs words to look for');
    expect(choiceProblem({ tag: 'joins', practice: true, limit: 5 })).toBeNull();
  });
});

describe('the session a choice opens', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
    // Five SQL cards seen three days ago: due now.
    for (const item of ws.queueFor(ws.studyDecks().filter((d) => d.id === 'sql'), NOW - 3 * 86_400_000).slice(0, 5)) ws.rate(item.key, 3, NOW - 3 * 86_400_000, 3000);
  });
  afterAll(() => ws.close());

  it('plain study is today\'s review', async () => {
    const session = await studySession(ws, {}, NOW);
    expect(session).toMatchObject({ title: "Today's review", practice: false });
    expect(session.items.map((i) => i.key)).toEqual(ws.queueFor(ws.studyDecks(), NOW).map((i) => i.key));
    expect((await studySession(ws, { limit: 3 }, NOW)).items).toHaveLength(3);
  });

  it('a tag, any case, of any loaded deck; without a mode, today\'s cards of it', async () => {
    const today = await studySession(ws, { tag: 'JOINS' }, NOW);
    expect(today.title).toBe('Today · tag joins');
    expect(today.items.length).toBeGreaterThan(0);
    expect(today.items.every((i) => (i.card.tags ?? []).includes('joins'))).toBe(true);
    const practice = await studySession(ws, { tag: 'joins', practice: true }, NOW);
    expect(practice).toMatchObject({ title: 'Study now · tag joins · practice', practice: true });
    expect(practice.items.length).toBe(ws.scopeItems({ kind: 'tag', tag: 'joins' }).length);
  });

  it('a skill by name, due cards only', async () => {
    const due = await studySession(ws, { skill: 'sql', due: true }, NOW);
    expect(due).toMatchObject({ title: 'Study now · SQL · due', practice: false });
    expect(due.items).toHaveLength(5);
  });

  it('search results, in rank order, quiz cards only', async () => {
    const found = await studySession(ws, { search: 'window function', practice: true }, NOW);
    expect(found.title).toBe('Study now · search "window function" · practice');
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((i) => i.card.type !== 'design')).toBe(true);
  });

  it('says which tag or skill was meant, in one line', async () => {
    await expect(studySession(ws, { tag: 'joinz' }, NOW)).rejects.toThrow(/^no card has the tag "joinz" \(did you mean "joins"/);
    await expect(studySession(ws, { skill: 'Statistic' }, NOW)).rejects.toThrow('no deck has the skill "Statistic" (did you mean "Statistics"?)');
    await expect(studySession(ws, { skill: 'zzz' }, NOW)).rejects.toThrow(/^no deck has the skill "zzz" \(skills: [^)]*SQL/);
    await expect(studySession(ws, { search: 'qqqzzzxxx' }, NOW)).rejects.toThrow(/^no card matches "qqqzzzxxx"/);
    // Filters read as the search command reads them.
    const sql = await studySession(ws, { search: 'kind:sql retention', practice: true }, NOW);
    expect(sql.items.length).toBeGreaterThan(0);
    expect(sql.items.every((i) => i.card.type === 'sql')).toBe(true);
    await expect(studySession(ws, { search: 'kind:banana' }, NOW)).rejects.toThrow(/^kind: is one of/);
  });

  it('never lets typed text reach the terminal raw, and says it in one line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('tag', 'skill', 'search'), fc.string({ unit: 'binary', maxLength: 12 }), async (kind, text) => {
        try {
          await studySession(ws, { [kind]: text, practice: true }, NOW);
        } catch (error) {
          const message = (error as Error).message;
          expect(message).not.toMatch(UNSAFE);
          expect(message).not.toContain('\n');
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('study --deck', () => {
  it('with --new N: N more new cards of that deck today, even with the day\'s limit used up', async () => {
    const ws = await workspace(['sql']);
    for (const item of ws.queueFor(ws.studyDecks(), NOW - 60_000)) ws.rate(item.key, 4, NOW - 60_000, 3000);
    expect(ws.queueFor(ws.studyDecks(), NOW)).toEqual([]);
    const more = await studySession(ws, { new: 4 }, NOW);
    expect(more.title).toBe('Study now · SQL · +4 new');
    expect(more.items).toHaveLength(4);
    expect(more.items.every((i) => i.deckId === 'sql' && !ws.progress.progress.cards.has(i.key))).toBe(true);
    ws.close();
  });
});
