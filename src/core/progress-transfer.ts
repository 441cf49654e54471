// Moving progress between machines: the export file, reading one back with every problem told in
// one line a person can act on, and planning a merge that never counts a review twice. No disk and
// no clock here: src/commands/progress-transfer.ts does the reading and writing.
import { FORBIDDEN_KEYS, jsonSyntaxErrors } from './json-position.js';
// A type only: nothing of the store is loaded at run time.
import type { Attempt } from '../store/attempts.js';
import { isCardRecord, LOG_VERSION, parseLogLine, type CardRecord, type LogEntry, type ReviewEntry } from './progress.js';
import { isRating, type MemoryState } from './scheduler.js';

export const PROGRESS_FORMAT = 'keeper-prep-progress';
export const PROGRESS_VERSION = 1;
/** Far beyond years of daily reviews (a review is about 350 bytes), and small enough to read at once. */
export const PROGRESS_FILE_LIMIT = 50 * 1024 * 1024;

export interface ProgressExport {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: number;
  /** The reviews that count, in log order: undone ones are left out. */
  reviews: ReviewEntry[];
  /** Finished design mocks. */
  attempts: Attempt[];
}

export type ParsedProgress = { ok: true; data: ProgressExport } | { ok: false; error: string };

/** Reviews not taken back by an undo, in log order. */
export function effectiveReviews(entries: readonly LogEntry[]): ReviewEntry[] {
  const undone = new Set(entries.filter((e) => e.t === 'undo').map((e) => e.id));
  return entries.filter((e): e is ReviewEntry => e.t === 'review' && !undone.has(e.id));
}

export function buildExport(entries: readonly LogEntry[], attempts: readonly Attempt[], now: number): ProgressExport {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: now, reviews: effectiveReviews(entries), attempts: [...attempts] };
}

/**
 * The file's text: plain JSON, one review or attempt per line, so a syntax error's line number
 * points at the entry and the file diffs and greps like the log it came from.
 */
export function formatExport(data: ProgressExport): string {
  const list = (items: readonly unknown[]): string => (items.length ? `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]` : '[]');
  const head = `"format":${JSON.stringify(data.format)},"version":${data.version},"exportedAt":${data.exportedAt}`;
  return `{${head},\n"reviews":${list(data.reviews)},\n"attempts":${list(data.attempts)}}\n`;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A millisecond time that Date can hold: anything else breaks date display and scheduling. */
function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}


/**
 * Where and why JSON.parse failed. Node 20's own message quotes the text around the error, line
 * breaks included, so it is not shown as is: jsonc-parser (strict settings) finds the spot instead.
 */
function syntaxProblem(text: string, error: unknown): string {
  if (!text.trim()) return 'the file is empty';
  const first = jsonSyntaxErrors(text)[0];
  if (!first) return `not valid JSON (${String(error instanceof Error ? error.message : error).split('\n')[0]})`;
  if (first.offset + first.length >= text.trimEnd().length) return 'not valid JSON: it ends too early (was the file cut short?)';
  return `not valid JSON: ${first.message} at line ${first.line}, column ${first.column}`;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/**
 * Keys that could reach an object's prototype if anything later merged this data, and numbers too
 * large for JSON to write back (1e999 parses as Infinity, which would be stored as null). Walked
 * with a list rather than recursion, so a deeply nested file cannot overflow the stack.
 */
function unsafeSpot(root: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  const visit = (value: unknown, path: string): string | null => {
    if (typeof value === 'number' && !Number.isFinite(value)) return `a number too large to store (at ${path})`;
    if (value && typeof value === 'object') pending.push({ value, path });
    return null;
  };
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = visit(value[i], childPath(path, i));
        if (problem) return problem;
      }
    } else {
      // Own keys: JSON.parse makes "__proto__" an own property rather than setting the prototype.
      for (const key of Object.keys(value as JsonObject)) {
        if (FORBIDDEN_KEYS.has(key)) return `the key "${key}" is not allowed (in ${path || 'the top level'})`;
        const problem = visit((value as JsonObject)[key], childPath(path, key));
        if (problem) return problem;
      }
    }
  }
  return null;
}

