// One daily plan, said the same everywhere: Home, Readiness, `stats`, `stats --json` and `report`
// show the figures and advice of Workspace.dayPlan on a fixed clock, and none asks the user to
// raise a limit the plan already raises.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readinessReport } from '../../src/commands/report.js';
import { statsCommand } from '../../src/commands/stats.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { renderApp } from '../helpers/render-app.js';
import { BUILTIN_DECKS, MINI_DECK, tempDir } from '../helpers/temp.js';

const HOUR = 3_600_000;
const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();
// As renderApp sees it: with python3 on PATH, code exercises count in the plan.
const ENV = { PATH: process.env.PATH ?? '' };
const STALE_ADVICE = /raise it in Settings|Raise new cards per day/;

/** Whitespace as one space: the report wraps at 78 columns and screens pad their lines. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function seeded(): Promise<string> {
  const dir = tempDir();
  mkdirSync(join(dir, 'decks'));
  copyFileSync(MINI_DECK, join(dir, 'decks', 'mini.json'));
  const ws = await openWorkspace({ dataDir: dir, env: ENV, builtinDir: BUILTIN_DECKS, now: NOW - 72 * HOUR });
  ws.settings.set({ role: 'software-engineer', interviewDate: '2026-12-04', newPerDay: 20 });
  // Three days ago: cards now due. An hour ago: new cards that count against today's limit.
  for (const item of ws.queueFor(ws.studyDecks(), NOW - 72 * HOUR).slice(0, 12)) ws.rate(item.key, 3, NOW - 72 * HOUR, 4000);
  for (const item of ws.queueFor(ws.studyDecks(), NOW - HOUR).filter((i) => !ws.progress.progress.cards.has(i.key)).slice(0, 5)) ws.rate(item.key, 3, NOW - HOUR, 4000);
  ws.close();
  return dir;
}

describe('the daily plan, said once', () => {
  it('is the same in Home, Readiness, stats, stats --json and report on a fixed clock', async () => {
    const dir = await seeded();
    const ws = await openWorkspace({ dataDir: dir, env: ENV, builtinDir: BUILTIN_DECKS, now: NOW });
    const day = ws.dayPlan(NOW);
    const { due, new: fresh } = day.figures;
    // The case worth comparing: cards due, new cards left, and a limit the plan raises.
    expect(due).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(0);
    expect(day.newLimit.today).toBeGreaterThan(day.newLimit.setting);
    expect(day.planLine).toMatch(/^14 days left: \d+ new \+ ~\d+ reviews a day$/);
    expect(day.advice).toEqual([
      `${day.plan!.unseen} of ${day.plan!.cards} cards still new; the plan raises your 20 new a day to ${day.newLimit.today}.`,
      'Your own deck: up to 20 new cards a day, on top of the plan.',
    ]);

    const stats = statsCommand(ws, NOW, false);
    const json = JSON.parse(statsCommand(ws, NOW, true)) as Record<string, unknown> & { plan: Record<string, unknown>; readiness: { planLine: string } };
    const report = flat(readinessReport(ws, NOW));
    ws.close();

    const home = await renderApp({ dataDir: dir, now: NOW, width: 160, height: 45 });
    const homeText = flat(home.frame());
    await home.unmount();
    const ready = await renderApp({ dataDir: dir, now: NOW, width: 160, height: 45, initial: [{ name: 'readiness' }] });
    const readinessText = flat(ready.frame());
    await ready.unmount();

    const texts = { home: homeText, readiness: readinessText, stats: flat(stats), report };
    for (const [name, text] of Object.entries(texts)) {
      expect(text, name).toContain(day.planLine!);
      for (const line of day.advice) expect(text, name).toContain(line);
      expect(text, name).not.toMatch(STALE_ADVICE);
    }
    expect(homeText).toContain(`Due today: ${due} New today: ${fresh}`);
    expect(homeText).toContain(`Today's review (${due} due, ${fresh} new)`);
    expect(flat(stats)).toContain(`Due today: ${due}. New today: ${fresh} (limit ${day.newLimit.today}/day, 20/day for each of your own decks).`);
    expect(json).toMatchObject({ dueToday: due, newToday: fresh, newPerDay: 20, userDeckNewPerDay: 20 });
    expect(json.plan).toEqual({ line: day.planLine, advice: day.advice, newPerDayToday: day.newLimit.today, ownDeckNewPerDayToday: 20, raisedBy: day.newLimit.today - 20 });
    expect(json.readiness.planLine).toBe(day.planLine);
    expect(report).toContain(`Review the ${due} cards due today first.`);
    expect(report).toContain(`Learn the ${fresh} new cards waiting today (${day.plan!.unseen} still unseen; the plan raises your 20 new a day to ${day.newLimit.today}).`);
  });
});
