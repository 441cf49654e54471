// Moving progress between machines: what an export holds, reading a version 1 file (one JSON
// document) back with every problem told in one line a person can act on, and planning a merge that
// never counts a review twice. Version 2 files (one entry per line) are read by progress-lines.ts.
// No disk and no clock here: src/commands/progress-transfer.ts does the reading and writing.
import { jsonSyntaxErrors } from './json-position.js';
// Types only: nothing of the store is loaded at run time.
import type { Attempt } from '../store/attempts.js';
import type { RoundAttempt } from '../store/round-attempts.js';
import { roundIdentity } from './round-shape.js';
import { cleanSettings } from './progress-checks.js';
import type { TransferSettings as Settings } from '../store/settings.js';
import { standingCram, type CramEntry } from './cram.js';
import { attemptProblem, cleanAttempt, cleanReview, isObject, isTime, reviewProblem, unsafeSpot } from './progress-checks.js';
import type { CardRecord, LogEntry, ReviewEntry } from './progress.js';
import { sameState } from './scheduler.js';
import type { Story } from './stories.js';
import { lastWords, type MarkEntry } from './card-marks.js';
import type { ExerciseAttemptEntry } from './exercise-attempts.js';

export const PROGRESS_FORMAT = 'keeper-prep-progress';
/** 2: one entry per line, with cram answers, stories and settings. 1: one JSON document, reviews and attempts. */
export const PROGRESS_VERSION = 2;
/** Version 1 files are parsed whole, so they keep the limit they always had; version 2 is streamed. */
export const PROGRESS_V1_LIMIT = 50 * 1024 * 1024;

export interface ProgressExport {
  format: typeof PROGRESS_FORMAT;
  version: 1 | 2;
  exportedAt: number;
  /** Null in a version 1 file, which had none. */
  settings: Settings | null;
  /** The reviews that count, in log order: undone ones are left out. */
  reviews: ReviewEntry[];
  /** Finished design mocks. */
  attempts: Attempt[];
  /** Standing cram answers: undone ones are left out. */
  cram: CramEntry[];
  stories: Story[];
  /** Suspended and flagged cards: the last word on each (absent from files that predate them). */
  marks?: MarkEntry[];
  /** Finished culture rounds (absent from files that predate them). */
  rounds?: RoundAttempt[];
  /** The last attempt at each exercise (absent from files that predate them). */
  exercises?: ExerciseAttemptEntry[];
}

export type ParsedProgress = { ok: true; data: ProgressExport } | { ok: false; error: string };

/** Reviews not taken back by an undo, in log order. */
export function effectiveReviews(entries: readonly LogEntry[]): ReviewEntry[] {
  const undone = new Set(entries.filter((e) => e.t === 'undo').map((e) => e.id));
  return entries.filter((e): e is ReviewEntry => e.t === 'review' && !undone.has(e.id));
}

export interface ExportSources {
  entries: readonly LogEntry[];
  attempts: readonly Attempt[];
  cram: readonly CramEntry[];
  stories: readonly Story[];
  settings: Settings;
  marks?: readonly MarkEntry[];
  rounds?: readonly RoundAttempt[];
  exercises?: readonly ExerciseAttemptEntry[];
}

export function buildExport(from: ExportSources, now: number): ProgressExport {
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now,
    settings: cleanSettings(from.settings),
    reviews: effectiveReviews(from.entries),
    attempts: [...from.attempts],
    cram: standingCram(from.cram),
    stories: [...from.stories],
    marks: lastWords(from.marks ?? []),
    rounds: [...(from.rounds ?? [])],
    exercises: [...(from.exercises ?? [])],
  };
}

/**
 * Where and why a JSON text fails to parse, found by jsonc-parser (strict settings). Node's own
 * message quotes the text around the error, which may hold anything, so it is never shown.
 */
export function syntaxProblem(text: string): string {
  if (!text.trim()) return 'the file is empty';
  const first = jsonSyntaxErrors(text)[0];
  if (!first) return 'not valid JSON';
  if (first.offset + first.length >= text.trimEnd().length) return 'not valid JSON: it ends too early (was the file cut short?)';
  return `not valid JSON: ${first.message} at line ${first.line}, column ${first.column}`;
}

/** What a version number in a file means for this version, or null when it can be read. */
export function versionProblem(version: unknown, readable: number): string | null {
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
    return `written by a newer keeper-prep (progress format ${version}; this version reads up to ${PROGRESS_VERSION}); update keeper-prep to import it`;
  }
  if (version === 2 && readable === 1) return 'a version 2 progress file must keep its first line and one entry per line as export-progress wrote them';
  return version === readable ? null : `no readable format version ("version" should be ${PROGRESS_VERSION})`;
}

/** A version 1 file's text (one JSON document), checked in full: the data to merge, or the first problem as one line. */
export function parseProgressFile(text: string): ParsedProgress {
  const fail = (error: string): ParsedProgress => ({ ok: false, error });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(syntaxProblem(text));
  }
  if (!isObject(value) || value.format !== PROGRESS_FORMAT) return fail(`not a keeper-prep progress file (no "format": "${PROGRESS_FORMAT}")`);
  const version = versionProblem(value.version, 1);
  if (version) return fail(version);
  const unsafe = unsafeSpot(value);
  if (unsafe) return fail(unsafe);
  if (!isTime(value.exportedAt)) return fail('"exportedAt" is missing or not a time');
  if (!Array.isArray(value.reviews)) return fail('"reviews" is missing or not a list');
  if (!Array.isArray(value.attempts)) return fail('"attempts" is missing or not a list');
  const reviews: ReviewEntry[] = [];
  for (const [i, item] of value.reviews.entries()) {
    const problem = reviewProblem(item);
    if (problem) return fail(`reviews[${i}]: not a valid review (${problem})`);
    reviews.push(cleanReview(item as ReviewEntry));
  }
  const attempts: Attempt[] = [];
  for (const [i, item] of value.attempts.entries()) {
    const problem = attemptProblem(item);
    if (problem) return fail(`attempts[${i}]: not a valid design attempt (${problem})`);
    attempts.push(cleanAttempt(item as Attempt));
  }
  return { ok: true, data: { format: PROGRESS_FORMAT, version: 1, exportedAt: value.exportedAt, settings: null, reviews, attempts, cram: [], stories: [] } };
}

