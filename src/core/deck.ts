// Deck format version 1: the one schema that validates decks and is emitted as
// decks/deck.schema.json. Changes here must stay compatible with decks already written.
// zod/mini: the same validation as zod's classic API at a tenth of the bundle, which keeps the
// data subcommands' start-up close to plain node.
import * as z from 'zod/mini';
import { FIELD_TOO_LONG_MESSAGE, MAX_FIELD_LENGTH } from './deck-limits.js';

export { FIELD_TOO_LONG_MESSAGE, MAX_CARDS, MAX_DECK_BYTES, MAX_FIELD_LENGTH, MAX_NESTING } from './deck-limits.js';

/** Anything but newline and tab below U+0020, DEL, and the C1 controls: a deck must not be able
 * to move the cursor or rewrite the user's terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SAFE_TEXT = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/;
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CONTROL_CHARACTER_MESSAGE =
  'contains a control character (only newline and tab are allowed in deck text)';

const text = (description: string) =>
  z.string().check(z.maxLength(MAX_FIELD_LENGTH, { error: FIELD_TOO_LONG_MESSAGE, abort: true }), z.minLength(1, 'must not be empty'), z.regex(SAFE_TEXT, CONTROL_CHARACTER_MESSAGE), z.describe(description));

const id = (description: string) =>
  z.string().check(z.regex(ID_PATTERN, 'must use lowercase letters, digits and single hyphens, like "power-inputs"'), z.describe(description));

const list = <T extends z.core.SomeType>(item: T, description: string, min = 0, minMessage = `needs at least ${min} items`) =>
  z.array(item).check(z.minLength(min, minMessage), z.describe(description));

const common = {
  id: id('Card id, unique within the deck. Progress is keyed by deck id and card id, so editing the text keeps the history.'),
  tags: z.optional(list(text('A tag.'), 'Free-form tags, searchable.')),
  section: z.optional(text('Groups cards for the guided walkthrough; sections keep file order.')),
  source: z.optional(
    z.url({ message: 'must be a URL, like "https://jobs.netflix.com/culture"' }).check(
      z.regex(SAFE_TEXT, CONTROL_CHARACTER_MESSAGE),
      z.describe('Where a fact on this card can be checked (required for facts about Netflix).'),
    ),
  ),
};

const kind = <K extends string>(type: K, description: string) => z.literal(type).check(z.describe(description));

const choices = () =>
  z.array(text('One option.')).check(
    z.minLength(2, 'needs at least 2 choices'),
    z.maxLength(9, 'has more than 9 choices (number keys only reach 9)'),
    z.describe('The options, shown in this order.'),
  );

const index = (description: string) => z.int().check(z.gte(0, 'must be 0 or more'), z.describe(description));

export const AREAS = ['culture', 'skills', 'design', 'custom'] as const;
const CARD_TYPES = '"flashcard", "choice", "multi", "open", "design", "sql", "code"';
/** Languages a code exercise can be written in; the runner (store/exercise-run) knows how to run each. */
export const CODE_LANGUAGES = ['python'] as const;
/** A dataset given as a file next to the deck rather than inline SQL: a relative path ending in .sql. */
export const DATASET_FILE = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*\.sql$/;
export const EXERCISE_TIMEOUT_MS = 5000;

