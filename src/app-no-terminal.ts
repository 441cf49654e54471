// Starting the app where there is no terminal for it (a script, a pipe): shared by the app
// (app-start.ts) and the command line's bundle (app-start-remote.ts), which so answers without
// loading the app's.
import { checkDeckArgs, openWorkspace } from './store/workspace.js';
import { isCustom, studySession, type StudyChoice } from './commands/study.js';
import { workspaceOptions, type GlobalOptions, type InstallPaths } from './app-launch.js';

export const NEEDS_TERMINAL =
  'keeper-prep needs an interactive terminal for the app; without one, use: decks, validate FILE..., search QUERY, stats, report, design --list, exercise --list, exercise check DECK/CARD FILE, behavioral history, import FILE, new-deck FILE, export-progress FILE, flags (each with --help).';

/** Where the app opens: Home, straight into a study session, or the design mocks. */
export interface Launch {
  /** `study` and its choice (commands/study.ts); an empty one is today's review. */
  study?: StudyChoice;
  design?: { key?: string | undefined; minutes?: number | undefined };
  /** `behavioral`: a culture round. */
  round?: { questions?: number | undefined; minutes?: number | undefined };
}

/** Without a terminal: the one-line notice, exit code 1, and true; with one, false. */
export async function withoutTerminal(paths: InstallPaths, options: GlobalOptions, launch: Launch): Promise<boolean> {
  if (process.stdin.isTTY && process.stdout.isTTY) return false;
  // A script is better served by the real mistake in its --deck than by the terminal notice.
  if (options.deck?.length) await checkDeckArgs(workspaceOptions(paths, options));
  // Likewise an unknown tag or skill, or a search that finds nothing.
  if (launch.study && isCustom(launch.study)) {
    const ws = await openWorkspace(workspaceOptions(paths, options));
    try {
      await studySession(ws, launch.study, Date.now());
    } finally {
      ws.close();
    }
  }
  process.stderr.write(`${NEEDS_TERMINAL}\n`);
  process.exitCode = 1;
  return true;
}
