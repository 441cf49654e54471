// The commands' compiled-code cache (Node 20): a command gives the same output with or without
// it, and a cache that is damaged, cut, forged, unwritable or written by several runs at once never
// misleads or stops one. The built command line, as a user runs it (needs `npm run build`).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCache, encodeCache, sumOf } from '../../src/store/code-cache.js';
import { REPO, tempDir } from '../helpers/temp.js';
import { COMMAND_NAMES } from '../../src/command-names.js';

const BIN = join(REPO, 'bin/keeper-prep.js');
// Node 22 and later keep their own compile cache: there the bundle is loaded by require, and this cache is not made.
const OWN_CACHE = typeof ((await import('node:module')).default as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

function run(cacheDir: string, home: string, args = ['decks', '--json']): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, KEEPER_PREP_HOME: home, KEEPER_PREP_CODE_CACHE: cacheDir }, encoding: 'utf8' });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/** A cache folder made beforehand, with these permissions. */
function folder(mode: number): string {
  const dir = join(tempDir(), 'code');
  mkdirSync(dir);
  chmodSync(dir, mode);
  return dir;
}

describe('the cache file format', () => {
  const sum = sumOf('the source');
  const data = Buffer.from('compiled code, as V8 would give it '.repeat(20));
  const file = encodeCache(data, sum);

  it('gives back its data for the source it was made from, and nothing for another', () => {
    expect(decodeCache(file, sum)).toEqual(data);
    expect(decodeCache(file, sumOf('another source'))).toBeUndefined();
  });

  it('never gives anything but its own data from damaged bytes (fuzzed)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() }), { minLength: 1, maxLength: 4 }), (changes) => {
        let bytes = Buffer.from(file);
        for (const c of changes) {
          const at = c.at % bytes.length;
          if (c.cut) bytes = bytes.subarray(0, at);
          else bytes[at] = c.byte;
        }
        const read = bytes.length > 0 ? decodeCache(bytes, sum) : undefined;
        if (read !== undefined) expect(read.equals(data)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe.skipIf(!existsSync(join(REPO, 'dist/cli.cjs')))('a command with the cache', () => {
  it('names a cache for every command the help lists, and one for any other word', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
    const listed = help.slice(help.indexOf('Commands:')).split('\n').slice(1).map((line) => line.trim().split(/\s/)[0]!).filter((word) => /^[a-z]/.test(word));
    expect(listed.length).toBeGreaterThan(10);
    for (const name of listed.flatMap((word) => word.split('|'))) expect(COMMAND_NAMES).toContain(name);
    const home = tempDir();
    const cache = join(tempDir(), 'code');
    // A run that fails, or only prints help, compiles little: its cache would be kept for good, so it writes none.
    expect(run(cache, home, ['nosuchcommand']).status).not.toBe(0);
    expect(run(cache, home, ['stats', '--help']).status).toBe(0);
    expect(files(cache)).toEqual([]);
  });

  it.skipIf(!OWN_CACHE)('writes it once, and gives the same output with it, without it, and when it is damaged', () => {
    const home = tempDir();
    const cache = join(tempDir(), 'code');
    const off = run('off', home);
    expect(off.status).toBe(0);
    const first = run(cache, home);
    expect(first).toEqual(off);
    const [name] = files(cache);
    expect(files(cache)).toHaveLength(1);
    const written = readFileSync(join(cache, name!));
    expect(run(cache, home)).toEqual(off);
    // Used, not written again.
    expect(readFileSync(join(cache, name!)).equals(written)).toBe(true);
    for (const damaged of [written.subarray(0, written.length >> 1), Buffer.concat([written.subarray(0, 60), Buffer.alloc(100, 7), written.subarray(160)]), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(join(cache, name!), damaged);
      expect(run(cache, home)).toEqual(off);
      expect(readFileSync(join(cache, name!)).length).toBeGreaterThan(1000);
    }
    // One per command. A cache this install made for another build of the bundle is removed when one is written;
    // the app's, and another install's, are their own; anything not written for 30 days goes.
    expect(name).toMatch(/-decks\.bin$/);
    const install = name!.slice(0, name!.indexOf('cli.cjs-') + 'cli.cjs-'.length);
    const otherBuild = `${install}0000000000000-decks.bin`;
    const app = install.replace('cli.cjs-', 'app.cjs-') + '0000000000000-app.bin';
    const otherInstall = `${process.version}-${process.arch}-00000000-cli.cjs-0000000000000-decks.bin`;
    const old = `v0.0.0-${process.arch}-00000000-cli.cjs-0000000000000-decks.bin`;
    for (const file of [otherBuild, app, otherInstall, old]) writeFileSync(join(cache, file), written);
    utimesSync(join(cache, old), new Date(Date.now() - 31 * 86_400_000), new Date(Date.now() - 31 * 86_400_000));
    expect(run(cache, home, ['stats', '--json']).status).toBe(0);
    expect(files(cache).sort()).toEqual([app, otherInstall, name, name!.replace(/-decks\.bin$/, '-stats.bin')].sort());
  });

  it('runs when the cache cannot be written: a read-only folder, or a file where the folder belongs', () => {
    const home = tempDir();
    const off = run('off', home);
    const readOnly = folder(0o500);
    expect(run(readOnly, home)).toEqual(off);
    const blocked = join(tempDir(), 'code');
    writeFileSync(blocked, 'a file');
    expect(run(blocked, home)).toEqual(off);
    expect(run(join(blocked, 'below'), home)).toEqual(off);
    // Where no folder can be made under one that exists: Node's recursive mkdir would loop there for ever.
    if (existsSync('/proc/self')) expect(run('/proc/keeper-prep/code', home)).toEqual(off);
  });

  it.skipIf(!OWN_CACHE)('never reads nor writes a folder others may write to', () => {
    const home = tempDir();
    const off = run('off', home);
    const shared = folder(0o777);
    expect(run(shared, home)).toEqual(off);
    expect(files(shared)).toEqual([]);
    // A cache put there by someone else, its checksums right and its data not V8's, is not handed to V8 (which would stop at it).
    const mine = join(tempDir(), 'code');
    expect(run(mine, home)).toEqual(off);
    for (const name of files(mine)) {
      const made = readFileSync(join(mine, name));
      writeFileSync(join(shared, name), encodeCache(Buffer.alloc(made.length - 16, 7), made.subarray(8, 12)));
    }
    expect(files(shared)).toHaveLength(1);
    expect(run(shared, home)).toEqual(off);
  });

  it.skipIf(!OWN_CACHE)('heals after V8 stops at a cache that passes the checksum: the next run compiles and makes a new one', () => {
    const home = tempDir();
    const off = run('off', home);
    const cache = join(tempDir(), 'code');
    expect(run(cache, home)).toEqual(off);
    const [name] = files(cache);
    const made = readFileSync(join(cache, name!));
    const data = Buffer.from(made.subarray(16));
    for (let i = 2000; i < 2064; i++) data[i] = data[i]! ^ 0x5a;
    writeFileSync(join(cache, name!), encodeCache(data, made.subarray(8, 12)));
    // V8 gives a fatal error, not an exception: this run is lost, the next is not.
    expect(run(cache, home).status).not.toBe(0);
    expect(run(cache, home)).toEqual(off);
    expect(files(cache)).toEqual([name]);
    expect(run(cache, home)).toEqual(off);
  });

  it.skipIf(!OWN_CACHE)('is written whole by runs that start at once, with no temp file left', async () => {
    const home = tempDir();
    const cache = join(tempDir(), 'code');
    const expected = run('off', home).stdout;
    const runs = Array.from({ length: 4 }, () =>
      new Promise<string>((done) => {
        const child = spawn(process.execPath, [BIN, 'decks', '--json'], { env: { ...process.env, KEEPER_PREP_HOME: home, KEEPER_PREP_CODE_CACHE: cache } });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('close', () => done(out));
      }),
    );
    for (const out of await Promise.all(runs)) expect(out).toBe(expected);
    expect(files(cache)).toHaveLength(1);
    expect(run(cache, home).stdout).toBe(expected);
  });
});
