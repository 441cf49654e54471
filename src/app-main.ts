// Plain `keeper-prep` (what `npx keeper-prep` runs): the app, without the argument parser. Built
// as one CommonJS file of its own (dist/app.cjs, loaded by dist/app.js) holding everything the
// app may run. bin/keeper-prep.js calls main(); the command line's bundle (dist/cli.cjs), which
// holds no UI, asks this one's startApp when a command opens the app (study, design,
// behavioral), handing it only its arguments.
import { errorLine } from './app-launch.js';
import { startApp } from './app-start.js';
import { safeText } from './core/safe-text.js';
import { installPaths, prepareProcess } from './entry.js';

export { startApp };

export async function main(): Promise<void> {
  prepareProcess();
  // The same one line and exit 1 as every subcommand gives (see command-line.ts), not a stack trace.
  try {
    await startApp(installPaths(import.meta.url), {});
  } catch (error) {
    process.stderr.write(`keeper-prep: ${safeText(errorLine(error), { multiline: true })}\n`);
    process.exitCode = 1;
  }
}
