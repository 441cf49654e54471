// What each entry of a progress file must be before it is stored, and only its known fields kept.
// A progress file is someone else's text: every string is checked for control characters and
// bidi overrides here, so nothing imported can later reach the terminal through stats or report.
import { FORBIDDEN_KEYS } from './json-position.js';
import type { Attempt } from '../store/attempts.js';
import type { TransferSettings } from '../store/settings.js';
import type { CramEntry } from './cram.js';
import { parseInterviewDate } from './day.js';
import { USER_DECK_NEW_PER_DAY } from './deck-limits.js';
import { ID_PATTERN } from './deck.js';
import { DEFAULT_LEVEL, isLevel, LEVELS } from './levels.js';
import { isCardRecord, LOG_VERSION, logEntryFrom, tickCounts, type CardRecord, type ReviewEntry } from './progress.js';
import { isRating, type MemoryState } from './scheduler.js';
import { parseStory, type Story } from './stories.js';

type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A millisecond time that Date can hold: anything else breaks date display and scheduling. */
export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** A count or a byte offset read from a file: a whole number from 0 that a double holds exactly. */
export function isWholeCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * C0 controls (newline and tab aside), DEL, C1 controls, and the characters that reorder text
 * (bidi embeddings, overrides, isolates and marks): any of them could rewrite what a terminal shows.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Fields a person writes in several lines; every other string must also be one line. */
const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['notes', 'situation', 'task', 'action', 'result', 'answer']);

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character a field may not hold, as U+XXXX, or null. */
function unsafeChar(text: string, multiline: boolean): string | null {
  const match = UNSAFE_CHAR.exec(text) ?? (multiline ? null : /[\n\t\r]/.exec(text));
  return match ? codePoint(match[0]) : null;
}

