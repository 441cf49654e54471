// Loads a bundle made as one CommonJS file (dist/cli.cjs, the commands; dist/app.cjs, the app)
// with its compiled code cached between runs. Node 22 and later do this themselves
// (module.enableCompileCache, which also covers require); Node 20 has no such API, and compiling
// the ~750 KB bundle and the functions a command runs was a fifth of `stats --json`. There V8's own code cache is used through node:vm,
// as Node's compile cache does inside: the bytes V8 gives after a run are kept in the user's cache
// directory, and handed back to V8 on the next run, which then skips compiling what they hold.
//
// The cache is only a shortcut: it is checked before V8 sees it (its own CRC-32, and the CRC-32 of
// the source it was made from, since V8 checks only the source's length), V8 refuses one made by
// another V8 or with other flags, and anything refused, damaged or unwritable costs a compile.
import { crc32Of } from './checksum.js';
import { accessSync, constants, lstatSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readRegular } from './read-regular.js';
import { makeDirs, writeFileWhole } from './safe-write.js';
import nodeModule, { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import { Script } from 'node:vm';

const MAGIC = Buffer.from('KP-CODE2');
const SUM = 4;
const HEADER = MAGIC.length + 2 * SUM;

/** Where the caches are kept: the user's cache directory, or KEEPER_PREP_CODE_CACHE (another directory, or "off" for none). */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.KEEPER_PREP_CODE_CACHE;
  return setting === 'off' ? null : setting ? resolve(setting) : join(envPaths('keeper-prep', { suffix: '' }).cache, 'code');
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

/** Far above any cache V8 makes of these bundles (1-2 MB): what is larger is not one. */
const MAX_CACHE_BYTES = 64 << 20;

function readCache(path: string): Buffer | null {
  const read = readRegular(path, MAX_CACHE_BYTES);
  return read.ok ? read.bytes : null;
}

/** Caches kept for one build of a file: one per command, the least recently written going first past this. */
const MAX_FILES = 20;

/** Files here not written for this long (another Node's, another install's, a stray temp file) are removed when a cache is written. */
const STALE_MS = 30 * 86_400_000;

/**
 * The folder the caches go in, made if need be, or null when it cannot be used: one that is not
 * this user's, or that others may write to, is never read (V8 trusts the bytes it is handed: a
 * forged cache could run code, and a damaged one that passes the checksum stops every start), and
 * one that cannot be written is not worth making a cache for.
 */
function usableDir(dir: string, write: boolean): boolean {
  try {
    if (write) makeDirs(dir, 0o700);
    const stat = lstatSync(dir);
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    if (!stat.isDirectory() || !mine || (stat.mode & 0o022) !== 0) return false;
    if (write) accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Written whole or not at all (store/safe-write); a disk that refuses it costs a compile
 * next time. The caches of other builds of this install's file (`install`, a name's start;
 * `bundle`, the rest up to the command) go with it, the oldest of this one's past MAX_FILES, and
 * whatever else in the folder has not been written for STALE_MS.
 */
function writeCache(path: string, bytes: Buffer, install: string, bundle: string): void {
  try {
    writeFileWhole(path, bytes, { what: 'the compiled-code cache' });
    // A new cache, never handed to V8: a marker a start left at the old one no longer says anything.
    rmSync(`${path}${LOADING}`, { force: true });
  } catch {
    return;
  }
  const dir = dirname(path);
  const files = readdirSync(dir).map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }));
  const now = Date.now();
  for (const { name, at } of files) if ((name.startsWith(install) && !name.startsWith(bundle)) || now - at > STALE_MS) rmSync(join(dir, name), { force: true });
  const kept = files.filter(({ name }) => name.startsWith(bundle) && name.endsWith('.bin'));
  for (const { name } of kept.sort((a, b) => b.at - a.at).slice(MAX_FILES)) rmSync(join(dir, name), { force: true });
}

/** Beside a cache while V8 reads it: left behind only by a start that V8 stopped (or that was killed) there. */
const LOADING = '.loading';
/** Longer than any start takes to read its cache. */
const LOADING_MS = 10_000;

/**
 * Whether the cache at `path` may be handed to V8, marking that it is. V8 stops the process (a
 * fatal error, no exception) at bytes it cannot read that pass the checksum: damage a CRC-32 misses,
 * one in four billion, would then stop every start. So while a marker is there, no start reads the
 * cache: it compiles, and makes a new one. A marker older than any start takes says the last one
 * stopped there, and it goes with the cache; a newer one is another start reading it now.
 */
function loading(path: string): boolean {
  const marker = `${path}${LOADING}`;
  try {
    if (Date.now() - statSync(marker).mtimeMs > LOADING_MS) {
      rmSync(path, { force: true });
      rmSync(marker, { force: true });
    }
    return false;
  } catch {
    // No marker: the last start that read this cache got past it.
  }
  try {
    writeFileSync(marker, '', { flag: 'wx', mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}

/**
 * `file`'s module.exports, run as require would run it. `cacheDir`: where its compiled code is
 * kept between runs on a Node without a compile cache of its own; null keeps none. `command`
 * names the cache for this run: V8 caches the functions a run compiled, and each command runs
 * its own (a cache made by `decks` left `stats` some 7% to compile); null reads the caches but
 * never writes one (--help, --version: a run that compiles almost nothing would be kept for good).
 * A cache is written only by a run that ends with exit code 0, for the same reason.
 */
export function loadCommonJs(file: string, cacheDir: string | null, command: string | null): unknown {
  const builtIn = nodeModule as { enableCompileCache?: () => unknown };
  const require = createRequire(file);
  if (typeof builtIn.enableCompileCache === 'function' || cacheDir === null) {
    builtIn.enableCompileCache?.();
    return require(file);
  }
  const source = readFileSync(file, 'utf8');
  const sourceSum = sumOf(source);
  // Named by Node, install and file, then source: another build of this install's file replaces its caches; another install's are its own.
  const install = `${process.version}-${process.arch}-${sumOf(file).toString('hex')}-${basename(file)}-`;
  const bundle = `${install}${sourceSum.toString('hex')}${source.length.toString(16)}-`;
  const path = join(cacheDir, `${bundle}${command !== null && /^[a-z][a-z-]{0,30}$/.test(command) ? command : 'other'}.bin`);
  const held = usableDir(cacheDir, false) ? readCache(path) : null;
  const marked = held !== null && loading(path);
  const cachedData = marked ? decodeCache(held, sourceSum) : undefined;
  // The wrapper require gives a CommonJS file, so the bundle runs as it would under require.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (marked) rmSync(`${path}${LOADING}`, { force: true });
  if ((!cachedData || script.cachedDataRejected) && command !== null && usableDir(cacheDir, true)) {
    // Made once the command has run: the cache then holds the functions it compiled too, not only the outermost.
    process.once('exit', (code) => {
      if (code !== 0) return;
      try {
        writeCache(path, encodeCache(script.createCachedData(), sourceSum), install, bundle);
      } catch {
        // Only a shortcut.
      }
    });
  }
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
  return module.exports;
}
