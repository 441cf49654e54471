import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readinessReport, reportCommand } from '../../src/commands/report.js';
import { statsCommand } from '../../src/commands/stats.js';
import { LOG_VERSION } from '../../src/core/progress.js';
import type { Rating } from '../../src/core/scheduler.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';

const MIN = 60_000;
// Local clock times: the report speaks in the user's days. Every rating is at 10:00 local, so the
// days between ratings are the same in every time zone.
const at = (day: number, hour = 10, minute = 0) => new Date(2026, 10, 20 + day, hour, minute).getTime();
const NOW = at(0, 21);

/** The fixture decks as the only built-in ones: the snapshot must not move when real decks are edited. */
function fixtureDecks(): string {
  const dir = tempDir();
  for (const name of ['mini.json', 'walk.json', 'design.json']) copyFileSync(join(REPO, 'tests/fixtures', name), join(dir, name));
  return dir;
}

function rateAll(ws: Workspace, ratings: [string, Rating, number][]): void {
  for (const [key, rating, when] of ratings) ws.rate(key, rating, when, 9000);
}

async function seeded(builtinDir: string): Promise<Workspace> {
  const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir, now: at(-10) });
  ws.settings.set({ role: 'ml-engineer', interviewDate: '2026-12-03', newPerDay: 2 });
  return ws;
}

