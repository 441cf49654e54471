// `keeper-prep behavioral history`: past culture rounds, for scripts and a quick look.
import { ROUND_RUBRIC } from '../core/culture-round.js';
import { formatDateTime } from '../core/day.js';
import { formatClock } from '../core/mock.js';
import { safeJson } from '../core/safe-text.js';
import { RATING_NAMES } from '../core/scheduler.js';
import type { RoundAttempt } from '../store/round-attempts.js';
import type { Workspace } from '../store/workspace.js';
import { table } from './table.js';

/** Mean score per rubric dimension of one round, in the rubric's order; null where nothing was scored. */
export function roundMeans(round: RoundAttempt): { dimension: string; mean: number | null }[] {
  return ROUND_RUBRIC.map(({ name }) => {
    const scores = round.questions.flatMap((q) => q.scores.filter((s) => s.dimension === name && s.score >= 1 && s.score <= 4).map((s) => s.score));
    return { dimension: name, mean: scores.length ? scores.reduce((n, s) => n + s, 0) / scores.length : null };
  });
}

export function behavioralHistoryCommand(ws: Workspace, json: boolean): string {
  const rounds = ws.rounds.history();
  if (json) {
    return safeJson(
      rounds.map((r) => ({
        startedAt: new Date(r.startedAt).toISOString(),
        finishedAt: new Date(r.finishedAt).toISOString(),
        minutes: r.minutes,
        durationMs: r.questions.reduce((n, q) => n + q.ms, 0),
        means: roundMeans(r).map((m) => ({ dimension: m.dimension, mean: m.mean === null ? null : Math.round(m.mean * 100) / 100 })),
        questions: r.questions.map((q) => ({ key: q.key, value: q.value, mode: q.mode, ms: q.ms, answer: q.text, scores: q.scores, rating: q.rating, ratingName: RATING_NAMES[q.rating] })),
      })),
    );
  }
  if (rounds.length === 0) return 'No finished culture rounds yet. Start one with: keeper-prep behavioral';
  // Short column names in rubric order; the legend under the table names them.
  const short = ['sit', 'own', 'res', 'refl', 'val'];
  const list = table(
    ['finished', 'questions', 'time', ...short, 'ratings'],
    rounds.map((r) => [
      formatDateTime(r.finishedAt),
      r.questions.length,
      formatClock(r.questions.reduce((n, q) => n + q.ms, 0)),
      ...roundMeans(r).map((m) => (m.mean === null ? '-' : m.mean.toFixed(1))),
      r.questions.map((q) => RATING_NAMES[q.rating]).join(' '),
    ]),
  );
  return `${list}\n\nMean score of 4 per dimension: ${ROUND_RUBRIC.map((d, i) => `${short[i]} ${d.name.toLowerCase()}`).join(', ')}.`;
}
