// Version 2 progress files: one JSON value per line, so a file of any size is written and read a
// line at a time with memory that does not grow with the history, and every problem is told by
// line number and entry. The first line is the header (format, version, settings, and how many
// entries of each kind follow: a file cut short is refused rather than half imported).
//
//   {"format":"keeper-prep-progress","version":2,"exportedAt":…,"settings":{…},"counts":{…}}
//   {"review":{…}}   {"attempt":{…}}   {"cram":{…}}   {"story":{…}}   {"mark":{…}}   {"round":{…}}
//   {"exercise":{…}}
//
// Card marks (suspended and flagged cards), culture rounds and exercise attempts came later: a
// header without a count for them has none.
import type { Attempt } from '../store/attempts.js';
import type { RoundAttempt } from '../store/round-attempts.js';
import { cleanRound, isRoundAttempt } from './round-shape.js';
import type { TransferSettings as Settings } from '../store/settings.js';
import type { CramEntry } from './cram.js';
import { parseMarkLine, type MarkEntry } from './card-marks.js';
import { cleanExerciseAttempt, exerciseAttemptProblem, type ExerciseAttemptEntry } from './exercise-attempts.js';
import { jsonSyntaxErrors } from './json-position.js';
import { attemptProblem, cleanAttempt, cleanCram, cleanReview, cleanSettings, cleanStory, cramProblem, isObject, isTime, isWholeCount, reviewProblem, settingsProblem, storyProblem, unsafeSpot } from './progress-checks.js';
import { PROGRESS_FORMAT, PROGRESS_VERSION, versionProblem, type ProgressExport } from './progress-transfer.js';
import type { ReviewEntry } from './progress.js';
import type { Story } from './stories.js';

/** A line longer than this is not one export-progress wrote; reading stops before holding more. */
export const PROGRESS_LINE_LIMIT = 4 * 1024 * 1024;

const KINDS = ['review', 'attempt', 'cram', 'story', 'mark', 'round', 'exercise'] as const;
/** Kinds a file may leave out of its counts: files written before them had none. */
const LATER_KINDS: ReadonlySet<Kind> = new Set(['mark', 'round', 'exercise']);
type Kind = (typeof KINDS)[number];
/** The name of each kind's list in messages, as in a version 1 file: reviews[3]. */
const LIST: Record<Kind, string> = { review: 'reviews', attempt: 'attempts', cram: 'cram', story: 'stories', mark: 'marks', round: 'rounds', exercise: 'exercises' };
const NOUN: Record<Kind, string> = { review: 'review', attempt: 'design attempt', cram: 'cram answer', story: 'story', mark: 'card mark', round: 'culture round', exercise: 'exercise attempt' };
const NOUNS: Record<Kind, string> = { review: 'reviews', attempt: 'design attempts', cram: 'cram answers', story: 'stories', mark: 'card marks', round: 'culture rounds', exercise: 'exercise attempts' };

export type Counts = Record<Kind, number>;

export interface ProgressHeader {
  exportedAt: number;
  settings: Settings;
  counts: Counts;
}

export type ProgressItem =
  | { kind: 'review'; value: ReviewEntry }
  | { kind: 'attempt'; value: Attempt }
  | { kind: 'cram'; value: CramEntry }
  | { kind: 'story'; value: Story }
  | { kind: 'mark'; value: MarkEntry }
  | { kind: 'round'; value: RoundAttempt }
  | { kind: 'exercise'; value: ExerciseAttemptEntry };

