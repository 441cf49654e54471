// Plain `keeper-prep` (what `npx keeper-prep` runs): the app, without the argument parser. Built
// as one file of its own (dist/app.js) holding everything the app may run: node resolves, loads
// and links one module instead of the three dozen chunks the split command bundle gives this path.
import { errorLine, startApp } from './app-launch.js';
import { safeText } from './core/safe-text.js';
import { installPaths, prepareProcess } from './entry.js';

prepareProcess();
// The same one line and exit 1 as every subcommand gives (see command-line.ts), not a stack trace.
try {
  await startApp(installPaths(import.meta.url), {});
} catch (error) {
  process.stderr.write(`keeper-prep: ${safeText(errorLine(error), { multiline: true })}\n`);
  process.exitCode = 1;
}
