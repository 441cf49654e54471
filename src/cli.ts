// Entry point of every command (bin/keeper-prep.js starts plain `keeper-prep`, the app, from
// app-main.ts instead). The commands themselves are one CommonJS file beside this one
// (dist/cli.cjs, from cli-main.ts), loaded with its compiled code cached between runs
// (store/code-cache.ts); the command line opens the app too (`study`, `design`, `behavioral`),
// from dist/app.js.
import { fileURLToPath } from 'node:url';
import { exitWhenWritten, installPaths, prepareProcess } from './entry.js';
import { codeCacheDir, loadCommonJs } from './store/code-cache.js';
import { COMMAND_NAMES } from './command-names.js';

const version = typeof __KEEPER_PREP_VERSION__ === 'string' ? __KEEPER_PREP_VERSION__ : '0.0.0-dev';

prepareProcess();
// The command names the cache; a run without one (a mistyped word) shares 'other'. Help and the
// version compile almost nothing, and never write one.
const args = process.argv.slice(2);
const named = args.find((arg) => COMMAND_NAMES.includes(arg));
const command = args.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg)) ? null : named === 'behavioural' ? 'behavioral' : (named ?? 'other');
const cli = loadCommonJs(fileURLToPath(new URL('./cli.cjs', import.meta.url)), codeCacheDir(), command) as typeof import('./cli-main.js');
await cli.main(process.argv, installPaths(import.meta.url), version, () => import(new URL('./app.js', import.meta.url).href) as Promise<typeof import('./app-main.js')>);
exitWhenWritten();