/** The file's lines, each with its newline, in the order a reader expects them. */
export function* exportLines(data: ProgressExport): Generator<string> {
  const marks = data.marks ?? [];
  const rounds = data.rounds ?? [];
  const exercises = data.exercises ?? [];
  const counts: Counts = { review: data.reviews.length, attempt: data.attempts.length, cram: data.cram.length, story: data.stories.length, mark: marks.length, round: rounds.length, exercise: exercises.length };
  const header = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: data.exportedAt, settings: data.settings, counts };
  yield `${JSON.stringify(header)}\n`;
  for (const review of data.reviews) yield `{"review":${JSON.stringify(review)}}\n`;
  for (const attempt of data.attempts) yield `{"attempt":${JSON.stringify(attempt)}}\n`;
  for (const entry of data.cram) yield `{"cram":${JSON.stringify(entry)}}\n`;
  for (const story of data.stories) yield `{"story":${JSON.stringify(story)}}\n`;
  for (const mark of marks) yield `{"mark":${JSON.stringify(mark)}}\n`;
  for (const round of rounds) yield `{"round":${JSON.stringify(round)}}\n`;
  for (const exercise of exercises) yield `{"exercise":${JSON.stringify(exercise)}}\n`;
}

/** Whether a file's first line is a version 2 header (or claims to be one); anything else is read as version 1. */
export function isLineHeader(firstLine: string): boolean {
  try {
    const value: unknown = JSON.parse(firstLine);
    // A version 1 file written on one line is a whole document, not a header.
    return isObject(value) && value.format === PROGRESS_FORMAT && value.version !== 1;
  } catch {
    return false;
  }
}

function lineSyntax(line: string): string {
  const first = jsonSyntaxErrors(line)[0];
  return first ? `not valid JSON: ${first.message} at column ${first.column}` : 'not valid JSON';
}


const markProblem = (value: unknown): string | null => (parseMarkLine(JSON.stringify(value)) ? null : 'expected a suspend, unsuspend, flag (with its note) or unflag of a deck/card key, with a time');
const roundProblem = (value: unknown): string | null => (isRoundAttempt(value) ? null : 'expected v 1, startedAt, finishedAt, minutes and questions, each with key, mode, text, ms, value, scores and rating');
const CHECK = { review: reviewProblem, attempt: attemptProblem, cram: cramProblem, story: storyProblem, mark: markProblem, round: roundProblem, exercise: exerciseAttemptProblem } as const;

function clean(kind: Kind, value: unknown): ProgressItem {
  switch (kind) {
    case 'review':
      return { kind, value: cleanReview(value as ReviewEntry) };
    case 'attempt':
      return { kind, value: cleanAttempt(value as Attempt) };
    case 'cram':
      return { kind, value: cleanCram(value as CramEntry) };
    case 'story':
      return { kind, value: cleanStory(value) };
    case 'mark':
      return { kind, value: parseMarkLine(JSON.stringify(value))! };
    case 'round':
      return { kind, value: cleanRound(value as RoundAttempt) };
    case 'exercise':
      return { kind, value: cleanExerciseAttempt(value as ExerciseAttemptEntry) };
  }
}

export type LineResult = { ok: true; item: ProgressItem | null } | { ok: false; error: string };

/**
 * Reads a version 2 file a line at a time: feed every line (without its newline) in order, then
 * finish. Each answer is the entry on that line, cleaned, or the one problem that refuses the file.
 * Blank lines are allowed anywhere; nothing but the header may come first.
 */
export class ProgressLineReader {
  header: ProgressHeader | null = null;
  private line = 0;
  private readonly seen: Counts = { review: 0, attempt: 0, cram: 0, story: 0, mark: 0, round: 0, exercise: 0 };

