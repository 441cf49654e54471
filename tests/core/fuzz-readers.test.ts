// Fuzz tests of the deck, CSV/TSV and Anki note readers: thousands of mutated inputs per run,
// within a time budget per property. Each input must give a result or a refusal whose lines are
// positioned and free of control characters, within a time bound, and never an uncaught error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertAnkiNotes, type AnkiCollection, type AnkiNoteType } from '../../src/core/anki-notes.js';
import { convertCsv } from '../../src/core/csv-cards.js';
import { MAX_FIELD_LENGTH } from '../../src/core/deck-limits.js';
import { formatDeckError, parseDeck } from '../../src/core/deck-parse.js';
import { importedDeck } from '../../src/core/imported-deck.js';
import { ImportError, unsafeTextReason } from '../../src/core/import-text.js';
import { CONTROL, mutate, mutations } from '../helpers/mutate.js';
import { REPO } from '../helpers/temp.js';

/** Per input; generous for a shared machine, far below what the old parsers took. */
const PER_INPUT_MS = 1500;
/** Per property: as many inputs as fit, at least a few hundred on a loaded machine. */
const BUDGET = { numRuns: 5000, interruptAfterTimeLimit: 4000, markInterruptAsFailure: false };

function timed<T>(run: () => T, bound = PER_INPUT_MS): T {
  const start = performance.now();
  const value = run();
  expect(performance.now() - start).toBeLessThan(bound);
  return value;
}

/** An import's outcome: cards that would load, or one plain line. Anything but ImportError fails. */
function importOutcome(run: () => { cards: { front: string; back: string }[] }, bound = PER_INPUT_MS): void {
  let cards: { front: string; back: string }[];
  try {
    cards = timed(run, bound).cards;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toMatch(CONTROL);
    return;
  }
  for (const card of cards) {
    for (const text of [card.front, card.back]) {
      expect(unsafeTextReason(text)).toBeNull();
      expect(text.length).toBeLessThanOrEqual(MAX_FIELD_LENGTH);
    }
  }
  // What an import returns is a deck the loader accepts.
  if (cards.length > 0) importedDeck({ id: 'fuzz', title: 'Fuzz', description: 'fuzz', schema: 'deck.schema.json', cards: cards as never });
}

describe('fuzz: deck files', () => {
  const seed = readFileSync(join(REPO, 'tests/fixtures/mini.json'), 'utf8');

  it('every mutated deck loads or gives positioned one-line errors, quickly', () => {
    fc.assert(
      fc.property(mutations, (changes) => {
        const result = timed(() => parseDeck(mutate(seed, changes), 'fuzz.json'));
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors.length).toBeLessThanOrEqual(51);
        for (const error of result.errors) {
          const line = formatDeckError(error);
          expect(line).toMatch(/^fuzz\.json:[1-9]\d*:[1-9]\d* /);
          expect(line).not.toContain('\n');
          expect(line).not.toMatch(CONTROL);
        }
      }),
      BUDGET,
    );
  });
});

describe('fuzz: CSV and TSV exports', () => {
  const seeds = [
    'Front\tBack\tTags\nWhat is a CDN?\tA content delivery network\tnet\n{{c1::Consistency}} and {{c2::availability::A}}\tPick two\t\n<b>bold</b> <img src="a.png">\t[sound:x.mp3] answer\ttag\n',
    '#separator:tab\n#html:true\n#tags column:3\nq1\t<div>a1</div>\tx\nq2\ta2<br>more\ty\n',
    'term,definition\n"quoted, with comma","multi\nline"\nplain,answer\n',
  ];

  it('every mutated export imports or is refused with one plain line, quickly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), mutations, fc.constantFrom('fuzz.tsv', 'fuzz.csv', 'fuzz.txt'), (seed, changes, name) => {
        importOutcome(() => convertCsv(mutate(seed, changes), name));
      }),
      BUDGET,
    );
  });
});

describe('fuzz: Anki notes and templates', () => {
  const basic: AnkiNoteType = { name: 'Basic', cloze: false, fields: ['Front', 'Back', 'Add Reverse'], templates: [
    { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}<hr id=answer>{{Back}}' },
    { name: 'Card 2', front: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', back: '{{FrontSide}}<hr id=answer>{{Front}}' },
  ] };
  const cloze: AnkiNoteType = { name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}<br>{{^Back Extra}}none{{/Back Extra}}{{Back Extra}}' }] };
  const field = (seed: string) => mutations.map((changes) => mutate(seed, changes));

  it('every mutated note and template converts or is refused with one plain line, quickly', () => {
    fc.assert(
      fc.property(
        field('What does a <b>CDN</b> cache?'),
        field('Static content<br>close to users [sound:a.mp3]'),
        field('The {{c1::CAP::letters}} theorem: {{c2::consistency}} or availability'),
        field(basic.templates[1]!.front),
        field(cloze.templates[0]!.back),
        (front, back, text, template, clozeBack) => {
          const collection: AnkiCollection = {
            format: 'collection.anki2',
            noteTypes: new Map([
              [1, { ...basic, templates: [basic.templates[0]!, { ...basic.templates[1]!, front: template }] }],
              [2, { ...cloze, templates: [{ ...cloze.templates[0]!, back: clozeBack }] }],
            ]),
            notes: [
              { id: 1, guid: 'a', typeId: 1, tags: ['t'], fields: [front, back, 'y'] },
              { id: 2, guid: 'b', typeId: 2, tags: [], fields: [text, back] },
            ],
            cards: new Map([[1, [0, 1]], [2, [0, 1, 2]]]),
            deckName: null,
          };
          // Five cards, each converting up to three fields of up to 64 KB of HTML.
          importOutcome(() => convertAnkiNotes(collection), 5 * PER_INPUT_MS);
        },
      ),
      BUDGET,
    );
  });
});
