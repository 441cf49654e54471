import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import { glance, recallOnDay, type GlanceInput } from '../../src/core/glance.js';
import type { CardRecord } from '../../src/core/progress.js';
import { readiness } from '../../src/core/readiness.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { layoutTable } from '../../src/ui/table-layout.js';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();
const scheduler = createScheduler({ retention: 0.9 });

function deck(id: string, area: string, count: number): Deck {
  const cards = Array.from({ length: count }, (_, i) => ({ id: `c${i}`, type: 'flashcard', front: `${i}?`, back: 'yes' }));
  const result = parseDeck(JSON.stringify({ id, title: id, area, version: 1, cards }), `${id}.json`);
  if (!result.ok) throw new Error(`fixture ${id} is broken`);
  return result.deck;
}

describe('recall on the day for Home', () => {
  it('is the figure the Readiness screen shows, overall and per deck, from the records alone', () => {
    const decks = [deck('one', 'skills', 6), deck('two', 'culture', 4)];
    const records = new Map<string, CardRecord>();
    for (const [key, days] of [['one/c0', 3], ['one/c1', 10], ['two/c2', 1]] as const) {
      records.set(key, { state: scheduler.next(undefined, NOW - days * DAY, 3), firstReview: NOW - days * DAY });
    }
    const interviewAt = NOW + 9 * DAY;
    const full = readiness({ decks, records, entries: [], attempts: [], scheduler, now: NOW, interviewAt, targetRetention: 0.9, newPerDay: 20 });
    const quick = recallOnDay(decks, records, scheduler, NOW, interviewAt);
    expect(quick.recall).toBeCloseTo(full.overall.recallAllCards, 10);
    expect(quick.decks.get('one')!.recall).toBeCloseTo(full.decks.find((d) => d.deckId === 'one')!.recallAllCards, 10);
    expect(quick).toMatchObject({ cards: 10, seen: 3, at: interviewAt, forInterview: true });
    // Once the date has passed, recall is for today, as on the Readiness screen.
    expect(recallOnDay(decks, records, scheduler, NOW, NOW - 2 * DAY)).toMatchObject({ at: NOW, forInterview: false });
  });
});

describe('the glance panel', () => {
  const input: GlanceInput = {
    now: NOW,
    plan: null,
    recall: { recall: 0.42, cards: 100, seen: 50, at: NOW + 9 * DAY, forInterview: true, decks: new Map([['java', { recall: 0.5, cards: 40, seen: 30 }]]) },
    decks: [
      { id: 'culture', title: 'Netflix Culture', area: 'culture', cards: 60, seen: 20, due: 3 },
      { id: 'java', title: 'Java', area: 'skills', cards: 40, seen: 30, due: 7 },
      { id: 'python', title: 'Python', area: 'skills', cards: 40, seen: 0, due: 0 },
    ],
    prompts: [
      { title: 'Open Connect cache fill', due: false, dueAt: null, forRole: true },
      { title: 'Ranking', due: false, dueAt: NOW + 3 * DAY, forRole: false },
    ],
    stories: { count: 1, due: 1, valuesWithout: ['Candor', 'Courage'] },
  };

  it('shows every section, the deck table sized to its names, when there is room', () => {
    const sections = glance(input, 60, 40);
    expect(sections.map((s) => s.title)).toEqual(['Plan', 'Readiness', 'By deck', 'Design mocks', 'Stories']);
    const table = sections[2]!;
    expect(table.header).toBe('                 due   seen  recall');
    expect(table.lines).toEqual(['Netflix Culture    3  20/60      0%', 'Java               7  30/40     50%', 'Python             0   0/40      0%']);
    expect(sections[1]!.lines[0]).toMatch(/^42% recall predicted on \d{4}-\d{2}-\d{2} \(50% of cards seen\)$/);
    expect(sections[3]!.lines).toEqual(['Next due in 3d: Ranking']);
    expect(sections[4]!.lines).toEqual(['1 story, 1 due to rehearse', 'Values without one: Candor, Courage']);
  });

  it('gives up lines by area first, then whole sections, least useful first', () => {
    // Plan 3 lines (its text wraps), readiness 2, by deck 5 (by area 4), design 2, stories 3, and a blank between each.
    expect(glance(input, 60, 19).map((s) => s.title)).toEqual(['Plan', 'Readiness', 'By deck', 'Design mocks', 'Stories']);
    const byArea = glance(input, 60, 18);
    expect(byArea.map((s) => s.title)).toEqual(['Plan', 'Readiness', 'By area', 'Design mocks', 'Stories']);
    expect(byArea[2]!.lines).toEqual(['Culture    3  20/60      0%', 'Skills     7  30/80     25%']);
    expect(glance(input, 60, 17).map((s) => s.title)).toEqual(['Plan', 'Readiness', 'By area', 'Design mocks']);
    expect(glance(input, 60, 13).map((s) => s.title)).toEqual(['Plan', 'Readiness', 'By area']);
    expect(glance(input, 60, 6).map((s) => s.title)).toEqual(['Plan', 'Readiness']);
  });
});

describe('tables sized to their content', () => {
  const columns = [
    { header: 'Deck', cells: ['Java', 'Cross-functional Coordination'], min: 10 },
    { header: 'id', cells: ['java', 'cross-functional-coordination'], optional: 2 },
    { header: 'cards', cells: ['48', '7'], align: 'right' as const },
    { header: 'kinds', cells: ['a b', 'c d'], optional: 1 },
  ];

  it('adds optional columns in order while they fit, each as wide as its widest cell', () => {
    expect(layoutTable(columns, 80).rows).toEqual(['Java                           java                              48  a b', 'Cross-functional Coordination  cross-functional-coordination      7  c d']);
    expect(layoutTable(columns, 50).shown).toEqual(['Deck', 'cards', 'kinds']);
    expect(layoutTable(columns, 30).shown).toEqual(['Deck', 'cards']);
  });

  it('cuts the first column, not the others, when even the columns always shown do not fit', () => {
    const table = layoutTable(columns, 20);
    expect(table.rows).toEqual(['Java              48', 'Cross-functi…      7']);
  });
});
