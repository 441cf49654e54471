// Culture rounds on disk: the finished ones in an append-only log, and the one in progress as a
// draft rewritten whole on every change (temp file, fdatasync, rename), so a round killed
// mid-answer is offered again at the next start with what was typed and the clock where it was.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendJsonLines, ensureDir, type WriteContext, writeFileWhole } from './safe-write.js';
import { isDirectory, moveAside, parseAs, readJsonl, repairLog } from './damage.js';
import type { NoticeSink } from './notices.js';
import type { MockTimer } from '../core/mock.js';
import type { Rating } from '../core/scheduler.js';
import type { CardRecord } from '../core/progress.js';
import { isAnswer, isMode, isRoundAttempt } from '../core/round-shape.js';

export const ROUNDS_FILE = 'culture-rounds.jsonl';
export const ROUND_DRAFT_FILE = 'culture-round-draft.json';

export type AnswerMode = 'typed' | 'aloud';

export interface RoundAnswer {
  /** deckId/cardId of the prompt. */
  key: string;
  mode: AnswerMode;
  /** What was typed, or the one-line summary of an answer given aloud. */
  text: string;
  /** Answer time, pauses excluded. */
  ms: number;
}

export interface RoundQuestionResult extends RoundAnswer {
  /** The culture value id the prompt asks about. */
  value: string;
  scores: { dimension: string; score: number }[];
  rating: Rating;
}

export interface RoundAttempt {
  v: 1;
  startedAt: number;
  finishedAt: number;
  /** The countdown each question had. */
  minutes: number;
  questions: RoundQuestionResult[];
}

/** answer: the clock runs; summary: an aloud answer is over and its summary is being typed. */
export type RoundStage = 'answer' | 'summary' | 'feedback' | 'score' | 'rate';

export interface RoundDraft {
  v: 1;
  startedAt: number;
  minutes: number;
  /** The questions, in the order asked. */
  keys: string[];
  stage: RoundStage;
  /** Answers given so far, one per question up to the current one. */
  answers: RoundAnswer[];
  /** The current question's clock (stage answer). */
  timer: MockTimer;
  mode: AnswerMode;
  /** The current answer as typed so far (an aloud answer: its summary). */
  text: string;
  /** Rubric scores given so far, per question. */
  scores: number[][];
  savedAt: number;
}

const STAGES = new Set<RoundStage>(['answer', 'summary', 'feedback', 'score', 'rate']);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
// The check is in core, where an import of progress uses it too; it is still this log's own.
export { isRoundAttempt };

function isTimer(value: unknown): value is MockTimer {
  const t = value as Partial<MockTimer> | null;
  return !!t && typeof t === 'object' && isNumber(t.startedAt) && (t.pausedAt === null || isNumber(t.pausedAt)) && isNumber(t.pausedMs) && isNumber(t.phase) && Array.isArray(t.phaseMs) && t.phaseMs.every(isNumber);
}

export function isRoundDraft(value: unknown): value is RoundDraft {
  const d = value as Partial<RoundDraft> | null;
  return (
    !!d &&
    typeof d === 'object' &&
    d.v === 1 &&
    isNumber(d.startedAt) &&
    isNumber(d.minutes) &&
    Array.isArray(d.keys) &&
    d.keys.length > 0 &&
    d.keys.every((k) => typeof k === 'string') &&
    STAGES.has(d.stage as RoundStage) &&
    Array.isArray(d.answers) &&
    d.answers.length <= d.keys.length &&
    d.answers.every(isAnswer) &&
    isTimer(d.timer) &&
    isMode(d.mode) &&
    typeof d.text === 'string' &&
    Array.isArray(d.scores) &&
    d.scores.every((s) => Array.isArray(s) && s.every(isNumber)) &&
    isNumber(d.savedAt)
  );
}

export const parseRoundAttempt = parseAs(isRoundAttempt);
export const parseRoundDraft = parseAs(isRoundDraft);


export class RoundStore {
  readonly logPath: string;
  readonly draftPath: string;

  constructor(readonly dir: string, private readonly notices: NoticeSink, now = Date.now()) {
    this.logPath = join(dir, ROUNDS_FILE);
    this.draftPath = join(dir, ROUND_DRAFT_FILE);
    this.checkLog(now);
    this.checkDraft(now);
  }

