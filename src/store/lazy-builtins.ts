// Node builtins that only a few actions use, loaded when first used rather than when a module that
// may use them loads: the app's one-file bundle holds every such module, and a static import would
// put them on every start. node:child_process brings net, dgram and the stream machinery with it
// (some 2.6 ms), for the editor, the Python runner and commander's executable subcommands;
// node:worker_threads is for the SQL runner.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function childProcess(): typeof import('node:child_process') {
  return load('node:child_process') as typeof import('node:child_process');
}

/** node:crypto, whose load cost some 5 ms of every start: for the ids of new entries and temp files, and deck hashes. */
export function crypto(): typeof import('node:crypto') {
  return load('node:crypto') as typeof import('node:crypto');
}

export function workerThreads(): typeof import('node:worker_threads') {
  return load('node:worker_threads') as typeof import('node:worker_threads');
}
