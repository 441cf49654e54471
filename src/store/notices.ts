// Notices about the data directory (a file found damaged, kept aside, repaired) wait on disk until
// the app has shown them: a subcommand that finds the damage first prints it once, and the app
// still shows it on its next first screen. Deck notices are not kept here: they are found again on
// every start.
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { crypto } from './lazy-builtins.js';
import { join } from 'node:path';
import { writeTextFileAtomic } from './text-file.js';

export const NOTICES_FILE = 'notices.jsonl';

/** Where the stores report damage; a plain array is one too (tests, and notices kept in memory). */
export interface NoticeSink {
  push(...texts: string[]): number;
}

interface PendingNotice {
  id: string;
  at: number;
  text: string;
}

function readPending(file: string): PendingNotice[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    try {
      const value = JSON.parse(line) as Partial<PendingNotice> | null;
      return value && typeof value.id === 'string' && typeof value.text === 'string' ? [{ id: value.id, at: Number(value.at) || 0, text: value.text }] : [];
    } catch {
      return [];
    }
  });
}

export class NoticeBoard implements NoticeSink {
  readonly file: string;
  /** Found by this process, in the order found. */
  readonly found: string[] = [];
  /** Left by earlier runs (a subcommand, or an app closed before it could show them). */
  readonly earlier: readonly string[];
  private readonly ids: string[];
  private cleared = false;

  constructor(dir: string, private readonly now: number) {
    this.file = join(dir, NOTICES_FILE);
    const pending = readPending(this.file);
    this.earlier = pending.map((n) => n.text);
    this.ids = pending.map((n) => n.id);
  }

  /** Records damage found now: in memory, and on disk until shown. */
  push(...texts: string[]): number {
    for (const text of texts) {
      this.found.push(text);
      const id = `${this.now.toString(36)}-${crypto().randomBytes(4).toString('hex')}`;
      this.ids.push(id);
      try {
        appendFileSync(this.file, `${JSON.stringify({ id, at: this.now, text })}\n`);
      } catch {
        // A data directory that cannot be written: the notice is still shown (or printed) now.
      }
    }
    return this.found.length;
  }

  /** Every notice not yet shown: earlier ones first. */
  all(): string[] {
    return [...this.earlier, ...this.found];
  }

  /** The app has shown them: drops them from disk, keeping any another process added meanwhile. */
  shown(): void {
    if (this.cleared) return;
    this.cleared = true;
    const seen = new Set(this.ids);
    const rest = readPending(this.file).filter((n) => !seen.has(n.id));
    try {
      if (rest.length === 0) rmSync(this.file, { force: true });
      else writeTextFileAtomic(this.file, rest.map((n) => `${JSON.stringify(n)}\n`).join(''));
    } catch {
      // Shown again next time rather than lost.
    }
  }
}
