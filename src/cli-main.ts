// The command line as one CommonJS file (dist/cli.cjs), which src/cli.ts loads with its compiled
// code cached (store/code-cache.ts). It holds no UI: a command that opens the app asks dist/app.js,
// through the loader given here (see app-start-remote.ts).
import { runCommandLine } from './command-line.js';
import { setAppLoader } from './app-start-remote.js';
import type { InstallPaths } from './app-launch.js';

export async function main(argv: string[], paths: InstallPaths, version: string, loadApp: Parameters<typeof setAppLoader>[0]): Promise<void> {
  setAppLoader(loadApp);
  await runCommandLine(argv, paths, version);
}
