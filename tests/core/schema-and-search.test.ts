import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import { deckJsonSchema } from '../../src/core/deck-zod.js';
import { buildSearchIndex } from '../../src/core/search.js';
import { BUILTIN_DECKS, MINI_DECK } from '../helpers/temp.js';

describe('deck.schema.json', () => {
  it('is the schema the validator uses (regenerate with `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync(join(BUILTIN_DECKS, 'deck.schema.json'), 'utf8'));
    expect(committed).toEqual(deckJsonSchema());
  });

  it('describes every field, so editors can autocomplete', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [key, child] of Object.entries(n.properties as Record<string, unknown>)) {
          if (!(child as { description?: string }).description) missing.push(`${path}.${key}`);
          walk(child, `${path}.${key}`);
        }
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'additionalProperties']) {
        const sub = n[key];
        if (Array.isArray(sub)) sub.forEach((s, i) => walk(s, `${path}.${key}[${i}]`));
        else walk(sub, `${path}.${key}`);
      }
    };
    walk(deckJsonSchema(), '$');
    expect(missing).toEqual([]);
  });
});

describe('search', () => {
  const mini = parseDeck(readFileSync(MINI_DECK, 'utf8'), 'mini.json');
  if (!mini.ok) throw new Error('fixture is broken');
  const index = buildSearchIndex([mini.deck]);

  it('finds cards by prompt, by answer and by tag, tolerating typos', () => {
    expect(index.search('capital')[0]?.entry.key).toBe('mini/capital');
    expect(index.search('linearizability')[0]?.entry.key).toBe('mini/cap-theorem');
    expect(index.search('geo')[0]?.entry.key).toBe('mini/capital');
    expect(index.search('captial')[0]?.entry.key).toBe('mini/capital');
  });

  it('returns nothing for an empty query or a word in no card', () => {
    expect(index.search('  ')).toEqual([]);
    expect(index.search('zyxwvut')).toEqual([]);
  });
});
