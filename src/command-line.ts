// The command line: subcommands for scripts and quick checks, and flags for the app.
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { errorLine, openFor, type GlobalOptions, type InstallPaths } from './app-launch.js';
import { startApp } from './app-start.js';
// The light commands are imported here, not when they run. What is heavy stays on demand: the
// importer, the validator (zod), the answer matcher, progress transfer, the charts of `stats`;
// in the one-file bundle (dist/cli.cjs) those are compiled when first run, never at a start.
import { decksCommand } from './commands/decks.js';
import { behavioralHistoryCommand } from './commands/behavioral.js';
import { designHistoryCommand, designListCommand, findPrompt } from './commands/design.js';
import { exerciseCheckCommand, exerciseListCommand } from './commands/exercise-check.js';
import { clearFlagCommand, flagsCommand } from './commands/flags.js';
import { reportCommand } from './commands/report.js';
import { queryFromArgs, searchCommand } from './commands/search.js';
import { statsJson } from './commands/stats-json.js';
import { readAnswerFile } from './store/answer-file.js';
import { ensureSchemaCopy } from './store/deck-schema.js';
import { FILTER_HELP } from './core/search-query.js';
// stats, search, design and validate load their modules in their own actions: charts, text
// wrapping, the search index and the deck validator (zod) cost every other command their load time otherwise.
import { choiceProblem, type StudyChoice } from './commands/study.js';
import { formatDate, parseInterviewDate } from './core/day.js';
import { LEVELS, parseLevel, type Level } from './core/levels.js';
import { safeText } from './core/safe-text.js';
import { shellArg } from './core/shell.js';
import { resolveDataDir, type Workspace } from './store/workspace.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

function interviewDate(value: string): string | null {
  if (value === 'none') return null;
  if (parseInterviewDate(value) === null) throw new InvalidArgumentError('must be a date like 2026-12-03 (or "none" to clear it)');
  return value;
}

function targetLevel(value: string): Level {
  const level = parseLevel(value);
  if (!level) throw new InvalidArgumentError(`must be one of ${LEVELS.join(', ')} (intern or new graduate is entry)`);
  return level;
}

/**
 * commander puts its spelling suggestion on a second line, "(Did you mean study?)"; the error
 * stays one line, with the suggestion quoted like the word it corrects.
 */
function oneLineError(text: string): string {
  const message = text.replace(/^error: /, '').trim();
  return message.replace(/\s*\(Did you mean (one of )?(.+)\?\)$/, (_all, oneOf: string | undefined, names: string) => `. Did you mean ${oneOf ?? ''}${names.split(', ').map((n) => `'${n}'`).join(', ')}?`);
}

/**
 * commander reports an unknown command, with its suggestion, only for a program without an
 * action of its own; plain keeper-prep opens the app, so the action hands extra words back here.
 */
function unknownCommand(program: Command): never {
  const commander = program as unknown as { unknownCommand?: () => never };
  if (typeof commander.unknownCommand === 'function') commander.unknownCommand();
  program.error(`error: unknown command '${program.args[0]}'`, { code: 'commander.unknownCommand' });
}

