import { createEmptyCard, fsrs, forgetting_curve, generatorParameters, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import { parseInterviewDate } from '../../src/core/day.js';
import type { CardRecord, LogEntry, ReviewEntry, UndoEntry } from '../../src/core/progress.js';
import { dailyPlan, HEATMAP_DAYS, planLine, readiness, type AttemptLike, type ReadinessInput } from '../../src/core/readiness.js';
import { forecastChart, heatmapChart, sparkline, trendChart, trendChange } from '../../src/core/readiness-charts.js';
import { createScheduler, type MemoryState, type Rating } from '../../src/core/scheduler.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Local time: readiness works in the user's days, so the fixture does too.
const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();
const scheduler = createScheduler({ retention: 0.9 });

type CardJson = Record<string, unknown>;

function deck(id: string, cards: CardJson[], extra: Record<string, unknown> = {}): Deck {
  const result = parseDeck(JSON.stringify({ id, title: id[0]!.toUpperCase() + id.slice(1), version: 1, cards, ...extra }), `${id}.json`);
  if (!result.ok) throw new Error(`fixture ${id} is broken`);
  return result.deck;
}

const flash = (id: string, tags?: string[]): CardJson => ({ id, type: 'flashcard', front: `${id}?`, back: 'yes', ...(tags ? { tags } : {}) });
const choice = (id: string): CardJson => ({ id, type: 'choice', prompt: `${id}?`, choices: ['a', 'b'], answer: 0, explanation: 'because' });

function reviewState(stability: number, lastReview: number, due: number): MemoryState {
  return { due, stability, difficulty: 5, scheduledDays: Math.round((due - lastReview) / DAY), learningSteps: 0, reps: 3, lapses: 0, phase: 'review', lastReview };
}

function record(state: MemoryState, firstReview = state.lastReview ?? 0): CardRecord {
  return { state, firstReview };
}

let ids = 0;
function review(key: string, at: number, rating: Rating, rec: CardRecord, extra: Partial<ReviewEntry> = {}): ReviewEntry {
  return { v: 1, t: 'review', id: `r${++ids}`, key, rating, at, ms: 1000, record: rec, ...extra };
}

function undo(of: ReviewEntry, restore: CardRecord | null): UndoEntry {
  return { v: 1, t: 'undo', id: of.id, key: of.key, at: of.at + 1000, restore };
}

/** Rates a card through the scheduler, returning the log entry and the new record. */
function rate(history: Map<string, CardRecord>, key: string, at: number, rating: Rating, extra: Partial<ReviewEntry> = {}): ReviewEntry {
  const held = history.get(key);
  const rec = { state: scheduler.next(held?.state, at, rating), firstReview: held?.firstReview ?? at };
  history.set(key, rec);
  return review(key, at, rating, rec, extra);
}

function input(partial: Partial<ReadinessInput> & Pick<ReadinessInput, 'decks'>): ReadinessInput {
  return { records: new Map(), entries: [], attempts: [], scheduler, now: NOW, interviewAt: null, targetRetention: 0.9, newPerDay: 20, ...partial };
}

describe('predicted recall on the interview day', () => {
  const cards = deck('facts', [flash('a'), flash('b'), flash('c'), flash('d')]);
  const params = generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: true });

  it.each([3, 12, 30])('equals ts-fsrs\'s forgetting curve %i days after the last review', (k) => {
    const interviewAt = parseInterviewDate('2026-12-15')!;
    const lastReview = interviewAt - k * DAY;
    const S = 10;
    const records = new Map([['facts/a', record(reviewState(S, lastReview, interviewAt + 40 * DAY))]]);
    const r = readiness(input({ decks: [cards], records, interviewAt, now: Math.min(NOW, lastReview) }));

    const expected = forgetting_curve(params.w, k, S);
    const card = { ...createEmptyCard(new Date(lastReview)), state: State.Review, stability: S, difficulty: 5, last_review: new Date(lastReview), due: new Date(interviewAt + 40 * DAY) };
    expect(fsrs(params).get_retrievability(card, new Date(interviewAt), false)).toBeCloseTo(expected, 10);
    expect(r.predictedFor).toBe('interview');
    expect(r.predictedAt).toBe(interviewAt);
    expect(r.decks[0]!.recallSeenCards).toBeCloseTo(expected, 10);
    // The day's figure, not today's: the further off the interview, the lower.
    expect(expected).toBeLessThan(scheduler.recall(records.get('facts/a')!.state, lastReview + DAY) + 1e-12);
  });

  it('counts an unseen card as 0 in recallAllCards and leaves it out of recallSeenCards', () => {
    const interviewAt = NOW + 10 * DAY;
    const records = new Map([['facts/a', record(reviewState(20, NOW - DAY, NOW + 30 * DAY))]]);
    const r = readiness(input({ decks: [cards], records, interviewAt }));
    const one = scheduler.recall(records.get('facts/a')!.state, interviewAt);
    expect(r.overall).toMatchObject({ cards: 4, seen: 1, coverage: 0.25 });
    expect(r.overall.recallAllCards).toBeCloseTo(one / 4, 12);
    expect(r.overall.recallSeenCards).toBeCloseTo(one, 12);
    expect(readiness(input({ decks: [cards] })).overall).toMatchObject({ recallAllCards: 0, recallSeenCards: null, coverage: 0 });
  });

  it('predicts for now, with no plan, when no date is set or the date has passed', () => {
    const records = new Map([['facts/a', record(reviewState(20, NOW - 5 * DAY, NOW + 30 * DAY))]]);
    const none = readiness(input({ decks: [cards], records }));
    expect(none).toMatchObject({ predictedFor: 'today', predictedAt: NOW, plan: null });
    expect(none.overall.recallSeenCards).toBeCloseTo(scheduler.recall(records.get('facts/a')!.state, NOW), 12);

    const past = readiness(input({ decks: [cards], records, interviewAt: NOW - 3 * DAY }));
    expect(past).toMatchObject({ predictedFor: 'today', predictedAt: NOW });
    expect(past.plan).toMatchObject({ status: 'past', daysLeft: 0, newPerDay: 0, reviewsPerDay: 0, pullForward: [] });
  });
});

