// Mock-interview attempts on disk: the finished ones in an append-only log, and the one in progress
// per prompt as a draft rewritten on every change (write to a temp file, then rename), so closing
// the terminal mid-interview loses nothing and the attempt can be resumed.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendJsonLines, ensureDir, type WriteContext, writeFileWhole } from './safe-write.js';
import { parse as parseTolerant } from 'jsonc-parser';
import { isDirectory, moveAside, parseAs, readJsonl, repairLog } from './damage.js';
import type { NoticeSink } from './notices.js';
import { writeTextFileAtomic } from './text-file.js';
import type { MockTimer } from '../core/mock.js';
import type { Rating } from '../core/scheduler.js';

export const ATTEMPTS_FILE = 'attempts.jsonl';
const DRAFTS_DIR = 'drafts';
const VERSION = 1;

export interface Attempt {
  v: 1;
  /** deckId/cardId of the prompt. */
  key: string;
  startedAt: number;
  finishedAt: number;
  /** Interview time, pauses excluded. */
  durationMs: number;
  /** The length the mock was run at (shorter with --minutes). */
  minutes: number;
  phases: { name: string; ms: number }[];
  hintsUsed: number;
  scores: { dimension: string; score: number }[];
  rating: Rating;
  notes: string;
}

export interface Draft {
  v: 1;
  key: string;
  minutes: number;
  timer: MockTimer;
  hintsUsed: number;
  notes: string;
  savedAt: number;
}

function isDraft(value: unknown): value is Draft {
  const d = value as Partial<Draft> | null;
  return !!d && d.v === VERSION && typeof d.key === 'string' && typeof d.notes === 'string' && typeof d.hintsUsed === 'number' && typeof d.minutes === 'number' && !!d.timer && typeof d.timer.startedAt === 'number' && Array.isArray(d.timer.phaseMs);
}

function isAttempt(value: unknown): value is Attempt {
  const a = value as Partial<Attempt> | null;
  return !!a && a.v === VERSION && typeof a.key === 'string' && typeof a.finishedAt === 'number' && Array.isArray(a.scores) && typeof a.notes === 'string';
}


const parseAttempt = parseAs(isAttempt);
const parseDraft = parseAs(isDraft);

/**
 * What can still be read of a damaged draft: read leniently, a draft cut short keeps its timer and
 * the notes up to the cut (the notes come last in the file). Null when not even that is there.
 */
function salvageDraft(text: string, key: string): Draft | null {
  const value: unknown = parseTolerant(text, [], { allowTrailingComma: true });
  return isDraft(value) && value.key === key ? value : null;
}

/**
 * Moves a damaged draft aside, puts back what can be read of it, and says which: the user learns
 * why the mock does not resume, or that it resumes from what was kept.
 */
function repairDraft(path: string, key: string, text: string, now: number, notices: NoticeSink): Draft | null {
  const rescued = salvageDraft(text, key);
  const aside = moveAside(path, now);
  if (rescued) {
    writeTextFileAtomic(path, JSON.stringify(rescued));
    notices.push(`Your unfinished mock for ${key} was damaged; it resumes from what could be read (your notes may end early). The file as it was is at ${aside}.`);
  } else {
    notices.push(`Your unfinished mock for ${key} could not be read, so it will start afresh; what was saved is at ${aside}.`);
  }
  return rescued;
}


/**
 * Checks every unfinished mock at start: a draft that cannot be read is moved aside and reported
 * on the first screen, rather than the mock silently starting blank later.
 */
export function checkDrafts(dir: string, now: number, notices: NoticeSink): void {
  const draftsDir = join(dir, DRAFTS_DIR);
  if (!existsSync(draftsDir)) return;
  if (!isDirectory(draftsDir)) {
    const aside = moveAside(draftsDir, now);
    notices.push(`Your unfinished mocks folder (drafts) was a file; it was moved to ${aside}.`);
    return;
  }
  for (const name of readdirSync(draftsDir)) {
    if (!name.endsWith('.json')) continue;
    const path = join(draftsDir, name);
    const key = name.slice(0, -5).replaceAll('--', '/');
    const text = isDirectory(path) ? '' : readFileSync(path, 'utf8');
    const draft = parseDraft(text);
    if (draft && draft.key === key) continue;
    repairDraft(path, key, text, now, notices);
  }
}

