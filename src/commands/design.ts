// `keeper-prep design --list` and `design history`: the prompts (in the app's order) and past
// attempts, for scripts.
import { formatDate, formatDateTime } from '../core/day.js';
import { formatClock } from '../core/mock.js';
import { safeJson, safeText } from '../core/safe-text.js';
import { RATING_NAMES } from '../core/scheduler.js';
import type { DesignPrompt, Workspace } from '../store/workspace.js';
import { table } from './table.js';

/** A prompt named by its card id, or by deck-id/card-id when two decks share a card id. */
export function findPrompt(ws: Workspace, id: string, now: number): DesignPrompt | string {
  const prompts = ws.designPrompts(now);
  const found = prompts.filter((p) => p.key === id || p.card.id === id);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) return `"${safeText(id)}" names prompts in several decks; use one of: ${found.map((p) => p.key).join(', ')}`;
  return `no design prompt "${safeText(id)}"; \`keeper-prep design --list\` shows them`;
}

export function designListCommand(ws: Workspace, now: number, json: boolean): string {
  const history = ws.attempts.history();
  const drafts = new Set(ws.attempts.draftKeys());
  const prompts = ws.designPrompts(now);
  const rows = prompts.map((p) => {
    const mine = history.filter((a) => a.key === p.key);
    return {
      id: p.card.id,
      key: p.key,
      title: p.card.title ?? p.card.id,
      minutes: p.card.minutes,
      tags: p.card.tags ?? [],
      forRole: p.forRole,
      due: p.due,
      dueAt: p.dueAt === null ? null : new Date(p.dueAt).toISOString(),
      attempts: mine.length,
      unfinished: drafts.has(p.key),
    };
  });
  if (json) return safeJson(rows);
  // The app's order and mark: the role's prompts (★) first, then due ones.
  const list = table(
    ['', 'id', 'min', 'tries', 'status'],
    rows.map((r, i) => {
      const dueAt = prompts[i]!.dueAt;
      return [r.forRole ? '★' : '', r.id, r.minutes, r.attempts, r.unfinished ? 'unfinished' : r.due ? 'due' : dueAt !== null ? `next ${formatDate(dueAt)}` : 'new'];
    }),
  );
  return rows.some((r) => r.forRole) ? `${list}\n\n★ suits your role.` : list;
}

export function designHistoryCommand(ws: Workspace, key: string | undefined, json: boolean): string {
  const attempts = ws.attempts.history(key);
  if (json) return safeJson(attempts);
  if (attempts.length === 0) return key ? `No finished attempts at ${safeText(key)} yet.` : 'No finished attempts yet.';
  return table(
    ['finished', 'prompt', 'time', 'hints', 'mean', 'rating'],
    attempts.map((a) => [
      formatDateTime(a.finishedAt),
      a.key.split('/')[1] ?? a.key,
      formatClock(a.durationMs),
      a.hintsUsed,
      a.scores.length ? (a.scores.reduce((n, s) => n + s.score, 0) / a.scores.length).toFixed(1) : '-',
      RATING_NAMES[a.rating],
    ]),
  );
}