describe('trend', () => {
  it('replays the log to each day\'s end and predicts the interview day from there', () => {
    const d = deck('facts', [flash('a'), flash('b')]);
    const interviewAt = NOW + 7 * DAY;
    const history = new Map<string, CardRecord>();
    const a1 = rate(history, 'facts/a', NOW - 10 * DAY, 3);
    const a2 = rate(history, 'facts/a', NOW - 10 * DAY + 10 * 60_000, 3);
    const afterA = history.get('facts/a')!;
    const b1 = rate(history, 'facts/b', NOW - 3 * DAY, 4);
    // Rated again today and taken back: today's value must not see it.
    const before = history.get('facts/a')!;
    const a3 = rate(history, 'facts/a', NOW - HOUR, 1);
    history.set('facts/a', before);
    const entries: LogEntry[] = [a1, a2, b1, a3, undo(a3, before)];
    const r = readiness(input({ decks: [d], records: history, entries, interviewAt }));

    const t = r.overall.trend;
    expect(t).toHaveLength(14);
    expect(r.trendDays).toHaveLength(14);
    expect(r.trendDays[13]).toBe(new Date(2026, 10, 20).getTime());
    // Days -13 .. -11: nothing learned yet.
    expect(t.slice(0, 3)).toEqual([0, 0, 0]);
    const aOnly = scheduler.recall(afterA.state, interviewAt) / 2;
    expect(t[3]).toBeCloseTo(aOnly, 12); // day -10
    expect(t[9]).toBeCloseTo(aOnly, 12); // day -4
    expect(t[10]).toBeGreaterThan(aOnly); // day -3: b learned
    expect(t[13]).toBeCloseTo(r.overall.recallAllCards, 12);
    expect(r.decks[0]!.trend).toEqual(t);
    expect(r.areas[0]!.trend).toEqual(t);
  });
});