/** A field name as it may appear in a message: odd, long or unsafe names are not echoed. */
function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]{0,39}$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[a field name]`;
}

/**
 * The first thing in a value that must not be stored, with where it is: keys that could reach an
 * object's prototype, numbers too large for JSON to write back (1e999 parses as Infinity), control
 * characters and bidi overrides in any text or field name. Walked with a list rather than
 * recursion, so a deeply nested file cannot overflow the stack.
 */
export function unsafeSpot(root: unknown, rootPath = ''): string | null {
  return anythingUnsafe(root) ? unsafeSpotSlow(root, rootPath) : null;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * Whether unsafeSpot could find anything, without building a path for every value: a long history
 * is mostly clean, and this is the part of reading it that runs for every field. It errs towards
 * yes (a line break in notes), and the careful walk then decides.
 */
function anythingUnsafe(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (UNSAFE_OR_BREAK.test(value)) return true;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value && typeof value === 'object') {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (FORBIDDEN_KEYS.has(key) || UNSAFE_OR_BREAK.test(key)) return true;
        pending.push((value as JsonObject)[key]);
      }
    }
  }
  return false;
}

function unsafeSpotSlow(root: unknown, rootPath: string): string | null {
  const pending: { value: unknown; path: string; field: string }[] = [];
  const visit = (value: unknown, path: string, field: string): string | null => {
    if (typeof value === 'number' && !Number.isFinite(value)) return `${path}: a number too large to store`;
    if (typeof value === 'string') {
      const bad = unsafeChar(value, MULTILINE_FIELDS.has(field));
      if (bad) return `${path}: contains a control character or text-direction override (${bad})`;
    }
    if (value && typeof value === 'object') pending.push({ value, path, field });
    return null;
  };
  const first = visit(root, rootPath, '');
  if (first) return first;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        // An element is checked by its list's name: notes[0] is as free as notes.
        const problem = visit(value[i], childPath(path, i), next.field);
        if (problem) return problem;
      }
    } else {
      // Own keys: JSON.parse makes "__proto__" an own property rather than setting the prototype.
      for (const key of Object.keys(value as JsonObject)) {
        const where = path || 'the top level';
        if (FORBIDDEN_KEYS.has(key)) return `${where}: the key "${key}" is not allowed`;
        const bad = unsafeChar(key, false);
        if (bad) return `${where}: a field name contains a control character or text-direction override (${bad})`;
        const problem = visit((value as JsonObject)[key], childPath(path, key), key);
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

export function reviewProblem(value: unknown): string | null {
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
  const entry = logEntryFrom(value);
  return entry && entry.t === 'review' ? null : 'not a review this version can store';
}

export function attemptProblem(value: unknown): string | null {
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

/** A standing cram answer (undone ones are not exported). */
export function cramProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (value.v !== 1) return '"v" should be 1';
  if (value.t !== 'cram') return '"t" should be "cram"';
  if (typeof value.id !== 'string' || !value.id) return '"id" is missing';
  if (typeof value.key !== 'string' || !value.key) return '"key" is missing';
  if (!isTime(value.at)) return '"at" is not a time';
  if (!isRating(value.rating)) return '"rating" should be 1, 2, 3 or 4';
  if (value.ms !== undefined && !isCount(value.ms)) return '"ms" should be a number of milliseconds';
  if (value.confidence !== undefined && value.confidence !== 'sure' && value.confidence !== 'guess') return '"confidence" should be "sure" or "guess"';
  if (value.correct !== undefined && typeof value.correct !== 'boolean') return '"correct" should be true or false';
  return null;
}

export function storyProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) return '"id" should use lowercase letters, digits and single hyphens';
  if (!isTime(value.createdAt) || !isTime(value.updatedAt)) return '"createdAt" and "updatedAt" should be times';
  return parseStory(value) ? null : 'it needs a one-line title, at least one STAR part and value ids';
}

export function settingsProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (value.role !== null && (typeof value.role !== 'string' || !ID_PATTERN.test(value.role))) return '"role" should be a role id or null';
  if (value.interviewDate !== null && (typeof value.interviewDate !== 'string' || parseInterviewDate(value.interviewDate) === null)) return '"interviewDate" should be YYYY-MM-DD or null';
  // The same bounds as SETTINGS_LIMITS in the store, which core may not import at run time.
  if (typeof value.newPerDay !== 'number' || !Number.isInteger(value.newPerDay) || value.newPerDay < 0 || value.newPerDay > 500) return '"newPerDay" should be a whole number from 0 to 500';
  // Absent from files written before it existed; the default stands in then (see cleanSettings).
  if (value.userDeckNewPerDay !== undefined && (typeof value.userDeckNewPerDay !== 'number' || !Number.isInteger(value.userDeckNewPerDay) || value.userDeckNewPerDay < 0 || value.userDeckNewPerDay > 500)) return '"userDeckNewPerDay" should be a whole number from 0 to 500';
  if (typeof value.retention !== 'number' || !(value.retention >= 0.7 && value.retention <= 0.99)) return '"retention" should be from 0.7 to 0.99';
  if (typeof value.askConfidence !== 'boolean') return '"askConfidence" should be true or false';
  // Absent from files written before it existed, like userDeckNewPerDay.
  if (value.level !== undefined && !isLevel(value.level)) return `"level" should be one of ${LEVELS.join(', ')}`;
  return null;
}

// Only known fields go on to disk: whatever else a file carries is not ours to keep.
function cleanRecord(record: CardRecord): CardRecord {
  const s: MemoryState = record.state;
  const state: MemoryState = { due: s.due, stability: s.stability, difficulty: s.difficulty, scheduledDays: s.scheduledDays, learningSteps: s.learningSteps, reps: s.reps, lapses: s.lapses, phase: s.phase, lastReview: s.lastReview };
  return { state, firstReview: record.firstReview };
}

export function cleanReview(e: ReviewEntry): ReviewEntry {
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
    ...(tickCounts(e.ticks) ? { ticks: tickCounts(e.ticks)! } : {}),
  };
}

export function cleanAttempt(a: Attempt): Attempt {
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

export function cleanCram(e: CramEntry): CramEntry {
  return {
    v: 1,
    t: 'cram',
    id: e.id,
    key: e.key,
    at: e.at,
    rating: e.rating!,
    ...(e.ms !== undefined ? { ms: e.ms } : {}),
    ...(e.confidence ? { confidence: e.confidence } : {}),
    ...(e.correct !== undefined ? { correct: e.correct } : {}),
  };
}

export function cleanStory(value: unknown): Story {
  return parseStory(value)!;
}

export function cleanSettings(s: TransferSettings): TransferSettings {
  return { role: s.role, interviewDate: s.interviewDate, newPerDay: s.newPerDay, userDeckNewPerDay: typeof s.userDeckNewPerDay === 'number' ? s.userDeckNewPerDay : USER_DECK_NEW_PER_DAY, retention: s.retention, askConfidence: s.askConfidence, level: isLevel(s.level) ? s.level : DEFAULT_LEVEL };
}
