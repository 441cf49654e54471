import { describe, expect, it } from 'vitest';
import { createScheduler, formatInterval, type MemoryState } from '../../src/core/scheduler.js';

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

describe('scheduler (ts-fsrs, fixed clock)', () => {
  const scheduler = createScheduler({ retention: 0.9 });

  it('puts a new card through learning steps: Again 1m, Hard 6m, Good 10m; Easy graduates', () => {
    const preview = scheduler.preview(undefined, T0);
    expect(preview[1] - T0).toBe(1 * MIN);
    expect(preview[2] - T0).toBe(6 * MIN);
    expect(preview[3] - T0).toBe(10 * MIN);
    expect(preview[4] - T0).toBeGreaterThanOrEqual(DAY);
    const good = scheduler.next(undefined, T0, 3);
    expect(good).toMatchObject({ phase: 'learning', reps: 1, lapses: 0, lastReview: T0, due: T0 + 10 * MIN });
  });

  it('graduates after the steps and then spaces reviews further apart each time', () => {
    let state: MemoryState = scheduler.next(undefined, T0, 3);
    let now = state.due;
    state = scheduler.next(state, now, 3);
    expect(state.phase).toBe('review');
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      intervals.push(Math.round((state.due - now) / DAY));
      now = state.due;
      state = scheduler.next(state, now, 3);
    }
    expect(intervals[0]).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
  });

  it('sends a forgotten review card to relearning and counts the lapse', () => {
    let state = scheduler.next(undefined, T0, 4);
    state = scheduler.next(state, state.due, 1);
    expect(state).toMatchObject({ phase: 'relearning', lapses: 1 });
    expect(state.due - state.lastReview!).toBe(10 * MIN);
  });

  it('schedules sooner when the desired retention is higher', () => {
    const strict = createScheduler({ retention: 0.97 });
    const relaxed = createScheduler({ retention: 0.8 });
    const first = scheduler.next(undefined, T0, 4);
    expect(strict.next(first, first.due, 3).due).toBeLessThan(relaxed.next(first, first.due, 3).due);
  });

  it('predicts recall that falls with time, near the desired retention when due', () => {
    const state = scheduler.next(undefined, T0, 4);
    const atDue = scheduler.recall(state, state.due);
    expect(atDue).toBeGreaterThan(0.85);
    expect(atDue).toBeLessThan(0.95);
    expect(scheduler.recall(state, state.due + 30 * DAY)).toBeLessThan(atDue);
    expect(scheduler.recall({ ...state, phase: 'new', lastReview: null }, T0)).toBe(0);
  });

  it('is deterministic: the same history gives the same state', () => {
    const a = scheduler.next(scheduler.next(undefined, T0, 3), T0 + 10 * MIN, 3);
    const b = createScheduler({ retention: 0.9 }).next(createScheduler({ retention: 0.9 }).next(undefined, T0, 3), T0 + 10 * MIN, 3);
    expect(a).toEqual(b);
  });

  it('formats intervals for the rating bar', () => {
    expect(formatInterval(T0, T0 + 10 * MIN)).toBe('10m');
    expect(formatInterval(T0, T0 + 3 * 3_600_000)).toBe('3h');
    expect(formatInterval(T0, T0 + 4 * DAY)).toBe('4d');
    expect(formatInterval(T0, T0 + 90 * DAY)).toBe('3mo');
    expect(formatInterval(T0, T0 + 800 * DAY)).toBe('2.2y');
  });
});
