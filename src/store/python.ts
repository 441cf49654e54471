// Finding python3 for code exercises. Looked up on PATH (no process started), once per command:
// this runs when queues are built, so it must cost nothing at start-up. KEEPER_PREP_PYTHON names
// another interpreter, and tests use it to play a machine without Python.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

export const NO_PYTHON = 'Code exercises need python3, which was not found';

const found = new Map<string, string | null>();

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The interpreter's path, or null when there is none. */
export function findPython(env: NodeJS.ProcessEnv = process.env): string | null {
  const command = env.KEEPER_PREP_PYTHON || 'python3';
  const cacheKey = `${command}\0${env.PATH ?? ''}`;
  if (found.has(cacheKey)) return found.get(cacheKey)!;
  let path: string | null = null;
  if (command.includes('/') || isAbsolute(command)) path = executable(resolve(command)) ? resolve(command) : null;
  else {
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      const candidate = join(dir, command);
      if (executable(candidate)) {
        path = candidate;
        break;
      }
    }
  }
  found.set(cacheKey, path);
  return path;
}
