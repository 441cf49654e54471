import { describe, expect, it } from 'vitest';
import { customItems } from '../../src/core/custom-study.js';
import { dayPlan, raisedText, type DayPlanInput } from '../../src/core/day-plan.js';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import type { CardRecord } from '../../src/core/progress.js';
import { studyItems } from '../../src/core/queue.js';
import { planLine } from '../../src/core/readiness.js';
import { createScheduler } from '../../src/core/scheduler.js';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();
const scheduler = createScheduler({ retention: 0.9 });

function deck(id: string, area: string, count: number): Deck {
  const cards = Array.from({ length: count }, (_, i) => ({ id: `c${i}`, type: 'flashcard', front: `${id} ${i}?`, back: 'yes', tags: [i % 2 === 0 ? 'even' : 'odd'] }));
  const result = parseDeck(JSON.stringify({ id, title: id, area, version: 1, cards }), `${id}.json`);
  if (!result.ok) throw new Error(`fixture ${id} is broken`);
  return result.deck;
}

/** Rates the first `count` cards of a deck at `at` (first seen then). */
function seen(records: Map<string, CardRecord>, d: Deck, count: number, at: number, from = 0): void {
  for (const card of d.cards.slice(from, from + count)) records.set(`${d.id}/${card.id}`, { state: scheduler.next(undefined, at, 3), firstReview: at });
}

function input(partial: Partial<DayPlanInput> & Pick<DayPlanInput, 'decks'>): DayPlanInput {
  return { ownDecks: [], records: new Map(), scheduler, now: NOW, interviewAt: null, retention: 0.9, newPerDay: 20, ownNewPerDay: 20, ...partial };
}

describe('a user deck has a new-card limit of its own', () => {
  const role = deck('sql', 'skills', 60);
  const mine = deck('mine', 'custom', 30);

  it('brings its new cards after the role\'s 20 are used up today, and the role\'s cards do not use up its own', () => {
    const records = new Map<string, CardRecord>();
    seen(records, role, 20, NOW - 60_000);
    const day = dayPlan(input({ decks: [role, mine], ownDecks: [mine], records }));
    expect(day.room).toEqual({ shared: 0, own: new Map([['mine', 20]]) });
    expect(day.figures.new).toBe(20);
    expect(day.figures.decks.find((d) => d.id === 'mine')).toMatchObject({ new: 20, cards: 30 });
    expect(day.figures.decks.find((d) => d.id === 'sql')).toMatchObject({ new: 0 });
  });

  it('its own cards studied today use up only its limit, never the role\'s', () => {
    const records = new Map<string, CardRecord>();
    seen(records, mine, 5, NOW - 60_000);
    const day = dayPlan(input({ decks: [role, mine], ownDecks: [mine], records, ownNewPerDay: 8 }));
    expect(day.room).toEqual({ shared: 20, own: new Map([['mine', 3]]) });
    expect(day.figures.new).toBe(23);
    expect(day.advice).toContain("Your own deck: up to 8 new cards a day, on top of the role's 20.");
  });

  it('counts against its limit when studied on its own, outside the study decks, too', () => {
    const records = new Map<string, CardRecord>();
    seen(records, mine, 20, NOW - 60_000);
    // The role's decks only (a user deck outside the track): the own deck's room is still used up.
    const day = dayPlan(input({ decks: [role], ownDecks: [mine], records }));
    expect(day.room.own.get('mine')).toBe(0);
    expect(day.room.shared).toBe(20);
  });
});

describe('a role change', () => {
  it('brings the new track\'s new cards the same day: cards of decks left behind do not count', () => {
    const software = deck('java', 'skills', 40);
    const analytics = deck('sql', 'skills', 48);
    const records = new Map<string, CardRecord>();
    seen(records, software, 20, NOW - 3_600_000);
    expect(dayPlan(input({ decks: [software], records })).figures.new).toBe(0);
    const after = dayPlan(input({ decks: [analytics], records }));
    expect(after.figures.new).toBe(20);
    expect(after.figures.decks).toEqual([expect.objectContaining({ id: 'sql', new: 20, seen: 0 })]);
  });

  it('still counts cards first seen yesterday as old, and today\'s of the current decks against the limit', () => {
    const sql = deck('sql', 'skills', 48);
    const records = new Map<string, CardRecord>();
    seen(records, sql, 10, NOW - 2 * DAY);
    seen(records, sql, 7, NOW - 60_000, 10);
    expect(dayPlan(input({ decks: [sql], records })).figures.new).toBe(13);
  });
});

