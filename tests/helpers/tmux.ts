// Drives the built CLI in a real terminal (tmux), waiting for frames rather than sleeping.
import { execFileSync } from 'node:child_process';
import { REPO } from './temp.js';

let counter = 0;

export interface TerminalOptions {
  width?: number;
  height?: number;
  env?: Record<string, string>;
  /** A shell command run in the pane before the app (e.g. `echo MARKER` to see what the app leaves behind). */
  prefix?: string;
}

/**
 * Variables of the test run that would change how the app draws: ink draws nothing until exit
 * when CI is set, and the colour ones are for each test to choose.
 */
const UNSET = ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR'];

/** How long a key may take to show before it counts as lost: well above the slowest answer seen with every core busy (0.6 s). */

export class Terminal {
  private readonly socket = `kp-e2e-${process.pid}-${counter++}`;
  width: number;
  height: number;

  constructor(readonly args: string[], readonly options: TerminalOptions = {}) {
    this.width = options.width ?? 80;
    this.height = options.height ?? 24;
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const unset = UNSET.map((name) => `-u ${name}`).join(' ');
    const prefix = options.prefix ? `${options.prefix} && ` : '';
    const command = `cd ${shellQuote(REPO)} && ${prefix}env ${unset} ${env} ${shellQuote(process.execPath)} bin/keeper-prep.js ${args.map(shellQuote).join(' ')}; echo "[exited $?]"; sleep 600`;
    this.tmux('new-session', '-d', '-x', String(this.width), '-y', String(this.height), command);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  screen(options: { escapes?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []));
  }

  /**
   * Resizes the terminal as a user dragging the window would: the app gets SIGWINCH. A detached
   * session has no client to take its size from, so resize-window sets it (tmux 3.3 then keeps
   * that size for the window, as with window-size manual).
   */
  resize(width: number, height: number): void {
    this.tmux('resize-window', '-x', String(width), '-y', String(height));
    this.width = width;
    this.height = height;
  }

