import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import type { Deck } from '../../src/core/deck.js';
import type { CardRecord } from '../../src/core/progress.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { buildSearchIndex } from '../../src/core/search.js';
import { FILTER_NAMES, matchesFilters, parseSearchQuery, promptLine, searchCards } from '../../src/core/search-query.js';

function deck(json: object): Deck {
  const parsed = parseDeck(JSON.stringify(json), 'test.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.deck;
}

const SQL = deck({
  id: 'sql',
  title: 'SQL',
  version: 1,
  cards: [
    { id: 'inner-join', type: 'choice', prompt: 'Which join keeps only matching rows?', choices: ['INNER', 'LEFT', 'FULL'], answer: 0, explanation: 'Inner keeps matches.', tags: ['joins'] },
    { id: 'left-join', type: 'flashcard', front: '```sql\nSELECT * FROM a LEFT JOIN b USING (id)\n```\nWhat does a row of a without a match get?', back: 'NULLs for b.', tags: ['joins', 'nulls'] },
    { id: 'window', type: 'flashcard', front: 'What does a window function keep that GROUP BY drops?', back: 'The rows.', tags: ['window-functions'] },
  ],
});
const DESIGN = deck({
  id: 'system-design',
  title: 'System Design at Scale',
  version: 1,
  cards: [{ id: 'cache', type: 'open', prompt: 'Explain how a cache join could work.', keyPoints: ['fill', 'evict'], tags: ['Caching'] }],
});
const index = buildSearchIndex([SQL, DESIGN]);
const NOW = new Date(2026, 11, 6, 9, 0).getTime();
const scheduler = createScheduler({ retention: 0.9 });
// inner-join was answered long ago and is due; left-join was answered just now and is not.
const records = new Map<string, CardRecord>([
  ['sql/inner-join', { state: scheduler.next(undefined, NOW - 30 * 86_400_000, 3), firstReview: NOW - 30 * 86_400_000 }],
  ['sql/left-join', { state: scheduler.next(undefined, NOW, 4), firstReview: NOW }],
]);
const context = { records, now: NOW };
const keys = (text: string, limit = 50) => searchCards(index, parseSearchQuery(text), context, limit).map((h) => h.entry.key);

describe('parseSearchQuery', () => {
  it('takes filters out of the words, in any case, and keeps the words in order', () => {
    const q = parseSearchQuery('left  Deck:SQL join KIND:flash tag:joins due: seen:no');
    expect(q.words).toBe('left join');
    expect(q.filters).toEqual({ decks: ['sql'], kinds: ['flashcard'], tags: ['joins'], due: [true], seen: [false] });
    expect(q.problems).toEqual([]);
  });

  it('reads a quoted value with spaces, even without its closing quote', () => {
    expect(parseSearchQuery('deck:"system design" cache').filters.decks).toEqual(['system design']);
    expect(parseSearchQuery('deck:"system des').filters.decks).toEqual(['system des']);
  });

  it('keeps an unknown name: as a word, so URLs and "p-value:" still search', () => {
    const q = parseSearchQuery('foo:bar https://x.org p-value:');
    expect(q.words).toBe('foo:bar https://x.org p-value:');
    expect(q.problems).toEqual([]);
  });

  it('says what a known filter takes when its value does not fit, and leaves it out', () => {
    const q = parseSearchQuery('kind:banana seen:maybe due:later deck: tag:');
    expect(q.problems).toEqual([
      'kind: is one of flashcard, choice, multi, open, design, sql, code',
      'seen: takes yes or no',
      'due: alone means due today; due:no means not due today',
      'deck: needs a deck id or the start of its title, e.g. deck:sql',
      'tag: needs a tag, e.g. tag:joins',
    ]);
    expect(q.filters).toEqual({ decks: [], kinds: [], tags: [], due: [], seen: [] });
    expect(q.words).toBe('');
  });

  it('any string parses without throwing, and no filter is left among the words', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('d', 'e', 'c', 'k', ':', '"', ' ', 'a', 'g', 't', '\n', 'é', 's', 'n', 'o') }), fc.string(), (built, any) => {
        for (const text of [built, any]) {
          const q = parseSearchQuery(text);
          for (const word of q.words.split(' ')) {
            const name = word.split(':')[0]!.toLowerCase();
            expect(word.includes(':') && (FILTER_NAMES as readonly string[]).includes(name)).toBe(false);
          }
        }
      }),
    );
  });

  it('filters are order-independent: moving them among the words changes nothing', () => {
    const filter = fc.constantFrom('deck:sql', 'deck:"system design"', 'kind:choice', 'kind:f', 'tag:joins', 'due:', 'due:no', 'seen:no', 'seen:yes', 'kind:banana', 'deck:');
    const word = fc.constantFrom('join', 'window', 'foo:bar', 'cache', 'rows');
    fc.assert(
      fc.property(fc.array(filter, { maxLength: 6 }), fc.array(word, { maxLength: 4 }), fc.array(fc.nat()), (filters, words, seed) => {
        const a = parseSearchQuery([...words, ...filters].join(' '));
        // Interleave the filters among the words in some other order; the words keep theirs.
        const shuffled = [...filters].sort((x, y) => (seed[x.length % Math.max(1, seed.length)] ?? 0) % 3 - 1 || y.localeCompare(x));
        const mixed: string[] = [];
        words.forEach((w, i) => {
          if (shuffled[i]) mixed.push(shuffled[i]);
          mixed.push(w);
        });
        mixed.push(...shuffled.slice(words.length));
        const b = parseSearchQuery(mixed.join(' '));
        expect(b.words).toBe(a.words);
        expect(b.filters).toEqual(a.filters);
        expect(new Set(b.problems)).toEqual(new Set(a.problems));
      }),
    );
  });
});

