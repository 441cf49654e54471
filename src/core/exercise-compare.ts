// Grading an SQL answer: is the user's result the solution's? Column names are not compared (an
// alias is not a wrong answer), numbers are equal within a tolerance (AVG's last digit depends on
// the order SQLite summed in), and rows are a multiset unless the card says order matters.
import { rowCount, type Comparison, type ResultSet, type SqlCell } from './exercise.js';

const TOLERANCE = 1e-9;
/** Rows listed on each side of a difference: enough to see the mistake, few enough to read. */
export const DIFF_ROWS = 5;

function rank(cell: SqlCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'number') return 1;
  if (typeof cell === 'string') return 2;
  return 3;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Cell order, with numbers within the tolerance counted equal when `tolerant`. */
function compareCells(a: SqlCell, b: SqlCell, tolerant: boolean): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'number' && typeof b === 'number') {
    if (tolerant && (Math.abs(a - b) <= TOLERANCE || a === b)) return 0;
    return a === b ? 0 : Number.isNaN(a) ? -1 : Number.isNaN(b) ? 1 : a - b;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  return 0;
}

function compareRows(a: readonly SqlCell[], b: readonly SqlCell[], tolerant: boolean): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareCells(a[i]!, b[i]!, tolerant);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** The rows only one side has, as multisets: both sorted exactly, then walked with the tolerance. */
function multisetDiff(expected: readonly SqlCell[][], actual: readonly SqlCell[][]): { missing: SqlCell[][]; extra: SqlCell[][] } {
  const sort = (rows: readonly SqlCell[][]) => [...rows].sort((a, b) => compareRows(a, b, false));
  const want = sort(expected);
  const got = sort(actual);
  const missing: SqlCell[][] = [];
  const extra: SqlCell[][] = [];
  let i = 0;
  let j = 0;
  while (i < want.length || j < got.length) {
    if (i >= want.length) extra.push(got[j++]!);
    else if (j >= got.length) missing.push(want[i++]!);
    else {
      const c = compareRows(want[i]!, got[j]!, true);
      if (c === 0) {
        i++;
        j++;
      } else if (c < 0) missing.push(want[i++]!);
      else extra.push(got[j++]!);
    }
  }
  return { missing, extra };
}


function countReason(expected: ResultSet, actual: ResultSet): string {
  const size = (r: ResultSet) => (r.truncated ? `over ${rowCount(r.rows.length)}` : rowCount(r.rows.length));
  return `${size(actual)}, the solution has ${size(expected)}`;
}

export function compareResults(expected: ResultSet, actual: ResultSet, ordered: boolean): Comparison {
  const want = expected.columns.length;
  const got = actual.columns.length;
  const none = { missing: [], extra: [], missingCount: 0, extraCount: 0, expectedColumns: expected.columns };
  if (want !== got) return { equal: false, reason: `${got} column${got === 1 ? '' : 's'}, the solution has ${want}`, ...none };
  const { missing, extra } = multisetDiff(expected.rows, actual.rows);
  const sameCount = expected.rows.length === actual.rows.length && expected.truncated === actual.truncated;
  const clip = (list: SqlCell[][]) => list.slice(0, DIFF_ROWS);
  if (missing.length > 0 || extra.length > 0 || !sameCount) {
    const reason = !sameCount
      ? countReason(expected, actual)
      : `${rowCount(missing.length)} of the solution ${missing.length === 1 ? 'is' : 'are'} missing and ${extra.length} ${extra.length === 1 ? 'is' : 'are'} not in it`;
    return { equal: false, reason, missing: clip(missing), extra: clip(extra), missingCount: missing.length, extraCount: extra.length, expectedColumns: expected.columns };
  }
  if (ordered) {
    const at = expected.rows.findIndex((row, i) => compareRows(row, actual.rows[i]!, true) !== 0);
    if (at >= 0) return { equal: false, reason: `the same rows in another order (first difference at row ${at + 1}); this exercise wants the solution's order`, ...none };
  }
  return { equal: true, reason: null, ...none };
}
