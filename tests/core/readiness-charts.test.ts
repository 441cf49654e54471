import { describe, expect, it } from 'vitest';
import { HEATMAP_DAYS } from '../../src/core/readiness.js';
import { forecastChart, heatmapChart } from '../../src/core/readiness-charts.js';

/** The heatmap's month line for 16 weeks ending on this day. */
function monthLine(year: number, month: number, day: number): string {
  const start = new Date(year, month, day - (HEATMAP_DAYS - 1)).getTime();
  return heatmapChart({ start, days: new Array<number>(HEATMAP_DAYS).fill(1), total: HEATMAP_DAYS }).split('\n')[0]!;
}

/** Month name → the column (0-based week) it stands over: column 4 + 2 per week. */
function labels(line: string): Record<string, number> {
  return Object.fromEntries([...line.matchAll(/[A-Z][a-z]{2}/g)].map((m) => [m[0], (m.index - 4) / 2]));
}

describe('the heatmap', () => {
  it('names the current month once it has begun, even when its 1st is not a Monday', () => {
    // Sunday 6 December 2026: the first column is the week of Monday 17 August, the last that of Monday 30 November, which holds 1 December.
    expect(labels(monthLine(2026, 11, 6))).toEqual({ Aug: 0, Sep: 2, Oct: 6, Nov: 10, Dec: 15 });
  });

  it('puts each month over the week its 1st falls in', () => {
    // Friday 20 November 2026; the first column is the week of Monday 3 August.
    // 1 Sep is a Tuesday (week of 31 Aug), 1 Oct a Thursday (week of 28 Sep), 1 Nov a Sunday (week of 26 Oct).
    expect(labels(monthLine(2026, 10, 20))).toEqual({ Aug: 0, Sep: 4, Oct: 8, Nov: 12 });
  });

  it('leaves a month not yet begun unnamed, and drops the first column\'s name when the next month starts a week later', () => {
    // Saturday 28 November 2026: 1 December is still to come.
    expect(labels(monthLine(2026, 10, 28))).not.toHaveProperty('Dec');
    // Wednesday 9 December 2026: the first column is the week of Monday 24 August; 1 September falls in the next one.
    const line = monthLine(2026, 11, 9);
    expect(labels(line)).toEqual({ Sep: 1, Oct: 5, Nov: 9, Dec: 14 });
    expect(line.startsWith('      Sep')).toBe(true);
  });

  it('says there are no reviews yet rather than drawing an empty legend', () => {
    const start = new Date(2026, 11, 6 - (HEATMAP_DAYS - 1)).getTime();
    expect(heatmapChart({ start, days: new Array<number>(HEATMAP_DAYS).fill(0), total: 0 }).split('\n').at(-1)).toBe('    · no reviews yet');
    // One review on the busiest day is "1 review", not "1 reviews".
    const one = new Array<number>(HEATMAP_DAYS).fill(0);
    one[one.length - 1] = 1;
    expect(heatmapChart({ start, days: one, total: 1 }).split('\n').at(-1)).toMatch(/ 1 review a day$/);
  });
});

describe('forecastChart counts', () => {
  it('keeps a space between neighbouring counts, on two rows when they are three digits wide', () => {
    const days = [458, 204, 202, 170, 143, 131, 136, 125, 123, 121, 91, 93, 78, 106];
    const lines = forecastChart({ start: 0, days }).split('\n');
    const countLines = lines.slice(-3, -1);
    const numbers = countLines.flatMap((line) => line.trim().split(/\s+/).map(Number));
    expect(numbers.sort((a, b) => a - b)).toEqual([...days].sort((a, b) => a - b));
    expect(countLines[0]!.trim().split(/\s+/).map(Number)).toEqual(days.filter((_, i) => i % 2 === 0));
    // Each count ends where its day's columns end, as on one row.
    expect(countLines[0]!.indexOf('458') + 3).toBe(5 + 3);
    expect(countLines[1]!.indexOf('204') + 3).toBe(5 + 6);
  });

  it('puts counts that fit on one row', () => {
    const lines = forecastChart({ start: 0, days: [12, 3, 0, 5, 8, 1, 1, 0, 2, 4, 6, 7, 9, 10] }).split('\n');
    expect(lines.at(-2)).toBe(`${' '.repeat(5)} 12  3  0  5  8  1  1  0  2  4  6  7  9 10`);
  });
});
