import { describe, expect, it } from 'vitest';
import { cardLine, chosenEditor, editorArgs, splitCommand } from '../../src/core/card-edit.js';
import { cleanNote, currentMarks, MAX_NOTE, markedCards, lastWords, markEntries, markGlyphs, marksToImport, parseMarkLine, withoutSuspended, type MarkEntry } from '../../src/core/card-marks.js';
import type { Deck } from '../../src/core/deck.js';
import { studyItems } from '../../src/core/queue.js';
import { sessionReducer, startSession } from '../../src/core/session.js';

const deck = (id: string, cards: string[]): Deck =>
  ({ id, title: id.toUpperCase(), area: 'custom', version: 1, cards: cards.map((c) => ({ id: c, type: 'flashcard', front: `front of ${c}`, back: 'b' })) }) as unknown as Deck;

const e = (t: MarkEntry['t'], key: string, at: number, note?: string): MarkEntry => ({ v: 1, t, key, at, ...(note !== undefined ? { note } : {}) });

describe('card marks from the log', () => {
  it('a time no Date can hold is damage, not a mark (found by the log fuzz: it crashed `flags`)', () => {
    expect(parseMarkLine(JSON.stringify({ v: 1, t: 'flag', key: 'mini/a', at: 1e20, note: 'x' }))).toBeNull();
    expect(parseMarkLine(JSON.stringify({ v: 1, t: 'flag', key: 'mini/a', at: 8.64e15, note: 'x' }))).not.toBeNull();
  });

  it('the last word on each card stands, in the order of the log', () => {
    const marks = currentMarks([e('suspend', 'a/x', 1), e('flag', 'a/y', 2, 'wrong'), e('unsuspend', 'a/x', 3), e('suspend', 'a/z', 4), e('flag', 'a/y', 5, 'still wrong'), e('flag', 'a/x', 6, 'typo'), e('unflag', 'a/x', 7)]);
    expect([...marks.suspended.keys()]).toEqual(['a/z']);
    expect([...marks.flags]).toEqual([['a/y', { note: 'still wrong', at: 5 }]]);
  });

  it('rewriting a log as its fewest entries gives the same marks', () => {
    const marks = currentMarks([e('suspend', 'a/x', 1), e('flag', 'a/y', 2, 'n'), e('suspend', 'b/q', 3), e('unsuspend', 'b/q', 4)]);
    expect(currentMarks(markEntries(marks))).toEqual(marks);
    expect(markEntries(marks)).toHaveLength(2);
  });

  it('parses only whole entries with a card key, and keeps notes to one short line', () => {
    expect(parseMarkLine(JSON.stringify(e('suspend', 'deck-1/card-2', 5)))).toEqual(e('suspend', 'deck-1/card-2', 5));
    for (const bad of ['', 'null', '[]', '{"v":2,"t":"suspend","key":"a/b","at":1}', '{"v":1,"t":"delete","key":"a/b","at":1}', '{"v":1,"t":"suspend","key":"../etc","at":1}', '{"v":1,"t":"suspend","key":"a/b"}', '{"v":1,"t":"flag","key":"a/b","at":1}', '{"v":1,"t":"suspend","key":"a/b","at":"1"}']) {
      expect(parseMarkLine(bad), bad).toBeNull();
    }
    const long = parseMarkLine(JSON.stringify(e('flag', 'a/b', 1, `line one\nline two ${'x'.repeat(400)}`)));
    expect(long?.note).not.toContain('\n');
    expect([...long!.note!]).toHaveLength(MAX_NOTE);
    expect(cleanNote('  answer   B\tis wrong ')).toBe('answer B is wrong');
    expect(cleanNote('wrong\u001b[2J\u009b!')).toBe('wrong[2J!');
  });

  it('an import appends the file\'s last word on each mark when it is later than the last word here', () => {
    const here = [e('suspend', 'a/x', 10), e('flag', 'a/y', 10, 'here'), e('suspend', 'a/w', 1), e('unsuspend', 'a/w', 30)];
    const file = [e('suspend', 'a/x', 5), e('flag', 'a/y', 20, 'there'), e('suspend', 'b/z', 1), e('suspend', 'a/w', 20), e('unsuspend', 'a/x', 7), e('flag', 'a/x', 3, 'x')];
    expect(lastWords(file)).toEqual([e('flag', 'a/y', 20, 'there'), e('suspend', 'b/z', 1), e('suspend', 'a/w', 20), e('unsuspend', 'a/x', 7), e('flag', 'a/x', 3, 'x')]);
    const added = marksToImport(here, file);
    expect(added).toEqual([e('flag', 'a/y', 20, 'there'), e('suspend', 'b/z', 1), e('flag', 'a/x', 3, 'x')]);
    // a/w was unsuspended here after the file's suspend; a/x suspended here after the file's unsuspend.
    const merged = currentMarks([...here, ...added]);
    expect([...merged.suspended.keys()].sort()).toEqual(['a/x', 'b/z']);
    expect(merged.flags.get('a/y')?.note).toBe('there');
    expect(marksToImport([...here, ...added], file)).toEqual([]);
  });

  it('glyphs read without colour', () => {
    const marks = currentMarks([e('suspend', 'a/x', 1), e('flag', 'a/x', 1, 'n'), e('flag', 'a/y', 1, 'n')]);
    expect(markGlyphs(marks, 'a/x')).toBe('⊘⚑ ');
    expect(markGlyphs(marks, 'a/y')).toBe('⚑ ');
    expect(markGlyphs(marks, 'a/z')).toBe('');
  });
});

