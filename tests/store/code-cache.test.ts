// The commands' compiled-code cache (Node 20): a command gives the same output with or without
// it, and a cache that is damaged, cut, forged, unwritable or written by several runs at once never
// misleads or stops one. The built command line, as a user runs it (needs `npm run build`).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(run(cache, home, ['nosuchcommand']).status).not.toBe(0);
    if (OWN_CACHE) expect(files(cache)).toEqual([expect.stringMatching(/-other\.bin$/)]);
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
    // One per command; a cache made for another release's bundle is removed when this one's is written.
    expect(name).toMatch(/-decks\.bin$/);
    writeFileSync(join(cache, `${process.version}-${process.arch}-cli.cjs-0000000000000000-decks.bin`), written);
    // The app's caches are its own: writing the commands' leaves them.
    writeFileSync(join(cache, `${process.version}-${process.arch}-app.cjs-0000000000000000-app.bin`), written);
    expect(run(cache, home, ['stats', '--json']).status).toBe(0);
    expect(files(cache).sort()).toEqual([`${process.version}-${process.arch}-app.cjs-0000000000000000-app.bin`, name, name!.replace(/-decks\.bin$/, '-stats.bin')].sort());
  });

  it('runs when the cache cannot be written: a read-only folder, or a file where the folder belongs', () => {
    const home = tempDir();
    const off = run('off', home);
    const readOnly = join(tempDir(), 'code');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    expect(run(readOnly, home)).toEqual(off);
    const blocked = join(tempDir(), 'code');
    writeFileSync(blocked, 'a file');
    expect(run(blocked, home)).toEqual(off);
    expect(run(join(blocked, 'below'), home)).toEqual(off);
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
