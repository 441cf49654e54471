// The card snapshot as the versions before cards.bin wrote it, made from a data directory's
// cards.bin: cards.json of version 1 (records as an object) or 2 ([key, record row] pairs), with
// the same offset, review count and tail hash.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSnapshot, OLD_SNAPSHOT_FILE, SNAPSHOT_FILE } from '../../src/store/card-snapshot.js';
import { PHASES } from '../../src/core/record-rows.js';
import type { CardRecord } from '../../src/core/progress.js';

const row = ({ state: s, firstReview }: CardRecord) => [s.due, s.stability, s.difficulty, s.scheduledDays, s.learningSteps, s.reps, s.lapses, PHASES.indexOf(s.phase), s.lastReview, firstReview];

/** Replaces card-states.bin with the cards.json `version` wrote, holding `extra` cards too; returns that file's text. */
export function writeOldSnapshot(dir: string, version: 1 | 2, extra: [string, CardRecord][] = []): string {
  const snapshot = decodeSnapshot(readFileSync(join(dir, SNAPSHOT_FILE)))!;
  const pairs = [...snapshot.keys.map((key, i) => [key, snapshot.records[i]!] as const), ...extra];
  const cards = version === 1 ? Object.fromEntries(pairs) : pairs.map(([key, record]) => [key, row(record)]);
  const text = JSON.stringify({ version, logOffset: snapshot.logOffset, reviews: snapshot.reviews, cards, tail: snapshot.tail });
  writeFileSync(join(dir, OLD_SNAPSHOT_FILE), text);
  rmSync(join(dir, SNAPSHOT_FILE));
  return text;
}
