// The matcher benchmark is only as good as its labels line up with the real cards: a card edited
// after the answers were written would silently shift every label, so the shape is checked here.
// (Design cards have key points too: the mock's self-review checks them.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import { BUILTIN_DECKS } from '../helpers/temp.js';

interface Entry {
  key: string;
  kind: string;
  answer: string;
  covered: boolean[];
}

const load = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8')) as Entry[];
// The blind set, and the two later sets written blind as well (the matcher was measured on them, not tuned).
const SETS = { 'feedback-answers.json': 60, 'feedback-dev2.json': 45, 'feedback-dev3.json': 45 };

const keyPointCounts = new Map<string, number>();
for (const file of readdirSync(BUILTIN_DECKS).filter((f) => f.endsWith('.json') && f !== 'deck.schema.json')) {
  const result = parseDeck(readFileSync(join(BUILTIN_DECKS, file), 'utf8'), file);
  if (!result.ok) continue;
  for (const card of result.deck.cards) {
    if ((card.type === 'open' || card.type === 'design') && card.keyPoints) keyPointCounts.set(`${result.deck.id}/${card.id}`, card.keyPoints.length);
  }
}

const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length;

describe.each(Object.entries(SETS))('feedback benchmark fixture %s', (name, size) => {
  const entries = load(name);

  it(`has at least ${size} answers`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(size);
  });

  it('answers only open cards of the built-in decks, one label per key point', () => {
    const mismatched = entries.filter((e) => keyPointCounts.get(e.key) !== e.covered.length);
    expect(mismatched.map((e) => `${e.key}: ${e.covered.length} labels, card has ${keyPointCounts.get(e.key) ?? 'no such open card'}`)).toEqual([]);
  });

  it('labels are booleans and answers are 20-400 words', () => {
    for (const e of entries) {
      expect(e.covered.every((c) => typeof c === 'boolean'), e.key).toBe(true);
      expect(['behavioural', 'story', 'skill'], e.key).toContain(e.kind);
      const n = words(e.answer);
      expect(n, e.key).toBeGreaterThanOrEqual(20);
      expect(n, e.key).toBeLessThanOrEqual(400);
    }
  });
});
