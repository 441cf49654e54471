import wrapAnsi from 'wrap-ansi';
import { formatDate } from '../core/day.js';
import type { DayPlan } from '../core/day-plan.js';
import type { Readiness } from '../core/readiness.js';
import { forecastChart, heatmapChart, percent, sparkline, topicLabel, trendChange, trendChart } from '../core/readiness-charts.js';
import { mixLabel } from '../core/overview.js';
import { safeText } from '../core/safe-text.js';
import { trackById } from '../core/tracks.js';
import type { Workspace } from '../store/workspace.js';
import { storyCoverage, storyLine } from './readiness-input.js';
import { retentionAdviceLine, type RetentionAdviceFigures } from './retention-input.js';
import { statsFigures, statsJson } from './stats-json.js';
import { table } from './table.js';

export const DATE_HINT = 'No interview date: set one with --interview YYYY-MM-DD or in Settings.';

/** Where the figures point: "for the interview on 2026-12-03" or "for today". */
export function predictedForText(r: Readiness): string {
  return r.predictedFor === 'interview' && r.interviewAt !== null ? `for the interview on ${formatDate(r.interviewAt)}` : 'for today';
}

/** The plan line and its advice, as Home and the report say them. */
export function planText(day: DayPlan): string[] {
  return day.planLine ? [day.planLine, ...day.advice] : [DATE_HINT, ...day.advice];
}

/** "limit 38/day" and, with decks of the user's own, theirs. */
export function limitText(day: DayPlan): string {
  return `limit ${day.limits.shared}/day${day.studiedOwn > 0 ? `, ${day.limits.ownLimit}/day for each of your own decks` : ''}`;
}

function readinessText(r: Readiness, day: DayPlan, advice: RetentionAdviceFigures | null): string[] {
  const lines: string[] = ['', `Readiness, predicted ${predictedForText(r)}:`, ...planText(day), ...(advice ? wrapAnsi(retentionAdviceLine(advice), 78).split('\n') : [])];
  const o = r.overall;
  lines.push(
    o.seen === 0
      ? `Recall on the day: none of the ${o.cards} cards seen yet.`
      : `Recall on the day: ${percent(o.recallAllCards)} of all ${o.cards} cards (unseen as 0); ${percent(o.recallSeenCards)} of the ${o.seen} seen.`,
    '',
    table(
      ['deck', 'cards', 'seen', 'cover', 'recall', 'trend (14 days)'],
      r.decks.map((d) => [d.deckId, d.cards, d.seen, percent(d.coverage).padStart(5), percent(d.recallAllCards).padStart(6), `${sparkline(d.trend)} ${trendChange(d.trend)}`]),
    ),
    'recall: predicted on the day over all cards; trend: the same, day by day.',
  );
  if (o.weakest.length > 0) {
    lines.push('', 'Weakest topics:');
    for (const t of o.weakest) lines.push(`  ${safeText(topicLabel(t))}, ${percent(t.recall)} (${t.seen} seen of ${t.cards})`);
  }
  const d = r.design;
  lines.push('', `Design: ${d.attempted} of ${d.prompts} prompt${d.prompts === 1 ? '' : 's'} attempted.`);
  if (d.meanScore !== null) {
    lines.push(`  Mean rubric score ${d.meanScore.toFixed(1)} of 4 over the last ${d.recentAttempts} attempt${d.recentAttempts === 1 ? '' : 's'}; lowest:`);
    for (const dim of d.dimensions.slice(0, 3)) lines.push(`  ${dim.mean.toFixed(1)}  ${safeText(dim.dimension)}${dim.n > 1 ? ` (${dim.n} scores)` : ''}`);
  }
  const { sure, guess } = r.calibration;
  lines.push(
    '',
    sure.n + guess.n === 0
      ? 'Calibration: no answers marked sure or guess yet.'
      : `Calibration: "sure" right ${sure.right} of ${sure.n} (${percent(sure.rate)}); "guess" right ${guess.right} of ${guess.n} (${percent(guess.rate)}).`,
    ...(r.calibration.ticks.ticked > 0 ? [`Open answers: ticked without evidence ${r.calibration.ticks.unevidenced} of ${r.calibration.ticks.ticked}.`] : []),
    `True retention (share of graduated cards' reviews passed): ${r.retention.length === 0 ? 'none yet' : ''}`.trimEnd(),
    ...r.retention.map((a) => `  ${a.area}: ${percent(a.rate)} of ${a.reviews} review${a.reviews === 1 ? '' : 's'}`),
    '',
    `Reviews, last 16 weeks (${r.heatmap.total} in all):`,
    heatmapChart(r.heatmap),
    '',
    'Cards due, next 14 days:',
    forecastChart(r.forecast),
    '',
    `Recall on the day for all cards, last 14 days: ${percent(r.overall.trend[0] ?? 0)} → ${percent(r.overall.trend.at(-1) ?? 0)}`,
    trendChart(r.overall.trend),
  );
  return lines;
}

/** Figures for the decks of the chosen track (or of --deck), as the app's Stats screen shows them. */
export function statsCommand(ws: Workspace, now: number, json: boolean): string {
  if (json) return statsJson(ws, now);
  const settings = ws.settings.get();
  const { day, walkthrough, ready, advice } = statsFigures(ws, now);
  const figures = day.figures;
  const role = trackById(settings.role);
  return [
    `Role: ${role ? role.title : 'not chosen yet (open the app to pick one)'}${ws.selected ? ' (decks chosen with --deck)' : ''}`,
    `Cards: ${figures.cards}, seen ${figures.seen}. Due today: ${figures.due}. New today: ${figures.new} (${limitText(day)}).`,
    ...(walkthrough ? [`Culture walkthrough: ${walkthrough.done} of ${walkthrough.sections} sections done${walkthrough.next ? `; next: ${safeText(walkthrough.next)}` : ''}.`] : []),
    `Reviews stored: ${ws.progress.progress.reviews}`,
    '',
    table(['deck', 'cards', 'seen', 'due', 'new', 'mix'], figures.decks.map((d) => [d.id, d.cards, d.seen, d.due, d.new, mixLabel(d)])),
    '',
    'mix: each skill\'s share of new cards for this role;',
    'culture comes through the walkthrough.',
    ...readinessText(ready, day, advice),
    '',
    ...wrapAnsi(storyLine(storyCoverage(ws)), 78).split('\n'),
  ].join('\n');
}

