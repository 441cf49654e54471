// `keeper-prep report`: the readiness figures as a Markdown page to keep, print or share.
import { RECENT_ROUNDS, roundDimensionMeans } from '../core/culture-round.js';
import { formatDate } from '../core/day.js';
import { raisedText, type DayPlan } from '../core/day-plan.js';
import type { Readiness, RecallFigures, Topic } from '../core/readiness.js';
import { percent, topicLabel } from '../core/readiness-charts.js';
import { safeText } from '../core/safe-text.js';
import { trackById } from '../core/tracks.js';
import { writeTextFileAtomic } from '../store/text-file.js';
import { WriteError } from '../store/safe-write.js';
import type { Workspace } from '../store/workspace.js';
import { calibrationHeading, calibrationRows, calibrationSummary, findingLine, HEALTHY, parametersLine } from '../core/prediction-trust.js';
import { predictionTrust } from './prediction-trust.js';
import { readinessFor, storyCoverage, storyLine } from './readiness-input.js';
import { isCurrent, perDayText, retentionAdviceFor, retentionAdviceLine } from './retention-input.js';
import { DATE_HINT } from './stats.js';

/** Deck text in a table cell: a pipe would end the cell, a newline the row. */
function cell(text: string | number): string {
  return String(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

function mdTable(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

const WIDTH = 78;

/** Prose and list items broken at spaces to fit 78 columns, which Markdown joins again; tables are left whole. */
function wrap(line: string): string[] {
  if (line.startsWith('|') || [...line].length <= WIDTH) return [line];
  const indent = line.startsWith('- ') ? '  ' : '';
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && [...`${current} ${word}`].length > WIDTH) {
      lines.push(current);
      current = `${indent}${word}`;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  lines.push(current);
  return lines;
}

function trendText(trend: readonly number[]): string {
  return `${percent(trend[0] ?? 0)} → ${percent(trend.at(-1) ?? 0)}`;
}

const FIGURE_HEADER = ['cards', 'seen', 'covered', 'recall', 'of seen', '14-day trend'];
const FIGURE_NOTE = 'recall: predicted for the day over all cards, unseen ones as 0; of seen: over the cards seen; 14-day trend: recall as it stood 13 days ago → today.';
const FIGURE_ALIGN = ['r', 'r', 'r', 'r', 'r', 'l'] as const;

function figureCells(f: RecallFigures): (string | number)[] {
  return [f.cards, f.seen, percent(f.coverage), percent(f.recallAllCards), percent(f.recallSeenCards), trendText(f.trend)];
}

function topicRow(t: Topic): (string | number)[] {
  return [t.name, t.deckTitle, t.seen, t.cards, percent(t.recall)];
}

function tonight(r: Readiness, day: DayPlan): string[] {
  const todo: string[] = [];
  const plan = r.plan;
  // Today's queue, as Home and `stats` count it.
  const due = day.figures.due;
  const fresh = day.figures.new;
  if (!plan) {
    todo.push(`Set your interview date (\`keeper-prep --interview YYYY-MM-DD\`, or in Settings) so the plan can aim at it.`);
    if (due > 0) todo.push(`Review the ${due} card${due === 1 ? '' : 's'} due today.`);
  } else if (plan.status === 'past') {
    todo.push('The interview date has passed: set the next one, or clear it, in Settings.');
  } else if (plan.status === 'today') {
    todo.push(`It is the interview day: go over the ~${plan.reviewsPerDay} due review${plan.reviewsPerDay === 1 ? '' : 's'}, nothing new, then rest.`);
  } else {
    todo.push(due > 0 ? `Review the ${due} card${due === 1 ? '' : 's'} due today first.` : 'No reviews are due today.');
    if (plan.unseen > 0) {
      const raised = raisedText(day);
      todo.push(
        fresh > 0
          ? `Learn the ${fresh} new card${fresh === 1 ? '' : 's'} waiting today (${plan.unseen} still unseen${raised ? `; ${raised}` : ''}).`
          : `Today's new cards are done (${plan.unseen} still unseen).`,
      );
    }
    if (plan.pullForward.length > 0 && plan.daysLeft <= 7) {
      todo.push(`Review ahead: ${plan.pullForward.length} card${plan.pullForward.length === 1 ? ' is' : 's are'} predicted below ${percent(r.targetRetention)} on the day and not due before it.`);
    }
  }
  for (const t of r.overall.weakest.slice(0, 2)) {
    todo.push(`Go over ${topicLabel(t)} (${t.seen} card${t.seen === 1 ? '' : 's'}, ${percent(t.recall)} predicted on the day).`);
  }
  const weakest = r.design.dimensions[0];
  if (r.design.prompts > 0 && (!plan || plan.status === 'ahead')) {
    todo.push(
      r.design.attempted === 0
        ? 'Run your first timed design mock (`keeper-prep design`).'
        : `Run a design mock${weakest ? ` and watch ${weakest.dimension} (your lowest score, ${weakest.mean.toFixed(1)} of 4)` : ''}.`,
    );
  }
  return todo.map((line) => `- ${line}`);
}

/**
 * The report as Markdown; figures from readinessFor, so it says what `stats` and the app say.
 * Deck titles, topics and rubric names in it are someone else's text, and the page is read in a
 * terminal too: it is made safe whole.
 */
export function readinessReport(ws: Workspace, now: number): string {
  const settings = ws.settings.get();
  const day = ws.dayPlan(now);
  const r = readinessFor(ws, now, day.plan);
  const role = trackById(settings.role);
  const out: string[] = [`# Interview readiness, ${formatDate(now)}`, ''];
  out.push(`Role: ${role ? role.title : 'not chosen yet'}${ws.selected ? ' (decks chosen with --deck)' : ''}.`);
  out.push(
    r.interviewAt === null
      ? 'Interview date: not set, so recall is predicted for today.'
      : r.predictedFor === 'interview'
        ? `Interview: ${formatDate(r.interviewAt)}. Recall is predicted for the interview day at noon, local time.`
        : `Interview: ${formatDate(r.interviewAt)}, which has passed, so recall is predicted for today.`,
  );
  out.push('', 'Recall on the day is what FSRS predicts you will recall then; a card you have not seen counts as 0.', '');

  out.push('## Plan', '');
  if (r.plan) {
    const p = r.plan;
    out.push(...day.advice.length > 0 ? [day.planLine!, '', ...day.advice.map((a) => `- ${a}`)] : [day.planLine!], '');
    if (p.status !== 'past') {
      out.push(
        ...mdTable(['', 'value'], ['l', 'r'], [
          ['study days left', p.daysLeft],
          ['cards to see at least once', p.cards],
          ['still unseen', p.unseen],
          ['new cards a day needed', p.newPerDay],
          ['your new-cards-a-day setting', p.newPerDayLimit],
          ['new cards a day in force today', day.newLimit.today],
          ['reviews a day (estimate, all answered Good)', `~${p.reviewsPerDay}`],
          ['cards to review ahead of the day', p.pullForward.length],
        ]),
        '',
        'New cards are spread over the days left but the last, which is kept for review.',
      );
    }
    const advice = retentionAdviceFor(ws, now, r.plan);
    if (advice) {
      out.push(
        '',
        '### Retention for the days left',
        '',
        retentionAdviceLine(advice),
        '',
        ...mdTable(['desired retention', 'reviews a day', 'busiest day', 'recall on the day'], ['r', 'r', 'r', 'r'], advice.rows.map((row) => [
          `${row.retention.toFixed(2)}${row.retention === advice.recommended ? ' (advised)' : ''}${isCurrent(row, advice) ? ' (yours)' : ''}`,
          `~${perDayText(row.reviewsPerDay)}`,
          row.peakReviewsPerDay,
          percent(row.recallOnDay),
        ])),
        '',
        'Simulated with FSRS: each day\'s due cards answered, recalled as often as FSRS predicts, new cards as the plan brings them in.',
      );
    }
  } else {
    out.push(DATE_HINT, ...day.advice.flatMap((a) => ['', a]));
  }

  out.push('', '## Areas', '', ...mdTable(['area', ...FIGURE_HEADER], ['l', ...FIGURE_ALIGN], r.areas.map((a) => [a.area, ...figureCells(a)])), '', FIGURE_NOTE);
  out.push('', '## Decks', '', ...mdTable(['deck', ...FIGURE_HEADER], ['l', ...FIGURE_ALIGN], r.decks.map((d) => [d.title, ...figureCells(d)])));

  out.push('', '## Weakest topics', '');
  if (r.overall.weakest.length === 0) out.push('None yet: topics are ranked once you have seen some cards.');
  else out.push(...mdTable(['topic', 'deck', 'seen', 'cards', 'recall'], ['l', 'l', 'r', 'r', 'r'], r.overall.weakest.map(topicRow)));
  const perDeck = r.decks.filter((d) => d.weakest.length > 0);
  if (perDeck.length > 0) {
    out.push('', 'Per deck:', '');
    for (const d of perDeck) out.push(`- ${d.title}: ${d.weakest.map((t) => `${t.name} ${percent(t.recall)}`).join(', ')}`);
  }

  const design = r.design;
  out.push('', '## System design', '', `${design.attempted} of ${design.prompts} prompt${design.prompts === 1 ? '' : 's'} attempted.`);
  if (design.meanScore !== null) {
    out.push(
      `Mean rubric score ${design.meanScore.toFixed(1)} of 4 over the last ${design.recentAttempts} attempt${design.recentAttempts === 1 ? '' : 's'}, lowest first:`,
      '',
      ...mdTable(['dimension', 'mean score', 'scores'], ['l', 'r', 'r'], design.dimensions.map((d) => [d.dimension, d.mean.toFixed(1), d.n])),
    );
  }

  const rounds = ws.rounds.history();
  const roundMeans = roundDimensionMeans(rounds);
  out.push('', '## Culture rounds', '', `${rounds.length} round${rounds.length === 1 ? '' : 's'} finished (\`keeper-prep behavioral\`).`);
  if (roundMeans.length > 0) {
    out.push(`Mean self-score of 4 over the last ${Math.min(rounds.length, RECENT_ROUNDS)}, by rubric dimension:`, '', ...mdTable(['dimension', 'mean score', 'answers'], ['l', 'r', 'r'], roundMeans.map((d) => [d.dimension, d.mean.toFixed(1), d.n])));
  }

  const { sure, guess } = r.calibration;
  out.push('', '## Calibration', '');
  if (sure.n + guess.n === 0) out.push('No answers marked "sure" or "guess" yet.');
  else {
    out.push(
      ...mdTable(['you said', 'answers', 'right', 'rate'], ['l', 'r', 'r', 'r'], [
        ['sure', sure.n, sure.right, percent(sure.rate)],
        ['guess', guess.n, guess.right, percent(guess.rate)],
      ]),
    );
  }
  const { ticks } = r.calibration;
  if (ticks.ticked > 0) out.push('', `Key points ticked on typed open answers: ${ticks.ticked}; ticked without evidence in the answer: ${ticks.unevidenced} of ${ticks.ticked}.`);

  out.push(
    '',
    '## Retention',
    '',
    'Reviews of cards past their learning steps, passed (Hard or better):',
    '',
    ...mdTable(['area', 'reviews', 'passed', 'true retention'], ['l', 'r', 'r', 'r'], r.retention.map((a) => [a.area, a.reviews, a.passed, percent(a.rate)])),
  );

  out.push('', '## Stories', '', storyLine(storyCoverage(ws)));

  const trust = predictionTrust(ws);
  const summary = calibrationSummary(trust.calibration);
  out.push('', '## How far to trust these figures', '', parametersLine(trust.parameters, trust.longTerm), '');
  if (summary) {
    out.push(
      calibrationHeading(trust.parameters),
      '',
      ...mdTable(['predicted', 'mean predicted', 'recalled', 'reviews'], ['l', 'r', 'r', 'r'], trust.calibration.bins.map((b) => [`${Math.round(b.from * 100)}-${Math.round(b.to * 100)}%`, percent(b.predicted), percent(b.recalled), b.reviews])),
      '',
      summary,
    );
  } else out.push(calibrationRows(trust.calibration)[0]!);
  out.push('', trust.health.length === 0 ? HEALTHY : 'Health check:', ...(trust.health.length === 0 ? [] : ['', ...trust.health.map((f) => `- ${findingLine(f)}`)]));

  out.push('', '## What to do tonight', '', ...tonight(r, day), '');
  return safeText(out.flatMap((line) => wrap(line)).join('\n'), { multiline: true });
}

/** Prints the report, or writes it to `out` (whole or not at all) and says where. */
export function reportCommand(ws: Workspace, now: number, out: string | undefined): string {
  const text = readinessReport(ws, now);
  if (!out) return text;
  try {
    writeTextFileAtomic(out, text, { what: 'the report' });
  } catch (error) {
    // A disk's refusal already names the file and what to do.
    if (error instanceof WriteError && error.code !== 'ENOENT') throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
    throw new Error(`could not write the report to ${safeText(out)}: ${safeText(reason)}`);
  }
  return `Wrote the readiness report to ${safeText(out)}`;
}
