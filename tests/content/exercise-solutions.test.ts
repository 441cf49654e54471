// Every built-in exercise passes its own check: the SQL solution against itself on a fresh copy of
// its dataset, the Python solution against the card's tests with the local python3. A deck writer
// runs one deck with `vitest run tests/content/exercise-solutions -t <deck-id>`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck-parse.js';
import { cardKey, isExercise, type Deck } from '../../src/core/deck.js';
import { readDeckFile } from '../../src/store/deck-files.js';
import { ExerciseAttemptStore } from '../../src/store/exercise-attempts.js';
import { createExerciseService } from '../../src/store/exercise-service.js';
import { findPython } from '../../src/store/python.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';

const decks: Deck[] = readdirSync(BUILTIN_DECKS)
  .filter((f) => f.endsWith('.json') && f !== 'deck.schema.json')
  .sort()
  .flatMap((f) => {
    const loaded = readDeckFile(join(BUILTIN_DECKS, f), 'built-in', parseDeck);
    return 'deck' in loaded ? [loaded.deck] : [];
  });
// A long SQL time limit: this checks what each answer returns, not how fast a busy CI machine runs
// it (the slowest solution takes about 0.1 s on a quiet machine; the app stops a query at 3 s).
const service = createExerciseService({ decks: () => decks, attempts: new ExerciseAttemptStore(tempDir(), []), paths: { sqlWasm: join(REPO, 'node_modules/sql.js/dist/sql-wasm.wasm') }, sqlTimeoutMs: 20_000 });
afterAll(() => service.close());

it('every built-in dataset loads and has tables', async () => {
  for (const deck of decks) {
    for (const [name, sql] of Object.entries(deck.datasets ?? {})) {
      const card = deck.cards.find((c) => c.type === 'sql' && c.dataset === name);
      if (!card) continue;
      const tables = await service.preview({ key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card });
      expect(tables.length, `${deck.id} dataset ${name} (${sql.length} characters)`).toBeGreaterThan(0);
    }
  }
});

for (const deck of decks.filter((d) => d.cards.some(isExercise))) {
  describe(deck.id, () => {
    for (const card of deck.cards.filter(isExercise)) {
      it.skipIf(card.type === 'code' && !findPython())(`${card.id}: the solution passes its own check`, async () => {
        const check = await service.check({ key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card }, card.solution);
        expect(check.passed, check.summary).toBe(true);
      });
    }
  });
}

// The second reader's plausible wrong answers (and, for SQL, differently written right ones) are
// kept so a card edit that lets a wrong answer through, or pins a right one out, fails here.
const kept = (name: string) => JSON.parse(readFileSync(join(REPO, 'tests/fixtures', name), 'utf8')) as Record<string, string[]>;
const answers = [
  { file: 'sql-wrong-answers.json', passes: false },
  { file: 'code-wrong-answers.json', passes: false },
  { file: 'sql-right-answers.json', passes: true },
];

for (const { file, passes } of answers) {
  describe(file, () => {
    const byKey = kept(file);
    it('names only built-in exercises, and every exercise of its kind has one', () => {
      const kind = file.startsWith('sql') ? 'sql' : 'code';
      const exercises = decks.flatMap((d) => d.cards.filter((c) => c.type === kind).map((c) => cardKey(d.id, c.id)));
      expect(Object.keys(byKey).sort()).toEqual(exercises.sort());
    });
    for (const [key, list] of Object.entries(byKey)) {
      const [deckId] = key.split('/');
      const deck = decks.find((d) => d.id === deckId);
      const card = deck?.cards.find((c) => cardKey(deck.id, c.id) === key);
      it.skipIf(card?.type === 'code' && !findPython())(`${key}: ${passes ? 'each right answer passes' : 'each wrong answer fails'}`, async () => {
        expect(card && isExercise(card), key).toBe(true);
        for (const answer of list) {
          const check = await service.check({ key, deckId: deck!.id, deckTitle: deck!.title, card: card! }, answer);
          expect(check.passed, `${check.summary}\n${answer}`).toBe(passes);
        }
      });
    }
  });
}
