import fc from 'fast-check';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { quoteEvidence, tickTally } from '../../src/core/evidence.js';
import { DEFAULT_LEVEL, genericDimension, LEVELS, levelBar, levelBarLine, parseLevel } from '../../src/core/levels.js';
import { tickCounts } from '../../src/core/progress.js';
import { cleanReview, settingsProblem } from '../../src/core/progress-checks.js';
import type { ReviewEntry } from '../../src/core/progress.js';

describe('tick tally', () => {
  it('counts the ticks the evidence backs and those it does not; none without evidence', () => {
    const evidence = [{ covered: true }, { covered: false }, { covered: true }];
    expect(tickTally(evidence, new Set([0, 1]))).toEqual({ evidenced: 1, unevidenced: 1 });
    expect(tickTally(evidence, new Set())).toEqual({ evidenced: 0, unevidenced: 0 });
    expect(tickTally(null, new Set([0]))).toBeUndefined();
  });

  it('takes tick counts from a log entry only when they are two small whole counts', () => {
    expect(tickCounts({ evidenced: 2, unevidenced: 0 })).toEqual({ evidenced: 2, unevidenced: 0 });
    for (const bad of [null, 5, { evidenced: -1, unevidenced: 0 }, { evidenced: 1.5, unevidenced: 0 }, { evidenced: 1 }, { evidenced: '1', unevidenced: 0 }]) expect(tickCounts(bad)).toBeNull();
  });

  it('carries tick counts through an export and import, and drops damaged ones', () => {
    const review = { v: 1, t: 'review', id: 'r1', key: 'd/c', rating: 3, at: 1, ms: 5, record: { state: { due: 1, stability: 1, difficulty: 5, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, phase: 'learning', lastReview: 1 }, firstReview: 1 } } as ReviewEntry;
    expect(cleanReview({ ...review, ticks: { evidenced: 1, unevidenced: 2 } }).ticks).toEqual({ evidenced: 1, unevidenced: 2 });
    expect(cleanReview({ ...review, ticks: { evidenced: 'x' } } as unknown as ReviewEntry)).not.toHaveProperty('ticks');
    expect(cleanReview(review)).not.toHaveProperty('ticks');
  });
});

describe('quoting evidence', () => {
  it('quotes a short sentence whole, marks a fragment inside a sentence with ellipses', () => {
    expect(quoteEvidence('We rolled back. Then we wrote it up.', 'We rolled back.', 60)).toBe('covered: "We rolled back."');
    expect(quoteEvidence('After the alert we rolled back within the hour and told support.', 'we rolled back within the hour', 60)).toBe('covered: "…we rolled back within the hour…"');
  });

  it('cuts a long quote to the lines it may use, at a word, and makes the words safe', () => {
    const answer = `We ${'really '.repeat(40)}rolled back\u001b[2J within the hour.`;
    const quote = quoteEvidence(answer, answer, 50);
    expect(wrapAnsi(quote, 50, { hard: true, trim: true }).split('\n').length).toBeLessThanOrEqual(2);
    expect(quote).toMatch(/…"$/);
    expect(quote).not.toContain('\u001b');
  });

  it('never goes over its lines nor lets a control byte through, whatever the answer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 20, max: 120 }), fc.integer({ min: 1, max: 2 }), (answer, from, width, lines) => {
        const evidence = answer.slice(from, from + 200) || 'x';
        const quote = quoteEvidence(answer, evidence, width, lines);
        expect(quote).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        const wrapped = wrapAnsi(quote, width, { hard: true, trim: true }).split('\n');
        expect(wrapped.length).toBeLessThanOrEqual(lines);
        for (const line of wrapped) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('bars by level', () => {
  it('says which rubric level is the bar for each target level', () => {
    expect(LEVELS.map((l) => levelBar(l, 'Requirements and scope').score)).toEqual(['2', '3', '3-4', '4']);
    expect(DEFAULT_LEVEL).toBe('mid');
    expect(levelBarLine('senior', 'Own actions and decisions')).toBe('bar for senior: 3-4 — owns a cross-team outcome');
    expect(levelBar('entry', 'Own actions and decisions').line).toBe('owns a well-scoped task end to end');
  });

  it('reads free dimension names as generic ones, behavioural words first', () => {
    expect(genericDimension('Measurable result')).toBe('result');
    expect(genericDimension('Own actions and decisions')).toBe('ownership');
    expect(genericDimension('Metrics and decisions')).toBe('metrics');
    expect(genericDimension('Trade-offs and reliability')).toBe('tradeoffs');
    expect(genericDimension('Write path at scale')).toBe('scale');
    expect(genericDimension('Data model')).toBe('design');
    expect(genericDimension('Something else')).toBe('general');
    // A line fits beside a score at 60 columns for every level and dimension.
    const names = ['Specific situation', 'Own actions', 'Measurable result', 'The value shown', 'Reflection and what changed', 'Problem framing', 'Metrics', 'Trade-offs', 'Scale', 'Data model', 'x'];
    expect(LEVELS.flatMap((level) => names.map((d) => levelBarLine(level, d))).filter((line) => line.length > 60)).toEqual([]);
  });

  it('parses the names people use for levels', () => {
    expect(['intern', 'New grad', 'entry', 'junior'].map(parseLevel)).toEqual(['entry', 'entry', 'entry', 'entry']);
    expect(['mid-level', 'mid', 'Senior', 'STAFF'].map(parseLevel)).toEqual(['mid', 'mid', 'senior', 'staff']);
    expect(parseLevel('principal')).toBeNull();
  });

  it('takes a level from an imported settings file only when it is one, and files without one', () => {
    const settings = { role: null, interviewDate: null, newPerDay: 20, retention: 0.9, askConfidence: true };
    expect(settingsProblem(settings)).toBeNull();
    expect(settingsProblem({ ...settings, level: 'staff' })).toBeNull();
    expect(settingsProblem({ ...settings, level: 'principal' })).toMatch(/"level"/);
  });
});
