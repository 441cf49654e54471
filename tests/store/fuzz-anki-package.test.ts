// Fuzz test of the Anki package reader: a small real-shaped .apkg, stored uncompressed so that
// changed bytes reach the zip headers, the SQLite file and the notes inside it, mutated hundreds
// of times per run. Each must import or be refused with one plain line, quickly, never throw.
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertAnkiNotes } from '../../src/core/anki-notes.js';
import { ImportError } from '../../src/core/import-text.js';
import { readAnkiPackage } from '../../src/store/anki-package.js';
import { ankiPackage, BASIC, CLOZE, SQL_WASM } from '../helpers/anki-fixture.js';
import { CONTROL } from '../helpers/mutate.js';

const PER_INPUT_MS = 3000;

type ByteChange = { kind: 'set'; at: number; value: number } | { kind: 'cut'; at: number } | { kind: 'repeat'; at: number; length: number; times: number };

const changes: fc.Arbitrary<ByteChange[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 200 }) }) },
  ),
  { minLength: 1, maxLength: 8 },
);

function mutateBytes(seed: Uint8Array, list: readonly ByteChange[]): Uint8Array {
  let bytes = seed.slice();
  for (const change of list) {
    const at = change.at % (bytes.length + 1);
    if (change.kind === 'set') {
      if (at < bytes.length) bytes[at] = change.value;
    } else if (change.kind === 'cut') {
      bytes = bytes.slice(0, at);
    } else {
      const slice = bytes.slice(at, at + change.length);
      const grown = new Uint8Array(bytes.length + slice.length * (change.times - 1));
      grown.set(bytes.subarray(0, at));
      for (let i = 0; i < change.times; i++) grown.set(slice, at + i * slice.length);
      grown.set(bytes.subarray(at + slice.length), at + slice.length * change.times);
      bytes = grown;
    }
  }
  return bytes;
}

describe('fuzz: Anki packages', () => {
  const seeds: Uint8Array[] = [];
  beforeAll(async () => {
    const notes = [
      { typeId: BASIC.id, fields: ['What does a <b>CDN</b> cache?', 'Static content<br>close to users'], tags: ['net'] },
      { typeId: CLOZE.id, fields: ['{{c1::Consistency}}, {{c2::availability}} and partition tolerance', 'Pick two'] },
    ];
    for (const format of ['collection.anki2', 'collection.anki21b'] as const) {
      // Stored, not deflated: a changed byte then lands in the collection itself.
      seeds.push(zipSync(unzipSync(await ankiPackage([BASIC, CLOZE], notes, { format })), { level: 0 }));
    }
  });

  it('every mutated package imports or is refused with one plain line, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), changes, async (which, list) => {
        const bytes = mutateBytes(seeds[which % seeds.length]!, list);
        const start = performance.now();
        try {
          const collection = await readAnkiPackage('fuzz.apkg', bytes, SQL_WASM);
          convertAnkiNotes(collection);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.message).not.toContain('\n');
          expect(error.message).not.toMatch(CONTROL);
        }
        expect(performance.now() - start).toBeLessThan(PER_INPUT_MS);
      }),
      { numRuns: 2000, interruptAfterTimeLimit: 8000, markInterruptAsFailure: false },
    );
  }, 30_000);
});
