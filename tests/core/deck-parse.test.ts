import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDeckError, parseDeck } from '../../src/core/deck-parse.js';
import { MINI_DECK } from '../helpers/temp.js';

const mini = readFileSync(MINI_DECK, 'utf8');

function errorsOf(text: string) {
  const result = parseDeck(text, 'deck.json');
  if (result.ok) throw new Error('expected the deck to be rejected');
  return result.errors;
}

describe('parseDeck', () => {
  it('accepts a valid deck and fills the default area', () => {
    const result = parseDeck(mini.replace('"area": "custom",', ''), 'mini.json');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.deck.area).toBe('custom');
      expect(result.deck.cards.map((c) => c.type)).toEqual(['flashcard', 'choice', 'multi', 'open']);
    }
  });

  it('checks walkthrough sections: every card in a listed section, every section used once', () => {
    const deck = JSON.parse(mini) as { sections?: unknown; cards: { section?: string }[] };
    deck.sections = [{ name: 'Basics', intro: 'Start here.' }, { name: 'Basics', intro: 'Again.' }, { name: 'Empty', intro: 'Nothing in it.' }];
    deck.cards.forEach((card, i) => (card.section = i === 1 ? 'Basix' : 'Basics'));
    delete deck.cards[2]!.section;
    const messages = errorsOf(JSON.stringify(deck, null, 2)).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual([
      'cards[1].section: "Basix" is not one of the deck\'s sections (Basics, Empty)',
      'cards[2]: needs a "section": this deck lists its sections',
      'sections[1].name: section "Basics" is listed twice',
      'sections[2].name: no card is in section "Empty"',
    ]);
  });

  it('rejects __proto__ keys by name and position, and never lets them reach an object', () => {
    const text = '{\n  "id": "evil",\n  "title": "Evil",\n  "version": 1,\n  "__proto__": { "polluted": true },\n  "cards": [{ "id": "a", "type": "flashcard", "front": "q", "back": "a", "__proto__": { "x": 1 } }]\n}';
    const errors = errorsOf(text);
    expect(errors.map(formatDeckError)).toEqual([
      'deck.json:5:3 "__proto__" is not allowed as a key: it names a JavaScript object\'s internals, not a deck field',
      'deck.json:6:74 cards[0]: "__proto__" is not allowed as a key: it names a JavaScript object\'s internals, not a deck field',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('points a JSON syntax error at its line and column', () => {
    const [error] = errorsOf('{\n  "id": "x",\n  "title": "T" "version": 1\n}');
    expect(error).toMatchObject({ line: 3, column: 16 });
    expect(error?.message).toMatch(/JSON syntax error: expected ","/);
  });

  it('names file, line:column, JSON path and a plain message for an answer out of range', () => {
    const text = mini.replace('"answer": 1', '"answer": 4');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('"answer": 4')) + 1;
    expect(errors[0]).toMatchObject({ file: 'deck.json', line, path: 'cards[1].answer', message: '4 is out of range; this card has 3 choices' });
    expect(formatDeckError(errors[0]!)).toMatch(new RegExp(`^deck.json:${line}:\\d+ cards\\[1\\].answer: 4 is out of range`));
  });

  it('rejects unknown keys where they are, so typos cannot pass silently', () => {
    const text = mini.replace('"front": "Capital of France?"', '"frnt": "Capital of France?"');
    const errors = errorsOf(text);
    const line = text.split('\n').findIndex((l) => l.includes('"frnt"')) + 1;
    expect(errors.map((e) => [e.path, e.line, e.message])).toEqual(
      expect.arrayContaining([
        ['cards[0]', line, expect.stringMatching(/unknown key "frnt"/)],
        ['cards[0].front', expect.any(Number), 'is required'],
      ]),
    );
  });

  it('rejects an unknown top-level key', () => {
    expect(errorsOf(mini.replace('"version": 1,', '"version": 1, "colour": "red",'))[0]).toMatchObject({ path: '', message: expect.stringMatching(/unknown key "colour"/) });
  });

  it('rejects text with terminal control characters but allows newline and tab', () => {
    const withEscape = mini.replace('"back": "Paris"', '"back": "Par\\u001b[2Jis"');
    expect(errorsOf(withEscape)[0]).toMatchObject({ path: 'cards[0].back', message: expect.stringMatching(/control character/) });
    const withC1 = mini.replace('"back": "Paris"', '"back": "Par\\u009bis"');
    expect(errorsOf(withC1)[0]?.path).toBe('cards[0].back');
    expect(parseDeck(mini.replace('"back": "Paris"', '"back": "Pa\\n\\tris"'), 'x').ok).toBe(true);
  });

  it('reports duplicate card ids and an unknown card type', () => {
    const dup = mini.replace('"id": "two-plus-two"', '"id": "capital"');
    expect(errorsOf(dup)[0]).toMatchObject({ path: 'cards[1].id', message: 'duplicate card id "capital" (also used by cards[0])' });
    const badType = mini.replace('"type": "flashcard"', '"type": "flashcrd"');
    expect(errorsOf(badType)[0]).toMatchObject({ path: 'cards[0].type', message: expect.stringMatching(/type must be one of "flashcard"/) });
  });

  it('explains wrong types and bad ids in plain words', () => {
    expect(errorsOf(mini.replace('"version": 1', '"version": "one"'))[0]).toMatchObject({ path: 'version', message: 'must be a number, not text' });
    expect(errorsOf(mini.replace('"id": "mini"', '"id": "Mini Deck"'))[0]?.message).toMatch(/lowercase letters, digits and single hyphens/);
    expect(errorsOf(mini.replace('"answers": [0, 2]', '"answers": [0, 7]'))[0]).toMatchObject({ path: 'cards[2].answers[1]', message: '7 is out of range; this card has 4 choices' });
  });

  it('rejects an empty file and a top-level array', () => {
    expect(errorsOf('')[0]?.message).toMatch(/JSON syntax error/);
    expect(errorsOf('[]')[0]?.message).toBe('must be an object, not a list');
  });
});
