// A timed mock interview as pure data: phases and their lengths, a timer that reads an injected
// clock (never counts ticks, so a paused or slow terminal cannot drift), and how rubric scores
// become an FSRS rating.
import type { Card } from './deck.js';
import type { Rating } from './scheduler.js';

export type DesignCard = Extract<Card, { type: 'design' }>;

export interface PlannedPhase {
  name: string;
  guide: string;
  ms: number;
}

const MINUTE = 60_000;

/**
 * The phases to run, scaled so they add up to `minutes` when given (a short practice run keeps
 * the proportions). A prompt without phases runs as one phase of its whole length.
 */
export function planPhases(card: DesignCard, minutes?: number): PlannedPhase[] {
  const phases = card.phases && card.phases.length > 0 ? card.phases : [{ name: 'Design', minutes: card.minutes, guide: undefined }];
  const written = phases.reduce((n, p) => n + p.minutes, 0);
  const total = (minutes ?? written) * MINUTE;
  return phases.map((p) => ({ name: p.name, guide: p.guide ?? '', ms: Math.round((p.minutes / written) * total) }));
}

export interface MockTimer {
  startedAt: number;
  /** When the current pause began; null while running. */
  pausedAt: number | null;
  /** Time spent paused before the current pause. */
  pausedMs: number;
  /** Index of the current phase; phases.length once the last one is over. */
  phase: number;
  /** Interview time (excluding pauses) spent in each phase so far. */
  phaseMs: number[];
}

export function startTimer(now: number): MockTimer {
  return { startedAt: now, pausedAt: null, pausedMs: 0, phase: 0, phaseMs: [] };
}

/** Interview time so far: wall time since the start minus pauses. */
export function elapsed(timer: MockTimer, now: number): number {
  const paused = timer.pausedMs + (timer.pausedAt !== null ? now - timer.pausedAt : 0);
  return Math.max(0, now - timer.startedAt - paused);
}

export function togglePause(timer: MockTimer, now: number): MockTimer {
  return timer.pausedAt === null ? { ...timer, pausedAt: now } : { ...timer, pausedAt: null, pausedMs: timer.pausedMs + (now - timer.pausedAt) };
}

/** Ends the current phase now, early or late: its time is recorded and the next one starts. */
export function nextPhase(timer: MockTimer, phaseCount: number, now: number): MockTimer {
  if (timer.phase >= phaseCount) return timer;
  const spent = elapsed(timer, now) - timer.phaseMs.reduce((n, ms) => n + ms, 0);
  return { ...timer, phase: timer.phase + 1, phaseMs: [...timer.phaseMs, spent] };
}

export interface TimerView {
  paused: boolean;
  phase: number;
  finished: boolean;
  elapsedMs: number;
  /** Time left in the current phase; negative when it has run over. */
  phaseLeftMs: number;
  /** Time left in the whole interview; negative in overtime. */
  totalLeftMs: number;
}

export function timerView(timer: MockTimer, phases: readonly PlannedPhase[], now: number): TimerView {
  const spent = elapsed(timer, now);
  const inPhase = spent - timer.phaseMs.reduce((n, ms) => n + ms, 0);
  const total = phases.reduce((n, p) => n + p.ms, 0);
  const current = phases[timer.phase];
  return {
    paused: timer.pausedAt !== null,
    phase: timer.phase,
    finished: timer.phase >= phases.length,
    elapsedMs: spent,
    phaseLeftMs: current ? current.ms - inPhase : 0,
    totalLeftMs: total - spent,
  };
}

/**
 * Time left on a countdown: whole seconds rounded up while time remains (the clock reads 0:48 for
 * the whole first second of a 48-second phase, and 0:00 only when it is up), then "+0:01" over.
 */
export function formatCountdown(ms: number): string {
  return ms > 0 ? formatClock(Math.ceil(ms / 1000) * 1000) : formatClock(ms);
}

/** "12:05", or "+1:30" over time. */
export function formatClock(ms: number): string {
  const over = ms < 0;
  const s = Math.floor(Math.abs(ms) / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}

/**
 * The rating a mock suggests: the mean rubric score (1-4) read as a recall grade, one step lower
 * for every two hints used (at most two steps), because a design reached with help is not yet
 * one the candidate can produce alone.
 */
export function suggestDesignRating(scores: readonly number[], hintsUsed: number): Rating {
  const mean = scores.length > 0 ? scores.reduce((n, s) => n + s, 0) / scores.length : null;
  // A prompt without a rubric has nothing to grade: Good, less the hints.
  const base = mean === null ? 3 : mean < 1.75 ? 1 : mean < 2.5 ? 2 : mean < 3.5 ? 3 : 4;
  const penalty = Math.min(2, Math.floor(hintsUsed / 2));
  return Math.max(1, base - penalty) as Rating;
}

export interface RunState {
  /** The current phase is the last one: moving on finishes the interview. */
  lastPhase: boolean;
  /** Every phase is over (only after going back from the finish screen). */
  done: boolean;
  /** The current phase has run past its time. */
  phaseOver: boolean;
  /** The whole interview has run past its time. */
  overtime: boolean;
}

/** What the screen must say about the run besides the clocks, so no state is shown by colour alone. */
export function runState(view: TimerView, phaseCount: number): RunState {
  return {
    lastPhase: !view.finished && view.phase === phaseCount - 1,
    done: view.finished,
    phaseOver: !view.finished && view.phaseLeftMs < 0,
    overtime: view.totalLeftMs < 0,
  };
}

/**
 * The line under the clocks saying what the clocks mean now, or null while all is on time: paused
 * first (nothing counts then), then a phase or the interview over its time and the key that ends it.
 */
export function runNotice(view: TimerView, phaseCount: number): string | null {
  const state = runState(view, phaseCount);
  const parts: string[] = [];
  if (view.paused) parts.push('paused: p resumes');
  if (state.phaseOver) parts.push(state.lastPhase ? '! over time: n or f finishes' : '! over time: n moves on');
  else if (state.overtime) parts.push('! interview over time: f finishes');
  return parts.length > 0 ? parts.join(' · ') : null;
}
