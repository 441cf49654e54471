// The retention chart's rows: never wider than asked, the advised row and the user's setting
// marked in text (they read without colour), the bar longest for the heaviest load.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RetentionAdviceFigures } from '../../src/commands/retention-input.js';
import { adviceRowText } from '../../src/ui/components/RetentionAdvice.js';

const advice = (perDay: readonly number[]): RetentionAdviceFigures => ({
  recommended: 0.85,
  target: 0.9,
  reached: true,
  daysLeft: 20,
  cards: 500,
  simulated: 400,
  interviewDate: '2026-12-20',
  current: 0.9,
  rows: [0.8, 0.83, 0.85, 0.87, 0.9, 0.93, 0.95, 0.97].map((retention, i) => ({ retention, reviewsPerDay: perDay[i] ?? 0, peakReviewsPerDay: Math.ceil((perDay[i] ?? 0) * 2), recallOnDay: 0.85 + i * 0.015 })),
});

describe('retention advice rows', () => {
  it('fit the width, mark the advised row and yours, and draw the heaviest load longest', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 30, max: 200 }), (perDay, width) => {
        const a = advice(perDay);
        const lines = a.rows.map((row) => adviceRowText(row, a, width));
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
        expect(lines[2]).toMatch(/^▶ 0\.85 /);
        expect(lines[4]).toMatch(/^ {2}0\.90 .* yours$/);
        const bars = lines.map((l) => (l.match(/[█▏▎▍▌▋▊▉]+/)?.[0] ?? '').length);
        const heaviest = perDay.indexOf(Math.max(...perDay));
        expect(bars[heaviest]).toBe(Math.max(...bars));
      }),
    );
  });
});
