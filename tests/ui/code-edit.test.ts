// The exercise editor's edits: pure, checked on the cases a user meets and over random key runs.
import fc from 'fast-check';
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { codeState, codeText, editCode, followLeft, followTop, MAX_CODE_CHARS, type CodeState } from '../../src/ui/code-edit.js';
import { NO_KEY, wholePaste } from '../../src/ui/input.js';

/** The cursor at the top of the text, where these cases start. */
const codeStateAtStart = (text: string): CodeState => ({ ...codeState(text), row: 0, col: 0 });

const k = (patch: Partial<Key>): Key => ({ ...NO_KEY, ...patch });
const KEYS = {
  enter: k({ return: true }),
  tab: k({ tab: true }),
  shiftTab: k({ tab: true, shift: true }),
  up: k({ upArrow: true }),
  down: k({ downArrow: true }),
  left: k({ leftArrow: true }),
  right: k({ rightArrow: true }),
  home: k({ home: true }),
  end: k({ end: true }),
  backspace: k({ delete: true }),
  escape: k({ escape: true }),
  pageUp: k({ pageUp: true }),
  pageDown: k({ pageDown: true }),
};

/** Applies keys: a string is typed text, a Key is pressed. */
function run(state: CodeState, ...keys: (string | Key | [string, Key])[]): CodeState {
  let s = state;
  for (const one of keys) {
    const [input, key] = typeof one === 'string' ? [one, NO_KEY] : Array.isArray(one) ? one : ['', one];
    s = editCode(s, input, key) ?? s;
  }
  return s;
}

/** The text with the cursor drawn as |. */
function shown(s: CodeState): string {
  return s.lines.map((line, i) => (i === s.row ? [...[...line].slice(0, s.col), '|', ...[...line].slice(s.col)].join('') : line)).join('\n');
}

describe('code editor edits', () => {
  it('types, and Enter starts a line with the indentation of the one before', () => {
    const s = run(codeState(''), 'def f(x):', KEYS.enter, KEYS.tab, 'if x:', KEYS.enter, '    return 1', KEYS.enter, 'y');
    expect(shown(s)).toBe('def f(x):\n    if x:\n        return 1\n        y|');
  });

  it('Enter in the middle of a line splits it; Backspace at a line start joins it to the line above', () => {
    const s = run(codeState('SELECT a FROM t'), KEYS.home, ...Array(8).fill(KEYS.right), KEYS.enter);
    expect(shown(s)).toBe('SELECT a\n| FROM t');
    expect(shown(run(s, KEYS.backspace))).toBe('SELECT a| FROM t');
  });

  it('Backspace in leading blanks goes back one indent step; Shift+Tab takes one off the line', () => {
    const s = run(codeState('        x'), KEYS.home);
    expect(shown(s)).toBe('        |x');
    expect(shown(run(s, KEYS.backspace))).toBe('    |x');
    expect(shown(run(codeState('      x'), KEYS.home, KEYS.backspace))).toBe('    |x');
    expect(shown(run(codeState('        x'), KEYS.shiftTab))).toBe('    x|');
  });

  it('Ctrl+D deletes to the right and joins the next line at a line end', () => {
    const s = run(codeStateAtStart('ab\ncd'), KEYS.end, [ 'd', k({ ctrl: true }) ]);
    expect(shown(s)).toBe('ab|cd');
    expect(shown(run(s, ['d', k({ ctrl: true })]))).toBe('ab|d');
  });

  it('up and down keep the column aimed for across a short line', () => {
    const s = run(codeStateAtStart('abcdef\nab\nabcdef'), KEYS.end, KEYS.down);
    expect(shown(s)).toBe('abcdef\nab|\nabcdef');
    expect(shown(run(s, KEYS.down))).toBe('abcdef\nab\nabcdef|');
    expect(shown(run(s, KEYS.down, KEYS.up, KEYS.up))).toBe('abcdef|\nab\nabcdef');
  });

  it('left and right cross line ends; Home goes to the code, then the line start; End to its end', () => {
    const s = run(codeStateAtStart('ab\n  cd'), KEYS.end, KEYS.right);
    expect(shown(s)).toBe('ab\n|  cd');
    expect(shown(run(s, KEYS.left))).toBe('ab|\n  cd');
    expect(shown(run(s, KEYS.end, KEYS.home))).toBe('ab\n  |cd');
    expect(shown(run(s, KEYS.end, KEYS.home, KEYS.home))).toBe('ab\n|  cd');
  });

  it('a paste of several lines goes in as it is: line ends made \\n, tabs made spaces, controls dropped', () => {
    const s = run(codeState('x = 1\n'), 'def f():\r\n\treturn 2\x1b[31m\rprint(f())');
    expect(codeText(s)).toBe('x = 1\ndef f():\n    return 2[31m\nprint(f())');
    expect(shown(s).endsWith('print(f())|')).toBe(true);
    // Pasted lines keep their own indentation, none added.
    expect(codeText(run(codeState('    a'), '\nb\n  c'))).toBe('    a\nb\n  c');
  });

  it('Esc and the Ctrl keys the screen binds are not edits', () => {
    expect(editCode(codeState('a'), '', KEYS.escape)).toBeNull();
    expect(editCode(codeState('a'), 'r', k({ ctrl: true }))).toBeNull();
    expect(editCode(codeState('a'), 's', k({ ctrl: true }))).toBeNull();
  });

  it('stops growing at the most an answer may hold', () => {
    const s = run(codeState(''), 'x'.repeat(MAX_CODE_CHARS + 50));
    expect(codeText(s).length).toBe(MAX_CODE_CHARS);
    expect(codeText(run(s, 'more'))).toBe(codeText(s));
  });
});

