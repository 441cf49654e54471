import { describe, expect, it } from 'vitest';
import { clozeSide, convertAnkiNotes, renderTemplate, type AnkiCollection, type AnkiNoteType } from '../../src/core/anki-notes.js';
import { convertCsv } from '../../src/core/csv-cards.js';
import { ImportError, slugId, toTerminalText, unsafeTextReason } from '../../src/core/import-text.js';

describe('HTML to terminal text', () => {
  it('keeps words, line breaks and lists, and leaves no tags or entities', () => {
    const { text } = toTerminalText('<div>Caching &amp; <b>CDNs</b>&nbsp;matter</div><div>second line<br>third</div><ul><li>one</li><li>two &lt;fast&gt;</li></ul><ol><li>first</li></ol>', true);
    expect(text).toBe('Caching & CDNs matter\nsecond line\nthird\n• one\n• two <fast>\n\n 1. first');
    expect(text).not.toMatch(/&(?:amp|nbsp|lt|gt);|<\/?(?:div|b|br|ul|ol|li)\b/);
  });

  it('names images and sounds in the text instead of dropping them', () => {
    const converted = toTerminalText('See <img src="paste-123.png"> and [sound:intro.mp3] and <img src="https://camo.githubusercontent.com/x" data-canonical-src="http://i.imgur.com/abc.png">', true);
    expect(converted.text).toBe('See [image: paste-123.png] and [audio: intro.mp3] and [image: http://i.imgur.com/abc.png]');
    expect(converted.media).toEqual(['paste-123.png', 'intro.mp3', 'http://i.imgur.com/abc.png']);
  });

  it('keeps tables and preformatted text in fenced blocks, so their columns survive', () => {
    const { text } = toTerminalText('<p>Numbers:</p><table><tr><th>Op</th><th>Time</th></tr><tr><td>L1</td><td>0.5 ns</td></tr></table><pre>a    b\n  c</pre>', true);
    expect(text).toMatch(/^Numbers:\n\n```\nOp +Time\nL1 +0\.5 ns\n```\n\n```\na {4}b\n {2}c\n```$/);
  });

  it('refuses terminal escape sequences and other control characters', () => {
    expect(unsafeTextReason('plain\ttext\nok')).toBeNull();
    expect(unsafeTextReason('red \u001b[31malert')).toMatch(/terminal escape sequence/);
    expect(unsafeTextReason('bell \u0007')).toMatch(/control character \(U\+0007\)/);
  });

  it('makes deck ids from file names', () => {
    expect(slugId('System Design (2017)')).toBe('system-design-2017');
    expect(slugId('Café—Notes')).toBe('cafe-notes');
    expect(slugId('!!!')).toBe('imported');
  });
});

describe('Anki templates and clozes', () => {
  it('hides one cloze per card, shows the others, and uses the hint', () => {
    const text = 'The {{c1::CAP::three letters}} theorem: {{c2::consistency}} or availability';
    expect(clozeSide(text, 1, 'front')).toBe('The [three letters] theorem: consistency or availability');
    expect(clozeSide(text, 1, 'back')).toBe('The [CAP] theorem: consistency or availability');
    expect(clozeSide(text, 2, 'front')).toBe('The CAP theorem: [...] or availability');
  });

  it('renders fields, filters and sections, and drops FrontSide and type-in boxes', () => {
    const fields = new Map([['Front', 'Q'], ['Back', 'A'], ['Add Reverse', '']]);
    expect(renderTemplate('{{#Add Reverse}}{{Back}}{{/Add Reverse}}', fields, null, 'front')).toBe('');
    expect(renderTemplate('{{^Add Reverse}}no reverse{{/Add Reverse}}', fields, null, 'front')).toBe('no reverse');
    expect(renderTemplate('{{FrontSide}}<hr id=answer>{{text:Back}} {{type:Back}}', fields, null, 'back')).toBe('<hr id=answer>A ');
  });

  it('converts notes by the cards the package lists, and says what it skipped and why', () => {
    const basic: AnkiNoteType = { name: 'Basic', cloze: false, fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}<hr id=answer>{{Back}}' }] };
    const reversed: AnkiNoteType = { ...basic, name: 'Basic (and reversed card)', templates: [...basic.templates, { name: 'Card 2', front: '{{Back}}', back: '{{FrontSide}}<hr id=answer>{{Front}}' }] };
    const collection: AnkiCollection = {
      format: 'collection.anki2',
      noteTypes: new Map([[1, basic], [2, reversed]]),
      notes: [
        { id: 10, guid: 'g1', typeId: 1, tags: ['net'], fields: ['What is a CDN?', 'A content delivery network'] },
        { id: 11, guid: 'g2', typeId: 2, tags: [], fields: ['TCP', 'Reliable, ordered byte stream'] },
        { id: 12, guid: 'g3', typeId: 1, tags: [], fields: ['Empty answer', ''] },
        { id: 13, guid: 'g4', typeId: 1, tags: [], fields: ['<img src="diagram.png">', 'A diagram'] },
        { id: 14, guid: 'g5', typeId: 9, tags: [], fields: ['Orphan', 'x'] },
      ],
      cards: new Map([[10, [0]], [11, [0, 1]], [12, [0]], [13, [0]], [14, [0]]]),
      deckName: 'Networking',
    };
    const result = convertAnkiNotes(collection);
    expect(result.cards.map((c) => [c.front, c.back])).toEqual([
      ['What is a CDN?', 'A content delivery network'],
      ['TCP', 'Reliable, ordered byte stream'],
      ['Reliable, ordered byte stream', 'TCP'],
    ]);
    expect(result.cards[0]!.tags).toEqual(['net']);
    expect(new Set(result.cards.map((c) => c.id)).size).toBe(3);
    expect(result.skipped.map((s) => s.reason)).toEqual(['the answer is empty', 'the question is only [image: diagram.png], which a terminal cannot show', 'its note type is missing from the package']);
    expect(result.byType).toEqual([{ type: 'Basic', notes: 3, cards: 1 }, { type: 'Basic (and reversed card)', notes: 1, cards: 2 }]);
    // The same note always gets the same card ids, so importing again keeps progress.
    expect(convertAnkiNotes(collection).cards.map((c) => c.id)).toEqual(result.cards.map((c) => c.id));
  });

  it('stops at a note with a terminal escape sequence, naming it', () => {
    const basic: AnkiNoteType = { name: 'Basic', cloze: false, fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{Back}}' }] };
    const collection: AnkiCollection = { format: 'collection.anki2', noteTypes: new Map([[1, basic]]), notes: [{ id: 42, guid: 'g', typeId: 1, tags: [], fields: ['Colour', 'red \u001b[31m'] }], cards: new Map([[42, [0]]]), deckName: null };
    expect(() => convertAnkiNotes(collection)).toThrow(ImportError);
    expect(() => convertAnkiNotes(collection)).toThrow(/^note 42 \("Colour"\) contains a terminal escape sequence/);
  });
});

