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

/** Far coarser than the tolerance: numbers within it land in one bucket, unless they straddle an edge. */
const BUCKET = 1e-6;

/** Cell order for sorting, numbers by bucket: a row whose number is off by 1e-12 sorts beside its match. */
function sortCells(a: SqlCell, b: SqlCell): number {
  if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) return Math.round(a / BUCKET) - Math.round(b / BUCKET);
  return compareCells(a, b, false);
}

function sortRows(a: readonly SqlCell[], b: readonly SqlCell[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = sortCells(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Leftovers past this many on a side are not paired one by one (a quadratic pass). */
const PAIRING_LIMIT = 2000;

/**
 * The rows only one side has, as multisets: both sorted with numbers bucketed, then walked with the
 * tolerance; a pair split by a bucket edge is matched up afterwards.
 */
function multisetDiff(expected: readonly SqlCell[][], actual: readonly SqlCell[][]): { missing: SqlCell[][]; extra: SqlCell[][] } {
  const want = [...expected].sort(sortRows);
  const got = [...actual].sort(sortRows);
  let missing: SqlCell[][] = [];
  let extra: SqlCell[][] = [];
  let i = 0;
  let j = 0;
  while (i < want.length || j < got.length) {
    if (i >= want.length) extra.push(got[j++]!);
    else if (j >= got.length) missing.push(want[i++]!);
    else {
      if (compareRows(want[i]!, got[j]!, true) === 0) {
        i++;
        j++;
      } else if ((sortRows(want[i]!, got[j]!) || compareRows(want[i]!, got[j]!, false)) < 0) missing.push(want[i++]!);
      else extra.push(got[j++]!);
    }
  }
  if (missing.length > 0 && extra.length > 0 && missing.length <= PAIRING_LIMIT && extra.length <= PAIRING_LIMIT) {
    const left = [...extra];
    missing = missing.filter((row) => {
      const k = left.findIndex((other) => compareRows(row, other, true) === 0);
      if (k < 0) return true;
      left.splice(k, 1);
      return false;
    });
    extra = left;
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