export class AttemptStore {
  readonly logPath: string;
  private readonly draftsDir: string;

  constructor(readonly dir: string, private readonly notices: NoticeSink, now = Date.now()) {
    this.logPath = join(dir, ATTEMPTS_FILE);
    this.draftsDir = join(dir, DRAFTS_DIR);
    this.check(now);
  }

  /**
   * A damaged attempts log is copied aside and rewritten with every attempt still readable in it
   * (whole lines, and attempts picked out of damaged ones), so it is repaired once, not on every start.
   */
  private check(now: number): void {
    const text = repairLog(this.logPath, parseAttempt, { log: 'mock attempts log', file: ATTEMPTS_FILE, entry: 'attempt' }, now, this.notices);
    if (text !== '') return;
    // The log is created by its first attempt, so an empty one was emptied (a sync tool, a restore).
    const aside = moveAside(this.logPath, now);
    this.notices.push(`Your mock attempts log (${ATTEMPTS_FILE}) was empty, though it only exists once an attempt is saved: it may have been emptied by a sync tool or a restore. It was moved to ${aside}; a backup of ${ATTEMPTS_FILE} would bring your attempts back.`);
  }

  private draftPath(key: string): string {
    return join(this.draftsDir, `${key.replaceAll('/', '--')}.json`);
  }

  /** Replaces the draft whole; a failed save leaves the previous draft and no temp file. */
  saveDraft(draft: Draft): void {
    const context: WriteContext = { what: 'your unfinished mock', kept: 'the last saved state of it is kept', inDataDir: true };
    ensureDir(this.draftsDir, context);
    writeFileWhole(this.draftPath(draft.key), JSON.stringify(draft), context);
  }

  /** The unfinished attempt at this prompt; a damaged draft is moved aside and reported. */
  draft(key: string, now: number): Draft | null {
    const path = this.draftPath(key);
    if (!existsSync(path)) return null;
    const text = isDirectory(path) ? '' : readFileSync(path, 'utf8');
    const draft = parseDraft(text);
    if (draft && draft.key === key) return draft;
    return repairDraft(path, key, text, now, this.notices);
  }

  /** Keys of prompts with an unfinished attempt. */
  draftKeys(): string[] {
    if (!existsSync(this.draftsDir)) return [];
    return readdirSync(this.draftsDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5).replaceAll('--', '/'));
  }

  dropDraft(key: string): void {
    rmSync(this.draftPath(key), { force: true });
  }

  /** Appends a finished attempt and syncs it to disk before returning. */
  record(attempt: Attempt): void {
    this.recordMany([attempt]);
  }

  /**
   * Appends finished attempts with one write and one fdatasync (an import's, say); a failed write
   * is taken back whole, so the log holds all of them or none.
   */
  recordMany(attempts: readonly Attempt[]): void {
    const n = attempts.length;
    const context: WriteContext =
      n === 1
        ? { what: 'your design attempt', kept: 'nothing saved before it was lost', inDataDir: true }
        : { what: `${n} design attempts`, kept: 'none of them were written, and what was there before is kept', inDataDir: true };
    appendJsonLines(this.dir, this.logPath, attempts, context);
  }


  /** Finished attempts, oldest first; for one prompt when a key is given. Unreadable lines are skipped. */
  history(key?: string): Attempt[] {
    if (!existsSync(this.logPath) || isDirectory(this.logPath)) return [];
    // A line damaged since the start (checked then) still gives up the attempts in it.
    const { entries } = readJsonl(readFileSync(this.logPath, 'utf8'), parseAttempt);
    return key ? entries.filter((a) => a.key === key) : entries;
  }
}