  /** Sends keys by tmux name ("Enter", "Space", "C-c") or literal text, one tmux call each. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', key);
  }

  /** Sends keys in one tmux call, so the app reads them together, as it does from a fast typist or a paste. */
  burst(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Types text literally, so words like "Enter" are not taken for keys. */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  /** Pastes text as a terminal does (tmux's paste buffer: line ends as Enter), in one write. */
  paste(text: string): void {
    this.tmux('set-buffer', '--', text);
    this.tmux('paste-buffer', '-d');
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
   * Presses a key once and waits for the screen it leads to. Once: the app's input router hands a
   * key to the screen on show even while it mounts, so a key is never lost, and sending it again
   * on a slow machine would type it twice (a second `/` in the search box).
   */
  async pressUntil(key: string, match: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    this.press(key);
    return this.waitFor(match, timeoutMs);
  }

  /**
   * Moves a menu's `›` cursor onto the entry starting with `label`, reading where the cursor is
   * before every key, so a slow key costs a step instead of overshooting.
   */
  async select(label: string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    // The highlighted entry's row and text: a key has acted once either changes.
    const cursor = (screen: string) => {
      const lines = screen.split('\n');
      const at = lines.findIndex((line) => line.trimStart().startsWith('› '));
      return { lines, at, text: at === -1 ? '' : lines[at]! };
    };
    for (;;) {
      const { lines, at, text } = cursor(this.screen());
      const target = lines.findIndex((line) => line.trim().replace(/^› /, '').startsWith(label));
      if (at !== -1 && at === target) return this.waitFor(`› ${label}`);
      if (Date.now() > deadline) throw new Error(`could not move the cursor to ${label}; the screen was:\n${lines.join('\n')}`);
      if (at === -1) {
        // No menu drawn yet (the app is starting): a key now would be counted as moving nothing.
        await this.waitFor((screen) => cursor(screen).at !== -1, Math.max(1, deadline - Date.now()));
        continue;
      }
      // Below the cursor, or not on screen yet (a scrolled list): go down. One key at a time, each
      // waited for until the cursor has moved (no key is lost, so none is sent twice).
      this.press(target !== -1 && target < at ? 'Up' : 'Down');
      await this.waitFor((screen) => {
        const now = cursor(screen);
        return now.at !== at || now.text !== text;
      }, Math.max(1, deadline - Date.now()));
    }
  }


  /**
   * Waits for a frame that passes a check, and returns the last capture with its problems. A
   * frame that never passes is judged once the screen has been still for a moment after a
   * minimum wait, so a wrong frame costs about two seconds, not the whole timeout.
   */
  async settle(problemsOf: (screen: string) => string[], { minMs = 1500, quietMs = 500, timeoutMs = 8000 } = {}): Promise<{ screen: string; problems: string[] }> {
    const start = Date.now();
    let last = '';
    let since = start;
    for (;;) {
      const screen = this.screen();
      const problems = problemsOf(screen);
      if (problems.length === 0) return { screen, problems };
      const now = Date.now();
      if (screen !== last) {
        last = screen;
        since = now;
      }
      if (now - start > timeoutMs || (now - start > minMs && now - since > quietMs)) return { screen, problems };
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
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

/** Answers whatever card is showing, whatever its kind, and waits until the next card (or the end) shows. */
export async function answerCurrentCard(term: Terminal): Promise<void> {
  const screen = await term.waitFor(PROGRESS);
  const done = Number(PROGRESS.exec(screen)![1]);
  const kind = / · (flashcard|choice|select all|open|SQL exercise|code exercise)/.exec(screen)?.[1];
  const next = new RegExp(`\\b${done + 1} done · \\d+ left|Session complete`);
  // Cram and weak-topic sessions ask "sure or guess?" before a choice answer is taken.
  if (screen.includes('How sure are you?')) await term.pressUntil('s', (s) => !s.includes('How sure are you?'));
  switch (kind) {
    case 'flashcard':
      await term.pressUntil('Space', 'How well did you recall it?');
      await term.pressUntil('3', next);
      return;
    case 'choice':
      await term.pressUntil('1', /rated (Good|Again|Hard)/);
      await term.pressUntil('Enter', next);
      return;
    case 'select all':
      await term.pressUntil('1', '[x]');
      await term.pressUntil('Enter', /rated (Good|Again|Hard)/);
      await term.pressUntil('Enter', next);
      return;
    case 'open':
      await term.pressUntil('Enter', 'Tick the key points');
      await term.pressUntil('Enter', next);
      return;
    case 'SQL exercise':
    case 'code exercise':
      // Out of the editor, give up (asked first), then on.
      await term.pressUntil('Escape', 'g give up');
      await term.pressUntil('g', 'Give up and see the solution?');
      await term.pressUntil('y', 'rated Again');
      await term.pressUntil('Enter', next);
      return;
    default:
      throw new Error(`no card on screen:\n${screen}`);
  }
}

/** The first-run date step, after the role: Esc skips it (nothing stored) and Home shows. */
export async function skipInterviewDate(term: Terminal): Promise<string> {
  await term.waitFor('When is your interview?');
  return term.pressUntil('Escape', 'keeper-prep › Home');
}

/** First run: chooses the role whose entry starts with `label`, skips the date, and waits for Home. */
export async function chooseRoleOnFirstRun(term: Terminal, label: string): Promise<string> {
  await term.waitFor('Which role are you interviewing for?');
  await term.select(label);
  await term.pressUntil('Enter', 'When is your interview?');
  return skipInterviewDate(term);
}

/** q mid-session shows the summary first; Enter on it goes back to where the session started. */
export async function endSession(term: Terminal, back: string | RegExp): Promise<void> {
  term.press('q');
  await term.waitFor(/Session ended early|Session complete/);
  await term.pressUntil('Enter', back);
}
