// What a run and a submit show, as lines: cells, errors, the cut note, the diff, the tables; and
// over random outside text (cells, names, output), never a control byte and never a line too wide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExerciseRun, SqlCell, TablePreview } from '../../src/core/exercise.js';
import { checkLines, formatCell, runLines, tablePreviewLines, tableSummary, type Line } from '../../src/ui/components/exercise/output-lines.js';
import { codeBlock, gaveUpLines, sideBySide } from '../../src/ui/components/exercise/exercise-lines.js';
import { visibleLine } from '../../src/ui/components/exercise/CodeEditor.js';

const texts = (lines: Line[]) => lines.map((l) => l.text);
const sql = (columns: string[], rows: SqlCell[][], truncated = false): ExerciseRun => ({ type: 'sql', run: { ok: true, result: { columns, rows, truncated }, ms: 4 } });

describe('exercise output', () => {
  it('shows NULL as NULL, a blob by its size, numbers as they are', () => {
    expect(formatCell(null)).toBe('NULL');
    expect(formatCell(new Uint8Array([1, 2, 3]))).toBe('<blob 3 bytes>');
    expect(formatCell(0.5)).toBe('0.5');
    expect(formatCell('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
  });

  it('a result is a table under its column names, numbers to the right; a cut result says so', () => {
    expect(texts(runLines(sql(['name', 'n'], [['Ada', 1], ['Bo', 10], ['Cy', null]]), 40))).toEqual(['✓ Ran: 3 rows (4 ms)', 'name     n', 'Ada      1', 'Bo      10', 'Cy    NULL']);
    expect(texts(runLines(sql(['x'], [[1]], true), 40))[0]).toBe('✓ Ran: the first 1,000 rows of more (4 ms)');
  });

  it('an error says where it is; a query stopped at its time says so', () => {
    const error: ExerciseRun = { type: 'sql', run: { ok: false, error: 'near "FORM": syntax error', timedOut: false, position: { line: 2, column: 7 }, ms: 1 } };
    expect(texts(runLines(error, 80))).toEqual(['✗ Error at line 2, column 7: near "FORM": syntax error']);
    const stopped: ExerciseRun = { type: 'sql', run: { ok: false, error: 'interrupted', timedOut: true, ms: 5000 } };
    expect(texts(runLines(stopped, 80))[0]).toMatch(/^✗ Stopped: the query ran past its time \(5000 ms\)/);
    // The runner's own words say it: once, not after ours.
    const said: ExerciseRun = { type: 'sql', run: { ok: false, error: 'stopped after 3 s: the query ran past its time (an endless recursive CTE?)', timedOut: true, ms: 3004 } };
    expect(texts(runLines(said, 100))).toEqual(['✗ Stopped after 3 s: the query ran past its time (an endless recursive CTE?)']);
  });

  it('a submit whose query failed says the error once, then where it is', () => {
    const run: ExerciseRun = { type: 'sql', run: { ok: false, error: 'no such column: nme', timedOut: false, position: { line: 1, column: 8 }, ms: 1 } };
    expect(texts(checkLines({ passed: false, run, summary: 'Not yet: the query failed: no such column: nme' }, 80))).toEqual(['✗ Not yet: the query failed: no such column: nme', '  at line 1, column 8']);
    const stopped: ExerciseRun = { type: 'sql', run: { ok: false, error: 'stopped after 3 s: the query ran past its time', timedOut: true, ms: 3004 } };
    expect(texts(checkLines({ passed: false, run: stopped, summary: 'Not yet: stopped after 3 s: the query ran past its time' }, 80))).toEqual(['✗ Not yet: stopped after 3 s: the query ran past its time']);
  });

  it('a failing Python line is said once, not again at the end of the output', () => {
    const output = 'Traceback (most recent call last):\n  File "test_solution.py", line 2\nAssertionError: assert add(1, 2) == 3\n';
    const failed: ExerciseRun = { type: 'code', run: { passed: false, timedOut: false, exitCode: 1, output, failure: 'AssertionError: assert add(1, 2) == 3', ms: 20 } };
    const lines = texts(runLines(failed, 80));
    expect(lines.filter((l) => l.includes('assert add(1, 2) == 3'))).toHaveLength(1);
    const check = texts(checkLines({ passed: false, run: failed, summary: 'Not yet: AssertionError: assert add(1, 2) == 3' }, 80));
    expect(check.filter((l) => l.includes('assert add(1, 2) == 3'))).toHaveLength(1);
    const timedOut: ExerciseRun = { type: 'code', run: { passed: false, timedOut: true, exitCode: null, output: '', failure: 'stopped after 3 s: the code ran past its time limit (an endless loop?)', ms: 3004 } };
    expect(texts(runLines(timedOut, 80))).toEqual(['✗ Stopped after 3 s: the code ran past its time limit (an endless loop?)', '(no output)']);
  });

  it('long code wraps under its indentation, each continuation marked ↪', () => {
    const solution = 'class Bucket:\n    def refill(self):\n        self.tokens = min(self.capacity, self.tokens + elapsed * self.refill_rate)';
    const lines = texts(codeBlock('Solution:', solution, 50));
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(50);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.slice(4).every((l) => /^ {10}↪ /.test(l))).toBe(true);
    expect(lines.join(' ').replace(/\s*↪\s*/g, ' ')).toContain('self.refill_rate)');
    expect(lines.join('')).not.toContain('…');
  });

  it('a code run names the failing assertion and shows the output, made safe; a timeout says so', () => {
    const failed: ExerciseRun = { type: 'code', run: { passed: false, timedOut: false, exitCode: 1, output: 'line one\n\tindented\x07\n', failure: 'AssertionError: assert 1 == 2', ms: 20 } };
    expect(texts(runLines(failed, 80))).toEqual(['✗ Tests failed (exit 1)', 'AssertionError: assert 1 == 2', 'Output:', 'line one', '    indented\\x07']);
    const stopped: ExerciseRun = { type: 'code', run: { passed: false, timedOut: true, exitCode: null, output: '', failure: null, ms: 5000 } };
    expect(texts(runLines(stopped, 80))).toEqual(['✗ Stopped: the tests ran past their time (5000 ms)', '(no output)']);
  });

  it('a wrong submit shows the rows missing under the solution\'s column names, the rows extra under the answer\'s', () => {
    const run = sql(['name'], [['Ada'], ['Bo']]);
    const lines = checkLines({ passed: false, run, comparison: { equal: false, reason: '2 rows, the solution has 2 but different', missing: [['Cy']], extra: [['Bo']], missingCount: 1, extraCount: 1, expectedColumns: ['member'] }, summary: 'Not right: 1 row missing, 1 extra.' }, 60);
    expect(texts(lines)).toEqual(['✗ Not right: 1 row missing, 1 extra.', '2 rows, the solution has 2 but different', 'Missing: 1 row the solution has and yours lacks', 'member', 'Cy', 'Extra: 1 row yours has and the solution lacks', 'name', 'Bo']);
  });

  it('a table preview: name and size, columns with types, sample rows; narrow, one line of names', () => {
    const tables: TablePreview[] = [{ name: 'plans', columns: [{ name: 'id', type: 'INTEGER' }, { name: 'price', type: 'REAL' }], sample: [[1, 9.99], [2, null]], rowCount: 1200 }];
    expect(texts(tablePreviewLines(tables, 40))).toEqual(['plans (1,200 rows)', '  id INTEGER, price REAL', '  id  price', '   1   9.99', '   2   NULL']);
    expect(tableSummary(tables)).toBe('Tables: plans (1,200)');
  });

  it('giving up on a wide screen: the answer and the solution side by side, split by a rule', () => {
    expect(texts(sideBySide(codeBlock('Your answer:', 'SELECT 1', 20), codeBlock('Solution:', 'SELECT 2\nFROM t', 20), 20))).toEqual(['Your answer:         │ Solution:', '  SELECT 1           │   SELECT 2', '                     │   FROM t']);
    const card = { type: 'sql', prompt: 'p', dataset: 'd', solution: 'SELECT 2', id: 'c' } as const;
    expect(texts(gaveUpLines(card, '', { rating: 1, again: '1m', hints: 0, failed: 0 }, 60, false))).toEqual(['Given up: rated Again (back in 1m).', '', 'Solution:', '  SELECT 2', '', 'Your answer:', '  (empty)']);
  });

  it('an editor line follows the cursor across, with … where it goes on', () => {
    expect(visibleLine('abcdefghij', 0, 6, 0)).toBe('▌abcd…');
    expect(visibleLine('abcdefghij', 5, 6, 10)).toBe('…ghij▌');
    expect(visibleLine('abc', 0, 6, null)).toBe('abc');
    // Shifted: every line with text starts with "…", even one too short to reach the view.
    expect(visibleLine('ab', 5, 6, null)).toBe('…');
    expect(visibleLine('abcdefgh', 5, 6, null)).toBe('…gh');
    expect(visibleLine('', 5, 6, null)).toBe('');
  });
});

const CONTROL = /[\x00-\x1f\x7f-\x9f\u202e]/;

describe('exercise output over outside text', () => {
  const cell: fc.Arbitrary<SqlCell> = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.double(), fc.constant(null), fc.uint8Array({ maxLength: 5 }));
  it('never a control byte, never wider than the width it was given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.integer({ min: 20, max: 160 }),
        (columns, rows, output, width) => {
          const lines = [
            ...runLines(sql(columns, rows), width),
            ...runLines({ type: 'code', run: { passed: false, timedOut: false, exitCode: 1, output, failure: output.slice(0, 20), ms: 1 } }, width),
            ...runLines({ type: 'sql', run: { ok: false, error: output, timedOut: false, ms: 1 } }, width),
            ...tablePreviewLines([{ name: output.slice(0, 10), columns: columns.map((name) => ({ name, type: output.slice(0, 5) })), sample: rows, rowCount: rows.length }], width),
          ];
          for (const line of lines) {
            expect(line.text).not.toMatch(CONTROL);
            // Table rows are cut by the terminal (truncate-end); every other line fits by itself.
            if (!line.tone && !line.text.includes('  ')) expect([...line.text].length).toBeLessThanOrEqual(Math.max(width, 12));
          }
          expect(visibleLine(output, 0, width, 0)).not.toMatch(CONTROL);
        },
      ),
    );
  });
});
