// Precision and recall of the feedback matcher on a labelled set of answers
// (tests/fixtures/feedback-*.json: [{ key: "deck/card", answer, covered: [bool per key point] }]),
// against the built-in decks' key points, weighed by the whole deck's key points as the
// `feedback` command does. Shared by `npm run bench` and the benchmark test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchKeyPoints } from '../../src/core/feedback.js';

export interface Labelled {
  key: string;
  answer: string;
  covered: boolean[];
}

export interface Score {
  answers: number;
  points: number;
  /** Entries whose card is gone or whose labels no longer line up with its key points. */
  skipped: string[];
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Each wrong call, to read (never to tune on the blind set). */
  misses: { key: string; point: string; expected: boolean; evidence: string | null }[];
}

type RawCard = { id: string; keyPoints?: string[] };

function deckPoints(decksDir: string): Map<string, { points: string[]; corpus: string[] }> {
  const cards = new Map<string, { points: string[]; corpus: string[] }>();
  for (const name of readdirSync(decksDir).filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))) {
    const deck = JSON.parse(readFileSync(join(decksDir, name), 'utf8')) as { id: string; cards: RawCard[] };
    const corpus = deck.cards.flatMap((c) => c.keyPoints ?? []);
    for (const card of deck.cards) if (card.keyPoints?.length) cards.set(`${deck.id}/${card.id}`, { points: card.keyPoints, corpus });
  }
  return cards;
}

export function scoreSet(set: readonly Labelled[], decksDir: string): Score {
  const cards = deckPoints(decksDir);
  const score: Score = { answers: 0, points: 0, skipped: [], tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, misses: [] };
  for (const entry of set) {
    const card = cards.get(entry.key);
    if (!card || card.points.length !== entry.covered.length) {
      score.skipped.push(entry.key);
      continue;
    }
    score.answers += 1;
    matchKeyPoints(entry.answer, card.points, { corpus: card.corpus }).forEach((found, i) => {
      const expected = entry.covered[i]!;
      score.points += 1;
      if (found.covered && expected) score.tp += 1;
      else if (found.covered) score.fp += 1;
      else if (expected) score.fn += 1;
      else score.tn += 1;
      if (found.covered !== expected) score.misses.push({ key: entry.key, point: found.text, expected, evidence: found.evidence });
    });
  }
  score.precision = score.tp + score.fp === 0 ? 1 : score.tp / (score.tp + score.fp);
  score.recall = score.tp + score.fn === 0 ? 1 : score.tp / (score.tp + score.fn);
  return score;
}

export function scoreFile(file: string, decksDir: string): Score {
  return scoreSet(JSON.parse(readFileSync(file, 'utf8')) as Labelled[], decksDir);
}
