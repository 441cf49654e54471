import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import { elapsed, formatClock, formatCountdown, nextPhase, planPhases, runNotice, runState, startTimer, suggestDesignRating, timerView, togglePause, type DesignCard } from '../../src/core/mock.js';
import { REPO } from '../helpers/temp.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 18);

function card(): DesignCard {
  const result = parseDeck(readFileSync(join(REPO, 'tests/fixtures/design.json'), 'utf8'), 'design.json');
  if (!result.ok) throw new Error('fixture is broken');
  return result.deck.cards[0] as DesignCard;
}

describe('mock interview timer', () => {
  it('runs phases at their written length, or scaled to a shorter run', () => {
    expect(planPhases(card()).map((p) => [p.name, p.ms])).toEqual([['Clarify', 4 * MIN], ['Design', 6 * MIN]]);
    expect(planPhases(card(), 5).map((p) => p.ms)).toEqual([2 * MIN, 3 * MIN]);
  });

  it('counts down the phase and the interview from the clock, and shows overtime as negative', () => {
    const phases = planPhases(card());
    const timer = startTimer(T0);
    expect(timerView(timer, phases, T0 + 90_000)).toMatchObject({ phase: 0, phaseLeftMs: 150_000, totalLeftMs: 510_000 });
    const late = timerView(timer, phases, T0 + 5 * MIN);
    expect(late.phaseLeftMs).toBe(-MIN);
    expect(formatClock(late.phaseLeftMs)).toBe('+1:00');
    expect(formatClock(late.totalLeftMs)).toBe('5:00');
  });

  it('counts down in whole seconds rounded up, so a phase starts at its full length and ends at 0:00', () => {
    expect(formatCountdown(48_000)).toBe('0:48');
    expect(formatCountdown(47_999)).toBe('0:48');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-999)).toBe('+0:00');
    expect(formatCountdown(-61_000)).toBe('+1:01');
  });

  it('does not count paused time', () => {
    let timer = togglePause(startTimer(T0), T0 + MIN);
    expect(timerView(timer, planPhases(card()), T0 + 10 * MIN)).toMatchObject({ paused: true, elapsedMs: MIN });
    timer = togglePause(timer, T0 + 10 * MIN);
    expect(elapsed(timer, T0 + 11 * MIN)).toBe(2 * MIN);
  });

  it('moves to the next phase early, recording the time each phase took', () => {
    const phases = planPhases(card());
    let timer = nextPhase(startTimer(T0), phases.length, T0 + MIN);
    expect(timerView(timer, phases, T0 + MIN)).toMatchObject({ phase: 1, phaseLeftMs: 6 * MIN });
    timer = nextPhase(timer, phases.length, T0 + 8 * MIN);
    expect(timer.phaseMs).toEqual([MIN, 7 * MIN]);
    expect(timerView(timer, phases, T0 + 8 * MIN).finished).toBe(true);
  });
});

describe('what the run screen says besides the clocks', () => {
  const phases = planPhases(card());

  it('says nothing while on time, and knows the last phase (where n finishes)', () => {
    const first = timerView(startTimer(T0), phases, T0 + MIN);
    expect(runState(first, phases.length)).toEqual({ lastPhase: false, done: false, phaseOver: false, overtime: false });
    expect(runNotice(first, phases.length)).toBeNull();
    const last = timerView(nextPhase(startTimer(T0), phases.length, T0 + MIN), phases, T0 + 2 * MIN);
    expect(runState(last, phases.length).lastPhase).toBe(true);
  });

  it('names a phase over its time with the key that ends it, and the whole interview over time', () => {
    expect(runNotice(timerView(startTimer(T0), phases, T0 + 5 * MIN), phases.length)).toBe('! over time: n moves on');
    const last = nextPhase(startTimer(T0), phases.length, T0 + MIN);
    expect(runNotice(timerView(last, phases, T0 + 8 * MIN), phases.length)).toBe('! over time: n or f finishes');
    // The first phase ran long; the second still has time of its own, the interview has none.
    const late = nextPhase(startTimer(T0), phases.length, T0 + 11 * MIN);
    expect(runState(timerView(late, phases, T0 + 12 * MIN), phases.length)).toMatchObject({ phaseOver: false, overtime: true });
    expect(runNotice(timerView(late, phases, T0 + 12 * MIN), phases.length)).toBe('! interview over time: f finishes');
  });

  it('says a paused clock is paused, in words as well as colour', () => {
    const paused = togglePause(startTimer(T0), T0 + 5 * MIN);
    expect(runNotice(timerView(paused, phases, T0 + 6 * MIN), phases.length)).toBe('paused: p resumes · ! over time: n moves on');
    const done = nextPhase(nextPhase(startTimer(T0), phases.length, T0 + MIN), phases.length, T0 + 2 * MIN);
    expect(runState(timerView(done, phases, T0 + 3 * MIN), phases.length)).toMatchObject({ done: true, lastPhase: false, phaseOver: false });
  });
});

describe('rubric to rating', () => {
  it('reads the mean score as a grade', () => {
    expect(suggestDesignRating([1, 2], 0)).toBe(1);
    expect(suggestDesignRating([2, 2], 0)).toBe(2);
    expect(suggestDesignRating([3, 3, 4], 0)).toBe(3);
    expect(suggestDesignRating([4, 4], 0)).toBe(4);
  });

  it('suggests a step lower for every two hints, at most two steps, never below Again', () => {
    expect(suggestDesignRating([4, 4], 1)).toBe(4);
    expect(suggestDesignRating([4, 4], 2)).toBe(3);
    expect(suggestDesignRating([4, 4], 5)).toBe(2);
    expect(suggestDesignRating([2, 1], 4)).toBe(1);
    expect(suggestDesignRating([], 0)).toBe(3); // no rubric to score against
    expect(suggestDesignRating([], 2)).toBe(2);
  });
});
