// The frame's arithmetic, the input router's burst splitting and the text field's edits: pure
// functions, checked over many sizes and inputs rather than a few fixed ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameBudget, listWindow, MEASURE, MIN_HEIGHT, MIN_WIDTH, splitColumns, tooSmallMessage } from '../../src/ui/layout.js';
import { NO_KEY, splitBurst } from '../../src/ui/input.js';
import { editText, textState, visibleText } from '../../src/ui/text-edit.js';

describe('frame budget', () => {
  it('leaves the title, two rules and the footer, and centres a body of at most the measure', () => {
    expect(frameBudget(80, 24)).toEqual({ tooSmall: false, height: 20, width: 80, indent: 0 });
    expect(frameBudget(160, 45)).toEqual({ tooSmall: false, height: 41, width: MEASURE, indent: 30 });
    expect(frameBudget(160, 45, 160)).toMatchObject({ width: 160, indent: 0 });
  });

  it('is too small below the minimum, in either direction', () => {
    expect(frameBudget(MIN_WIDTH - 1, 40).tooSmall).toBe(true);
    expect(frameBudget(200, MIN_HEIGHT - 1).tooSmall).toBe(true);
    expect(frameBudget(MIN_WIDTH, MIN_HEIGHT).tooSmall).toBe(false);
    expect(tooSmallMessage(45, 12)).toBe('Terminal too small: 45x12, needs 50x14');
  });

  it('never gives the body more than the terminal has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 400 }), (w, h, measure) => {
        const b = frameBudget(w, h, measure);
        expect(b.indent + b.width).toBeLessThanOrEqual(Math.max(w, 1));
        if (!b.tooSmall) expect(b.height + 4).toBe(h);
      }),
    );
  });

  it('splits two panels with a gutter, using the whole width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 400 }), fc.double({ min: 0.2, max: 0.8, noNaN: true }), (w, share) => {
        const [left, right] = splitColumns(w, share);
        expect(left + right + 3).toBe(w);
        expect(Math.min(left, right)).toBeGreaterThan(0);
      }),
    );
  });
});

describe('list window', () => {
  it('shows everything that fits, with no "more" lines', () => {
    expect(listWindow(5, 4, 5)).toEqual({ top: 0, shown: 5, above: 0, below: 0, lines: 5 });
  });

  it('keeps the cursor in view and its "more" lines inside the rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), fc.nat(), (count, rows, c) => {
        const cursor = count === 0 ? 0 : c % count;
        const w = listWindow(count, cursor, rows);
        expect(w.above + w.shown + w.below).toBe(count);
        if (count > 0) {
          expect(cursor).toBeGreaterThanOrEqual(w.top);
          expect(cursor).toBeLessThan(w.top + w.shown);
        }
        expect(w.lines).toBeLessThanOrEqual(rows);
        expect(w.lines).toBe(w.shown + (w.above > 0 && rows >= 3 ? 1 : 0) + (w.below > 0 && rows >= 3 ? 1 : 0));
      }),
    );
  });
});

describe('input bursts', () => {
  it('splits control characters out of a burst, keeping printable runs whole', () => {
    const keys = splitBurst('ab\u007f\u007fcd\r', NO_KEY);
    expect(keys.map(([input, key]) => [input, key.delete, key.return])).toEqual([
      ['ab', false, false],
      ['', true, false],
      ['', true, false],
      ['cd', false, false],
      ['', false, true],
    ]);
  });

  it('reads Esc and a letter that arrive together (ink: Alt+letter) as the two keys', () => {
    const keys = splitBurst('q', { ...NO_KEY, meta: true });
    expect(keys.map(([input, key]) => [input, key.escape])).toEqual([
      ['', true],
      ['q', false],
    ]);
  });

  it('leaves single keys and keys with modifiers alone', () => {
    expect(splitBurst('j', NO_KEY)).toEqual([['j', NO_KEY]]);
    const up = { ...NO_KEY, upArrow: true };
    expect(splitBurst('', up)).toEqual([['', up]]);
    expect(splitBurst('hello', NO_KEY)).toEqual([['hello', NO_KEY]]);
  });
});

describe('text field edits', () => {
  const press = (value: string, ...inputs: string[]) => {
    let state = textState(value);
    for (const input of inputs) for (const [i, k] of splitBurst(input, input === '\u007f' ? { ...NO_KEY, delete: true } : NO_KEY)) state = editText(state, i, k) ?? state;
    return state.value;
  };

  it('applies a burst of typing and Backspaces as the keys it stands for', () => {
    expect(press('', 'sqlxx\u007f\u007f', ' join')).toBe('sql join');
    expect(press('abc', '\u007f', '\u007f', '\u007f', '\u007f')).toBe('');
  });

  it('never lets a control character into the value', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 20 }), (inputs) => {
        const value = press('', ...inputs);
        expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
    );
  });

  it('shows the part of a long value around the cursor, within the width', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), fc.integer({ min: 2, max: 80 }), (value, c, width) => {
        const chars = [...value];
        const state = { value, cursor: chars.length === 0 ? 0 : c % (chars.length + 1) };
        const { before, after } = visibleText(state, width);
        expect([...before].length + [...after].length + 1).toBeLessThanOrEqual(Math.max(width, 3));
        expect(value).toContain(before + after);
      }),
    );
  });
});

describe('wrapped lines', () => {
  it('hangs later lines under a mark, and never eats the start of text that has no mark', async () => {
    const { wrapLines } = await import('../../src/ui/wrap-lines.js');
    expect(wrapLines('! a notice that is long enough to wrap', 20, 2)).toEqual(['! a notice that is', '  long enough to', '  wrap']);
    expect(wrapLines('No values tagged · never rehearsed', 20, 2)[0]).toBe('No values tagged ·');
  });
});
