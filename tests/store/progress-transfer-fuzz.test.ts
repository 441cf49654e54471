// A progress file is someone else's text: thousands of damaged export files, each either merged or
// refused with one line that says where, with nothing written on refusal, nothing unsafe printed or
// stored, and no input taking long.
import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { parseProgressLines } from '../../src/core/progress-lines.js';
import { ATTEMPTS_FILE } from '../../src/store/attempts.js';
import { CRAM_FILE } from '../../src/store/cram-log.js';
import { LOG_FILE, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { STORIES_FILE } from '../../src/store/stories.js';
import { ROUNDS_FILE } from '../../src/store/round-attempts.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const HOUR = 3_600_000;
const open = (dataDir: string): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now: T0 });

/** Control characters, bidi overrides, JSON punctuation and escapes, prototype keys, huge numbers. */
const SPICE = ['\u001b', '\u0007', '\u009b', '\u202e', '\u2066', '\u200f', '\u0000', '\u007f', '\n', '\r', '\t', '"', '\\', '{', '}', '[', ']', ',', ':', '1e999', '-1', '\\u001b', '\\u202E', '\\n', '"__proto__":{},', 'null', '\uFEFF', '\uD800', '9'.repeat(20)];

type Mutation =
  | { op: 'insert' | 'replace'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate' | 'dupLine' | 'dropLine'; at: number }
  | { op: 'swapLines'; at: number; other: number };

const piece = fc.oneof(fc.constantFrom(...SPICE), fc.string({ unit: 'binary', maxLength: 6 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('insert' as const, 'replace' as const), at: fc.nat(), text: piece }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constantFrom('truncate' as const, 'dupLine' as const, 'dropLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);
/** Most inputs get one or two changes, so they stay close enough to a real file to reach deep checks. */
const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

function mutate(text: string, changes: readonly Mutation[]): string {
  let out = text;
  for (const m of changes) {
    const at = out.length ? m.at % out.length : 0;
    const lines = out.split('\n');
    const line = m.at % lines.length;
    switch (m.op) {
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'replace':
        out = out.slice(0, at) + m.text + out.slice(at + m.text.length);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'dupLine':
        lines.splice(line, 0, lines[line]!);
        out = lines.join('\n');
        break;
      case 'dropLine':
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      case 'swapLines': {
        const other = m.other % lines.length;
        [lines[line], lines[other]] = [lines[other]!, lines[line]!];
        out = lines.join('\n');
        break;
      }
    }
  }
  return out;
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_IN_MESSAGE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Every refusal names where, or is about the file as a whole. */
const POSITIONED = /^line \d+[,:] |^line \d+ is |^the file (is empty|ends after \d+ of its)/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) strings(item, out.concat(key));
  return out;
}

/** A data directory with one of everything, exported to text. */
async function sourceText(): Promise<string> {
  const dir = tempDir();
  const ws = await open(dir);
  ws.rate('mini/capital', 3, T0, 1000);
  ws.rate('mini/primes', 1, T0 + HOUR, 1000);
  ws.attempts.record({ v: 1, key: 'mini/cap-theorem', startedAt: T0, finishedAt: T0 + 600_000, durationMs: 600_000, minutes: 10, phases: [{ name: 'Clarify', ms: 600_000 }], hintsUsed: 0, scores: [{ dimension: 'Depth', score: 2 }], rating: 2, notes: 'two\nlines' });
  ws.cramRate('mini/primes', 2, T0 + 2 * HOUR, 900, { confidence: 'sure', correct: true });
  ws.stories.save({ id: 'outage', title: 'The outage', situation: 'Prod was down.', task: 'Fix it.', action: 'I rolled back.', result: 'Up in 5 minutes.', values: ['judgment'], createdAt: T0, updatedAt: T0 });
  ws.rounds.record({ v: 1, startedAt: T0, finishedAt: T0 + 300_000, minutes: 5, questions: [{ key: 'mini/capital', mode: 'aloud', text: 'Paris, told aloud', ms: 200_000, value: 'judgment', scores: [{ dimension: 'Specifics', score: 3 }], rating: 3 }] });
  ws.settings.set({ role: 'backend', interviewDate: '2026-12-24' });
  const file = join(tempDir(), 'source.json');
  exportProgressCommand(ws, file, T0 + 3 * HOUR);
  ws.close();
  return readFileSync(file, 'utf8');
}

describe('fuzzing the progress-file reader', () => {
  it('reads thousands of damaged files to either clean data or one positioned line, quickly', async () => {
    const text = await sourceText();
    let runs = 0;
    let merged = 0;
    fc.assert(
      fc.property(mutations, (changes) => {
        runs++;
        const input = mutate(text, changes);
        const started = performance.now();
        const result = parseProgressLines(input);
        expect(performance.now() - started).toBeLessThan(500);
        if (typeof result === 'string') {
          expect(result).toMatch(POSITIONED);
          expect(result).not.toMatch(UNSAFE_IN_MESSAGE);
          expect(result.length).toBeLessThan(300);
        } else {
          merged++;
          // Line breaks are allowed only where a person writes them (notes, STAR parts).
          for (const s of strings(result)) expect(s.replace(/[\n\t]/g, '')).not.toMatch(UNSAFE);
        }
      }),
      { numRuns: 6000, interruptAfterTimeLimit: 6000, seed: 13 },
    );
    expect(runs).toBeGreaterThanOrEqual(2000);
    expect(merged).toBeGreaterThan(0);
  }, 20_000);

  it('imports or refuses thousands of damaged files through import-progress, writing nothing on refusal', async () => {
    const text = await sourceText();
    const dir = tempDir();
    const ws = await open(dir);
    const file = join(tempDir(), 'p.json');
    const files = [LOG_FILE, SNAPSHOT_FILE, ATTEMPTS_FILE, CRAM_FILE, STORIES_FILE, ROUNDS_FILE, 'settings.json'];
    const disk = (): (string | null)[] => files.map((name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'latin1') : null));
    let runs = 0;
    let refused = 0;
    try {
      fc.assert(
        fc.property(mutations, fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 1 }), (changes, flips) => {
          runs++;
          const bytes = Buffer.from(mutate(text, changes));
          for (const { at, byte } of flips) if (bytes.length) bytes[at % bytes.length] = byte;
          writeFileSync(file, bytes);
          const before = disk();
          const started = performance.now();
          let message: string | null = null;
          try {
            importProgressCommand(ws, file);
          } catch (error) {
            message = (error as Error).message;
          }
          expect(performance.now() - started).toBeLessThan(1000);
          if (message === null) return;
          refused++;
          expect(message.startsWith(file)).toBe(true);
          expect(message).not.toContain('\n');
          expect(message).not.toMatch(UNSAFE_IN_MESSAGE);
          expect(disk()).toEqual(before);
        }),
        { numRuns: 4000, interruptAfterTimeLimit: 9000, seed: 13 },
      );
    } finally {
      ws.close();
    }
    expect(runs).toBeGreaterThanOrEqual(1000);
    expect(refused).toBeGreaterThan(runs / 2);
  }, 20_000);
});
