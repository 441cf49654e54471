// Opening the workspace, shared by the app (app-start.ts) and the command line.
import { openWorkspace, type Workspace, type WorkspaceOptions } from './store/workspace.js';
import { fsErrorLine } from './store/safe-write.js';
import type { Level } from './core/levels.js';

export interface InstallPaths {
  /** decks/ of the installed package. */
  builtinDir: string;
  /** dist/builtin-decks.jsonl, the built-in decks validated at build time. */
  builtinBundle: string;
  /** sql-wasm.wasm beside the bundle: SQLite for reading Anki packages and running SQL exercises. */
  sqlWasm: string;
  /** dist/sql-worker.js, the thread SQL exercises run in; from source, store/sql-worker.js is used. */
  sqlWorker?: string;
}

export interface GlobalOptions {
  dataDir?: string;
  deck?: string[];
  /** --interview: a YYYY-MM-DD date to remember, or null to clear it (already validated). */
  interview?: string | null;
  /** --level: the target level to remember (already validated). */
  level?: Level;
}

export function workspaceOptions(paths: InstallPaths, options: GlobalOptions): WorkspaceOptions {
  return { dataDir: options.dataDir, deckArgs: options.deck ?? [], env: process.env, builtinDir: paths.builtinDir, builtinBundle: paths.builtinBundle, now: Date.now(), exercisePaths: { sqlWasm: paths.sqlWasm, sqlWorker: paths.sqlWorker } };
}

export async function openFor(paths: InstallPaths, options: GlobalOptions): Promise<Workspace> {
  const ws = await openWorkspace(workspaceOptions(paths, options));
  // Remembered like the Settings screen's field: the date is set once, not passed every time.
  if (options.interview !== undefined) ws.settings.set({ interviewDate: options.interview });
  if (options.level !== undefined) ws.settings.set({ level: options.level });
  return ws;
}

/**
 * The one line printed for an error that stops a command or the app: a disk refusal names its
 * file and what to do (never the bare EISDIR of whichever call met it), anything else its message.
 * Plain `keeper-prep` and every subcommand print through here.
 */
export function errorLine(error: unknown): string {
  return fsErrorLine(error) ?? (error instanceof Error ? error.message : String(error));
}
