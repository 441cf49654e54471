// The retention advice of the day (core/retention-sim), kept in the data directory so `stats --json`
// and the Readiness screen do not simulate again at every start. Keyed by everything the simulation
// reads (the day, the parameters, the interview, the plan's decks and new cards, a digest of the
// seen cards' states): any review, setting or deck change makes a new key, and a new computation.
// Within a day and a key, the figure is the one first worked out that day. Only a cache: a file
// missing, damaged, of another version or another key is worked out again and replaced, silently.
import { join } from 'node:path';
import type { RetentionAdvice, RetentionRow } from '../core/retention-sim.js';
import { readRegular } from './read-regular.js';
import { writeFileWhole } from './safe-write.js';

export const RETENTION_ADVICE_FILE = 'retention-advice.json';
const VERSION = 1;
/** A real file is under 2 KB; anything far bigger is not ours. */
const MAX_BYTES = 64 * 1024;
const MAX_ROWS = 32;

const isNumberIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function rowOf(value: unknown): RetentionRow | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { retention, reviewsPerDay, peakReviewsPerDay, recallOnDay } = value as Record<string, unknown>;
  if (!isNumberIn(retention, 0, 1) || !isNumberIn(reviewsPerDay, 0, 1e9) || !isNumberIn(peakReviewsPerDay, 0, 1e9) || !isNumberIn(recallOnDay, 0, 1)) return null;
  return { retention, reviewsPerDay, peakReviewsPerDay, recallOnDay };
}

/** The advice in a cache file's text when it is whole, of this version and for `key`; else null. Never throws. */
export function parseRetentionAdvice(text: string, key: string): RetentionAdvice | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const file = value as Record<string, unknown>;
  if (file.version !== VERSION || file.key !== key) return null;
  const advice = file.advice;
  if (!advice || typeof advice !== 'object' || Array.isArray(advice)) return null;
  const { recommended, target, reached, daysLeft, cards, simulated, rows } = advice as Record<string, unknown>;
  if (!isNumberIn(recommended, 0, 1) || !isNumberIn(target, 0, 1) || typeof reached !== 'boolean' || !isCount(daysLeft) || daysLeft < 1 || !isCount(cards) || !isCount(simulated)) return null;
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_ROWS) return null;
  const kept: RetentionRow[] = [];
  for (const raw of rows) {
    const row = rowOf(raw);
    if (!row) return null;
    kept.push(row);
  }
  if (!kept.some((r) => r.retention === recommended)) return null;
  return { recommended, target, reached, daysLeft, cards, simulated, rows: kept };
}

export function readRetentionAdvice(dataDir: string, key: string): RetentionAdvice | null {
  const read = readRegular(join(dataDir, RETENTION_ADVICE_FILE), MAX_BYTES);
  return read.ok ? parseRetentionAdvice(read.bytes.toString('utf8'), key) : null;
}

export function writeRetentionAdvice(dataDir: string, key: string, advice: RetentionAdvice): void {
  try {
    writeFileWhole(join(dataDir, RETENTION_ADVICE_FILE), `${JSON.stringify({ version: VERSION, key, advice })}\n`, { what: 'the retention advice cache', inDataDir: true });
  } catch {
    // Only a shortcut: a disk that refuses it costs one simulation next time.
  }
}

/** The cached advice for `key`, else `compute()`'s (kept for next time); null advice is not kept, it costs nothing to find again. */
export function cachedRetentionAdvice(dataDir: string, key: string, compute: () => RetentionAdvice | null): RetentionAdvice | null {
  const hit = readRetentionAdvice(dataDir, key);
  if (hit) return hit;
  const advice = compute();
  if (advice) writeRetentionAdvice(dataDir, key, advice);
  return advice;
}
