// The SQL a user types is outside input: the tokenizer, the refusal and the error position must
// take any text, in bounded time, and point only inside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorPosition, sqlRefusal, sqlWords } from '../../src/core/sql-guard.js';

// SQL-ish text: keywords, quotes, comments and brackets, so the tokenizer's states are all reached.
const piece = fc.constantFrom('SELECT', ' ', '\n', "'", '"', '`', '[', ']', '--', '/*', '*/', 'attach', 'ATTACH DATABASE', 'readfile(', 'x', '1', ';', '(', ')', "''", 'é', '\u0000', '\u001b');
const sqlText = fc.oneof(fc.string({ maxLength: 200 }), fc.array(piece, { maxLength: 80 }).map((parts) => parts.join('')));

describe('sql guard on any text', () => {
  it('words are slices of the text at their offsets, in order', () => {
    fc.assert(
      fc.property(sqlText, (sql) => {
        let last = -1;
        for (const word of sqlWords(sql)) {
          expect(sql.slice(word.at, word.at + word.text.length)).toBe(word.text);
          expect(word.at).toBeGreaterThan(last);
          last = word.at;
        }
      }),
    );
  });

  it('a refusal is null or one line, and an error position lies inside the text', () => {
    fc.assert(
      fc.property(sqlText, fc.nat(300), fc.constantFrom('near "x": syntax error', 'no such table: t', 'near ")": syntax error', 'x'), (sql, from, message) => {
        const refusal = sqlRefusal(sql);
        if (refusal !== null) expect(refusal).not.toMatch(/\n/);
        const at = errorPosition(sql, from, message);
        if (at) {
          const lines = sql.split('\n');
          expect(at.line).toBeGreaterThanOrEqual(1);
          expect(at.line).toBeLessThanOrEqual(lines.length);
          expect(at.column).toBeGreaterThanOrEqual(1);
          expect(at.column).toBeLessThanOrEqual(lines[at.line - 1]!.length + 1);
        }
      }),
    );
  });

  it('a 64 KB query of one unclosed quote or comment is read quickly', () => {
    for (const opener of ["'", '"', '/*', '--', '[']) {
      const started = performance.now();
      sqlWords(`SELECT ${opener}${'a'.repeat(64 * 1024)}`);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