  /** `unterminated`: the line had no newline after it, so it was the file's last and may be cut off. */
  feed(text: string, unterminated = false): LineResult {
    this.line++;
    const fail = (error: string): LineResult => ({ ok: false, error: `line ${this.line}: ${error}` });
    // An entry's problem starts with where in it: "line 7, reviews[5].key: …".
    const failAt = (error: string): LineResult => ({ ok: false, error: `line ${this.line}, ${error}` });
    if (!text.trim()) return { ok: true, item: null };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return fail(unterminated ? 'it ends too early (was the file cut short?)' : lineSyntax(text));
    }
    if (!this.header) {
      const header = this.readHeader(value);
      if (typeof header === 'string') return fail(header);
      this.header = header;
      return { ok: true, item: null };
    }
    if (!isObject(value)) return fail('not an entry (expected {"review": …} or another kind)');
    const keys = Object.keys(value);
    const kind = KINDS.find((k) => k === keys[0]);
    if (keys.length !== 1 || !kind) return fail(`not an entry (expected one of ${KINDS.map((k) => `"${k}"`).join(', ')} as its only field)`);
    const index = this.seen[kind]++;
    const where = `${LIST[kind]}[${index}]`;
    if (index >= this.header.counts[kind]) return failAt(`${where}: more ${NOUNS[kind]} than the ${this.header.counts[kind]} the first line counts`);
    const unsafe = unsafeSpot(value[kind], where);
    if (unsafe) return failAt(unsafe);
    const problem = CHECK[kind](value[kind]);
    if (problem) return failAt(`${where}: not a valid ${NOUN[kind]} (${problem})`);
    return { ok: true, item: clean(kind, value[kind]) };
  }

  /** Called after the last line: a file with fewer entries than its header counts was cut short. */
  finish(): string | null {
    if (!this.header) return 'the file is empty';
    for (const kind of KINDS) {
      const want = this.header.counts[kind];
      if (this.seen[kind] < want) return `the file ends after ${this.seen[kind]} of its ${want} ${NOUNS[kind]} (was it cut short?)`;
    }
    return null;
  }

  private readHeader(value: unknown): ProgressHeader | string {
    if (!isObject(value) || value.format !== PROGRESS_FORMAT) return `not a keeper-prep progress file (no "format": "${PROGRESS_FORMAT}")`;
    const version = versionProblem(value.version, 2);
    if (version) return version;
    const unsafe = unsafeSpot(value);
    if (unsafe) return unsafe;
    if (!isTime(value.exportedAt)) return '"exportedAt" is missing or not a time';
    const settings = settingsProblem(value.settings);
    if (settings) return `"settings": ${settings}`;
    const counts = value.counts;
    const required = KINDS.filter((k) => !LATER_KINDS.has(k));
    if (!isObject(counts) || !required.every((k) => isWholeCount(counts[k])) || ![...LATER_KINDS].every((k) => counts[k] === undefined || isWholeCount(counts[k]))) {
      return `"counts" should give a number for each of ${required.map((k) => `"${k}"`).join(', ')}`;
    }
    return { exportedAt: value.exportedAt, settings: cleanSettings(value.settings as Settings), counts: { ...(counts as Counts), mark: (counts.mark as number | undefined) ?? 0, round: (counts.round as number | undefined) ?? 0, exercise: (counts.exercise as number | undefined) ?? 0 } };
  }
}

/** A whole version 2 text read as the command reads a file, for callers that hold it in memory. */
export function parseProgressLines(text: string): ProgressExport | string {
  const reader = new ProgressLineReader();
  const data: ProgressExport = { format: PROGRESS_FORMAT, version: 2, exportedAt: 0, settings: null, reviews: [], attempts: [], cram: [], stories: [], marks: [], rounds: [], exercises: [] };
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const last = i === lines.length - 1;
    if (last && line === '') break;
    const result = reader.feed(line, last);
    if (!result.ok) return result.error;
    const item = result.item;
    if (item?.kind === 'review') data.reviews.push(item.value);
    else if (item?.kind === 'attempt') data.attempts.push(item.value);
    else if (item?.kind === 'cram') data.cram.push(item.value);
    else if (item?.kind === 'story') data.stories.push(item.value);
    else if (item?.kind === 'mark') data.marks!.push(item.value);
    else if (item?.kind === 'round') data.rounds!.push(item.value);
    else if (item?.kind === 'exercise') data.exercises!.push(item.value);
  }
  const end = reader.finish();
  if (end) return end;
  return { ...data, exportedAt: reader.header!.exportedAt, settings: reader.header!.settings };
}
