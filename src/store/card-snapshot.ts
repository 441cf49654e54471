// The card snapshot's formats: card-states.bin (version 4, written), the keys as JSON and each record's
// ten numbers in one block of doubles (store/binary-file, core/record-rows), so a start at 10,000
// cards reads a view over the bytes instead of parsing a megabyte of text into an array per card;
// and cards.json (versions 1 and 2, JSON), read only while there is no card-states.bin.
import { decodeBinaryFile, encodeBinaryFile, logPlaceOf } from './binary-file.js';
import { crypto } from './lazy-builtins.js';
import { isWholeCount } from '../core/progress-checks.js';
import { isCardRecord, type CardRecord } from '../core/progress.js';
import { putRecord, RECORD_NUMBERS, recordAt, rowRecord } from '../core/record-rows.js';

// A name of its own from version 4 on: the release before reads cards.bin, and would take this
// version's file for a damaged one of its own (and set it aside, with a notice) at every switch back.
export const SNAPSHOT_FILE = 'card-states.bin';
/** Where version 3 (sha1 at the end) kept it: rebuilt from the log once, silently, and removed. */
export const FORMER_SNAPSHOT_FILE = 'cards.bin';
/** Where versions 1 and 2 kept the snapshot, as JSON: read while there is no card-states.bin, removed once it is written. */
export const OLD_SNAPSHOT_FILE = 'cards.json';
const MAGIC = 'KP-CARDS';
// 3: sha1 at the end; 4: CRC-32 (store/checksum).
const VERSION = 4;

export interface Snapshot {
  /** Bytes of the log folded into the records. */
  logOffset: number;
  reviews: number;
  /** The cards in file order (a key twice in an old file stays twice): parallel lists, no pair made per card. */
  keys: string[];
  records: CardRecord[];
  /**
   * Hash of the log's last bytes before logOffset, so a log changed under the snapshot (cut,
   * emptied, bytes inserted, another log restored) is noticed instead of its offset being trusted.
   * Bytes inserted anywhere before the offset shift these. Absent in older snapshots.
   */
  tail?: string;
  /**
   * The parameters the records were worked out with (core/fsrs-params parametersTag), when they were
   * replayed through a scheduler; absent when they are the log's own records, as each rating left them.
   */
  params?: string;
}

export function encodeSnapshot(logOffset: number, tail: string, reviews: number, cards: ReadonlyMap<string, CardRecord>, params: string | null = null): Buffer {
  const keys: string[] = [];
  const numbers = new Float64Array(cards.size * RECORD_NUMBERS);
  let at = 0;
  for (const [key, record] of cards) {
    keys.push(key);
    putRecord(numbers, at, record);
    at += RECORD_NUMBERS;
  }
  return encodeBinaryFile(MAGIC, VERSION, { logOffset, tail, reviews, keys, ...(params === null ? {} : { params }) }, numbers);
}

/**
 * Whether the bytes are a whole cards.bin as version 3 wrote it (its sha1 at the end checks out):
 * rebuilt from the log after an upgrade, as a cache is, with nothing to report. Anything else in
 * its place is damage.
 */
export function isFormerVersion(bytes: Buffer): boolean {
  if (bytes.length < 44 || bytes.toString('latin1', 0, 8) !== MAGIC || bytes.readUInt32LE(8) !== 3) return false;
  return crypto().createHash('sha1').update(bytes.subarray(0, bytes.length - 20)).digest().equals(bytes.subarray(bytes.length - 20));
}

/** What encodeSnapshot wrote, or null for anything else: another version, damage, a file cut short. */
export function decodeSnapshot(bytes: Buffer): Snapshot | null {
  const file = decodeBinaryFile(bytes, MAGIC, VERSION);
  const place = file && logPlaceOf(file.text);
  if (!place) return null;
  const { reviews, keys, params } = file.text as { reviews?: unknown; keys?: unknown; params?: unknown };
  const n = file.numbers;
  if (!isWholeCount(reviews) || !Array.isArray(keys) || n.length !== keys.length * RECORD_NUMBERS) return null;
  if (params !== undefined && typeof params !== 'string') return null;
  const records: CardRecord[] = [];
  for (let i = 0, at = 0; i < keys.length; i++, at += RECORD_NUMBERS) {
    const record = recordAt(n, at);
    if (typeof keys[i] !== 'string' || !record) return null;
    records.push(record);
  }
  return { logOffset: place.logOffset, tail: place.tail, reviews, keys: keys as string[], records, ...(params === undefined ? {} : { params }) };
}

/** A cards.json of version 1 (an object of records) or 2 ([key, record row] pairs), or null for anything else. */
export function decodeOldSnapshot(text: string): Snapshot | null {
  const value = JSON.parse(text) as unknown;
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  // Checked as the new file's are: a negative or fractional offset would be read as a place in the log.
  if (!isWholeCount(s.logOffset) || !isWholeCount(s.reviews) || !s.cards || typeof s.cards !== 'object') return null;
  if (s.tail !== undefined && typeof s.tail !== 'string') return null;
  const keys: string[] = [];
  const records: CardRecord[] = [];
  if (s.version === 1 && !Array.isArray(s.cards)) {
    for (const [key, record] of Object.entries(s.cards as Record<string, unknown>)) {
      if (!isCardRecord(record)) return null;
      keys.push(key);
      records.push(record);
    }
  } else if (s.version === 2 && Array.isArray(s.cards)) {
    for (const pair of s.cards as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') return null;
      const record = rowRecord(pair[1]);
      if (!record) return null;
      keys.push(pair[0]);
      records.push(record);
    }
  } else {
    return null;
  }
  return { logOffset: s.logOffset, reviews: s.reviews, keys, records, ...(typeof s.tail === 'string' ? { tail: s.tail } : {}) };
}
