// node:child_process loaded when a process is first started, not when a module that may start one
// loads: it brings net, dgram and the stream machinery with it, some 2.6 ms of every start (Home's
// and every command's), for the editor and the Python runner, which most runs never use.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function childProcess(): typeof import('node:child_process') {
  return load('node:child_process') as typeof import('node:child_process');
}
