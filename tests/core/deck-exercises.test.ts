// Exercise cards in a deck file: what validates, and the positioned errors a deck writer gets for
// the mistakes the format invites (a dataset name that is not declared, a code card without tests).
import { describe, expect, it } from 'vitest';
import { formatDeckError, parseDeck } from '../../src/core/deck-parse.js';

const sqlCard = (extra: Record<string, unknown> = {}) => ({ id: 'q1', type: 'sql', prompt: 'Count the rows.', dataset: 'tiny', solution: 'SELECT COUNT(*) FROM t', ...extra });
const codeCard = (extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  type: 'code',
  language: 'python',
  prompt: 'Add two numbers.',
  starter: 'def add(a, b):\n    pass\n',
  tests: 'from solution import add\nassert add(1, 2) == 3\n',
  solution: 'def add(a, b):\n    return a + b\n',
  ...extra,
});

/** `datasets` null: the deck declares none. */
function deckText(cards: unknown[], datasets: unknown = { tiny: 'CREATE TABLE t (a INT); INSERT INTO t VALUES (1), (2);' }): string {
  return JSON.stringify({ id: 'ex', title: 'Exercises', version: 1, ...(datasets === null ? {} : { datasets }), cards }, null, 2);
}

function errorsOf(text: string): string[] {
  const result = parseDeck(text, 'ex.json');
  return result.ok ? [] : result.errors.map(formatDeckError);
}

describe('exercise cards in a deck', () => {
  it('an SQL card on a declared dataset and a complete code card validate', () => {
    const result = parseDeck(deckText([sqlCard({ ordered: true, hints: ['COUNT(*)'] }), codeCard({ timeoutMs: 2000 })]), 'ex.json');
    expect(result.ok).toBe(true);
  });

  it('an unknown dataset is an error at the card\'s "dataset", naming the ones declared', () => {
    const text = deckText([sqlCard({ dataset: 'nope' })]);
    const line = text.split('\n').findIndex((l) => l.includes('"dataset": "nope"')) + 1;
    expect(errorsOf(text)).toEqual([expect.stringMatching(new RegExp(`^ex\\.json:${line}:\\d+ cards\\[0\\]\\.dataset: unknown dataset "nope" \\(the deck's datasets: tiny\\)$`))]);
  });

  it('an SQL card in a deck with no datasets says so', () => {
    expect(errorsOf(deckText([sqlCard()], null))).toEqual([expect.stringMatching(/cards\[0\]\.dataset: unknown dataset "tiny" \(the deck has no "datasets"\)$/)]);
  });

  it('a code card without tests, or in a language there is no runner for, is refused where it is', () => {
    const { tests: _tests, ...noTests } = codeCard();
    expect(errorsOf(deckText([noTests]))).toEqual([expect.stringMatching(/^ex\.json:\d+:\d+ cards\[0\]\.tests: is required$/)]);
    expect(errorsOf(deckText([codeCard({ language: 'ruby' })]))).toEqual([expect.stringMatching(/cards\[0\]\.language: must be one of "python", not "ruby"$/)]);
  });

  it('a time limit out of range and an empty solution are refused', () => {
    expect(errorsOf(deckText([codeCard({ timeoutMs: 10 })]))).toEqual([expect.stringMatching(/cards\[0\]\.timeoutMs: must be at least 100$/)]);
    expect(errorsOf(deckText([sqlCard({ solution: '' })]))).toEqual([expect.stringMatching(/cards\[0\]\.solution: must not be empty$/)]);
  });
});