describe('"+N new today" (custom study)', () => {
  it('takes N unseen cards of the scope in order, even when the day\'s limit is used up', () => {
    const sql = deck('sql', 'skills', 48);
    const records = new Map<string, CardRecord>();
    seen(records, sql, 20, NOW - 60_000);
    expect(dayPlan(input({ decks: [sql], records })).figures.new).toBe(0);
    const picked = customItems(studyItems([sql]), records, { kind: 'new', count: 10 }, NOW, scheduler);
    expect(picked.map((i) => i.key)).toEqual(Array.from({ length: 10 }, (_, i) => `sql/c${20 + i}`));
    expect(customItems(studyItems([sql]), records, { kind: 'new', count: 100 }, NOW, scheduler)).toHaveLength(28);
  });
});

describe('the plan, said once', () => {
  const sql = deck('sql', 'skills', 100);
  const interviewAt = new Date(2026, 11, 1, 12).getTime();

  it('raises the limit to what the plan needs, and says so instead of asking the user to', () => {
    const day = dayPlan(input({ decks: [sql], interviewAt, newPerDay: 5 }));
    expect(day.plan).toMatchObject({ status: 'ahead', daysLeft: 11, newPerDay: 10, newPerDayLimit: 5 });
    expect(day.newLimit).toEqual({ setting: 5, today: 10 });
    expect(day.figures.new).toBe(10);
    expect(day.planLine).toBe(planLine(day.plan!));
    expect(raisedText(day)).toBe('the plan raises your 5 new a day to 10');
    expect(day.advice).toEqual(['100 of 100 cards still new; the plan raises your 5 new a day to 10.']);
    expect(day.advice.join(' ')).not.toMatch(/raise it|Raise new cards/);
  });

  it("holds the day's target while the day's cards are learnt: 7 learnt of 10 leaves 3 today", () => {
    const records = new Map<string, CardRecord>();
    const morning = dayPlan(input({ decks: [sql], interviewAt, newPerDay: 5, records }));
    seen(records, sql, 7, NOW + 60_000);
    const later = dayPlan(input({ decks: [sql], interviewAt, newPerDay: 5, records, now: NOW + 3_600_000 }));
    expect(later.plan?.newPerDay).toBe(morning.plan?.newPerDay);
    expect(later.figures.new).toBe(morning.figures.new - 7);
    // The next day plans afresh from what is left.
    const tomorrow = dayPlan(input({ decks: [sql], interviewAt, newPerDay: 5, records, now: NOW + DAY }));
    expect(tomorrow.plan?.newPerDay).toBe(Math.ceil(93 / 9));
  });

  it('keeps a setting above what the plan needs, and says nothing about raising', () => {
    const day = dayPlan(input({ decks: [sql], interviewAt, newPerDay: 25 }));
    expect(day.newLimit).toEqual({ setting: 25, today: 25 });
    expect(raisedText(day)).toBeNull();
    expect(day.figures.new).toBe(25);
  });

  it('aims at the role\'s decks, the user\'s own on top; with only own decks, at those', () => {
    const mine = deck('mine', 'custom', 300);
    const both = dayPlan(input({ decks: [sql, mine], ownDecks: [mine], interviewAt, newPerDay: 5 }));
    expect(both.plan).toMatchObject({ cards: 100 });
    expect(both.figures.new).toBe(10 + 20);
    expect(both.advice).toContain('Your own deck: up to 20 new cards a day, on top of the plan.');
    const own = dayPlan(input({ decks: [mine], ownDecks: [mine], interviewAt }));
    expect(own).toMatchObject({ planCoversOwn: true, newLimit: { setting: 20, today: 30 } });
    expect(own.figures.new).toBe(30);
    expect(raisedText(own)).toBe('the plan raises your 20 new a day per deck to 30');
  });

  it('has no plan line without a date', () => {
    const day = dayPlan(input({ decks: [sql] }));
    expect(day).toMatchObject({ plan: null, planLine: null, advice: [], newLimit: { setting: 20, today: 20 } });
  });
});
