// The user's last attempt at each exercise, offered when the card comes back. One small JSON file
// rewritten whole on each save, the later attempt of each card winning; it is a convenience, so
// damage costs only the damaged entries (told in a notice, the file kept aside), never a stop. Another process (`exercise check`, a second app) may write it meanwhile: the file is read
// again whenever it changed, and a save merges with what is on disk rather than overwriting it.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { copyAside, moveAside } from './damage.js';
import type { NoticeSink } from './notices.js';
import { readRegular } from './read-regular.js';
import { ensureDir, writeFileWhole, type WriteContext } from './safe-write.js';
import { cleanExerciseAttempt, exerciseAttemptProblem, MAX_ATTEMPT_CHARS, type ExerciseAttemptEntry } from '../core/exercise-attempts.js';

export const EXERCISE_ATTEMPTS_FILE = 'exercise-attempts.json';
export { MAX_ATTEMPT_CHARS };
/** Far above honest use (hundreds of exercises of a few KB); a bigger file is not read. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

interface Saved {
  answer: string;
  at: number;
  passed?: boolean;
}

interface AttemptsFile {
  v: 1;
  attempts: Record<string, Saved>;
}

/** The file's attempts and how many entries were not attempts; null when it is not an attempts file at all. */
function parseAttempts(text: string): { attempts: Map<string, Saved>; bad: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const file = value as Partial<AttemptsFile> | null;
  if (!file || typeof file !== 'object' || file.v !== 1 || !file.attempts || typeof file.attempts !== 'object' || Array.isArray(file.attempts)) return null;
  const attempts = new Map<string, Saved>();
  let bad = 0;
  for (const [key, saved] of Object.entries(file.attempts)) {
    const entry = { ...(saved as object), key } as ExerciseAttemptEntry;
    // One damaged entry costs that card its attempt, not every card theirs.
    if (exerciseAttemptProblem(entry) !== null) bad++;
    else attempts.set(key, savedOf(entry));
  }
  return { attempts, bad };
}

function savedOf(entry: ExerciseAttemptEntry): Saved {
  const { key: _key, ...saved } = cleanExerciseAttempt(entry);
  return saved;
}

export class ExerciseAttemptStore {
  readonly path: string;
  private held: Map<string, Saved> | null = null;
  /** The file as last read or written here: when it differs on disk, someone else wrote it. */
  private stamp: string | null = null;

  constructor(
    readonly dir: string,
    private readonly notices: NoticeSink,
  ) {
    this.path = join(dir, EXERCISE_ATTEMPTS_FILE);
  }

  private onDisk(): string | null {
    try {
      const st = statSync(this.path);
      return `${st.size}:${st.mtimeMs}:${st.ino}`;
    } catch {
      return null;
    }
  }

  /**
   * Read when it changed on disk. A damaged entry is dropped (a copy of the file kept), a file that is
   * no attempts file moved aside, one that cannot be read now left as it is; each said once.
   */
  private attempts(now = Date.now()): Map<string, Saved> {
    const stamp = this.onDisk();
    if (this.held && stamp === this.stamp) return this.held;
    this.stamp = stamp;
    if (stamp === null) return (this.held = this.held ?? new Map());
    const read = readRegular(this.path, MAX_FILE_BYTES);
    if (!read.ok && (read.why === 'open' || read.why === 'read')) {
      // Unreadable now (permissions, a disk error) is not damage: the file stays as it is.
      this.notices.push(`Your saved exercise attempts at ${this.path} could not be read (${read.error.message}), so exercises open with their starters; the file is left as it is.`);
      return (this.held = this.held ?? new Map());
    }
    const parsed = read.ok ? parseAttempts(read.bytes.toString('utf8')) : null;
    if (parsed) {
      const attempts = parsed.attempts;
      // What this process saved and the other did not see stays: the later attempt of a card wins.
      for (const [key, saved] of this.held ?? []) if ((attempts.get(key)?.at ?? -Infinity) < saved.at) attempts.set(key, saved);
      if (parsed.bad > 0) {
        try {
          const copy = copyAside(this.path, now);
          this.notices.push(`${parsed.bad} damaged ${parsed.bad === 1 ? 'entry' : 'entries'} in your saved exercise attempts; the other ${attempts.size} kept. The file as it was is at ${copy}.`);
        } catch {
          this.notices.push(`${parsed.bad} damaged ${parsed.bad === 1 ? 'entry' : 'entries'} in your saved exercise attempts at ${this.path}; the other ${attempts.size} kept.`);
        }
      }
      return (this.held = attempts);
    }
    try {
      const aside = moveAside(this.path, now);
      this.notices.push(`Your saved exercise attempts could not be read, so exercises open with their starters; the file is kept at ${aside}.`);
    } catch {
      this.notices.push(`Your saved exercise attempts at ${this.path} could not be read, so exercises open with their starters.`);
    }
    return (this.held = new Map());
  }

  /** Checks the file at start, so damage is told with the other notices. */
  check(now: number): void {
    this.attempts(now);
  }

  last(key: string): string | null {
    return this.attempts().get(key)?.answer ?? null;
  }

  /** The last attempt was submitted and right. */
  passed(key: string): boolean {
    return this.attempts().get(key)?.passed === true;
  }

  /** Every kept attempt, for export-progress. */
  entries(): ExerciseAttemptEntry[] {
    return [...this.attempts()].map(([key, saved]) => ({ key, ...saved }));
  }

  /** Keeps the attempt, replacing the card's earlier one. Throws WriteError when the disk refuses it. */
  save(key: string, answer: string, now: number, passed = false): void {
    this.saveMany([{ key, answer: answer.slice(0, MAX_ATTEMPT_CHARS), at: now, ...(passed ? { passed: true } : {}) }], now);
  }

  /** Keeps several at once (an import's), in one write; throws WriteError when the disk refuses it. */
  saveMany(entries: readonly ExerciseAttemptEntry[], now = Date.now()): void {
    if (entries.length === 0) return;
    const attempts = new Map(this.attempts(now));
    for (const entry of entries) if ((attempts.get(entry.key)?.at ?? -Infinity) <= entry.at) attempts.set(entry.key, savedOf(entry));
    const context: WriteContext = { what: entries.length === 1 ? 'your exercise attempt' : 'the exercise attempts', kept: 'your earlier attempts are kept', inDataDir: true };
    ensureDir(this.dir, context);
    const file: AttemptsFile = { v: 1, attempts: Object.fromEntries(attempts) };
    writeFileWhole(this.path, `${JSON.stringify(file)}\n`, context);
    this.held = attempts;
    this.stamp = this.onDisk();
  }
}
