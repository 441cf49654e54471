// End to end, in a real terminal: a deck that arrives after the day's new cards are used up is
// studied that same day; a role change brings the new track's new cards at once; `study` with a
// choice opens the session it asks for.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';
import { answerCurrentCard, endSession, Terminal } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.close();
});

function terminal(args: string[], home: string, size = { width: 80, height: 24 }): Terminal {
  const term = new Terminal(args, { ...size, env: { KEEPER_PREP_HOME: home } });
  open.push(term);
  return term;
}

/** Leaves a session: out of an answer field first, then q (a summary first when something was rated). */
async function stop(term: Terminal, back: string): Promise<void> {
  if (term.screen().includes('Your answer:')) await term.pressUntil('Escape', (s) => !s.includes('▌'));
  if (/\b0 done · /.test(term.screen())) await term.pressUntil('q', back);
  else await endSession(term, back);
}

const cli = (args: string[], home: string) => spawnSync(process.execPath, ['bin/keeper-prep.js', ...args], { cwd: REPO, env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8' });

/**
 * A user who has learnt today's 20 new cards, all from one deck, rated Easy so none is due again
 * today: progress made through the workspace, as the app makes it.
 */
async function usedUpToday(role: string, deckId: string): Promise<string> {
  const home = tempDir();
  const now = Date.now();
  const ws = await openWorkspace({ dataDir: home, env: {}, builtinDir: BUILTIN_DECKS, now });
  ws.settings.set({ role });
  const items = ws.queueFor(ws.studyDecks().filter((d) => d.id === deckId), now);
  expect(items).toHaveLength(20);
  for (const item of items) ws.rate(item.key, 4, now, 3000);
  ws.close();
  return home;
}

describe('studying today what arrived today', { timeout: 60_000 }, () => {
  it('a CSV imported after the day\'s new cards are used up shows its new cards on Home and is studied from the app and with study --deck', async () => {
    const home = await usedUpToday('software-engineer', 'java');
    const before = terminal([], home);
    await before.waitFor("Today's review (0 due, 0 new)");
    await before.pressUntil('q', '[exited 0]');

    const csv = join(tempDir(), 'sd-drills.csv');
    writeFileSync(csv, 'question,answer\nWhat does a CDN do?,Serves content from edge caches\nWhat is a p99 latency?,The latency 99% of requests beat\nWhy shard a table?,To spread writes over machines\n');
    const imported = cli(['import', csv], home);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 3 cards from sd-drills.csv');

    const term = terminal([], home);
    await term.waitFor("Today's review (0 due, 3 new)");
    expect(term.screen()).toContain('Due today: 0   New today: 3');
    await term.select('Your decks (0 due, 3 new, 3 cards)');
    await term.pressUntil('Enter', '0 done · 3 left');
    expect(term.screen()).toMatch(/What does a CDN do\?|What is a p99 latency\?|Why shard a table\?/);
    await answerCurrentCard(term);
    await stop(term, 'keeper-prep › Home');
    // The card just learnt comes back later today, a learning step; two new ones are left.
    await term.waitFor(/Today's review \(\d due, 2 new\)/);
    await term.pressUntil('q', '[exited 0]');

    const study = terminal(['study', '--deck', 'sd-drills'], home);
    await study.waitFor(/0 done · 3 left/);
    await stop(study, 'keeper-prep › Home');
  });

  it('a role change in Settings brings the new track\'s new cards to Home the same day', async () => {
    const home = await usedUpToday('software-engineer', 'java');
    const term = terminal([], home);
    await term.waitFor('Due today: 0   New today: 0');
    await term.select('Settings');
    await term.pressUntil('Enter', 'Role');
    await term.select('Role');
    await term.pressUntil('Enter', 'Choose the role');
    await term.select('Analytics Engineer');
    await term.pressUntil('Enter', /Role +Analytics Engineer/);
    await term.pressUntil('Escape', 'Due today: 0   New today: 20');
    expect(term.screen()).toContain("Today's review (0 due, 20 new)");
    await term.select("Today's review");
    const session = await term.pressUntil('Enter', '0 done · 20 left');
    // The new track's own cards: none of the Java cards learnt this morning.
    expect(session).not.toContain('Java ·');
    await stop(term, 'keeper-prep › Home');
    await term.pressUntil('q', '[exited 0]');
  });
});

describe('study with a choice', { timeout: 60_000 }, () => {
  it('--deck ID --new N learns N more new cards today; --tag --practice practises a tag off the schedule', async () => {
    const home = await usedUpToday('analytics-engineer', 'sql');
    const more = terminal(['study', '--deck', 'sql', '--new', '3'], home);
    await more.waitFor('0 done · 3 left');
    expect(more.screen()).toContain('Study now · SQL · +3 new');
    await answerCurrentCard(more);
    await stop(more, 'keeper-prep › Home');
    expect(JSON.parse(cli(['stats', '--json'], home).stdout)).toMatchObject({ reviews: 21 });

    const practice = terminal(['study', '--tag', 'joins', '--practice', '--limit', '2'], home);
    await practice.waitFor('0 done · 2 left');
    expect(practice.screen()).toContain('Study now · tag joins · practice');
    await stop(practice, 'keeper-prep › Home');

    const bad = cli(['study', '--tag', 'joinz'], home);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^keeper-prep: no card has the tag "joinz" \(did you mean "joins"/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
