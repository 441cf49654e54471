// Fuzz: a valid deck with escape sequences, bells and bidi overrides put into its keys, values
// and raw bytes. Whatever the validator says about it, every line it prints is one line, free of
// anything a terminal would act on.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDeckError, parseDeck } from '../../src/core/deck-parse.js';
import { safeJson } from '../../src/core/safe-text.js';
import { MINI_DECK } from '../helpers/temp.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const BASE = JSON.parse(readFileSync(MINI_DECK, 'utf8')) as unknown;

const nasty = fc.oneof(
  fc.constantFrom('\u001b]52;c;aGk=\u0007', '\u001b[2J', '\u0007', '\u001b', '\u009b31m', '\u202e', '\u2066', '\u200f', '\r', '\n', '\t', '\u0000', '\u007f', '\ufeff', '"', '\\', '{', '['),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
);

interface Mutation {
  slot: number;
  at: number;
  insert: string;
  mode: 'key' | 'value' | 'raw';
}

const mutation: fc.Arbitrary<Mutation> = fc.record({ slot: fc.nat(), at: fc.nat(), insert: nasty, mode: fc.constantFrom('key', 'value', 'raw') });

function insertAt(text: string, at: number, insert: string): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i);
}

/** Every object (for its keys) and every string value, with a way to change it in place. */
function slots(value: unknown): ((m: Mutation) => void)[] {
  const out: ((m: Mutation) => void)[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      out.push((m) => {
        if (m.mode === 'key') {
          record[insertAt(key, m.at, m.insert)] = child;
          delete record[key];
        } else if (typeof child === 'string') {
          record[key] = insertAt(child, m.at, m.insert);
        }
      });
      walk(child);
    }
  };
  walk(value);
  return out;
}

function mutate(mutations: readonly Mutation[]): string {
  const deck = structuredClone(BASE);
  for (const m of mutations.filter((x) => x.mode !== 'raw')) {
    const all = slots(deck);
    all[m.slot % all.length]!(m);
  }
  // JSON.stringify writes C0 as \u escapes and leaves U+202E raw; raw inserts put in bytes as they come.
  let text = JSON.stringify(deck, null, 2);
  for (const m of mutations.filter((x) => x.mode === 'raw')) text = insertAt(text, m.at, m.insert);
  return text;
}

describe('deck validation output under mutated decks', () => {
  it('every error line is one line with no control, C1 or bidi character, and comes fast', () => {
    const file = 'decks/mutated\u001b]52;c;aGk=\u0007\u202e.json';
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const text = mutate(mutations);
        const started = performance.now();
        const result = parseDeck(text, file);
        const lines = result.ok ? [] : result.errors.map(formatDeckError);
        expect(performance.now() - started).toBeLessThan(1000);
        for (const line of lines) {
          expect(UNSAFE.exec(line), JSON.stringify(line)).toBeNull();
          expect(line).not.toContain('\n');
        }
        if (!result.ok) expect(UNSAFE.exec(safeJson(result.errors))).toBeNull();
      }),
      { numRuns: 2000, interruptAfterTimeLimit: 10_000 },
    );
  });
});