describe('CSV and TSV exports', () => {
  it('reads a Quizlet export: tab-separated term and definition, no header', () => {
    const result = convertCsv('SRM\tSample ratio mismatch\nMDE\tMinimum detectable effect\n', 'quizlet.txt');
    expect(result.header).toBeNull();
    expect(result.delimiter).toBe('\t');
    expect(result.cards.map((c) => [c.front, c.back])).toEqual([['SRM', 'Sample ratio mismatch'], ['MDE', 'Minimum detectable effect']]);
  });

  it('reads quoted fields with commas and newlines, a header row and a tags column', () => {
    const result = convertCsv('Tags,Question,Answer\nstats power,"Power, in one line?","The chance of detecting\na real effect"\n', 'prep.csv');
    expect(result.header).toEqual(['Tags', 'Question', 'Answer']);
    expect(result.cards).toEqual([expect.objectContaining({ front: 'Power, in one line?', back: 'The chance of detecting\na real effect', tags: ['stats', 'power'] })]);
  });

  it("reads Anki's Notes in Plain Text export: its headers, HTML and tags column", () => {
    const text = '#separator:tab\n#html:true\n#tags column:3\nWhat is <b>p99</b>?\tThe 99th percentile&nbsp;latency<br>of requests\tlatency sre\n{{c1::Little}}\'s law\tL = λW\t\n';
    const result = convertCsv(text, 'export.txt');
    expect(result.cards.map((c) => [c.front, c.back, c.tags])).toEqual([
      ['What is p99?', 'The 99th percentile latency\nof requests', ['latency', 'sre']],
      ["[...]'s law", "[Little]'s law\n\nL = λW", undefined],
    ]);
  });

  it("leaves out the note id, note type and deck columns of a newer Anki export", () => {
    const text = '#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nAbC1d\tBasic\tPrep::Net\tWhat is BGP?\tThe routing protocol between networks\tnet\n';
    const result = convertCsv(text, 'anki-notes.txt');
    expect(result.cards).toEqual([expect.objectContaining({ front: 'What is BGP?', back: 'The routing protocol between networks', tags: ['net'] })]);
    expect(result.extraColumns).toBe(0);
    // The id follows the note, so rewording the question keeps the card's progress.
    expect(convertCsv(text.replace('What is BGP?', 'BGP is?'), 'anki-notes.txt').cards[0]!.id).toBe(result.cards[0]!.id);
  });

  it('skips empty and repeated questions with a reason and the line they are on', () => {
    const result = convertCsv('q,a\n,no question\nsame,one\n"multi\nline",x\nsame,two\nlonely,\n', 'rows.csv');
    expect(result.cards).toHaveLength(2);
    expect(result.skipped).toEqual([
      { what: 'line 2', reason: 'the question is empty' },
      { what: 'line 6', reason: 'same question as line 3' },
      { what: 'line 7', reason: 'the answer is empty' },
    ]);
  });

  it('gives one clear line for ragged rows, open quotes, one column and escape sequences', () => {
    expect(() => convertCsv('a,b\nc,d\ne,f,g\n', 'ragged.csv')).toThrow('ragged.csv:3: this row has 3 columns but the first row has 2; put quotes around any field that contains the separator');
    expect(() => convertCsv('a,b\n"c,d\n', 'open.csv')).toThrow(/^open\.csv:\d+: a quoted field is never closed/);
    expect(() => convertCsv('just one\ncolumn\n', 'one.csv')).toThrow('one.csv has only one column; a card needs a question and an answer, separated by ","');
    expect(() => convertCsv('q,a\nok,\u001b]0;owned\u0007\n', 'esc.csv')).toThrow(/^esc\.csv:2: contains a terminal escape sequence/);
  });
});
