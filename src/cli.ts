// Entry point. Plain `keeper-prep` (what `npx keeper-prep` runs) goes straight to the app without
// loading the argument parser; anything else goes through the command line.
import { fileURLToPath } from 'node:url';
import { errorLine, startApp, type InstallPaths } from './app-launch.js';
import { safeText } from './core/safe-text.js';

const paths: InstallPaths = {
  builtinDir: fileURLToPath(new URL('../decks/', import.meta.url)),
  builtinBundle: fileURLToPath(new URL('./builtin-decks.json', import.meta.url)),
  sqlWasm: fileURLToPath(new URL('./sql-wasm.wasm', import.meta.url)),
  sqlWorker: fileURLToPath(new URL('./sql-worker.js', import.meta.url)),
};
const version = typeof __KEEPER_PREP_VERSION__ === 'string' ? __KEEPER_PREP_VERSION__ : '0.0.0-dev';

if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

// A reader that stops early (`| head`) closes the pipe: the output is over, nothing went wrong.
// Exit at once, with the status the command has set so far (0 unless it found a problem).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
}

if (process.argv.length <= 2) {
  // The same one line and exit 1 as every subcommand gives (see command-line.ts), not a stack trace.
  try {
    await startApp(paths, {});
  } catch (error) {
    process.stderr.write(`keeper-prep: ${safeText(errorLine(error), { multiline: true })}\n`);
    process.exitCode = 1;
  }
} else {
  const { runCommandLine } = await import('./command-line.js');
  await runCommandLine(process.argv, paths, version);
}