function recordProblem(value: unknown): string | null {
  if (!isCardRecord(value)) return '"record" is not a card record';
  const { state } = value;
  if (!isTime(value.firstReview) || !isTime(state.due) || (state.lastReview !== null && !isTime(state.lastReview))) return '"record" has a time out of range';
  return null;
}

function reviewProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (value.v !== LOG_VERSION) return `"v" should be ${LOG_VERSION}`;
  if (value.t !== 'review') return '"t" should be "review"';
  if (typeof value.id !== 'string' || !value.id) return '"id" is missing';
  if (typeof value.key !== 'string' || !value.key) return '"key" is missing';
  if (!isRating(value.rating)) return '"rating" should be 1, 2, 3 or 4';
  if (!isTime(value.at)) return '"at" is not a time';
  if (!isCount(value.ms)) return '"ms" should be a number of milliseconds';
  const record = recordProblem(value.record);
  if (record) return record;
  // The log's own reader has the last word: whatever is appended must read back from the log.
  const entry = parseLogLine(JSON.stringify(value));
  return entry && entry.t === 'review' ? null : 'not a review this version can store';
}

function attemptProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (value.v !== 1) return '"v" should be 1';
  if (typeof value.key !== 'string' || !value.key) return '"key" is missing';
  if (!isTime(value.startedAt)) return '"startedAt" is not a time';
  if (!isTime(value.finishedAt)) return '"finishedAt" is not a time';
  if (!isCount(value.durationMs)) return '"durationMs" should be a number of milliseconds';
  if (!isCount(value.minutes)) return '"minutes" should be a number';
  if (!Array.isArray(value.phases) || !value.phases.every((p) => isObject(p) && typeof p.name === 'string' && isCount(p.ms))) return '"phases" should be a list of { name, ms }';
  if (!isCount(value.hintsUsed)) return '"hintsUsed" should be a number';
  if (!Array.isArray(value.scores) || !value.scores.every((s) => isObject(s) && typeof s.dimension === 'string' && typeof s.score === 'number')) return '"scores" should be a list of { dimension, score }';
  if (!isRating(value.rating)) return '"rating" should be 1, 2, 3 or 4';
  if (typeof value.notes !== 'string') return '"notes" should be text';
  return null;
}

// Only known fields go on to disk: whatever else a file carries is not ours to keep in the log.
function cleanRecord(record: CardRecord): CardRecord {
  const s: MemoryState = record.state;
  const state: MemoryState = { due: s.due, stability: s.stability, difficulty: s.difficulty, scheduledDays: s.scheduledDays, learningSteps: s.learningSteps, reps: s.reps, lapses: s.lapses, phase: s.phase, lastReview: s.lastReview };
  return { state, firstReview: record.firstReview };
}

function cleanReview(e: ReviewEntry): ReviewEntry {
  return {
    v: LOG_VERSION,
    t: 'review',
    id: e.id,
    key: e.key,
    rating: e.rating,
    at: e.at,
    ms: e.ms,
    record: cleanRecord(e.record),
    // Calibration figures read these; anything but the two known values is dropped.
    ...(e.confidence === 'sure' || e.confidence === 'guess' ? { confidence: e.confidence } : {}),
    ...(typeof e.correct === 'boolean' ? { correct: e.correct } : {}),
  };
}

function cleanAttempt(a: Attempt): Attempt {
  return {
    v: 1,
    key: a.key,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    durationMs: a.durationMs,
    minutes: a.minutes,
    phases: a.phases.map((p) => ({ name: p.name, ms: p.ms })),
    hintsUsed: a.hintsUsed,
    scores: a.scores.map((s) => ({ dimension: s.dimension, score: s.score })),
    rating: a.rating,
    notes: a.notes,
  };
}

