import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXERCISE_ATTEMPTS_FILE, ExerciseAttemptStore } from '../../src/store/exercise-attempts.js';
import { io, WriteError } from '../../src/store/safe-write.js';
import { mutate, mutations } from '../helpers/mutate.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code, syscall: 'write' });
const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exercise attempts', () => {
  it('keeps the last attempt per card, latest wins, readable by a new process', () => {
    const dir = tempDir();
    const store = new ExerciseAttemptStore(dir, []);
    expect(store.last('sql/a')).toBeNull();
    store.save('sql/a', 'SELECT 1', T0);
    store.save('sql/b', 'SELECT 2', T0);
    store.save('sql/a', 'SELECT 3\nFROM t', T0 + 1);
    const again = new ExerciseAttemptStore(dir, []);
    expect(again.last('sql/a')).toBe('SELECT 3\nFROM t');
    expect(again.last('sql/b')).toBe('SELECT 2');
    expect(tmpFiles(dir)).toEqual([]);
  });

  it('two writers on one directory (the app and `exercise check`) lose nothing: each save merges with the file, and a change on disk is read', () => {
    const dir = tempDir();
    const app = new ExerciseAttemptStore(dir, []);
    const cli = new ExerciseAttemptStore(dir, []);
    app.save('sql/a', 'app a', T0);
    expect(cli.last('sql/a')).toBe('app a');
    cli.save('python/b', 'cli b', T0 + 1);
    cli.save('sql/a', 'cli a', T0 + 2);
    // The app saved before the other wrote: its next save keeps the other's attempts.
    app.save('sql/c', 'app c', T0 + 3);
    expect(app.last('python/b')).toBe('cli b');
    expect(app.last('sql/a')).toBe('cli a');
    const fresh = new ExerciseAttemptStore(dir, []);
    expect(Object.fromEntries(fresh.entries().map((e) => [e.key, e.answer]))).toEqual({ 'sql/a': 'cli a', 'python/b': 'cli b', 'sql/c': 'app c' });
    // An older attempt (an import of an earlier export) does not replace a later one.
    fresh.saveMany([{ key: 'sql/a', answer: 'old', at: T0 }]);
    expect(new ExerciseAttemptStore(dir, []).last('sql/a')).toBe('cli a');
  });

  it('a damaged entry costs only that card its attempt: the rest are kept and the file as it was copied aside', () => {
    const dir = tempDir();
    writeFileSync(join(dir, EXERCISE_ATTEMPTS_FILE), JSON.stringify({ v: 1, attempts: { 'sql/a': { answer: 'SELECT 1', at: T0 }, 'sql/b': { answer: 42, at: T0 } } }));
    const notices: string[] = [];
    const store = new ExerciseAttemptStore(dir, notices);
    expect(store.last('sql/a')).toBe('SELECT 1');
    expect(store.last('sql/b')).toBeNull();
    expect(notices).toEqual([expect.stringMatching(/^1 damaged entry in your saved exercise attempts; the other 1 kept\. The file as it was is at .+/)]);
    expect(readdirSync(dir).filter((f) => f.startsWith(EXERCISE_ATTEMPTS_FILE))).toHaveLength(2);
  });

  it('moves a damaged file aside with one notice and starts empty', () => {
    const dir = tempDir();
    writeFileSync(join(dir, EXERCISE_ATTEMPTS_FILE), '{"v":1,"attempts":{"a":{"answer":3');
    const notices: string[] = [];
    const store = new ExerciseAttemptStore(dir, notices);
    store.check(T0);
    expect(store.last('sql/a')).toBeNull();
    expect(notices).toEqual([expect.stringMatching(/^Your saved exercise attempts could not be read, so exercises open with their starters; the file is kept at .*exercise-attempts\.json\.damaged-/)]);
    expect(existsSync(join(dir, EXERCISE_ATTEMPTS_FILE))).toBe(false);
    store.save('sql/a', 'x', T0);
    expect(new ExerciseAttemptStore(dir, []).last('sql/a')).toBe('x');
  });

  it('a mutated file is read or set aside with one notice, never thrown', () => {
    const dir = tempDir();
    const valid = JSON.stringify({ v: 1, attempts: { 'sql/a': { answer: 'SELECT 1', at: T0 } } });
    fc.assert(
      fc.property(mutations, (steps) => {
        writeFileSync(join(dir, EXERCISE_ATTEMPTS_FILE), mutate(valid, steps));
        const notices: string[] = [];
        const store = new ExerciseAttemptStore(dir, notices);
        store.check(T0);
        expect(notices.length).toBeLessThanOrEqual(1);
        const last = store.last('sql/a');
        expect(last === null || typeof last === 'string').toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  for (const code of ['ENOSPC', 'EROFS']) {
    it(`${code}: a save the disk refuses throws a WriteError and keeps the earlier attempts`, () => {
      const dir = tempDir();
      const store = new ExerciseAttemptStore(dir, []);
      store.save('sql/a', 'kept', T0);
      vi.spyOn(io, 'writeSync').mockImplementation(() => {
        throw fault(code);
      });
      expect(() => store.save('sql/a', 'lost', T0)).toThrow(WriteError);
      expect(() => store.save('sql/a', 'lost', T0)).toThrow(code === 'ENOSPC' ? /the disk is full/ : /the disk is read-only/);
      vi.restoreAllMocks();
      expect(store.last('sql/a')).toBe('kept');
      expect(new ExerciseAttemptStore(dir, []).last('sql/a')).toBe('kept');
      expect(tmpFiles(dir)).toEqual([]);
    });
  }
});
