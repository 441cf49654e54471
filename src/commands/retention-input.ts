// The retention advice for a workspace: the interview plan's cards and the user's parameters
// gathered for core/retention-sim, through the day's cache (store/retention-advice-store) so only
// the first look of the day (or after a review or a settings change) pays the simulation.
// `stats --json`, `stats`, `report` and the Readiness screen all read it from here.
import { plannedDecks } from '../core/day-plan.js';
import { deckFacts } from '../core/deck-facts.js';
import { formatDate, startOfDay } from '../core/day.js';
import { parametersTag } from '../core/fsrs-params.js';
import type { DailyPlan } from '../core/readiness.js';
import { DEFAULT_SEED, MAX_SIMULATED_CARDS, retentionAdvice, RETENTIONS, TARGET_RECALL, type RetentionAdvice, type RetentionRow, type RetentionSimInput } from '../core/retention-sim.js';
import type { MemoryState } from '../core/scheduler.js';
import { cachedRetentionAdvice, readRetentionAdvice } from '../store/retention-advice-store.js';
import { checksum } from '../store/checksum.js';
import type { Workspace } from '../store/workspace.js';

/** What `stats --json` carries as readiness.retentionAdvice. */
export interface RetentionAdviceFigures extends RetentionAdvice {
  interviewDate: string | null;
  /** The desired retention in settings now. */
  current: number;
}

/** Bumped when the simulation changes what it would say for the same input: older cache files are then not read. */
// 2: loads within SAME_LOAD of the cheapest count as the same, and the lowest retention of them is advised.
const MODEL = 2;

const PHASES = ['new', 'learning', 'review', 'relearning'];

/** A checksum over the seen states' fields the simulation reads: a review anywhere changes it. */
function stateDigest(states: readonly MemoryState[]): string {
  const fields = new Float64Array(states.length * 5);
  states.forEach((s, i) => fields.set([s.due, s.stability, s.difficulty, s.lastReview ?? -1, s.learningSteps * 4 + PHASES.indexOf(s.phase)], i * 5));
  return checksum(new Uint8Array(fields.buffer));
}

/** The simulation's input for the plan, or null when there is nothing to simulate (no date, no days left, no cards). */
function retentionSimInput(ws: Workspace, now: number, plan: DailyPlan | null): RetentionSimInput | null {
  if (!plan || plan.status !== 'ahead' || plan.daysLeft <= 0 || plan.cards === 0) return null;
  const own = new Set(ws.decks().filter((d) => ws.isOwnDeck(d.id)).map((d) => d.id));
  const { planned } = plannedDecks(ws.studyDecks(), own);
  const records = ws.progress.progress.cards;
  const dayStart = startOfDay(now);
  const seen: MemoryState[] = [];
  let firstSeenToday = 0;
  for (const deck of planned) {
    for (const key of deckFacts(deck).keys) {
      const record = records.get(key);
      if (!record) continue;
      seen.push(record.state);
      if (record.firstReview >= dayStart) firstSeenToday++;
    }
  }
  return {
    seen,
    unseen: plan.unseen,
    newPerDay: plan.newPerDay,
    firstSeenToday,
    daysLeft: plan.daysLeft,
    now,
    interviewAt: plan.interviewAt,
    w: ws.settings.get().fsrs?.w ?? null,
  };
}

/** The advice with what it was worked out for; null without an interview date ahead or cards to study. */
export function retentionAdviceFor(ws: Workspace, now: number, plan: DailyPlan | null): RetentionAdviceFigures | null {
  const found = retentionAdviceLookup(ws, now, plan);
  return 'advice' in found ? found.advice : found.compute();
}

/**
 * The advice when the day's cache (or the plan) already says it; otherwise the simulation to run,
 * with its input and key made once: the Readiness screen draws first and runs it after.
 */
export function retentionAdviceLookup(ws: Workspace, now: number, plan: DailyPlan | null): { advice: RetentionAdviceFigures | null } | { compute: () => RetentionAdviceFigures | null } {
  const input = retentionSimInput(ws, now, plan);
  if (!input) return { advice: null };
  const settings = ws.settings.get();
  const key = JSON.stringify([
    MODEL,
    RETENTIONS,
    TARGET_RECALL,
    MAX_SIMULATED_CARDS,
    DEFAULT_SEED,
    formatDate(now),
    input.interviewAt,
    input.daysLeft,
    parametersTag(input.w),
    ws.studyDecks().map((d) => d.id),
    input.seen.length,
    input.unseen,
    input.newPerDay,
    input.firstSeenToday,
    stateDigest(input.seen),
  ]);
  const figures = (advice: RetentionAdvice | null): RetentionAdviceFigures | null => (advice ? { ...advice, interviewDate: settings.interviewDate, current: settings.retention } : null);
  const cached = readRetentionAdvice(ws.dataDir, key);
  return cached ? { advice: figures(cached) } : { compute: () => figures(cachedRetentionAdvice(ws.dataDir, key, () => retentionAdvice(input))) };
}

/** Whether a row is the desired retention in settings (set from a row, or typed as 0.87 in a file). */
export function isCurrent(row: RetentionRow, advice: RetentionAdviceFigures): boolean {
  return Math.abs(row.retention - advice.current) < 1e-9;
}

/** Reviews a day as said: a tenth below 10 ("1.4"), whole above ("41"). */
export function perDayText(x: number): string {
  return x < 10 ? x.toFixed(1) : String(Math.round(x));
}

/** "Retention for the 12 days left: 0.87 is the lightest that reaches 90% recall on the day, ~41 reviews a day, 91% (now 0.90: ~55 a day, 93%)." */
export function retentionAdviceLine(advice: RetentionAdviceFigures): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const pick = advice.rows.find((r) => r.retention === advice.recommended)!;
  const current = advice.rows.find((r) => isCurrent(r, advice));
  const days = `${advice.daysLeft} day${advice.daysLeft === 1 ? '' : 's'} left`;
  const now = current
    ? current.retention === pick.retention
      ? ' (your setting)'
      : ` (now ${advice.current.toFixed(2)}: ~${perDayText(current.reviewsPerDay)} a day, ${pct(current.recallOnDay)})`
    : ` (now ${advice.current.toFixed(2)})`;
  const what = `~${perDayText(pick.reviewsPerDay)} reviews a day, ${pct(pick.recallOnDay)}${now}`;
  return advice.reached
    ? `Retention for the ${days}: ${advice.recommended.toFixed(2)} is the lightest that reaches ${pct(advice.target)} recall on the day, ${what}.`
    : `Retention for the ${days}: none reaches ${pct(advice.target)} recall on the day; ${advice.recommended.toFixed(2)} comes closest, ${what}.`;
}