/** An export file's text, checked in full: the data to merge, or the first problem as one line. */
export function parseProgressFile(text: string): ParsedProgress {
  const fail = (error: string): ParsedProgress => ({ ok: false, error });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(syntaxProblem(text, error));
  }
  if (!isObject(value) || value.format !== PROGRESS_FORMAT) return fail(`not a keeper-prep progress file (no "format": "${PROGRESS_FORMAT}")`);
  const { version } = value;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
    return fail(`written by a newer keeper-prep (progress format ${version}; this version reads ${PROGRESS_VERSION}); update keeper-prep to import it`);
  }
  if (version !== PROGRESS_VERSION) return fail(`no readable format version ("version" should be ${PROGRESS_VERSION})`);
  const unsafe = unsafeSpot(value);
  if (unsafe) return fail(unsafe);
  if (!isTime(value.exportedAt)) return fail('"exportedAt" is missing or not a time');
  if (!Array.isArray(value.reviews)) return fail('"reviews" is missing or not a list');
  if (!Array.isArray(value.attempts)) return fail('"attempts" is missing or not a list');
  const reviews: ReviewEntry[] = [];
  for (const [i, item] of value.reviews.entries()) {
    const problem = reviewProblem(item);
    if (problem) return fail(`reviews[${i}] is not a valid review (${problem})`);
    reviews.push(cleanReview(item as ReviewEntry));
  }
  const attempts: Attempt[] = [];
  for (const [i, item] of value.attempts.entries()) {
    const problem = attemptProblem(item);
    if (problem) return fail(`attempts[${i}] is not a valid design attempt (${problem})`);
    attempts.push(cleanAttempt(item as Attempt));
  }
  return { ok: true, data: { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: value.exportedAt, reviews, attempts } };
}

/** What makes two attempt lines the same attempt: one prompt, started and finished at the same moments. */
export function attemptIdentity(attempt: Pick<Attempt, 'key' | 'startedAt' | 'finishedAt'>): string {
  return JSON.stringify([attempt.key, attempt.startedAt, attempt.finishedAt]);
}

export interface KnownProgress {
  /** Ids of every review in the local log, undone ones included. */
  reviewIds: ReadonlySet<string>;
  attemptIds: ReadonlySet<string>;
}

/**
 * Undone reviews stay known: a file exported elsewhere before the undo still holds them, and
 * importing it must not bring back a rating the user took back.
 */
export function knownProgress(entries: readonly LogEntry[], attempts: readonly Attempt[]): KnownProgress {
  return { reviewIds: new Set(entries.map((e) => e.id)), attemptIds: new Set(attempts.map(attemptIdentity)) };
}

export interface MergePlan {
  reviews: ReviewEntry[];
  attempts: Attempt[];
  /** Already here, or repeated within the file. */
  skippedReviews: number;
  skippedAttempts: number;
}

export function planMerge(known: KnownProgress, incoming: Pick<ProgressExport, 'reviews' | 'attempts'>): MergePlan {
  const reviewIds = new Set(known.reviewIds);
  const reviews: ReviewEntry[] = [];
  for (const review of incoming.reviews) {
    if (reviewIds.has(review.id)) continue;
    reviewIds.add(review.id);
    reviews.push(review);
  }
  const attemptIds = new Set(known.attemptIds);
  const attempts: Attempt[] = [];
  for (const attempt of incoming.attempts) {
    const identity = attemptIdentity(attempt);
    if (attemptIds.has(identity)) continue;
    attemptIds.add(identity);
    attempts.push(attempt);
  }
  return { reviews, attempts, skippedReviews: incoming.reviews.length - reviews.length, skippedAttempts: incoming.attempts.length - attempts.length };
}

function sameState(a: MemoryState, b: MemoryState): boolean {
  return (
    a.due === b.due &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.phase === b.phase &&
    a.lastReview === b.lastReview
  );
}

/** Cards whose memory state differs between two foldings: new here, or replaced by a newer state. */
export function changedCards(before: ReadonlyMap<string, CardRecord>, after: ReadonlyMap<string, CardRecord>): { added: number; replaced: number } {
  let added = 0;
  let replaced = 0;
  for (const [key, record] of after) {
    const old = before.get(key);
    if (!old) added++;
    else if (!sameState(old.state, record.state)) replaced++;
  }
  return { added, replaced };
}