describe('search with filters', () => {
  it('a filter-only query lists every card it keeps, in deck order', () => {
    expect(keys('deck:sql')).toEqual(['sql/inner-join', 'sql/left-join', 'sql/window']);
    expect(keys('kind:choice')).toEqual(['sql/inner-join']);
    expect(keys('tag:joins')).toEqual(['sql/inner-join', 'sql/left-join']);
  });

  it('deck: matches the start of the id or of the title, in any case', () => {
    expect(keys('deck:SYS')).toEqual(['system-design/cache']);
    expect(keys('deck:"system design at"')).toEqual(['system-design/cache']);
    expect(keys('deck:design')).toEqual([]);
  });

  it('tag: matches the start of a tag, in any case', () => {
    expect(keys('tag:window')).toEqual(['sql/window']);
    expect(keys('tag:caching')).toEqual(['system-design/cache']);
  });

  it('due: and seen: read the review records on the given day', () => {
    expect(keys('due:')).toEqual(['sql/inner-join']);
    expect(keys('due:no deck:sql')).toEqual(['sql/left-join', 'sql/window']);
    expect(keys('seen:no')).toEqual(['sql/window', 'system-design/cache']);
    expect(keys('seen:yes')).toEqual(['sql/inner-join', 'sql/left-join']);
    expect(keys('seen:yes seen:no')).toHaveLength(4);
  });

  it('words and filters combine: the fuzzy match among the cards the filters keep', () => {
    expect(keys('join')).toEqual(expect.arrayContaining(['sql/inner-join', 'sql/left-join', 'system-design/cache']));
    expect(keys('join deck:sql')).toEqual(expect.arrayContaining(['sql/inner-join', 'sql/left-join']));
    expect(keys('join deck:sql')).not.toContain('system-design/cache');
    expect(keys('join kind:open')).toEqual(['system-design/cache']);
    expect(keys('join kind:multi')).toEqual([]);
    expect(keys('join deck:sql', 1)).toHaveLength(1);
  });

  it('no words and no filters find nothing; a bad filter is left out of the match', () => {
    expect(keys('')).toEqual([]);
    expect(keys('kind:banana')).toEqual([]);
    expect(keys('join kind:banana')).toEqual(keys('join'));
  });

  it('matchesFilters holds for no filters', () => {
    for (const entry of index.entries) expect(matchesFilters(entry, parseSearchQuery('').filters, context)).toBe(true);
  });
});

describe('promptLine', () => {
  it('skips fence lines and blank lines, and folds spaces', () => {
    expect(promptLine('```sql\nSELECT  1\n```\nWhat?')).toBe('SELECT 1');
    expect(promptLine('\n\nWhat   is\ta join?\nMore.')).toBe('What is a join?');
    expect(promptLine('  ```\n```')).toBe('');
  });

  it('never returns a fence line', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('`', '\n', ' ', 'a', 's', 'q', 'l') }), (text) => {
      expect(promptLine(text).startsWith('```')).toBe(false);
      expect(promptLine(text)).not.toContain('\n');
    }));
  });
});