/** Commands make what they quote safe; this is the net under them (safeText is idempotent). */
function print(text: string): void {
  const safe = safeText(text, { multiline: true });
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** Opens the workspace for a data subcommand, and closes it (saving a snapshot if due) after. */
async function withWorkspace(paths: InstallPaths, options: GlobalOptions, run: (ws: Workspace) => string | Promise<string>): Promise<void> {
  const ws = await openFor(paths, options);
  // Damage found on opening is told here once; it also waits on disk for the app's first screen.
  for (const notice of ws.foundNotices) process.stderr.write(`keeper-prep: ${notice}\n`);
  try {
    print(await run(ws));
  } finally {
    ws.close();
  }
}

export async function runCommandLine(argv: string[], paths: InstallPaths, version: string): Promise<void> {
  const program = new Command()
    .name('keeper-prep')
    .description('Get ready for a Netflix interview loop: culture, role skills and system design, with spaced repetition.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addOption(new Option('--data-dir <dir>', 'where progress and settings live (or set KEEPER_PREP_HOME)'))
    .addOption(new Option('--deck <id|file>', 'study only this deck; a file path is loaded too (repeatable)').argParser(collect))
    .addOption(new Option('--interview <YYYY-MM-DD>', 'set (and remember) your interview date; "none" clears it').argParser(interviewDate))
    .addOption(new Option('--level <level>', `set (and remember) the level you interview for, whose bar rubrics show: ${LEVELS.join(', ')}`).argParser(targetLevel))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(safeText(text, { multiline: true })),
      outputError: (text, write) => write(`keeper-prep: ${oneLineError(text)}\n`),
    })
    .action(async () => {
      if (program.args.length > 0) unknownCommand(program);
      await startApp(paths, program.opts<GlobalOptions>());
    });

  program.addHelpText(
    'after',
    `
  Without a command, opens the app (needs an interactive terminal).
  Progress is kept in ${'`--data-dir`'}, KEEPER_PREP_HOME, or your config directory.
  Extra deck files: put them in <data dir>/decks, list them in KEEPER_PREP_DECKS, or pass --deck FILE.`,
  );

  program
    .command('study')
    .description("start a review session right away: today's cards, or a tag, skill or search of your choosing")
    .option('--limit <n>', 'at most this many cards', positiveInt)
    .option('--tag <tag>', 'only cards with this tag, from any loaded deck')
    .option('--skill <name>', "only cards of this skill's decks, like SQL")
    .option('--search <query>', 'only the cards this search finds')
    .option('--due', 'only the cards due today')
    .option('--new <n>', 'learn N more new cards today, on top of the daily limits', positiveInt)
    .option('--practice', 'every card of the choice, weakest first, kept off the schedule')
    .addHelpText(
      'after',
      `
Without --due, --new or --practice: today's cards of the choice (due, then new
within the daily limits). --deck ID narrows any choice to that deck.

Examples:
  keeper-prep study --deck sql --new 10
  keeper-prep study --tag joins --due
  keeper-prep study --skill Statistics --practice
  keeper-prep study --search "window functions"
  keeper-prep study --practice --limit 20
`,
    )
    .action(async (opts: StudyChoice, cmd: Command) => {
      const problem = choiceProblem(opts);
      if (problem) throw new Error(problem);
      await startApp(paths, cmd.optsWithGlobals<GlobalOptions>(), { study: opts });
    });

  program
    .command('design')
    .description('timed system-design mocks: the prompt list, one prompt (ID), or past attempts (history [ID])')
    .argument('[id]', 'a prompt to start, or "history"')
    .argument('[prompt]', 'with history: only this prompt')
    .option('--list', 'print the prompts instead of opening the app')
    .option('--minutes <n>', 'run the mock shortened to this many minutes (phases keep their proportions)', positiveInt)
    .option('--json', 'with --list or history: print as JSON')
    .addHelpText('after', '\nExamples:\n  keeper-prep design open-connect-cache-fill --minutes 15\n  keeper-prep design --list --json\n  keeper-prep design history open-connect-cache-fill\n')
    .action(async (id: string | undefined, prompt: string | undefined, opts: { list?: boolean; minutes?: number; json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      if (id === 'history' || opts.list) {
        await withWorkspace(paths, globals, (ws) => {
          if (opts.list) return designListCommand(ws, Date.now(), !!opts.json);
          if (!prompt) return designHistoryCommand(ws, undefined, !!opts.json);
          const found = findPrompt(ws, prompt, Date.now());
          if (typeof found === 'string') throw new Error(found);
          return designHistoryCommand(ws, found.key, !!opts.json);
        });
        return;
      }
      let key: string | undefined;
      if (id) {
        const ws = await openFor(paths, globals);
        const found = findPrompt(ws, id, Date.now());
        ws.close();
        if (typeof found === 'string') throw new Error(found);
        key = found.key;
      }
      await startApp(paths, globals, { design: { key, minutes: opts.minutes } });
    });

  program
    .command('behavioral')
    .alias('behavioural')
    .description('a timed culture round: behavioural questions against the clock, feedback on each answer, a self-score; or past rounds (history)')
    .argument('[history]', '"history": list past rounds instead of starting one')
    .option('--questions <n>', 'how many questions (default 5)', positiveInt)
    .option('--minutes <n>', 'the countdown for each question (default 3; shown, not enforced)', positiveInt)
    .option('--json', 'with history: print as JSON')
    .addHelpText('after', '\nExamples:\n  keeper-prep behavioral\n  keeper-prep behavioral --questions 2 --minutes 1\n  keeper-prep behavioral history --json\n')
    .action(async (sub: string | undefined, opts: { questions?: number; minutes?: number; json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      if (sub !== undefined && sub !== 'history') throw new Error(`unknown behavioral command "${safeText(sub)}"; did you mean "history"?`);
      if (sub === 'history') {
        await withWorkspace(paths, globals, (ws) => behavioralHistoryCommand(ws, !!opts.json));
        return;
      }
      await startApp(paths, globals, { round: { questions: opts.questions, minutes: opts.minutes } });
    });

  program
    .command('search')
    .description('search every loaded card: words (fuzzy) and filters')
    .argument('<query...>', `words to look for, and ${FILTER_HELP}`)
    .option('--json', 'print matches as JSON')
    .addHelpText('after', `\nWith words: the best 20 matches. With filters only: every card they keep.\nThe same filter twice means either value; other names with a colon (foo:) are words.\n\nExamples:\n  keeper-prep search window function\n  keeper-prep search deck:sql kind:choice seen:no\n  keeper-prep search join tag:joins due:\n  keeper-prep search 'deck:"system design"' cache\n`)
    .action(async (query: string[], opts: { json?: boolean }, cmd: Command) => {
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => searchCommand(ws, queryFromArgs(query), !!opts.json, Date.now()));
    });

  program
    .command('decks')
    .description('list loaded decks with card counts, and broken decks with their errors')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => decksCommand(ws, !!opts.json));
    });

  program
    .command('flags')
    .description('list the cards you flagged with a note (f in the app), e.g. to report a wrong built-in card')
    .option('--json', 'print as JSON')
    .option('--clear <deck/card>', 'take the flag off this card')
    .action(async (opts: { json?: boolean; clear?: string }, cmd: Command) => {
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => (opts.clear !== undefined ? clearFlagCommand(ws, opts.clear, Date.now()) : flagsCommand(ws, !!opts.json)));
    });

  program
    .command('feedback')
    .description('check an answer written in FILE against a card\'s key points: evidence for each, and insights (STAR parts, I/we, fillers, speaking time, values)')
    .argument('<deck/card>', 'the card answered, as deck-id/card-id')
    .argument('<file>', 'the file the answer is written in (plain text, up to 64 KB)')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  keeper-prep feedback culture/overview-what-stands-out answer.txt\n  keeper-prep feedback culture/overview-hardest-part answer.txt --json\n')
    .action(async (key: string, file: string, opts: { json?: boolean }, cmd: Command) => {
      const { feedbackCommand } = await import('./commands/feedback.js');
      const answer = readAnswerFile(file);
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => feedbackCommand(ws.library.decks.map((d) => d.deck), key, answer, !!opts.json));
    });

  program
    .command('exercise')
    .description('SQL and code exercises: the list (--list), or check DECK/CARD FILE to grade a solution written in FILE (exit 1 with the difference)')
    .argument('[check]', '"check", to grade FILE')
    .argument('[deck/card]', 'with check: the exercise, as deck-id/card-id')
    .argument('[file]', 'with check: the file the solution is written in (up to 64 KB)')
    .option('--list', 'print the exercises of the decks you study, with when each is due')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  keeper-prep exercise --list\n  keeper-prep exercise check sql/ex-titles-never-played answer.sql\n  keeper-prep exercise check python/lru-cache solution.py --json\n')
    .action(async (action: string | undefined, key: string | undefined, file: string | undefined, opts: { list?: boolean; json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      if (opts.list && !action) {
        await withWorkspace(paths, globals, (ws) => exerciseListCommand(ws, !!opts.json));
        return;
      }
      // Each missing piece named: a bare "give --list, or check …" left users guessing which part was wrong.
      if (action === undefined) throw new Error('give --list, or check DECK/CARD FILE (see keeper-prep exercise --help)');
      if (action !== 'check') throw new Error(`unknown action "${safeText(action)}"${'check'.startsWith(action.slice(0, 2)) ? ': did you mean check?' : ''} (give --list, or check DECK/CARD FILE)`);
      if (!key) throw new Error('check needs the exercise, as DECK/CARD, and the FILE with your answer (keeper-prep exercise --list shows the keys)');
      if (!file) throw new Error(`check ${safeText(key)} needs the FILE with your answer, e.g. keeper-prep exercise check ${safeText(key)} answer.sql`);
      await withWorkspace(paths, globals, async (ws) => {
        const result = await exerciseCheckCommand(ws, key, file, !!opts.json);
        if (!result.passed) process.exitCode = 1;
        return result.output;
      });
    });

  program
    .command('validate')
    .description('check deck files (or directories of them); exit 1 if any has errors')
    .argument('<file...>', 'deck JSON files or directories')
    .option('--json', 'print results as JSON')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      const result = validateCommand(files, !!opts.json);
      print(result.output);
      if (!result.ok) process.exitCode = 1;
    });

  program
    .command('new-deck')
    .description('write a starter deck to FILE (one card of each kind) to edit into your own')
    .argument('<file>', 'the deck file to create, like my-deck.json')
    .option('--install', 'write it into your decks folder (created if need be), so every start loads it')
    .addHelpText('after', '\nExamples:\n  keeper-prep new-deck my-deck.json\n  keeper-prep new-deck my-deck --install\n')
    .action(async (file: string, opts: { install?: boolean }, cmd: Command) => {
      const { newDeckCommand } = await import('./commands/new-deck.js');
      const flag = cmd.optsWithGlobals<GlobalOptions>().dataDir;
      const dataDir = resolveDataDir(flag, process.env);
      const command = flag === undefined ? 'keeper-prep' : `keeper-prep --data-dir ${shellArg(flag)}`;
      print(newDeckCommand(file, { schema: ensureSchemaCopy(dataDir, paths.builtinDir), userDecksDir: join(dataDir, 'decks'), install: !!opts.install, command }));
    });

  program
    .command('import')
    .description('turn an Anki package (.apkg, .colpkg) or a CSV/TSV export (Anki, Quizlet, a spreadsheet) into a deck')
    .argument('<file>', 'the file to import')
    .option('--out <deck.json>', 'write the deck here instead of your decks directory')
    .option('--id <id>', 'the deck id (default: from the file name)')
    .option('--force', 'replace an existing deck file (cards keep their ids, so progress is kept)')
    .addHelpText('after', '\nCSV/TSV: a question column and an answer column, optionally tags; a header row (question/answer,\nfront/back or term/definition) is recognised. Anki\'s "Notes in Plain Text" export works as is.\n\nExamples:\n  keeper-prep import "System Design.apkg"\n  keeper-prep import quizlet-export.txt --id sql-drills\n')
    .action(async (file: string, opts: { out?: string; id?: string; force?: boolean }, cmd: Command) => {
      const { importCommand } = await import('./commands/import.js');
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) =>
        importCommand(ws, file, opts, { sqlWasm: paths.sqlWasm, schema: ensureSchemaCopy(ws.dataDir, paths.builtinDir) }, formatDate(Date.now())),
      );
    });

  program
    .command('stats')
    .description('cards, due today, new today, per deck, and reviews stored')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      // --json needs no charts and no text wrapping: their module is left unloaded.
      const text = opts.json ? null : await import('./commands/stats.js');
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => (text ? text.statsCommand(ws, Date.now(), false) : statsJson(ws, Date.now())));
    });

  program
    .command('optimize')
    .description('fit the FSRS parameters to your own reviews; they are used only if they predict your latest reviews better than the defaults')
    .option('--json', 'print as JSON')
    .option('--defaults', 'go back to the default parameters')
    .action(async (opts: { json?: boolean; defaults?: boolean }, cmd: Command) => {
      // The optimizer (a native addon) is loaded inside, only when a fit runs.
      const { optimizeCommand } = await import('./commands/optimize.js');
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => optimizeCommand(ws, Date.now(), opts));
    });

  program
    .command('report')
    .description('write a Markdown readiness report (to stdout, or --out FILE.md)')
    .option('--out <file>', 'write the report to this file (replaced whole) instead of printing it')
    .action(async (opts: { out?: string }, cmd: Command) => {
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => reportCommand(ws, Date.now(), opts.out));
    });

  program
    .command('export-progress')
    .description('write everything you made (reviews, design attempts, cram answers, stories, card marks, settings) to a file, to back up or to move to another machine')
    .argument('<file>', 'the file to write')
    .option('--force', 'replace the file if it exists')
    .action(async (file: string, opts: { force?: boolean }, cmd: Command) => {
      // Imported here, not at the top: only this command pays for loading it.
      const { exportProgressCommand } = await import('./commands/progress-transfer.js');
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => exportProgressCommand(ws, file, Date.now(), { force: !!opts.force }));
    });

  program
    .command('import-progress')
    .description('merge a file from export-progress into your progress (reviews already here are not counted twice; the newer state of each card wins)')
    .argument('<file>', 'a file written by export-progress')
    .option('--settings', "also take the file's settings (role, interview date, new cards a day, retention)")
    .action(async (file: string, opts: { settings?: boolean }, cmd: Command) => {
      const { importProgressCommand } = await import('./commands/progress-transfer.js');
      await withWorkspace(paths, cmd.optsWithGlobals<GlobalOptions>(), (ws) => importProgressCommand(ws, file, { settings: !!opts.settings }));
    });

  program
    .command('schema', { hidden: true })
    .description('print the deck JSON Schema')
    .action(async () => {
      const { deckJsonSchema } = await import('./core/deck-zod.js');
      print(JSON.stringify(deckJsonSchema(), null, 2));
    });

  // Only the program itself takes extra words, to report them as an unknown command; set after
  // the subcommands exist so that none of them inherits it.
  program.allowExcessArguments();

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.unknownCommand') {
        // A suggestion is pointer enough; without one, the list of commands is where to look.
        if (!error.message.includes('Did you mean')) process.stderr.write('Run "keeper-prep --help" for the commands.\n');
      } else if (error.exitCode !== 0 && !['commander.help', 'commander.helpDisplayed', 'commander.version'].includes(error.code)) {
        process.stderr.write(`${program.helpInformation().split('\n')[0]}\nRun "keeper-prep --help" for the commands and options.\n`);
      }
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`keeper-prep: ${safeText(errorLine(error), { multiline: true })}\n`);
      process.exitCode = 1;
    }
  }
}
