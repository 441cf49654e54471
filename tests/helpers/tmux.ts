// Drives the built CLI in a real terminal (tmux), waiting for frames rather than sleeping.
import { execFileSync } from 'node:child_process';
import { REPO } from './temp.js';

let counter = 0;

export interface TerminalOptions {
  width?: number;
  height?: number;
  env?: Record<string, string>;
}

export class Terminal {
  private readonly socket = `kp-e2e-${process.pid}-${counter++}`;

  constructor(readonly args: string[], readonly options: TerminalOptions = {}) {
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const command = `cd ${shellQuote(REPO)} && env ${env} ${shellQuote(process.execPath)} bin/keeper-prep.js ${args.map(shellQuote).join(' ')}; echo "[exited $?]"; sleep 600`;
    this.tmux('new-session', '-d', '-x', String(options.width ?? 80), '-y', String(options.height ?? 24), command);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  screen(options: { escapes?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []));
  }

  /** Sends keys by tmux name ("Enter", "Space", "C-c") or literal text. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', key);
  }

  /** Types text literally, so words like "Enter" are not taken for keys. */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  async waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof match === 'string' ? screen.includes(match) : match instanceof RegExp ? match.test(screen) : match(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(match)}; the screen was:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  /**
   * Presses a key until the screen matches: a key that arrives while a screen is still mounting
   * (ink attaches its input handler in an effect) is lost, and the app shows nothing for it.
   */
  async pressUntil(key: string, match: string | RegExp, tries = 5): Promise<string> {
    for (let i = 0; i < tries; i++) {
      this.press(key);
      const screen = await this.waitFor(match, 1000).catch(() => null);
      if (screen !== null) return screen;
    }
    return this.waitFor(match);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The review screen's progress line: "12 done · 35 left". */
export const PROGRESS = /(\d+) done · (\d+) left/;

/** Answers whatever card is showing, whatever its kind, and waits until the rating is stored. */
export async function answerCurrentCard(term: Terminal): Promise<void> {
  const screen = await term.waitFor(PROGRESS);
  const done = Number(PROGRESS.exec(screen)![1]);
  const kind = / · (flashcard|choice|multi|open)/.exec(screen)?.[1];
  switch (kind) {
    case 'flashcard':
      await term.pressUntil('Space', 'How well did you recall it?');
      term.press('3');
      break;
    case 'choice':
      await term.pressUntil('1', /rated (Good|Again|Hard)/);
      term.press('Enter');
      break;
    case 'multi':
      await term.pressUntil('1', '[x]');
      term.press('Enter');
      await term.waitFor(/rated (Good|Again|Hard)/);
      term.press('Enter');
      break;
    case 'open':
      await term.pressUntil('Enter', 'Tick the key points');
      term.press('Enter');
      break;
    default:
      throw new Error(`no card on screen:\n${screen}`);
  }
  await term.waitFor(new RegExp(`\\b${done + 1} done · \\d+ left|Session complete`));
}

/** q mid-session shows the summary first; Enter on it goes back to where the session started. */
export async function endSession(term: Terminal, back: string | RegExp): Promise<void> {
  term.press('q');
  await term.waitFor(/Session ended early|Session complete/);
  await term.pressUntil('Enter', back);
}
