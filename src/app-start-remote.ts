// app-start.ts as the command line's CommonJS bundle (dist/cli.cjs) has it: that bundle holds no
// UI (ink's layout engine loads with a top-level await, which CommonJS cannot hold), so starting
// the app is asked of dist/app.js, loaded by the launcher (src/cli.ts) that knows where it is.
// Only the arguments cross over; the app opens its own workspace with its own modules.
import type { GlobalOptions, InstallPaths } from './app-launch.js';
import { withoutTerminal, type Launch } from './app-no-terminal.js';

type StartApp = (paths: InstallPaths, options: GlobalOptions, launch?: Launch) => Promise<void>;

let loadApp: (() => Promise<{ startApp: StartApp }>) | null = null;

export function setAppLoader(load: () => Promise<{ startApp: StartApp }>): void {
  loadApp = load;
}

export async function startApp(paths: InstallPaths, options: GlobalOptions, launch: Launch = {}): Promise<void> {
  if (await withoutTerminal(paths, options, launch)) return;
  if (!loadApp) throw new Error('the app cannot be started from here');
  const app = await loadApp();
  await app.startApp(paths, options, launch);
}
