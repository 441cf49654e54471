// Entry point of every command (bin/keeper-prep.js starts plain `keeper-prep`, the app, from
// app-main.ts instead). The command line opens the app too: `study`, `design`, `behavioral`.
import { exitWhenWritten, installPaths, prepareProcess } from './entry.js';

const version = typeof __KEEPER_PREP_VERSION__ === 'string' ? __KEEPER_PREP_VERSION__ : '0.0.0-dev';

prepareProcess();
const { runCommandLine } = await import('./command-line.js');
await runCommandLine(process.argv, installPaths(import.meta.url), version);
exitWhenWritten();
