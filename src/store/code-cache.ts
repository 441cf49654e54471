// Loads the command line's bundle (dist/cli.cjs, one CommonJS file) with its compiled code cached
// between runs. Node 22 and later do this themselves (module.enableCompileCache, which also
// covers require); Node 20 has no such API, and compiling the ~750 KB bundle and the functions a
// command runs was a fifth of `stats --json`. There V8's own code cache is used through node:vm,
// as Node's compile cache does inside: the bytes V8 gives after a run are kept in the user's cache
// directory, and handed back to V8 on the next run, which then skips compiling what they hold.
//
// The cache is only a shortcut: it is checked before V8 sees it (its own CRC-32, and the CRC-32 of
// the source it was made from, since V8 checks only the source's length), V8 refuses one made by
// another V8 or with other flags, and anything refused, damaged or unwritable costs a compile.
import { crc32Of } from './checksum.js';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nodeModule from 'node:module';
import { basename, dirname, join } from 'node:path';
import envPaths from 'env-paths';
import { Script } from 'node:vm';

const MAGIC = Buffer.from('KP-CODE2');
const SUM = 4;
const HEADER = MAGIC.length + 2 * SUM;

/** Where the caches are kept: the user's cache directory, or KEEPER_PREP_CODE_CACHE (another directory, or "off" for none). */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.KEEPER_PREP_CODE_CACHE;
  return setting === 'off' ? null : setting || join(envPaths('keeper-prep', { suffix: '' }).cache, 'code');
}

/** CRC-32 (store/checksum), as 4 bytes: of the source, what a cache is made for, and of the cache's data. */
export const sumOf = (data: string | Uint8Array): Buffer => {
  const sum = Buffer.alloc(SUM);
  sum.writeUInt32LE(crc32Of(data));
  return sum;
};

/** The cached bytes for this source, or undefined when there are none or they are not what encodeCache wrote for it. */
export function decodeCache(file: Buffer, sourceSum: Buffer): Buffer | undefined {
  if (file.length <= HEADER || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (!file.subarray(MAGIC.length, MAGIC.length + SUM).equals(sourceSum)) return undefined;
  const data = file.subarray(HEADER);
  return file.subarray(MAGIC.length + SUM, HEADER).equals(sumOf(data)) ? data : undefined;
}

export function encodeCache(data: Buffer, sourceSum: Buffer): Buffer {
  return Buffer.concat([MAGIC, sourceSum, sumOf(data), data]);
}

function readCache(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** Caches kept for one Node and bundle: one per command, the least recently written going first. */
const MAX_FILES = 12;

/**
 * Written whole or not at all (a temp file renamed over it); a disk that refuses it costs a compile
 * next time. The caches of other builds of the file for this Node (`node`, a name's start; `bundle`,
 * the rest up to the command) go with it, and the oldest of this one's past MAX_FILES.
 */
function writeCache(path: string, bytes: Buffer, node: string, bundle: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, path);
  } catch {
    rmSync(temp, { force: true });
    return;
  }
  const dir = dirname(path);
  const names = readdirSync(dir).filter((name) => name.startsWith(node) && name.endsWith('.bin'));
  for (const name of names) if (!name.startsWith(bundle)) rmSync(join(dir, name), { force: true });
  const kept = names.filter((name) => name.startsWith(bundle)).map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }));
  for (const { name } of kept.sort((a, b) => b.at - a.at).slice(MAX_FILES)) rmSync(join(dir, name), { force: true });
}

/**
 * `file`'s module.exports, run as require would run it. `cacheDir`: where its compiled code is
 * kept between runs on a Node without a compile cache of its own; null keeps none. `command`
 * names the cache for this run: V8 caches the functions a run compiled, and each command runs
 * its own (a cache made by `decks` left `stats` some 7% to compile).
 */
export function loadCommonJs(file: string, cacheDir: string | null, command: string): unknown {
  const builtIn = nodeModule as { enableCompileCache?: () => unknown };
  const require = createRequire(file);
  if (typeof builtIn.enableCompileCache === 'function' || cacheDir === null) {
    builtIn.enableCompileCache?.();
    return require(file);
  }
  const source = readFileSync(file, 'utf8');
  const sourceSum = sumOf(source);
  // Named by Node, file and source: the caches of another build of this file are removed when one is written.
  const node = `${process.version}-${process.arch}-${basename(file)}-`;
  const bundle = `${node}${sourceSum.toString('hex')}${source.length.toString(16)}-`;
  const path = join(cacheDir, `${bundle}${/^[a-z][a-z-]{0,30}$/.test(command) ? command : 'other'}.bin`);
  const held = readCache(path);
  const cachedData = held ? decodeCache(held, sourceSum) : undefined;
  // The wrapper require gives a CommonJS file, so the bundle runs as it would under require.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    // Made once the command has run: the cache then holds the functions it compiled too, not only the outermost.
    process.once('exit', () => {
      try {
        writeCache(path, encodeCache(script.createCachedData(), sourceSum), node, bundle);
      } catch {
        // Only a shortcut.
      }
    });
  }
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
  return module.exports;
}
