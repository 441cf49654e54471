// The matcher's precision and recall on the labelled answers must not drop below what it reached
// (rounded down). The blind set (feedback-answers.json) was written by someone who had not seen
// the matcher; the dev set (feedback-dev.json) is the one it was tuned on. `npm run bench`
// prints the same figures.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreFile } from '../../scripts/bench/feedback-score.js';
import { BUILTIN_DECKS, REPO } from '../helpers/temp.js';

const SETS = [
  // Measured three times, never tuned on: 0.921 / 0.217 as it landed; 0.889 / 0.298 after
  // dev-set changes with a lower threshold (0.4); 0.950 / 0.236 with the threshold back at 0.5.
  // Recall is far below the target of 0.7: see the report on issue 16.
  { name: 'blind set', file: 'tests/fixtures/feedback-answers.json', precision: 0.95, recall: 0.23, answers: 65 },
  { name: 'dev set', file: 'tests/fixtures/feedback-dev.json', precision: 0.96, recall: 0.54, answers: 44 },
  // Two more sets written blind on 2026-12-06, by two writers in different candidates' voices, to
  // see whether recall could be raised without losing precision (it could not: see issue 16's note).
  // Measured as they landed: 0.944 / 0.150 and 0.950 / 0.164.
  { name: 'blind set 2', file: 'tests/fixtures/feedback-dev2.json', precision: 0.94, recall: 0.15, answers: 45 },
  { name: 'blind set 3', file: 'tests/fixtures/feedback-dev3.json', precision: 0.95, recall: 0.16, answers: 45 },
];

describe('feedback matcher benchmark', () => {
  for (const set of SETS) {
    it(`${set.name}: precision >= ${set.precision}, recall >= ${set.recall}`, () => {
      const path = join(REPO, set.file);
      expect(existsSync(path)).toBe(true);
      const score = scoreFile(path, BUILTIN_DECKS);
      expect(score.skipped).toEqual([]);
      expect(score.answers).toBe(set.answers);
      expect(score.precision).toBeGreaterThanOrEqual(set.precision);
      expect(score.recall).toBeGreaterThanOrEqual(set.recall);
    });
  }
});
