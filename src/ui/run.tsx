import { writeSync } from 'node:fs';
import { render } from 'ink';
import type { Screen } from './app-context.js';
import type { Workspace } from '../store/workspace.js';
import type { Launch } from '../app-start.js';
import { App, loadScreens } from './App.js';
import { studySession, type StudySession } from '../commands/study.js';
import { exitLine } from './exit-line.js';
import { safeText } from '../core/safe-text.js';

// Like vim or lazygit, the app draws on the terminal's alternate screen and gives the shell's
// screen back as it was on every way out: q, Ctrl+C, SIGTERM, a crash.
const ENTER_ALT = '\u001B[?1049h\u001B[2J\u001B[H';
const LEAVE_ALT = '\u001B[?25h\u001B[?1049l';
const CLEAR = '\u001B[2J\u001B[H';

function ownScreen(): () => void {
  let owned = true;
  process.stdout.write(ENTER_ALT);
  // Raw at once, not when ink gets round to it after the first frame: a key pressed while the
  // app starts is then kept for the app instead of echoed onto the screen.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  const give = () => {
    if (!owned) return;
    owned = false;
    // Synchronous: this also runs from 'exit', where a stream write might never be flushed.
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      writeSync(1, LEAVE_ALT);
    } catch {
      // the terminal is gone; nothing to give back
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    give();
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  };
  process.on('exit', give);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  return give;
}

export async function runApp(ws: Workspace, options: Launch): Promise<void> {
  const clock = () => Date.now();
  const initial: Screen[] = [];
  if (options.study) {
    let session: StudySession;
    try {
      session = await studySession(ws, options.study, clock());
    } catch (error) {
      // Before the app owns the screen: the one line is printed on the shell's.
      ws.close();
      throw error;
    }
    initial.push({ name: 'review', title: session.title, items: session.items, ...(session.practice ? { once: true, cram: 'practice' as const, askConfidence: ws.settings.get().askConfidence } : {}) });
  }
  if (options.design) {
    initial.push({ name: 'designs' });
    if (options.design.key) initial.push({ name: 'mock', key: options.design.key, minutes: options.design.minutes });
  }
  if (options.round) initial.push({ name: 'culture-round', questions: options.round.questions, minutes: options.round.minutes });
  // Home draws before the other screens are loaded; a first screen that is another waits for them.
  if (initial.length > 0 || !ws.settings.get().role) await loadScreens();
  let rated = 0;
  const giveBack = ownScreen();
  // A terminal that reflowed or cropped the old frame is wiped, and ink forgets what it drew, so
  // the next frame is drawn whole on a clean screen at the new size.
  let instance: ReturnType<typeof render> | null = null;
  const onResize = () => {
    process.stdout.write(CLEAR);
    instance?.clear();
  };
  process.stdout.on('resize', onResize);
  /**
   * The editor gets the terminal as the shell had it (main screen, cooked mode) and the app takes
   * it back whole. The editor runs synchronously, so ink neither draws nor reads keys meanwhile.
   */
  const handOver = <T,>(run: () => T): T => {
    writeSync(1, LEAVE_ALT);
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    // Ctrl+C in an editor that leaves the terminal cooked is the editor's to handle, not a reason
    // for the app to die under it.
    const keepRunning = () => undefined;
    process.on('SIGINT', keepRunning);
    try {
      return run();
    } finally {
      // Later, not now: a Ctrl+C the editor got is handed to node's listeners only on the next turn.
      setTimeout(() => process.off('SIGINT', keepRunning), 100);
      if (process.stdin.isTTY) process.stdin.setRawMode(true);
      writeSync(1, ENTER_ALT);
      // ink forgets what it drew, so the next frame (the edit's outcome) is drawn whole.
      instance?.clear();
    }
  };
  instance = render(<App ws={ws} clock={clock} initial={initial} onRated={(change) => (rated += change)} editor={{ env: process.env, handOver }} />, { exitOnCtrlC: true, patchConsole: false });
  // ink's own resize handler draws the tree it has, still laid out for the old size, at once:
  // on a narrower terminal its lines wrap and the screen scrolls until the next frame. The app
  // re-renders for the new size itself (useWindowSize), and a commit lays out and draws anew.
  // (ink 6.8 registers it as its `resized` method; the app's own listeners have other names.)
  for (const listener of process.stdout.listeners('resize')) {
    if (listener.name === 'resized') process.stdout.off('resize', listener as () => void);
  }
  // After the first frame, not before it: a long replay of the log is saved for the next start.
  setTimeout(() => ws.progress.saveSnapshot(), 0);
  let crash: unknown = null;
  try {
    await instance.waitUntilExit();
  } catch (error) {
    crash = error;
  } finally {
    process.stdout.off('resize', onResize);
    giveBack();
    ws.close();
  }
  if (crash) {
    // What ink drew of the error was on the alternate screen, now gone: say it on the shell's.
    const message = safeText(crash instanceof Error ? crash.message : String(crash), { multiline: true });
    process.stderr.write(`keeper-prep: the app stopped on an error: ${message}\nEvery rating made before it is saved. Please report this with the line above.\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${exitLine(ws, rated, clock())}\n`);
}
