// The readiness figures as plain data, to compare two of them: what a figure can depend on, and
// nothing of how they are held (a Map, or rows read back from the file) nor of the fold's scratch.
import type { HistoryFigures } from '../../src/core/history-figures.js';
import { tickCounts, type CardRecord, type LogEntry } from '../../src/core/progress.js';

const byKey = <T>(pairs: Iterable<[string, T]>): [string, T][] => [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const record = (r: CardRecord | null) => r && { state: { ...r.state }, firstReview: r.firstReview };

/** An entry as the figures keep it: `ms` is not kept (no figure uses it), nor tick counts no figure takes in. */
function entry(e: LogEntry) {
  if (e.t === 'undo') return { t: e.t, id: e.id, key: e.key, at: e.at, restore: record(e.restore) };
  return { t: e.t, id: e.id, key: e.key, at: e.at, rating: e.rating, record: record(e.record), confidence: e.confidence, correct: e.correct, ticks: tickCounts(e.ticks) ?? undefined };
}

export function plainFigures(f: HistoryFigures): unknown {
  return JSON.parse(
    JSON.stringify({
      timeZone: f.timeZone,
      lastAt: f.lastAt,
      cutoff: f.cutoff,
      base: byKey([...f.base].map(([k, r]): [string, unknown] => [k, record(r)])),
      window: f.window.map((w) => [entry(w.entry), w.counted, w.part && { predicted: Number.isNaN(w.part.predicted) ? null : w.part.predicted, flags: w.part.flags }]),
      undone: [...f.undone].sort(),
      days: [...f.days].sort(([a], [b]) => a - b),
      retention: byKey([...f.retention].map(([k, t]): [string, unknown] => [k, [t.reviews, t.passed]])),
      sure: f.sure,
      guess: f.guess,
      ticks: f.ticks,
      decay: f.decay,
      model: f.model,
      trust: f.trust,
      hard: [...f.hard].sort(),
      good: [...f.good].sort(),
    }),
  );
}
