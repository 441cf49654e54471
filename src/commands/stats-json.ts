// `stats --json`: the figures as data. A module of its own, so the JSON loads no charts and no text
// wrapping (the command line imports only this for --json; stats.ts, the text, imports it too).
import type { DayPlan } from '../core/day-plan.js';
import type { Readiness } from '../core/readiness.js';
import { safeJson } from '../core/safe-text.js';
import { trackById } from '../core/tracks.js';
import type { Workspace } from '../store/workspace.js';
import { predictionTrust } from './prediction-trust.js';
import { readinessFor, storyCoverage } from './readiness-input.js';
import { retentionAdviceFor, type RetentionAdviceFigures } from './retention-input.js';

export interface StatsFigures {
  day: DayPlan;
  walkthrough: { deck: string; sections: number; done: number; next: string | null } | null;
  ready: Readiness;
  /** The retention the days left allow (core/retention-sim, cached for the day); null without a date ahead. */
  advice: RetentionAdviceFigures | null;
}

/** What the text and the JSON both say: the day's plan, the culture walkthrough, readiness. */
export function statsFigures(ws: Workspace, now: number): StatsFigures {
  const day = ws.dayPlan(now);
  const walk = ws.walkthrough();
  const walkthrough = walk
    ? { deck: walk.deckId, sections: walk.sections.length, done: walk.done, next: walk.sections[walk.current]?.name ?? null }
    : null;
  return { day, walkthrough, ready: readinessFor(ws, now, day.plan), advice: retentionAdviceFor(ws, now, day.plan) };
}

export function statsJson(ws: Workspace, now: number): string {
  const settings = ws.settings.get();
  const { day, walkthrough, ready, advice } = statsFigures(ws, now);
  const figures = day.figures;
  const role = trackById(settings.role);
  const trust = predictionTrust(ws);
  return safeJson(
    {
      role: settings.role,
      track: role ? { id: role.id, title: role.title, weights: role.weights } : null,
      reviews: ws.progress.progress.reviews,
      cards: figures.cards,
      seen: figures.seen,
      dueToday: figures.due,
      newToday: figures.new,
      newPerDay: settings.newPerDay,
      userDeckNewPerDay: settings.userDeckNewPerDay,
      plan: { line: day.planLine, advice: day.advice, newPerDayToday: day.limits.shared, ownDeckNewPerDayToday: day.limits.ownLimit, raisedBy: day.newLimit.today - day.newLimit.setting },
      retention: settings.retention,
      walkthrough,
      decks: figures.decks.map((d) => ({ id: d.id, title: d.title, area: d.area, cards: d.cards, seen: d.seen, dueToday: d.due, newToday: d.new, mix: d.mix, guided: d.guided })),
      dataDir: ws.dataDir,
      readiness: {
        interviewDate: settings.interviewDate,
        planLine: day.planLine,
        ...ready,
        stories: storyCoverage(ws),
        retentionAdvice: advice,
        // How far to trust the predictions above: their parameters, past predictions against what was recalled, the health check.
        parameters: trust.parameters,
        // Beside the sure/guess and tick counts already there: past recall predictions in bins against the share recalled.
        calibration: { ...ready.calibration, ...trust.calibration },
        health: trust.health,
      },
    },
  );
}
