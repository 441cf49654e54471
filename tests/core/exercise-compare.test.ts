import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareResults, DIFF_ROWS } from '../../src/core/exercise-compare.js';
import type { ResultSet, SqlCell } from '../../src/core/exercise.js';

const set = (rows: SqlCell[][], columns = rows[0]?.map((_, i) => `c${i}`) ?? ['a'], truncated = false): ResultSet => ({ columns, rows, truncated });

describe('compareResults', () => {
  it('does not compare column names, only their count', () => {
    expect(compareResults(set([[1, 'a']], ['id', 'name']), set([[1, 'a']], ['x', 'y']), false).equal).toBe(true);
    const c = compareResults(set([[1, 'a']]), set([[1, 'a', 2]]), false);
    expect(c).toMatchObject({ equal: false, reason: '3 columns, the solution has 2' });
  });

  it('counts numbers equal within 1e-9, an integer equal to its float, NULL equal to NULL, text exactly', () => {
    expect(compareResults(set([[3, null, 'Ab']]), set([[3.0, null, 'Ab']]), true).equal).toBe(true);
    expect(compareResults(set([[1 / 3]]), set([[0.3333333333]]), true).equal).toBe(true);
    expect(compareResults(set([[1 / 3]]), set([[0.3333]]), true).equal).toBe(false);
    expect(compareResults(set([['Ab']]), set([['ab']]), false).equal).toBe(false);
    expect(compareResults(set([['Ab']]), set([['Ab ']]), false).equal).toBe(false);
    expect(compareResults(set([[null]]), set([[0]]), false).equal).toBe(false);
    expect(compareResults(set([['3']]), set([[3]]), false).equal).toBe(false);
  });

  it('lists the missing and extra rows and says why in one line', () => {
    const c = compareResults(set([[1], [2], [3]]), set([[1], [2], [4]]), false);
    expect(c).toEqual({ equal: false, reason: '1 row of the solution is missing and 1 is not in it', missing: [[3]], extra: [[4]], missingCount: 1, extraCount: 1, expectedColumns: ['c0'] });
    const fewer = compareResults(set([[1], [2], [3]]), set([[1]]), false);
    expect(fewer.reason).toBe('1 row, the solution has 3 rows');
    expect(fewer.missing).toEqual([[2], [3]]);
    // A long difference lists its first rows and counts them all.
    const many = compareResults(set([[1]]), set(Array.from({ length: 140 }, (_, i) => [i + 1])), false);
    expect(many).toMatchObject({ missingCount: 0, extraCount: 139 });
    expect(many.extra).toHaveLength(5);
  });

  it('treats rows as a multiset: a duplicate row counts', () => {
    const c = compareResults(set([[1], [1], [2]]), set([[1], [2], [2]]), false);
    expect(c).toMatchObject({ equal: false, missing: [[1]], extra: [[2]] });
  });

  it('says when the rows are right but the order is not, for an ordered exercise', () => {
    const c = compareResults(set([[1], [2]]), set([[2], [1]]), true);
    expect(c.equal).toBe(false);
    expect(c.reason).toMatch(/another order \(first difference at row 1\)/);
    expect(compareResults(set([[1], [2]]), set([[2], [1]]), false).equal).toBe(true);
  });

  it('lists a few rows only', () => {
    const c = compareResults(set([]), set(Array.from({ length: 50 }, (_, i) => [i])), false);
    expect(c.extra).toHaveLength(DIFF_ROWS);
    expect(c.reason).toBe('50 rows, the solution has 0 rows');
  });

  it('tells a truncated result from a whole one', () => {
    const c = compareResults(set([[1]]), set([[1]], ['a'], true), false);
    expect(c).toMatchObject({ equal: false, reason: 'over 1 row, the solution has 1 row' });
  });
});

const cell = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constantFrom('a', 'b', 'A', ''));
const table = fc.integer({ min: 1, max: 3 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }));

describe('compareResults properties', () => {
  it('a result equals itself, ordered or not', () => {
    fc.assert(fc.property(table, fc.boolean(), (rows, ordered) => compareResults(set(rows), set(rows.map((r) => [...r])), ordered).equal));
  });

  it('a permutation is equal unordered, and not ordered unless it left the rows in place', () => {
    fc.assert(
      fc.property(table.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length }))), ([rows, order]) => {
        const shuffled = order.map((i) => rows[i]!);
        expect(compareResults(set(rows), set(shuffled), false).equal).toBe(true);
        const samePlaces = shuffled.every((row, i) => compareResults(set([row]), set([rows[i]!]), true).equal);
        expect(compareResults(set(rows), set(shuffled), true).equal).toBe(samePlaces);
      }),
    );
  });

  it('an added row is never equal and is listed as extra', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (rows, ordered) => {
        const width = rows[0]?.length ?? 1;
        const added = Array.from({ length: width }, () => 'zz-added');
        const c = compareResults(set(rows, Array.from({ length: width }, (_, i) => `c${i}`)), set([...rows, added]), ordered);
        expect(c.equal).toBe(false);
        expect(c.extra).toContainEqual(added);
        expect(c.reason).not.toMatch(/\n/);
      }),
    );
  });

  it('rows whose numbers differ by less than the tolerance match whatever their other columns', () => {
    // Sorted exactly, [1, 'b'] and [1 + 1e-12, 'a'] change places between the sides.
    expect(compareResults(set([[1, 'b'], [1 + 1e-12, 'a']]), set([[1 + 1e-12, 'b'], [1, 'a']]), false).equal).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }), fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 3 })), { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (rows, nudge) => {
        const moved = rows.map(([x, s, n], k) => [nudge[k] ? x + 1e-11 : x, s, n] as SqlCell[]);
        return compareResults(set(rows as SqlCell[][]), set(moved.reverse()), false).equal;
      }),
    );
  });

  it('numbers moved by less than the tolerance stay equal', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, min: -1e3, max: 1e3 }), { maxLength: 10 }), (values) => compareResults(set(values.map((v) => [v])), set(values.map((v) => [v + 1e-11])), true).equal));
  });
});