const anyKey: fc.Arbitrary<string | Key | [string, Key]> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('\n', 'a\nb', '\t', '\r\n', 'é', '😀', 'x\x7fy'),
  fc.constantFrom(...Object.values(KEYS)),
  fc.constantFrom<[string, Key]>(['d', k({ ctrl: true })], ['u', k({ ctrl: true })], ['k', k({ ctrl: true })], ['a', k({ ctrl: true })], ['e', k({ ctrl: true })]),
);

describe('pastes into the editor', () => {
  it('the router hands a multi-line editor a paste whole, but never a burst with Backspace, Esc or Ctrl in it', () => {
    expect(wholePaste('def f():\r    return 1', NO_KEY)).toEqual([['def f():\r    return 1', NO_KEY]]);
    expect(wholePaste('a\tb', NO_KEY)).toEqual([['a\tb', NO_KEY]]);
    expect(wholePaste('ab\x7f\x7f', NO_KEY)).toBeNull();
    expect(wholePaste('ab\x1b', NO_KEY)).toBeNull();
    expect(wholePaste('\r\r', NO_KEY)).toBeNull();
    expect(wholePaste('s', k({ ctrl: true }))).toBeNull();
  });

  it('line ends at the edges of a burst stay Enter keys, so Enter and a letter typed fast indent as typed', () => {
    const enter = k({ return: true });
    expect(wholePaste('\rz', NO_KEY)).toEqual([['', enter], ['z', NO_KEY]]);
    expect(wholePaste('x = 1\r\n', NO_KEY)).toEqual([['x = 1', NO_KEY], ['', enter]]);
    const typed = [...(wholePaste('\rz', NO_KEY) ?? [])].reduce((s, [input, key]) => editCode(s, input, key) ?? s, codeState('    a'));
    expect(codeText(typed)).toBe('    a\n    z');
  });
});

describe('code editor properties', () => {
  it('the cursor is always inside the text, and no control character ever enters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(anyKey, { maxLength: 40 }), (start, keys) => {
        const s = run(codeState(start), ...keys);
        expect(s.row).toBeGreaterThanOrEqual(0);
        expect(s.row).toBeLessThan(s.lines.length);
        expect(s.col).toBeGreaterThanOrEqual(0);
        expect(s.col).toBeLessThanOrEqual([...s.lines[s.row]!].length);
        expect(codeText(s)).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
        for (const line of s.lines) expect(line).not.toContain('\n');
      }),
    );
  });

  it('typing text then as many Backspaces leaves the text as it was', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.stringMatching(/^[a-z():=]{1,12}$/), (start, typed) => {
        // No blanks typed: in leading blanks Backspace goes back a whole indent step.
        const before = codeState(start);
        const after = run(before, typed, ...Array([...typed].length).fill(KEYS.backspace));
        expect(codeText(after)).toBe(codeText(before));
      }),
    );
  });

  it('a paste is the same as typing its lines with Enter between them', () => {
    fc.assert(
      // Lines that start with no blanks: Enter then adds no indentation either.
      fc.property(fc.array(fc.stringMatching(/^([a-z][a-z ]{0,7})?$/), { minLength: 1, maxLength: 5 }), (lines) => {
        const pasted = run(codeState(''), lines.join('\n'));
        let typed = codeState('');
        lines.forEach((line, i) => {
          typed = run(typed, ...(i > 0 ? [KEYS.enter] : []), line);
        });
        expect(codeText(pasted)).toBe(codeText(typed));
        expect([pasted.row, pasted.col]).toEqual([typed.row, typed.col]);
      }),
    );
  });

  it('the view keeps the cursor line and column in sight, moving as little as it can', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 300 }), (top, row, rows, count) => {
        const r = Math.min(row, count - 1);
        const t = followTop(top, r, rows, count);
        expect(r).toBeGreaterThanOrEqual(t);
        expect(r).toBeLessThan(t + rows);
        if (r >= top && r < top + rows && top + rows <= count) expect(t).toBe(top);
      }),
    );
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 2, max: 100 }), (left, col, width) => {
        const l = followLeft(left, col, width);
        expect(col).toBeGreaterThanOrEqual(l);
        expect(col).toBeLessThan(l + width - 1);
      }),
    );
    // The cursor's line fits: nothing is hidden; shifted, the cursor is never under the leading "…".
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 3, max: 100 }), fc.nat(300), (left, col, width, length) => {
        const l = followLeft(left, Math.min(col, length), width, length);
        if (length < width) expect(l).toBe(0);
        if (l > 0) expect(Math.min(col, length)).toBeGreaterThan(l);
      }),
    );
  });
});
