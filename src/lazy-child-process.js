// commander requires node:child_process as it loads, to run subcommands that are executables of
// their own (its only use is spawn), which keeper-prep has none of: this stand-in loads it when
// first used (see scripts/build.mjs, and store/lazy-builtins.ts).
import { childProcess } from './store/lazy-builtins.js';

export function spawn(...args) {
  return childProcess().spawn(...args);
}