/** What makes two attempt lines the same attempt: one prompt, started and finished at the same moments. */
export function attemptIdentity(attempt: Pick<Attempt, 'key' | 'startedAt' | 'finishedAt'>): string {
  return JSON.stringify([attempt.key, attempt.startedAt, attempt.finishedAt]);
}

export interface KnownProgress {
  /** Ids of every review in the local log, undone ones included. */
  reviewIds: ReadonlySet<string>;
  attemptIds: ReadonlySet<string>;
  /** Ids of every cram line here, undo lines included. */
  cramIds: ReadonlySet<string>;
  stories: ReadonlyMap<string, Story>;
  roundIds: ReadonlySet<string>;
}

/**
 * Undone reviews and cram answers stay known: a file exported elsewhere before the undo still
 * holds them, and importing it must not bring back an answer the user took back.
 */
export function knownProgress(entries: readonly LogEntry[], attempts: readonly Attempt[], cram: readonly CramEntry[] = [], stories: readonly Story[] = [], rounds: readonly RoundAttempt[] = []): KnownProgress {
  return {
    reviewIds: new Set(entries.map((e) => e.id)),
    attemptIds: new Set(attempts.map(attemptIdentity)),
    cramIds: new Set(cram.map((e) => e.id)),
    stories: new Map(stories.map((s) => [s.id, s])),
    roundIds: new Set(rounds.map(roundIdentity)),
  };
}

/** The reviews of a batch not seen before; `seen` gains them, so a later batch never repeats one. */
export function newReviews(seen: Set<string>, batch: readonly ReviewEntry[]): ReviewEntry[] {
  const fresh: ReviewEntry[] = [];
  for (const review of batch) {
    if (seen.has(review.id)) continue;
    seen.add(review.id);
    fresh.push(review);
  }
  return fresh;
}

function sameStory(a: Story, b: Story): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Everything but the reviews, which a large file streams past in batches (see newReviews). */
export interface SideMergePlan {
  attempts: Attempt[];
  cram: CramEntry[];
  /** Stories new here, and stories whose edit in the file is newer than the one here. */
  storiesAdded: Story[];
  storiesUpdated: Story[];
  rounds: RoundAttempt[];
  /** Already here, or repeated within the file. */
  skippedAttempts: number;
  skippedCram: number;
  skippedStories: number;
  skippedRounds: number;
}

export function planSideMerge(known: KnownProgress, incoming: Pick<ProgressExport, 'attempts' | 'cram' | 'stories' | 'rounds'>): SideMergePlan {
  const attemptIds = new Set(known.attemptIds);
  const attempts = incoming.attempts.filter((attempt) => {
    const identity = attemptIdentity(attempt);
    if (attemptIds.has(identity)) return false;
    attemptIds.add(identity);
    return true;
  });
  const cramIds = new Set(known.cramIds);
  const cram = incoming.cram.filter((entry) => {
    if (cramIds.has(entry.id)) return false;
    cramIds.add(entry.id);
    return true;
  });
  const roundIds = new Set(known.roundIds);
  const incomingRounds = incoming.rounds ?? [];
  const rounds = incomingRounds.filter((round) => {
    const identity = roundIdentity(round);
    if (roundIds.has(identity)) return false;
    roundIds.add(identity);
    return true;
  });
  // A story is known by its id: the newer edit wins, as the newer review of a card does.
  const stories = new Map(known.stories);
  const storiesAdded: Story[] = [];
  const storiesUpdated: Story[] = [];
  for (const story of incoming.stories) {
    const here = stories.get(story.id);
    if (here && (here.updatedAt >= story.updatedAt || sameStory(here, story))) continue;
    stories.set(story.id, story);
    const list = known.stories.has(story.id) ? storiesUpdated : storiesAdded;
    const earlier = list.findIndex((s) => s.id === story.id);
    if (earlier >= 0) list[earlier] = story;
    else list.push(story);
  }
  return {
    attempts,
    cram,
    storiesAdded,
    storiesUpdated,
    rounds,
    skippedAttempts: incoming.attempts.length - attempts.length,
    skippedCram: incoming.cram.length - cram.length,
    skippedStories: incoming.stories.length - storiesAdded.length - storiesUpdated.length,
    skippedRounds: incomingRounds.length - rounds.length,
  };
}

export interface MergePlan extends SideMergePlan {
  reviews: ReviewEntry[];
  skippedReviews: number;
}

export function planMerge(known: KnownProgress, incoming: Pick<ProgressExport, 'reviews' | 'attempts'> & Partial<Pick<ProgressExport, 'cram' | 'stories' | 'rounds'>>): MergePlan {
  const reviews = newReviews(new Set(known.reviewIds), incoming.reviews);
  const side = planSideMerge(known, { attempts: incoming.attempts, cram: incoming.cram ?? [], stories: incoming.stories ?? [], rounds: incoming.rounds ?? [] });
  return { ...side, reviews, skippedReviews: incoming.reviews.length - reviews.length };
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
