// The feedback matcher (evidence per key point) and the answer insights, on answers written here.
import { describe, expect, it } from 'vitest';
import { answerInsights, matchKeyPoints, WORDS_PER_MINUTE } from '../../src/core/feedback.js';

const POINTS = [
  'Rolled back the release quickly to limit customer impact',
  'Measured latency before and after the fix',
  'Told stakeholders candidly what went wrong',
  'Wrote a postmortem with follow-up actions',
];

describe('matchKeyPoints', () => {
  it('finds a paraphrase through stems and the synonym table, and quotes the sentence as typed', () => {
    const answer = 'The deploy broke playback.  We REVERTED the releases fast, so few members noticed.';
    const [rollback] = matchKeyPoints(answer, POINTS);
    expect(rollback).toMatchObject({ covered: true, evidence: 'We REVERTED the releases fast, so few members noticed.' });
    expect(answer).toContain(rollback!.evidence);
  });

  it('keeps the shapes: one entry per key point, in order, evidence null when not covered', () => {
    const result = matchKeyPoints('We talked about lunch.', POINTS);
    expect(result.map((r) => r.text)).toEqual(POINTS);
    for (const r of result) expect(r).toMatchObject({ covered: false, evidence: null });
  });

  it('a negated mention does not cover a point: not, never, without, n\'t, rather than', () => {
    const negated = [
      "I didn't measure latency before or after the fix.",
      'We never measured the latency, before or after the fix.',
      'We shipped the fix without measuring latency before and after.',
      'We guessed at the fix rather than measuring latency before and after it.',
    ];
    for (const answer of negated) expect(matchKeyPoints(answer, POINTS)[1], answer).toMatchObject({ covered: false, evidence: null });
    expect(matchKeyPoints('We measured latency before and after the fix.', POINTS)[1]!.covered).toBe(true);
  });

  it('a negation stops at a clause break: "no alarms, but we measured latency" still measured it', () => {
    const answer = 'There were no alarms, but we measured latency before and after the fix.';
    expect(matchKeyPoints(answer, POINTS)[1]!.covered).toBe(true);
  });

  it('a point that says what to avoid is not covered by an answer that does it', () => {
    const points = ['Built on it rather than replacing it with their own design'];
    expect(matchKeyPoints('I built on her script rather than replacing it with my own design.', points)[0]!.covered).toBe(true);
    expect(matchKeyPoints('I built a replacement: I replaced her script with my own design.', points)[0]!.covered).toBe(false);
  });

  it('a point that is a prohibition is made by an answer that says the same prohibition', () => {
    const point = ['Never average pre-aggregated averages across groups'];
    expect(matchKeyPoints('Never average averages that were already aggregated across groups; use sums and counts.', point)[0]).toMatchObject({ covered: true });
    expect(matchKeyPoints('I would average the pre-aggregated averages across groups.', point)[0]).toMatchObject({ covered: false });
  });

  it('one shared word is not evidence: precision over recall', () => {
    expect(matchKeyPoints('The customer was happy.', POINTS)[0]!.covered).toBe(false);
    expect(matchKeyPoints('Everything went well.', POINTS)[2]!.covered).toBe(false);
  });

  it('may take two adjacent sentences, quoting both as typed', () => {
    const answer = 'Afterwards I wrote the postmortem.\nIt listed follow-up actions with owners.';
    const [, , , postmortem] = matchKeyPoints(answer, POINTS);
    expect(postmortem!.covered).toBe(true);
    expect(answer).toContain(postmortem!.evidence);
  });

  it('quotes only the matched stretch of a very long sentence, still as typed', () => {
    const filler = 'and then there was a lot more going on with the weekly planning that nobody remembers now '.repeat(3);
    const answer = `${filler}so we measured latency before and after the fix ${filler}`;
    const found = matchKeyPoints(answer, POINTS)[1]!;
    expect(found.covered).toBe(true);
    expect(found.evidence).toBe('measured latency before and after the fix');
  });

  it('British and American spellings meet', () => {
    const points = ['Specific about behaviour and impact'];
    expect(matchKeyPoints('I was specific about his behavior and its impact on the team.', points)[0]!.covered).toBe(true);
  });

  it('a 64 KB answer of one endless word or sentence takes well under a second', () => {
    for (const answer of ['null'.repeat(16_000), 'word '.repeat(13_000), `${'a, '.repeat(20_000)}.`]) {
      const start = performance.now();
      matchKeyPoints(answer, POINTS);
      answerInsights(answer);
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });

  it('an empty answer or key points with no content words cover nothing', () => {
    expect(matchKeyPoints('', POINTS).every((r) => !r.covered)).toBe(true);
    expect(matchKeyPoints('the and of', ['the and of'])[0]).toMatchObject({ covered: false, evidence: null });
  });
});

describe('answerInsights', () => {
  const STORY = [
    'Last year at my previous job, our checkout service was failing under load.',
    'I had to find the cause before the holiday sale.',
    'I profiled the service and rewrote the slowest query, and we added a cache.',
    'As a result, checkout errors dropped 40% and I learned to load-test earlier.',
  ].join(' ');

  it('finds each STAR part with the sentence that carries it', () => {
    const star = answerInsights(STORY).star;
    expect(star.map((s) => s.part)).toEqual(['situation', 'task', 'action', 'result']);
    expect(star[0]!.sentence).toMatch(/^Last year/);
    expect(star[1]!.sentence).toMatch(/^I had to find/);
    expect(star[2]!.sentence).toMatch(/^I profiled/);
    expect(star[3]!.sentence).toMatch(/^As a result/);
  });

  it('takes a past-tense opening as the situation, and a change "by a third" as a result', () => {
    const star = answerInsights('Our on-call rotation was burning people out. I suggested paging whoever deployed last. Pages per person fell by a third.').star;
    expect(star[0]!.sentence).toBe('Our on-call rotation was burning people out.');
    expect(star[2]!.sentence).toBe('I suggested paging whoever deployed last.');
    expect(star[3]!.sentence).toBe('Pages per person fell by a third.');
  });

  it('says a part is missing rather than guessing', () => {
    const star = answerInsights('We are a good team. Teams are good.').star;
    expect(star.every((s) => s.sentence === null)).toBe(true);
  });

  it('counts I against we, contractions included', () => {
    const insights = answerInsights("I led it. I'm proud; my team and I shipped. We celebrated, our manager thanked us.");
    expect(insights.i).toBe(4);
    expect(insights.we).toBe(3);
  });

  it('counts fillers, phrases too, and "like" only as a filler', () => {
    const insights = answerInsights('Um, so basically we, like, sort of fixed it. I would like a raise. You know, it was, um, just fine.');
    expect(insights.fillers).toEqual([
      { word: 'um', count: 2 },
      { word: 'basically', count: 1 },
      { word: 'just', count: 1 },
      { word: 'like', count: 1 },
      { word: 'sort of', count: 1 },
      { word: 'you know', count: 1 },
    ]);
  });

  it('lists content words used three times or more, forms of one word together, stop words out', () => {
    const insights = answerInsights('The deploy failed. Deploys fail often. We deployed again and the the the team deploying is tired. Team team.');
    expect(insights.repeated).toEqual([
      { word: 'deploy', count: 4 },
      { word: 'team', count: 3 },
    ]);
  });

  it('counts words and the speaking time at 140 a minute', () => {
    const answer = Array.from({ length: 280 }, () => 'word').join(' ');
    const insights = answerInsights(answer);
    expect(insights.words).toBe(280);
    expect(insights.speakingSeconds).toBe((280 / WORDS_PER_MINUTE) * 60);
    expect(answerInsights('').words).toBe(0);
  });

  it('names the culture values the answer touches, not those it negates', () => {
    expect(answerInsights('I was candid with my manager.').values).toEqual(['candor']);
    expect(answerInsights('I gave my manager feedback and disagreed openly.').values).toEqual(['candor']);
    expect(answerInsights('I dug into why the queue grew.').values).toEqual(['curiosity']);
    // One sign alone is not enough: feedback turns up in answers about anything.
    expect(answerInsights('I asked for feedback on the schedule.').values).toEqual([]);
    expect(answerInsights('I was never candid with anyone.').values).toEqual([]);
  });
});