describe('suspended cards leave the decks', () => {
  const decks = [deck('a', ['x', 'y']), deck('b', ['z'])];

  it('drops suspended cards and keeps decks without any as they are', () => {
    const marks = currentMarks([e('suspend', 'a/x', 1)]);
    const out = withoutSuspended(decks, marks.suspended);
    expect(out[0]!.cards.map((c) => c.id)).toEqual(['y']);
    expect(out[1]).toBe(decks[1]);
    expect(studyItems(out).map((i) => i.key)).toEqual(['a/y', 'b/z']);
    // The same marks give the same objects, so figures memoised on them stay valid.
    expect(withoutSuspended(decks, marks.suspended)[0]).toBe(out[0]);
    expect(withoutSuspended(decks, new Map())).toEqual(decks);
  });

  it('lists marked cards in deck order, then marks on cards no deck has', () => {
    const marks = currentMarks([e('flag', 'gone/card', 1, 'old'), e('suspend', 'b/z', 2), e('flag', 'a/y', 3, 'typo')]);
    const list = markedCards(decks, marks);
    expect(list.map((m) => [m.key, m.prompt, m.suspendedAt, m.flag?.note ?? null])).toEqual([
      ['a/y', 'front of y', null, 'typo'],
      ['b/z', 'front of z', 2, null],
      ['gone/card', 'gone/card', null, 'old'],
    ]);
    expect(list[2]!.card).toBeNull();
  });

  it('a session drops a suspended card wherever it is, and moves on when it was showing', () => {
    const items = studyItems(decks);
    let state = startSession(items, 0);
    expect(state.current?.key).toBe('a/x');
    state = sessionReducer(state, { type: 'removed', key: 'b/z', now: 0 });
    expect(state.queue.map((i) => i.key)).toEqual(['a/y']);
    state = sessionReducer(state, { type: 'removed', key: 'a/x', now: 0 });
    expect(state.current?.key).toBe('a/y');
    state = sessionReducer(state, { type: 'removed', key: 'a/y', now: 0 });
    expect(state.current).toBeNull();
  });
});

describe('opening a card in the editor', () => {
  const text = ['{', '  "id": "d",', '  "cards": [', '    { "id": "one", "type": "flashcard" },', '    {', '      "id": "two"', '    }', '  ]', '}'].join('\n');

  it('finds the line where the card starts', () => {
    expect(cardLine(text, 'one')).toBe(4);
    expect(cardLine(text, 'two')).toBe(5);
    expect(cardLine(text, 'three')).toBeNull();
    expect(cardLine('not json {', 'one')).toBeNull();
    expect(cardLine('{"cards": 3}', 'one')).toBeNull();
  });

  it('opens each editor at the line the way it understands', () => {
    expect(editorArgs('vim', '/d.json', 12)).toEqual(['vim', '+12', '/d.json']);
    expect(editorArgs('/usr/bin/nvim', '/d.json', 12)).toEqual(['/usr/bin/nvim', '+12', '/d.json']);
    for (const name of ['vi', 'nano', 'emacs', 'micro']) expect(editorArgs(name, 'f', 3)).toEqual([name, '+3', 'f']);
    expect(editorArgs('code --wait', '/d.json', 12)).toEqual(['code', '--wait', '-g', '/d.json:12']);
    expect(editorArgs('subl -w', 'f', 2)).toEqual(['subl', '-w', 'f:2']);
    expect(editorArgs('my-editor', 'f', 2)).toEqual(['my-editor', 'f']);
    expect(editorArgs('vim', 'f', null)).toEqual(['vim', 'f']);
  });

  it('takes $VISUAL first, then $EDITOR, then vi, and splits them as a shell would', () => {
    expect(chosenEditor({ VISUAL: 'nvim', EDITOR: 'nano' })).toBe('nvim');
    expect(chosenEditor({ VISUAL: ' ', EDITOR: 'nano' })).toBe('nano');
    expect(chosenEditor({})).toBe('vi');
    expect(splitCommand(`'/Applications/My Editor' -w "a b"  c`)).toEqual(['/Applications/My Editor', '-w', 'a b', 'c']);
  });
});