describe('weakest topics', () => {
  const d = deck('skill', [
    flash('a1', ['alpha']), flash('a2', ['alpha']),
    flash('b1', ['beta']), flash('b2', ['beta']),
    flash('c1', ['gamma']), flash('c2', ['gamma']),
    flash('d1', ['delta']), flash('d2', ['delta']),
    flash('lone', ['lonely']),
    flash('untagged'),
  ]);
  const stability: Record<string, number> = { a1: 1, a2: 2, b1: 40, b2: 50, c1: 5, c2: 6, d1: 10, d2: 12, lone: 0.5 };
  const records = new Map(Object.entries(stability).map(([id, s]) => [`skill/${id}`, record(reviewState(s, NOW - 2 * DAY, NOW + 60 * DAY))]));

  it('ranks tags by mean recall on the day, with the cards to study weakest first, and skips one-card topics when others suffice', () => {
    const r = readiness(input({ decks: [d], records, interviewAt: NOW + 5 * DAY }));
    const weakest = r.decks[0]!.weakest;
    expect(weakest.map((t) => t.name)).toEqual(['alpha', 'gamma', 'delta']);
    expect(weakest[0]).toMatchObject({ deckId: 'skill', deckTitle: 'Skill', cards: 2, seen: 2, keys: ['skill/a1', 'skill/a2'] });
    expect(weakest[0]!.recall).toBeLessThan(weakest[1]!.recall);
    expect(r.overall.weakest.map((t) => t.name)).toEqual(['alpha', 'gamma', 'delta']);
  });

  it('falls back to one-card topics, then to the section or the deck title for untagged cards', () => {
    const few = new Map([...records].filter(([k]) => ['skill/a1', 'skill/a2', 'skill/lone'].includes(k)));
    expect(readiness(input({ decks: [d], records: few })).decks[0]!.weakest.map((t) => t.name)).toEqual(['lonely', 'alpha']);

    const walk = deck('walk', [{ ...flash('x'), section: 'First' }, { ...flash('y'), section: 'First' }], { area: 'culture', sections: [{ name: 'First', intro: 'Intro.' }] });
    const untagged = new Map([['walk/x', record(reviewState(3, NOW - DAY, NOW + 9 * DAY))], ['walk/y', record(reviewState(3, NOW - DAY, NOW + 9 * DAY))], ['skill/untagged', record(reviewState(3, NOW - DAY, NOW + 9 * DAY))]]);
    const r = readiness(input({ decks: [d, walk], records: untagged }));
    expect(r.decks.map((x) => x.deckId)).toEqual(['walk', 'skill']); // culture first
    expect(r.decks[0]!.weakest[0]).toMatchObject({ name: 'First', keys: ['walk/x', 'walk/y'] });
    expect(r.decks[1]!.weakest[0]).toMatchObject({ name: 'Skill', keys: ['skill/untagged'] });
  });
});

