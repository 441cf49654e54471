// Starting the app: plain `keeper-prep` (app-main.ts, dist/app.js) and the commands that open it
// (study, design, behavioral). The UI is imported only here. The command line's bundle
// (dist/cli.cjs) holds no UI: there, this module is app-start-remote.ts, which asks dist/app.js.
import { openFor, type GlobalOptions, type InstallPaths } from './app-launch.js';
import { withoutTerminal, type Launch } from './app-no-terminal.js';

export type { Launch } from './app-no-terminal.js';


/**
 * The UI, imported with `fetch` hidden. yoga-layout (ink's layout engine) probes `fetch` as it
 * loads its WebAssembly, which ships inline as base64: on Node the probe loads undici and fetches
 * the data: URL through it, some 25 ms of every start. Without fetch it decodes the bytes itself.
 * Nothing else runs fetch meanwhile (opening the workspace reads files only), and it is put back
 * as it was once the UI has loaded. In the app's CommonJS bundle yoga cannot hold its top-level
 * await (scripts/build.mjs gives it a stand-in), so the UI is ready once the promise it leaves is.
 */
async function importUi(): Promise<typeof import('./ui/run.js')> {
  const held = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const load = async () => {
    const ui = await import('./ui/run.js');
    await (globalThis as Record<symbol, unknown>)[Symbol.for('keeper-prep.yoga')];
    return ui;
  };
  if (!held?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', held);
  }
}

export async function startApp(paths: InstallPaths, options: GlobalOptions, launch: Launch = {}): Promise<void> {
  if (await withoutTerminal(paths, options, launch)) return;
  // ink draws only the last frame when it thinks it runs under CI (it looks when it loads); on a
  // real terminal it does not.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // The UI loads while the workspace opens: its files are read, and its layout engine (WebAssembly)
  // compiled off the main thread, in the gaps the deck and progress reads leave. A failure to load
  // it is met at the await below; when opening fails first, that error is the one said.
  const ui = importUi();
  ui.catch(() => {});
  const ws = await openFor(paths, options);
  const { runApp } = await ui;
  await runApp(ws, launch);
}
