// Mock-interview attempts on disk: the finished ones in an append-only log, and the one in progress
// per prompt as a draft rewritten on every change (write to a temp file, then rename), so closing
// the terminal mid-interview loses nothing and the attempt can be resumed.
import { closeSync, existsSync, fstatSync, readdirSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendWhole, ensureDir, openForAppend, writeFileWhole, type WriteContext } from './safe-write.js';
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

export class AttemptStore {
  readonly logPath: string;
  private readonly draftsDir: string;

  constructor(readonly dir: string, private readonly notices: string[]) {
    this.logPath = join(dir, ATTEMPTS_FILE);
    this.draftsDir = join(dir, DRAFTS_DIR);
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
    try {
      const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (isDraft(value) && value.key === key) return value;
    } catch {
      // falls through to moving it aside
    }
    const aside = `${path}.damaged-${now}`;
    renameSync(path, aside);
    this.notices.push(`Your unfinished mock for ${key} could not be read; it was moved to ${aside}.`);
    return null;
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
    if (attempts.length === 0) return;
    const n = attempts.length;
    const context: WriteContext =
      n === 1
        ? { what: 'your design attempt', kept: 'nothing saved before it was lost', inDataDir: true }
        : { what: `${n} design attempts`, kept: 'none of them were written, and what was there before is kept', inDataDir: true };
    ensureDir(this.dir, context);
    const fd = openForAppend(this.logPath, context, 'a+');
    try {
      // After a torn last line (a killed process), start on a fresh line, or the first attempt
      // written here would be glued to the fragment and lost with it.
      const size = fstatSync(fd).size;
      const last = Buffer.alloc(1);
      const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 10;
      const text = Buffer.from(`${torn ? '\n' : ''}${attempts.map((a) => `${JSON.stringify(a)}\n`).join('')}`);
      appendWhole(fd, this.logPath, text, context);
    } finally {
      closeSync(fd);
    }
  }

  /** Finished attempts, oldest first; for one prompt when a key is given. Unreadable lines are skipped. */
  history(key?: string): Attempt[] {
    if (!existsSync(this.logPath)) return [];
    const attempts: Attempt[] = [];
    for (const line of readFileSync(this.logPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const value: unknown = JSON.parse(line);
        if (isAttempt(value) && (!key || value.key === key)) attempts.push(value);
      } catch {
        // a torn last line from a killed process: the attempt it held was not confirmed
      }
    }
    return attempts;
  }
}