describe('calibration, heatmap, forecast and retention', () => {
  const d = deck('quiz', [choice('q1'), choice('q2'), choice('q3'), choice('q4'), choice('q5')]);

  it('counts sure and guess answers right and wrong, leaving out undone ones and unmarked ones', () => {
    const rec = record(reviewState(5, NOW, NOW + 5 * DAY));
    const undoneSure = review('quiz/q5', NOW - 10, 1, rec, { confidence: 'sure', correct: false });
    const entries: LogEntry[] = [
      review('quiz/q1', NOW - 100, 3, rec, { confidence: 'sure', correct: true }),
      review('quiz/q2', NOW - 90, 3, rec, { confidence: 'sure', correct: true }),
      review('quiz/q3', NOW - 80, 1, rec, { confidence: 'sure', correct: false }),
      review('quiz/q4', NOW - 70, 2, rec, { confidence: 'guess', correct: true }),
      review('quiz/q4', NOW - 60, 1, rec, { confidence: 'guess', correct: false }),
      review('quiz/q4', NOW - 50, 1, rec, { confidence: 'guess', correct: false }),
      review('quiz/q1', NOW - 40, 3, rec, { correct: true }),
      undoneSure,
      undo(undoneSure, null),
    ];
    const { sure, guess } = readiness(input({ decks: [d], entries })).calibration;
    expect(sure).toEqual({ n: 3, right: 2, rate: 2 / 3 });
    expect(guess).toEqual({ n: 3, right: 1, rate: 1 / 3 });
    expect(readiness(input({ decks: [d] })).calibration.sure).toEqual({ n: 0, right: 0, rate: null });
  });

  it('counts reviews per local day for 16 weeks, today last, without undone ones', () => {
    const rec = record(reviewState(5, NOW, NOW + 5 * DAY));
    const gone = review('quiz/q1', NOW - 30, 3, rec);
    const yesterday = new Date(2026, 10, 19, 23, 30).getTime();
    const entries: LogEntry[] = [
      review('quiz/q1', NOW - 1000, 3, rec),
      gone,
      undo(gone, null),
      review('quiz/q2', yesterday, 3, rec),
      review('quiz/q3', yesterday + 5 * 60_000, 3, rec),
      review('quiz/q4', new Date(2026, 9, 31, 12).getTime(), 3, rec),
      review('quiz/q5', NOW - 200 * DAY, 3, rec),
    ];
    const { heatmap } = readiness(input({ decks: [d], entries }));
    expect(heatmap.days).toHaveLength(HEATMAP_DAYS);
    expect(heatmap.start).toBe(new Date(2026, 10, 20 - 111).getTime());
    expect(heatmap.days[111]).toBe(1);
    expect(heatmap.days[110]).toBe(2);
    expect(heatmap.days[111 - 20]).toBe(1); // 31 October
    expect(heatmap.total).toBe(4);
  });

  it('forecasts due cards per day for two weeks, overdue ones today', () => {
    const records = new Map([
      ['quiz/q1', record(reviewState(5, NOW - 9 * DAY, NOW - 3 * DAY))],
      ['quiz/q2', record(reviewState(5, NOW - 2 * DAY, new Date(2026, 10, 20, 22).getTime()))],
      ['quiz/q3', record(reviewState(5, NOW - 2 * DAY, new Date(2026, 10, 21, 0, 30).getTime()))],
      ['quiz/q4', record(reviewState(5, NOW - 2 * DAY, new Date(2026, 11, 3, 23).getTime()))],
      ['quiz/q5', record(reviewState(5, NOW - 2 * DAY, NOW + 20 * DAY))],
    ]);
    const { forecast } = readiness(input({ decks: [d], records }));
    expect(forecast.start).toBe(new Date(2026, 10, 20).getTime());
    expect(forecast.days).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('measures true retention on reviews of cards already in the review phase, per area', () => {
    const culture = deck('culture', [flash('c1')], { area: 'culture' });
    const skills = deck('skills', [flash('s1'), flash('s2')], { area: 'skills' });
    const history = new Map<string, CardRecord>();
    const entries: LogEntry[] = [
      rate(history, 'skills/s1', NOW - 20 * DAY, 3), // new: not counted
      rate(history, 'skills/s1', NOW - 20 * DAY + 10 * 60_000, 3), // learning: not counted (graduates)
      rate(history, 'skills/s1', NOW - 15 * DAY, 1), // review → Again: counted, failed
      rate(history, 'skills/s1', NOW - 15 * DAY + 10 * 60_000, 3), // relearning: not counted
      rate(history, 'skills/s1', NOW - 8 * DAY, 3), // review: counted, passed
      rate(history, 'skills/s2', NOW - 9 * DAY, 4), // new, Easy: not counted
    ];
    const graduated = history.get('skills/s2')!;
    const hard = rate(history, 'skills/s2', NOW - 2 * DAY, 2); // review → Hard: a pass
    const taken = rate(history, 'skills/s2', NOW - DAY, 1); // undone below: not counted
    history.set('skills/s2', hard.record);
    entries.push(hard, taken, undo(taken, hard.record));
    expect(graduated.state.phase).toBe('review');
    const r = readiness(input({ decks: [skills, culture], entries, records: history }));
    expect(r.retention).toEqual([
      { area: 'culture', reviews: 0, passed: 0, rate: null },
      { area: 'skills', reviews: 3, passed: 2, rate: 2 / 3 },
    ]);
  });
});

describe('design scores', () => {
  it('counts prompts attempted and averages each rubric dimension over the latest ten attempts', () => {
    const design: CardJson = { id: 'p1', type: 'design', prompt: 'Design it.', minutes: 45 };
    const d = deck('design', [design, { ...design, id: 'p2' }, { ...design, id: 'p3' }], { area: 'design' });
    const attempts: AttemptLike[] = [];
    for (let i = 0; i < 12; i++) {
      // The two oldest scored 1 on everything; the ten latest 4 on Scope and 2 or 3 on Scale.
      const old = i < 2;
      attempts.push({ key: i % 2 ? 'design/p1' : 'design/p2', finishedAt: NOW - (12 - i) * DAY, scores: [{ dimension: 'Scope', score: old ? 1 : 4 }, { dimension: 'Scale', score: old ? 1 : 2 + (i % 2) }] });
    }
    attempts.push({ key: 'elsewhere/p9', finishedAt: NOW, scores: [{ dimension: 'Scope', score: 1 }] });
    const r = readiness(input({ decks: [d], attempts: attempts.slice().reverse() }));
    expect(r.design).toMatchObject({ prompts: 3, attempted: 2, recentAttempts: 10 });
    expect(r.design.dimensions).toEqual([
      { dimension: 'Scale', mean: 2.5, n: 10 },
      { dimension: 'Scope', mean: 4, n: 10 },
    ]);
    expect(r.design.meanScore).toBeCloseTo(3.25, 12);
    expect(r.areas).toEqual([]); // prompts are not quiz cards
  });
});

describe('daily plan', () => {
  const hundred = deck('many', Array.from({ length: 100 }, (_, i) => flash(`c${i}`)));

  it('spreads the unseen cards over the days left but the last, and estimates reviews with the scheduler', () => {
    const interviewAt = parseInterviewDate('2026-12-01')!; // 11 days after 20 November
    const r = readiness(input({ decks: [hundred], interviewAt }));
    expect(r.plan).toMatchObject({ status: 'ahead', daysLeft: 11, cards: 100, unseen: 100, newPerDay: 10, newPerDayLimit: 20, pullForward: [] });
    expect(r.plan!.reviewsPerDay).toBeGreaterThan(0);
    expect(r.plan!.reviewsPerDay).toBe(Math.round(r.plan!.reviewsTotal / 11));
    // Each new card comes back at least once (its learning step) before the interview.
    expect(r.plan!.reviewsTotal).toBeGreaterThanOrEqual(100);
    expect(readiness(input({ decks: [hundred], interviewAt })).plan).toEqual(r.plan);
    expect(planLine(r.plan!)).toBe(`11 days left: 10 new + ~${r.plan!.reviewsPerDay} reviews a day`);
  });

  it('counts one new card\'s Good reviews before the interview exactly', () => {
    const interviewAt = NOW + 30 * DAY;
    const plan = dailyPlan({ cards: 1, seen: [], scheduler, now: NOW, interviewAt, targetRetention: 0.9, newPerDay: 20 });
    let state = scheduler.next(undefined, NOW, 3);
    let expected = 0;
    while (state.due < interviewAt) {
      expected++;
      state = scheduler.next(state, state.due, 3);
    }
    expect(plan).toMatchObject({ newPerDay: 1, reviewsTotal: expected });
    expect(expected).toBeGreaterThan(1);
  });

  it('plans reviews of seen cards from their due date, and pulls forward the weak ones not due before the day', () => {
    const interviewAt = NOW + 10 * DAY;
    const seen = [
      { key: 'x/due-soon', state: reviewState(3, NOW - 3 * DAY, NOW + DAY) },
      { key: 'x/weak-late', state: reviewState(4, NOW - 2 * DAY, NOW + 12 * DAY) },
      { key: 'x/strong-late', state: reviewState(400, NOW - 2 * DAY, NOW + 300 * DAY) },
    ];
    const plan = dailyPlan({ cards: 3, seen, scheduler, now: NOW, interviewAt, targetRetention: 0.9, newPerDay: 20 });
    expect(plan.unseen).toBe(0);
    expect(plan.reviewsTotal).toBeGreaterThanOrEqual(1);
    expect(plan.pullForward).toEqual(['x/weak-late']);
    expect(planLine(plan)).toMatch(/^10 days left: every card seen; ~\d+ reviews? a day$/);
  });

  it('says what to do on the last day, on the day itself, and after it', () => {
    const tomorrow = readiness(input({ decks: [hundred], interviewAt: parseInterviewDate('2026-11-21')! })).plan!;
    expect(tomorrow).toMatchObject({ status: 'ahead', daysLeft: 1, newPerDay: 100 });
    expect(planLine(tomorrow)).toBe(`1 day left: 100 new + ~${tomorrow.reviewsPerDay} reviews today`);

    const today = readiness(input({ decks: [hundred], interviewAt: parseInterviewDate('2026-11-20')! })).plan!;
    expect(today).toMatchObject({ status: 'today', daysLeft: 0, newPerDay: 0, reviewsPerDay: 0 });
    expect(planLine(today)).toBe('Interview day: ~0 reviews before it, no new cards. Good luck!');

    const past = readiness(input({ decks: [hundred], interviewAt: parseInterviewDate('2026-11-02')! })).plan!;
    expect(planLine(past)).toBe('The interview date (2026-11-02) has passed: set the next one in Settings.');
  });
});

describe('charts', () => {
  const visible = (text: string) => text.split('\n').every((line) => [...line].length <= 76) && !/\u001b/.test(text);

  it('draws the heatmap as a 7-day by 16-week glyph grid with a legend, no colour', () => {
    const days = Array.from({ length: HEATMAP_DAYS }, (_, i) => (i % 3 === 0 ? 0 : i % 17));
    const text = heatmapChart({ start: new Date(2026, 10, 20 - 111).getTime(), days, total: 0 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.slice(1, 8).map((l) => l.slice(0, 3))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    // 20 November 2026 is a Friday: the last column stops there.
    expect(lines[5]!.split(' ')).toHaveLength(17);
    expect(lines[6]!.split(' ')).toHaveLength(16);
    expect(lines[8]).toMatch(/^ {4}· none {2}░ 1-\d+ {2}▒ \d+-\d+ {2}▓ \d+-\d+ {2}█ \d+-16 reviews a day$/);
    expect(visible(text)).toBe(true);
  });

  it('draws the forecast and the trend as line charts with their numbers, no colour', () => {
    const forecast = forecastChart({ start: NOW, days: [29, 3, 0, 4, 12, 0, 0, 7, 1, 1, 1, 0, 2, 5] });
    expect(forecast).toContain('29  3  0  4 12');
    expect(forecast.split('\n').at(-1)).toMatch(/^ +today +\+7 +\+13$/);
    expect(forecast.split('\n')[0]).toMatch(/^ +30 ┤/);
    expect(visible(forecast)).toBe(true);
    expect(forecastChart({ start: NOW, days: new Array(14).fill(0) })).toBe('Nothing is due in the next 14 days.');

    const trend = trendChart([0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.5, 0.55, 0.6, 0.62, 0.64, 0.7, 0.72]);
    expect(trend.split('\n')[0]).toMatch(/^ 100% ┤$/);
    expect(visible(trend)).toBe(true);
    expect(sparkline([0, 0.5, 1])).toBe('▁▅█');
    expect(trendChange([0.2, 0.5])).toBe('+30');
  });
});

describe('a key twice over', () => {
  // Not in a valid library (deck ids and card ids are unique), but readiness takes any decks: the
  // same deck given twice counts its cards at both places and its reviews once.
  const cards = deck('facts', [flash('a', ['x']), flash('b', ['x']), flash('c', ['y'])]);
  const held = new Map<string, CardRecord>();
  const entries = [
    ...[40, 39, 20, 3].map((days) => rate(held, 'facts/a', NOW - days * DAY, 3)),
    ...[40, 39, 25].map((days) => rate(held, 'facts/b', NOW - days * DAY, 3)),
    rate(held, 'facts/b', NOW - 2 * DAY, 1),
    rate(held, 'facts/c', NOW - DAY, 2),
  ];
  const once = readiness(input({ decks: [cards], records: held, entries }));
  const twice = readiness(input({ decks: [cards, cards], records: held, entries }));

  it('counts the cards at both places', () => {
    expect(twice.overall.cards).toBe(2 * once.overall.cards);
    expect(twice.overall.seen).toBe(2 * once.overall.seen);
    expect(twice.decks).toHaveLength(2);
    for (const d of twice.decks) expect(d.recallAllCards).toBeCloseTo(once.decks[0]!.recallAllCards, 12);
  });

  it('moves the trend at both places and counts the reviews once', () => {
    twice.overall.trend.forEach((value, day) => expect(value).toBeCloseTo(once.overall.trend[day]!, 12));
    expect(new Set(twice.overall.trend).size).toBeGreaterThan(1);
    expect(once.retention[0]!.reviews).toBeGreaterThan(0);
    expect(twice.retention).toEqual(once.retention);
    expect(twice.forecast.days.reduce((a, b) => a + b, 0)).toBe(2 * once.forecast.days.reduce((a, b) => a + b, 0));
  });
});
