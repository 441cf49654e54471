// commander requires node:child_process as it loads, to run subcommands that are executables of
// their own (its only use is spawn), which keeper-prep has none of: here it is loaded when first
// used (see scripts/build.mjs).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function spawn(...args) {
  return load('node:child_process').spawn(...args);
}