describe('report', () => {
  it('writes a Markdown readiness report for a fixed clock', async () => {
    const ws = await seeded(fixtureDecks());
    rateAll(ws, [
      ['mini/capital', 3, at(-9)],
      ['mini/capital', 3, at(-9, 10, 10)],
      ['mini/two-plus-two', 4, at(-9)],
      ['walk/one-a', 3, at(-6)],
      ['walk/one-a', 3, at(-6, 10, 10)],
      ['walk/one-b', 4, at(-6)],
      ['mini/two-plus-two', 1, at(-2)],
      ['mini/two-plus-two', 3, at(-2, 10, 10)],
      ['mini/capital', 3, at(-1)],
    ]);
    const undone = ws.rate('walk/two-a', 1, at(0), 5000);
    ws.undo(undone.reviewId, 'walk/two-a', undone.restore, at(0, 10, 1));
    const held = ws.progress.progress.cards.get('mini/two-plus-two')!;
    ws.progress.appendEntries([
      { v: LOG_VERSION, t: 'review', id: 'calibration-1', key: 'mini/primes', rating: 3, at: at(-3), ms: 4000, record: { state: ws.scheduler().next(undefined, at(-3), 3), firstReview: at(-3) }, confidence: 'sure', correct: true },
      { v: LOG_VERSION, t: 'review', id: 'calibration-2', key: 'mini/two-plus-two', rating: 2, at: at(0), ms: 4000, record: { state: ws.scheduler().next(held.state, at(0), 2), firstReview: held.firstReview }, confidence: 'guess', correct: true },
    ]);
    ws.finishMock(
      { v: 1, key: 'mini-design/url-shortener', startedAt: at(-4), finishedAt: at(-4, 10, 10), durationMs: 10 * MIN, minutes: 10, phases: [], hintsUsed: 1, scores: [{ dimension: 'Requirements', score: 3 }, { dimension: 'Data model', score: 2 }], rating: 3, notes: '' },
      at(-4, 10, 10),
    );

    const report = readinessReport(ws, NOW);
    expect(report).not.toContain(ws.dataDir);
    expect(report).toMatchInlineSnapshot(`
      "# Interview readiness, 2026-11-20

      Role: Machine Learning Engineer.
      Interview: 2026-12-03. Recall is predicted for the interview day at noon,
      local time.

      Recall on the day is what FSRS predicts you will recall then; a card you have
      not seen counts as 0.

      ## Plan

      13 days left: 1 new + ~1 review a day

      - 2 of 7 cards still new.

      |  | value |
      | --- | ---: |
      | study days left | 13 |
      | cards to see at least once | 7 |
      | still unseen | 2 |
      | new cards a day needed | 1 |
      | your new-cards-a-day setting | 2 |
      | new cards a day in force today | 2 |
      | reviews a day (estimate, all answered Good) | ~1 |
      | cards to review ahead of the day | 0 |

      New cards are spread over the days left but the last, which is kept for
      review.

      ### Retention for the days left

      Retention for the 13 days left: 0.80 is the lightest that reaches 90% recall
      on the day, ~1.1 reviews a day, 93% (now 0.90: ~1.4 a day, 95%).

      | desired retention | reviews a day | busiest day | recall on the day |
      | ---: | ---: | ---: | ---: |
      | 0.80 (advised) | ~1.1 | 4 | 93% |
      | 0.83 | ~1.2 | 4 | 93% |
      | 0.85 | ~1.5 | 4 | 93% |
      | 0.87 | ~1.1 | 4 | 93% |
      | 0.90 (yours) | ~1.4 | 4 | 95% |
      | 0.93 | ~1.7 | 4 | 96% |
      | 0.95 | ~1.9 | 4 | 97% |
      | 0.97 | ~2.3 | 5 | 98% |

      Simulated with FSRS: each day's due cards answered, recalled as often as FSRS
      predicts, new cards as the plan brings them in.

      ## Areas

      | area | cards | seen | covered | recall | of seen | 14-day trend |
      | --- | ---: | ---: | ---: | ---: | ---: | --- |
      | culture | 3 | 2 | 67% | 52% | 77% | 0% → 52% |
      | custom | 4 | 3 | 75% | 61% | 82% | 0% → 61% |

      recall: predicted for the day over all cards, unseen ones as 0; of seen: over
      the cards seen; 14-day trend: recall as it stood 13 days ago → today.

      ## Decks

      | deck | cards | seen | covered | recall | of seen | 14-day trend |
      | --- | ---: | ---: | ---: | ---: | ---: | --- |
      | Walk | 3 | 2 | 67% | 52% | 77% | 0% → 52% |
      | Mini | 4 | 3 | 75% | 61% | 82% | 0% → 61% |

      ## Weakest topics

      | topic | deck | seen | cards | recall |
      | --- | --- | ---: | ---: | ---: |
      | Mini | Mini | 2 | 3 | 76% |
      | First Principle | Walk | 2 | 2 | 77% |
      | geo | Mini | 1 | 1 | 93% |

      Per deck:

      - Walk: First Principle 77%
      - Mini: Mini 76%, geo 93%

      ## System design

      1 of 1 prompt attempted.
      Mean rubric score 2.5 of 4 over the last 1 attempt, lowest first:

      | dimension | mean score | scores |
      | --- | ---: | ---: |
      | Data model | 2.0 | 1 |
      | Requirements | 3.0 | 1 |

      ## Culture rounds

      0 rounds finished (\`keeper-prep behavioral\`).

      ## Calibration

      | you said | answers | right | rate |
      | --- | ---: | ---: | ---: |
      | sure | 1 | 1 | 100% |
      | guess | 1 | 1 | 100% |

      ## Retention

      Reviews of cards past their learning steps, passed (Hard or better):

      | area | reviews | passed | true retention |
      | --- | ---: | ---: | ---: |
      | culture | 0 | 0 | - |
      | custom | 3 | 2 | 67% |

      ## Stories

      Stories: 0 stories; no story yet for Selflessness, Judgment, Candor,
      Creativity, Courage, Inclusion, Curiosity, Resilience.

      ## How far to trust these figures

      Predictions use FSRS's default parameters; a fit to your own (Settings > FSRS
      parameters, or keeper-prep optimize) needs 400 reviews a day or more apart
      (you have 3).

      Past predictions against the share you recalled (Hard or better):

      | predicted | mean predicted | recalled | reviews |
      | --- | ---: | ---: | ---: |
      | 80-90% | 81% | 100% | 1 |
      | 90-100% | 92% | 50% | 2 |

      Over 3 reviews a day or more after the one before, predicted 88% and recalled
      67%; the bins are off by 35.8 points (RMSE).

      Health check:

      - 3 reviews a day or more after the one before; a fit needs 400. Keep
        reviewing daily: 397 more such reviews and your own parameters can be
        fitted.

      ## What to do tonight

      - Review the 2 cards due today first.
      - Learn the 1 new card waiting today (2 still unseen).
      - Go over Mini (2 cards, 76% predicted on the day).
      - Go over Walk: First Principle (2 cards, 77% predicted on the day).
      - Run a design mock and watch Data model (your lowest score, 2.0 of 4).
      "
    `);
    ws.close();
  });

  it('writes the file whole with --out, and says so', async () => {
    const ws = await seeded(fixtureDecks());
    const dir = tempDir();
    const file = join(dir, 'ready.md');
    expect(reportCommand(ws, NOW, file)).toBe(`Wrote the readiness report to ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(readinessReport(ws, NOW));
    expect(readdirSync(dir)).toEqual(['ready.md']);
    expect(() => reportCommand(ws, NOW, join(dir, 'missing', 'ready.md'))).toThrow(/could not write the report to .*ready\.md: its folder does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    ws.close();
  });

  it('covers the role\'s built-in decks, and says how to set a date when there is none', async () => {
    const ws = await seeded(BUILTIN_DECKS);
    ws.settings.set({ interviewDate: null });
    rateAll(ws, [['culture/' + ws.studyDecks().find((d) => d.id === 'culture')!.cards[0]!.id, 3, at(-1)]]);
    const report = readinessReport(ws, NOW);
    expect(report).toContain('Interview date: not set, so recall is predicted for today.');
    expect(report).toContain('set one with --interview YYYY-MM-DD or in Settings');
    for (const title of ['Netflix Culture', 'ML Fundamentals', 'A/B Testing']) expect(report).toMatch(new RegExp(`^\\| ${title.replace('/', '\\/')} \\| \\d+ \\|`, 'm'));
    expect(report).not.toMatch(/^\| SQL \|/m);
    ws.close();
  });
});

describe('stats readiness', () => {
  it('carries every readiness figure under --json, and draws them in under 80 columns without colour', async () => {
    const ws = await seeded(BUILTIN_DECKS);
    const culture = ws.studyDecks().find((d) => d.id === 'culture')!;
    rateAll(ws, culture.cards.slice(0, 4).map((c, i): [string, Rating, number] => [`culture/${c.id}`, (i % 2 ? 3 : 1) as Rating, at(-i)]));
    const json = JSON.parse(statsCommand(ws, NOW, true)) as { readiness: Record<string, unknown> & { plan: { daysLeft: number }; decks: { deckId: string; trend: number[]; weakest: unknown[] }[]; heatmap: { days: number[] }; forecast: { days: number[] } } };
    const r = json.readiness;
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['interviewDate', 'planLine', 'predictedFor', 'overall', 'areas', 'decks', 'design', 'calibration', 'heatmap', 'forecast', 'retention', 'plan', 'trendDays']));
    expect(r).toMatchObject({ interviewDate: '2026-12-03', predictedFor: 'interview', planLine: expect.stringMatching(/^13 days left: \d+ new \+ ~\d+ reviews? a day$/) });
    expect(r.plan.daysLeft).toBe(13);
    expect(r.decks.map((d) => d.deckId)).toContain('ml-fundamentals');
    expect(r.decks[0]!.trend).toHaveLength(14);
    expect(r.heatmap.days).toHaveLength(112);
    expect(r.forecast.days).toHaveLength(14);

    const text = statsCommand(ws, NOW, false);
    expect(text).toContain('Readiness, predicted for the interview on 2026-12-03:');
    expect(text).toMatch(/^13 days left: \d+ new \+ ~\d+ reviews? a day$/m);
    expect(text).toMatch(/^Mon [ ·░▒▓█]+$/m);
    expect(text).toContain('Cards due, next 14 days:');
    expect(text).not.toMatch(/\u001b/);
    const long = text.split('\n').filter((line) => [...line].length > 80);
    expect(long).toEqual([]);
    ws.close();
  });
});
