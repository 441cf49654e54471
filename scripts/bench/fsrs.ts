// The bench's "FSRS fitted to you" figures, one process per step (scripts/bench.mjs bundles this):
// `write` makes a simulated learner's data directory (tests/helpers/simulated-learner.ts), and
// `fit` does what `keeper-prep optimize` does with one, in a fresh process: read the log, build the
// training items, run the health check, fit through store/fsrs-optimizer, and say how long the fit
// took and the memory the process needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLogLine, type LogEntry } from '../../src/core/progress.js';
import { healthCheck, reviewHistories, trainingItems, type TrainingItem } from '../../src/core/review-history.js';
import { fitParameters } from '../../src/store/fsrs-optimizer.js';
import { LOG_FILE } from '../../src/store/progress-store.js';
import { LEARNERS, writeLearnerDir } from '../../tests/helpers/simulated-learner.js';

/**
 * How many test items fsrs-rs's evaluate scores: it first drops "outliers" (its filter_outlier,
 * reproduced here from fsrs-rs 6.x dataset.rs), judged from the items given it alone. Of the items
 * with one review a day or more after the first, each first rating's smallest groups by days
 * (together under 20 items, or 5%) go, and with them every item whose first such review falls in
 * a group gone. On a held-out window that holds few cards' first days, that can be most of it.
 */
export function judgedItems(items: readonly TrainingItem[]): number {
  const longTerm = (item: TrainingItem) => item.filter((r) => r.deltaT > 0).length;
  const groups = new Map<number, Map<number, number>>();
  for (const item of items) {
    if (longTerm(item) !== 1) continue;
    const byDays = groups.get(item[0]!.rating) ?? new Map<number, number>();
    groups.set(item[0]!.rating, byDays);
    const days = item[item.length - 1]!.deltaT;
    byDays.set(days, (byDays.get(days) ?? 0) + 1);
  }
  const removed = new Set<string>();
  let kept = 0;
  for (const [rating, byDays] of groups) {
    const smallestFirst = [...byDays.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const total = smallestFirst.reduce((n, [, count]) => n + count, 0);
    let gone = 0;
    for (const [days, count] of smallestFirst) {
      if (gone + count >= Math.max(20, Math.floor(total / 20))) {
        if (count >= 6 && days <= (rating === 4 ? 365 : 100)) kept += count;
        else removed.add(`${rating}/${days}`);
      } else {
        gone += count;
        removed.add(`${rating}/${days}`);
      }
    }
  }
  for (const item of items) if (longTerm(item) !== 1 && !removed.has(`${item[0]!.rating}/${item.find((r) => r.deltaT > 0)!.deltaT}`)) kept++;
  return kept;
}

async function fit(dir: string) {
  const started = performance.now();
  const entries: LogEntry[] = [];
  for (const line of readFileSync(join(dir, LOG_FILE), 'utf8').split('\n')) {
    const entry = line ? parseLogLine(line) : null;
    if (entry) entries.push(entry);
  }
  const histories = reviewHistories(entries);
  const { train, test } = trainingItems(histories);
  const health = healthCheck(histories);
  const prepared = performance.now() - started;
  const rssBefore = process.memoryUsage().rss;
  const fitStarted = performance.now();
  const result = await fitParameters(train, test);
  const fitMs = performance.now() - fitStarted;
  return {
    reviews: entries.filter((e) => e.t === 'review').length - entries.filter((e) => e.t === 'undo').length,
    train: train.length,
    test: test.length,
    judged: judgedItems(test),
    prepareMs: prepared,
    fitMs,
    rssBeforeFitMb: rssBefore / 1048576,
    peakMb: process.resourceUsage().maxRSS / 1024,
    result: result.ok ? { ok: true, default: result.default, fitted: result.fitted } : result,
    health: health.map((f) => ({ kind: f.kind, found: f.found })),
  };
}

async function main() {
  const [command, dir, name, reviews] = process.argv.slice(2);
  if (command === 'write') {
    const learner = LEARNERS.find((l) => l.name === name);
    if (!learner) throw new Error(`no learner ${name}`);
    // Bigger histories bring more new cards a day, as a longer, busier preparation would.
    const newPerDay = Math.max(learner.newPerDay, Math.round(Number(reviews) / 1000));
    const log = writeLearnerDir(dir!, { ...learner, newPerDay }, Number(reviews));
    process.stdout.write(JSON.stringify({ cards: log.cards, days: log.days, misusedHard: log.misusedHard }));
    return;
  }
  if (command === 'fit') {
    process.stdout.write(JSON.stringify(await fit(dir!)));
    return;
  }
  if (command === 'learners') {
    process.stdout.write(JSON.stringify(LEARNERS.map((l) => ({ name: l.name, about: l.about }))));
    return;
  }
  throw new Error(`unknown command ${command}`);
}

if (process.argv[1]?.endsWith('fsrs.mjs')) await main();
