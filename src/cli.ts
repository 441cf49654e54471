// Command line: parses arguments, runs a data subcommand, or starts the app. The app's UI is a
// separate chunk, imported only when it is needed, so data subcommands never load Ink or React.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import { decksCommand } from './commands/decks.js';
import { searchCommand } from './commands/search.js';
import { statsCommand } from './commands/stats.js';
import { validateCommand } from './commands/validate.js';
import { deckJsonSchema } from './core/deck.js';
import { openWorkspace, type Workspace } from './store/workspace.js';

const builtinDir = fileURLToPath(new URL('../decks/', import.meta.url));
const builtinBundle = fileURLToPath(new URL('./builtin-decks.json', import.meta.url));
const version = typeof __KEEPER_PREP_VERSION__ === 'string' ? __KEEPER_PREP_VERSION__ : '0.0.0-dev';

if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

interface GlobalOptions {
  dataDir?: string;
  deck?: string[];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

/** Opens the workspace for a data subcommand, and closes it (saving a snapshot if due) after. */
function withWorkspace(options: GlobalOptions, run: (ws: Workspace) => string): void {
  const ws = open(options);
  try {
    print(run(ws));
  } finally {
    ws.close();
  }
}

function open(options: GlobalOptions): Workspace {
  return openWorkspace({ dataDir: options.dataDir, deckArgs: options.deck ?? [], env: process.env, builtinDir, builtinBundle, now: Date.now() });
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

const NEEDS_TERMINAL =
  'keeper-prep needs an interactive terminal for the app; without one, use: decks, validate FILE..., search QUERY, stats (each with --help).';

async function startApp(options: GlobalOptions, study: { limit?: number } | null): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(`${NEEDS_TERMINAL}\n`);
    process.exitCode = 1;
    return;
  }
  const ws = open(options);
  // ink draws only the last frame when it thinks it runs under CI; on a real terminal it does not.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { runApp } = await import('./ui/run.js');
  await runApp(ws, { study });
}

const program = new Command()
  .name('keeper-prep')
  .description('Get ready for a Netflix interview loop: culture, role skills and system design, with spaced repetition.')
  .version(version, '-v, --version', 'print the version')
  .helpOption('-h, --help', 'show this help')
  .addOption(new Option('--data-dir <dir>', 'where progress and settings live (or set KEEPER_PREP_HOME)'))
  .addOption(new Option('--deck <id|file>', 'study only this deck; a file path is loaded too (repeatable)').argParser(collect))
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({
    writeErr: (text) => process.stderr.write(text),
    outputError: (text, write) => write(`keeper-prep: ${text.replace(/^error: /, '').trim()}\n`),
  })
  .action(async () => startApp(program.opts<GlobalOptions>(), null));

program.addHelpText(
  'after',
  `
Without a command, opens the app (needs an interactive terminal).
Progress is kept in ${'`--data-dir`'}, KEEPER_PREP_HOME, or your config directory.
Extra deck files: put them in <data dir>/decks, list them in KEEPER_PREP_DECKS, or pass --deck FILE.`,
);

program
  .command('study')
  .description('start a review session right away')
  .option('--limit <n>', 'at most this many cards', positiveInt)
  .action(async (opts: { limit?: number }, cmd: Command) => startApp(cmd.optsWithGlobals<GlobalOptions>(), { ...(opts.limit ? { limit: opts.limit } : {}) }));

program
  .command('search')
  .description('fuzzy-search every loaded card')
  .argument('<query...>', 'words to look for')
  .option('--json', 'print matches as JSON')
  .action((query: string[], opts: { json?: boolean }, cmd: Command) => {
    withWorkspace(cmd.optsWithGlobals<GlobalOptions>(), (ws) => searchCommand(ws, query.join(' '), !!opts.json));
  });

program
  .command('decks')
  .description('list loaded decks with card counts, and broken decks with their errors')
  .option('--json', 'print as JSON')
  .action((opts: { json?: boolean }, cmd: Command) => {
    withWorkspace(cmd.optsWithGlobals<GlobalOptions>(), (ws) => decksCommand(ws, !!opts.json));
  });

program
  .command('validate')
  .description('check deck files (or directories of them); exit 1 if any has errors')
  .argument('<file...>', 'deck JSON files or directories')
  .option('--json', 'print results as JSON')
  .action((files: string[], opts: { json?: boolean }) => {
    const result = validateCommand(files, !!opts.json);
    print(result.output);
    if (!result.ok) process.exitCode = 1;
  });

program
  .command('stats')
  .description('cards, due today, new today, per deck, and reviews stored')
  .option('--json', 'print as JSON')
  .action((opts: { json?: boolean }, cmd: Command) => {
    withWorkspace(cmd.optsWithGlobals<GlobalOptions>(), (ws) => statsCommand(ws, Date.now(), !!opts.json));
  });

program
  .command('schema', { hidden: true })
  .description('print the deck JSON Schema')
  .action(() => print(JSON.stringify(deckJsonSchema(), null, 2)));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.exitCode !== 0 && !['commander.help', 'commander.helpDisplayed', 'commander.version'].includes(error.code)) {
      process.stderr.write(`${program.helpInformation().split('\n')[0]}\nRun "keeper-prep --help" for the commands and options.\n`);
    }
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`keeper-prep: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