// Built on first use: start-up that only reads the pre-validated built-in decks never pays for it.
function buildDeckSchema() {
  const FlashcardSchema = z
    .strictObject({
      type: kind('flashcard', 'Self-rated: front, then back, then the user rates their recall.'),
      ...common,
      front: text('The question side.'),
      back: text('The answer side.'),
    })
    .check(z.describe('A flashcard: the user recalls the back, reveals it and rates themselves.'));

  const ChoiceSchema = z
    .strictObject({
      type: kind('choice', 'One right answer among the choices.'),
      ...common,
      prompt: text('The question.'),
      choices: choices(),
      answer: index('Index (from 0) of the right choice.'),
      explanation: text('Why the right answer is right, shown after answering.'),
    })
    .check(z.describe('A multiple-choice question with exactly one right answer.'));

  const MultiSchema = z
    .strictObject({
      type: kind('multi', 'Select all that apply.'),
      ...common,
      prompt: text('The question.'),
      choices: choices(),
      answers: list(index('Index (from 0) of a right choice.'), 'Indices (from 0) of every right choice.', 1, 'needs at least one right answer'),
      explanation: text('Why these are the right answers, shown after answering.'),
    })
    .check(z.describe('A select-all-that-apply question.'));

  const OpenSchema = z
    .strictObject({
      type: kind('open', 'Free recall checked against key points.'),
      ...common,
      prompt: text('The question or behavioural prompt.'),
      keyPoints: list(text('One point a good answer covers.'), 'What a good answer covers; the user ticks the ones they covered.', 1, 'needs at least one key point'),
      sample: z.optional(text('A model answer, shown after the key points.')),
    })
    .check(z.describe('An open question: the user answers, then ticks the key points they covered.'));

  const PhaseSchema = z
    .strictObject({
      name: text('Phase name, like "Clarify".'),
      minutes: z.int().check(z.gte(1, 'must be at least 1'), z.describe('Suggested minutes for this phase.')),
      guide: z.optional(text('What to do in this phase.')),
    })
    .check(z.describe('One phase of the interview.'));

  const RubricSchema = z
    .strictObject({
      dimension: text('What is scored, like "Requirements".'),
      levels: z.array(text('Description of one level.')).check(z.length(4, 'needs exactly 4 levels'), z.describe('Four level descriptions, from 1 (weak) to 4 (strong).')),
    })
    .check(z.describe('One rubric dimension the user scores 1 to 4.'));

  const DesignSchema = z
    .strictObject({
      type: kind('design', 'A timed system-design prompt with a rubric.'),
      ...common,
      title: z.optional(text('A short name for lists, like "Open Connect cache fill".')),
      prompt: text('The design problem.'),
      minutes: z.int().check(z.gte(1, 'must be at least 1'), z.describe('Length of the whole mock interview in minutes.')),
      requirements: z.optional(list(text('One requirement.'), 'Functional and non-functional requirements.')),
      scale: z.optional(list(text('One figure, like "200M members; 100M daily active".'), 'Figures to estimate from (assumptions for the exercise).')),
      phases: z.optional(list(PhaseSchema, 'The phases of the interview, in order.')),
      hints: z.optional(list(text('One hint.'), 'Progressive hints, revealed one at a time.')),
      rubric: z.optional(list(RubricSchema, 'Dimensions the user scores themselves on, 1 to 4.')),
      followUps: z.optional(list(text('A follow-up question.'), 'Questions an interviewer would ask next.')),
      keyPoints: z.optional(list(text('One point a strong answer covers.'), 'What a strong answer covers.')),
    })
    .check(z.describe('A system-design mock interview prompt.'));


  const exercise = {
    title: z.optional(text('A short name for lists, like "Retention by signup week".')),
    prompt: text('The task, as the user reads it.'),
    solution: text('A correct answer; shown after giving up, and run to grade the user\'s answer against.'),
    hints: z.optional(list(text('One hint.'), 'Progressive hints, revealed one at a time; using one makes a pass Hard.')),
    explanation: z.optional(text('Why the solution works and the traps it avoids, shown after submitting.')),
  };

  const SqlSchema = z
    .strictObject({
      type: kind('sql', 'A query the user writes and runs against one of the deck\'s datasets.'),
      ...common,
      ...exercise,
      dataset: id('The name of a dataset in the deck\'s "datasets".'),
      ordered: z.optional(z.boolean().check(z.describe('true: rows must come in the solution\'s order; false (default): compared as a multiset.'))),
    })
    .check(z.describe('An SQL exercise: graded by running the query on a fresh copy of the dataset and comparing its rows with the solution\'s.'));

  const CodeSchema = z
    .strictObject({
      type: kind('code', 'A function the user writes, graded by running the card\'s tests.'),
      ...common,
      ...exercise,
      language: z.enum(CODE_LANGUAGES).check(z.describe('The language; "python" runs with the local python3.')),
      starter: text('The code the editor opens with, like a function signature.'),
      tests: text('Test code: for python, a test_solution.py that imports from solution and uses assert; it passes when python3 exits 0.'),
      timeoutMs: z.optional(z.int().check(z.gte(100, 'must be at least 100'), z.lte(60_000, 'must be at most 60000'), z.describe(`Milliseconds the tests may run before they are stopped (default ${EXERCISE_TIMEOUT_MS}).`))),
    })
    .check(z.describe('A code exercise: the user\'s code and the card\'s tests run in a fresh temporary directory.'));

  const CardSchema = z
    .discriminatedUnion('type', [FlashcardSchema, ChoiceSchema, MultiSchema, OpenSchema, DesignSchema, SqlSchema, CodeSchema], {
      error: (issue) => (issue.code === 'invalid_union' ? `type must be one of ${CARD_TYPES}` : undefined),
    })
    .check(z.describe('One card; its "type" decides the other keys.'));


  const SectionSchema = z
    .strictObject({
      name: text('Section name, as cards give it in "section".'),
      intro: text('A short plain-words explanation shown before the section\'s cards.'),
    })
    .check(z.describe('One section of the guided walkthrough.'));

  const DeckSchema = z
    .strictObject({
      $schema: z.optional(z.string().check(z.describe('Path or URL of deck.schema.json, for editor autocompletion.'))),
      id: id('Deck id, unique among loaded decks.'),
      title: text('Shown in lists.'),
      description: z.optional(text('One sentence on what the deck covers.')),
      area: z._default(z.enum(AREAS).check(z.describe('culture, skills, design, or custom (the default).')), 'custom'),
      skill: z.optional(text('The skill a skills deck trains, like "A/B Testing".')),
      tracks: z.optional(list(id('A role track id, like "ml-engineer".'), 'Role tracks the deck belongs to; empty or absent means every track.')),
      version: z.int().check(z.gte(1, 'must be at least 1'), z.describe("Version of this deck's content; raise it when you change cards.")),
      datasets: z.optional(
        z.record(
          id('Dataset name, like "streaming".'),
          z.string().check(
            z.maxLength(MAX_FIELD_LENGTH, { error: `${FIELD_TOO_LONG_MESSAGE}, or give a .sql file next to the deck`, abort: true }),
            z.minLength(1, 'must not be empty'),
            z.regex(SAFE_TEXT, CONTROL_CHARACTER_MESSAGE),
            z.describe('SQL that creates and fills the tables (CREATE TABLE …; INSERT …;), or the path of a .sql file next to the deck, like "datasets/streaming.sql".'),
          ),
        ).check(z.describe('Named databases the deck\'s SQL exercises run against; each run gets a fresh in-memory copy.')),
      ),
      sections: z.optional(list(SectionSchema, 'The guided walkthrough: sections in teaching order, each introduced before its cards. When present, every card names one of them.')),
      cards: list(CardSchema, 'The cards, in order.'),
    })
    .check(
      z.describe('A keeper-prep deck (format version 1).'),
      z.superRefine((deck, ctx) => {
        // Story rehearsals are scheduled under stories/<id>: a deck with that id would share them.
        if (deck.id === 'stories') ctx.addIssue({ code: 'custom', path: ['id'], message: '"stories" is reserved for your story bank; choose another deck id' });
        const sections = deck.sections ? new Set(deck.sections.map((s) => s.name)) : null;
        const used = new Set<string>();
        const seen = new Map<string, number>();
        deck.cards.forEach((card, index) => {
          const first = seen.get(card.id);
          if (first !== undefined) {
            ctx.addIssue({ code: 'custom', path: ['cards', index, 'id'], message: `duplicate card id "${card.id}" (also used by cards[${first}])` });
          } else {
            seen.set(card.id, index);
          }
          if (sections) {
            if (card.section === undefined) {
              ctx.addIssue({ code: 'custom', path: ['cards', index], message: 'needs a "section": this deck lists its sections' });
            } else if (!sections.has(card.section)) {
              ctx.addIssue({ code: 'custom', path: ['cards', index, 'section'], message: `"${card.section}" is not one of the deck's sections (${[...sections].join(', ')})` });
            } else {
              used.add(card.section);
            }
          }
          if (card.type === 'sql' && !Object.hasOwn(deck.datasets ?? {}, card.dataset)) {
            const names = Object.keys(deck.datasets ?? {});
            ctx.addIssue({ code: 'custom', path: ['cards', index, 'dataset'], message: `unknown dataset "${card.dataset}" (${names.length ? `the deck's datasets: ${names.join(', ')}` : 'the deck has no "datasets"'})` });
          }
          if (card.type === 'choice' && card.answer >= card.choices.length) {
            ctx.addIssue({ code: 'custom', path: ['cards', index, 'answer'], message: `${card.answer} is out of range; this card has ${card.choices.length} choices` });
          }
          if (card.type === 'multi') {
            card.answers.forEach((answer, j) => {
              if (answer >= card.choices.length) {
                ctx.addIssue({ code: 'custom', path: ['cards', index, 'answers', j], message: `${answer} is out of range; this card has ${card.choices.length} choices` });
              }
            });
            if (new Set(card.answers).size !== card.answers.length) {
              ctx.addIssue({ code: 'custom', path: ['cards', index, 'answers'], message: 'lists the same answer twice' });
            }
          }
        });
        deck.sections?.forEach((section, index) => {
          if (!used.has(section.name)) ctx.addIssue({ code: 'custom', path: ['sections', index, 'name'], message: `no card is in section "${section.name}"` });
          if (deck.sections?.findIndex((s) => s.name === section.name) !== index) {
            ctx.addIssue({ code: 'custom', path: ['sections', index, 'name'], message: `section "${section.name}" is listed twice` });
          }
        });
      }),
    );
  return DeckSchema;
}

let schema: ReturnType<typeof buildDeckSchema> | undefined;

export function deckSchema(): ReturnType<typeof buildDeckSchema> {
  schema ??= buildDeckSchema();
  return schema;
}

export type Deck = z.output<ReturnType<typeof buildDeckSchema>>;
export type Card = Deck['cards'][number];
export type CardKind = Card['type'];
export type Area = (typeof AREAS)[number];

export const CARD_KINDS: readonly CardKind[] = ['flashcard', 'choice', 'multi', 'open', 'design', 'sql', 'code'];

/** Column headers for a count per kind, short enough that a table of every kind fits 80 columns. */
export const KIND_HEADERS: Readonly<Record<CardKind, string>> = { flashcard: 'flash', choice: 'choice', multi: 'multi', open: 'open', design: 'design', sql: 'sql', code: 'code' };

/** A deck's counts per kind as one cell under the joined KIND_HEADERS, "-" for none. */
export function kindCell(counts: Readonly<Record<CardKind, number>>, none = '-'): string {
  return CARD_KINDS.map((k) => (counts[k] > 0 ? String(counts[k]) : none).padStart(KIND_HEADERS[k].length)).join(' ');
}

/** How many cards of each kind a deck has. */
export function kindCounts(deck: Deck): Record<CardKind, number> {
  const counts = Object.fromEntries(CARD_KINDS.map((k) => [k, 0])) as Record<CardKind, number>;
  for (const card of deck.cards) counts[card.type]++;
  return counts;
}

/**
 * Kinds the review session can show, so the kinds queues are made of: exercises are scheduled like
 * any card (the session opens them in the exercise editor); design prompts get their own
 * mock-interview screen.
 */
export const QUIZ_KINDS: readonly CardKind[] = ['flashcard', 'choice', 'multi', 'open', 'sql', 'code'];

/** A kind as a card's header names it for the user ("multi" is a deck file's word). */
export function kindLabel(kind: CardKind): string {
  if (kind === 'sql') return 'SQL exercise';
  if (kind === 'code') return 'code exercise';
  return kind === 'multi' ? 'select all' : kind;
}

export type ExerciseCard = Extract<Card, { type: 'sql' | 'code' }>;

export function isExercise(card: Card): card is ExerciseCard {
  return card.type === 'sql' || card.type === 'code';
}

export function cardKey(deckId: string, cardId: string): string {
  return `${deckId}/${cardId}`;
}

/** The question side of any card, for lists and search. */
export function cardPrompt(card: Card): string {
  if (card.type === 'flashcard') return card.front;
  // An exercise's prompt opens with definitions; its title says which one it is.
  if ((card.type === 'sql' || card.type === 'code') && card.title) return `${card.title}: ${card.prompt}`;
  return card.prompt;
}

/** The answer side of any card, as plain text, for search and the card view. */
export function cardAnswer(card: Card): string {
  switch (card.type) {
    case 'flashcard':
      return card.back;
    case 'choice':
      return `${card.choices[card.answer] ?? ''}\n${card.explanation}`;
    case 'multi':
      return `${card.answers.map((i) => card.choices[i] ?? '').join('\n')}\n${card.explanation}`;
    case 'open':
      return [...card.keyPoints, card.sample ?? ''].join('\n');
    case 'design':
      return [...(card.keyPoints ?? []), ...(card.requirements ?? [])].join('\n');
    case 'sql':
    case 'code':
      // The title too: search finds "retention" in "Second-month retention".
      return [card.title ?? '', card.solution, card.explanation ?? ''].join('\n');
  }
}

export function deckJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(deckSchema(), { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
