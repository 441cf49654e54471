// What both entry files set up before anything else runs: plain `keeper-prep` starts from
// app-main.ts (dist/app.js), every command from cli.ts (dist/cli.js); bin/keeper-prep.js picks.
import { fileURLToPath } from 'node:url';
import type { InstallPaths } from './app-launch.js';

/** The install's files, found beside `entryUrl`: the entry file's own import.meta.url, in dist/. */
export function installPaths(entryUrl: string): InstallPaths {
  return {
    builtinDir: fileURLToPath(new URL('../decks/', entryUrl)),
    builtinBundle: fileURLToPath(new URL('./builtin-decks.jsonl', entryUrl)),
    sqlWasm: fileURLToPath(new URL('./sql-wasm.wasm', entryUrl)),
    sqlWorker: fileURLToPath(new URL('./sql-worker.js', entryUrl)),
  };
}

export function prepareProcess(): void {
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  // A reader that stops early (`| head`) closes the pipe: the output is over, nothing went wrong.
  // Exit at once, with the status the command has set so far (0 unless it found a problem).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit();
    });
  }
}

/**
 * Ends the process once what it wrote has reached stdout and stderr. A command is over when it
 * returns (every command awaits its own work, the app included), but the process would still
 * wait for V8's idle-time garbage collection, some 5-10 ms of every command, for nothing.
 */
export function exitWhenWritten(): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