  /** A damaged log is copied aside and rewritten with every round still readable in it, once. */
  private checkLog(now: number): void {
    repairLog(this.logPath, parseRoundAttempt, { log: 'culture rounds log', file: ROUNDS_FILE, entry: 'round' }, now, this.notices);
  }

  /** A draft that cannot be read is moved aside and reported, rather than the round silently starting blank. */
  private checkDraft(now: number): void {
    if (!existsSync(this.draftPath)) return;
    const text = isDirectory(this.draftPath) ? '' : readFileSync(this.draftPath, 'utf8');
    if (parseRoundDraft(text)) return;
    const aside = moveAside(this.draftPath, now);
    this.notices.push(`Your unfinished culture round could not be read, so the next one starts afresh; what was saved is at ${aside}.`);
  }

  /** Replaces the draft whole; a failed save leaves the previous draft and no temp file. */
  saveDraft(draft: RoundDraft): void {
    const context: WriteContext = { what: 'your unfinished culture round', kept: 'the last saved state of it is kept', inDataDir: true };
    ensureDir(this.dir, context);
    writeFileWhole(this.draftPath, JSON.stringify(draft), context);
  }

  /** The round in progress, or null (none, or unreadable: then it was reported at the start). */
  draft(): RoundDraft | null {
    if (!existsSync(this.draftPath) || isDirectory(this.draftPath)) return null;
    return parseRoundDraft(readFileSync(this.draftPath, 'utf8'));
  }

  dropDraft(): void {
    rmSync(this.draftPath, { force: true });
  }

  /** Appends a finished round and syncs it to disk before returning. */
  record(attempt: RoundAttempt): void {
    this.recordMany([attempt]);
  }

  /**
   * Appends finished rounds with one write and one fdatasync (an import's, say); a failed write is
   * taken back whole, so the log holds all of them or none.
   */
  recordMany(attempts: readonly RoundAttempt[]): void {
    const n = attempts.length;
    const context: WriteContext =
      n === 1
        ? { what: 'your culture round', kept: 'your scores stay on screen', inDataDir: true }
        : { what: `${n} culture rounds`, kept: 'none of them were written, and what was there before is kept', inDataDir: true };
    appendJsonLines(this.dir, this.logPath, attempts, context);
  }


  /** Finished rounds, oldest first; unreadable lines are skipped. */
  history(): RoundAttempt[] {
    if (!existsSync(this.logPath) || isDirectory(this.logPath)) return [];
    return readJsonl(readFileSync(this.logPath, 'utf8'), parseRoundAttempt).entries;
  }
}

/** What finishing a round needs of the workspace: rating a card and taking a rating back. */
export interface RoundScheduling {
  rate(key: string, rating: Rating, now: number, ms: number): { reviewId: string; restore: CardRecord | null; record: CardRecord };
  undo(reviewId: string, key: string, restore: CardRecord | null, now: number): void;
}

/**
 * Saves a finished round: each question is scheduled with its rating like any card, then the
 * round is logged and the draft dropped. The ratings and the round count together or not at all:
 * when any write is refused, the ratings already stored are taken back and the error is thrown.
 */
export function finishRound(store: RoundStore, ws: RoundScheduling, attempt: RoundAttempt, now: number): Map<string, number> {
  const done: { key: string; reviewId: string; restore: CardRecord | null }[] = [];
  const due = new Map<string, number>();
  try {
    for (const q of attempt.questions) {
      const result = ws.rate(q.key, q.rating, now, q.ms);
      done.push({ key: q.key, reviewId: result.reviewId, restore: result.restore });
      due.set(q.key, result.record.state.due);
    }
    store.record(attempt);
  } catch (error) {
    for (const d of done.reverse()) {
      try {
        ws.undo(d.reviewId, d.key, d.restore, now);
      } catch {
        // the error that matters is the first one
      }
    }
    throw error;
  }
  try {
    store.dropDraft();
  } catch {
    // The round is saved; a draft that could not be removed only offers to resume it.
  }
  return due;
}
