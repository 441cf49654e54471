// The subcommands' names, as command-line.ts registers them (tests/store/code-cache.test.ts holds
// the two together): the code cache keeps a file per command, and any other word shares one.
export const COMMAND_NAMES: readonly string[] = ['study', 'design', 'behavioral', 'behavioural', 'search', 'decks', 'flags', 'feedback', 'exercise', 'validate', 'new-deck', 'import', 'stats', 'optimize', 'report', 'export-progress', 'import-progress', 'schema'];
