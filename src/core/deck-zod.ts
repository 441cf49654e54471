// The deck schema (format version 1), in zod/mini: it validates deck files and is emitted as
// decks/deck.schema.json. Only validation and the schema command load this module (and zod): the
// built-in decks come validated from the build, and unchanged user decks from the deck cache.
// zod/mini: the same validation as zod's classic API at a tenth of the bundle.
import * as z from 'zod/mini';
import { FIELD_TOO_LONG_MESSAGE, MAX_FIELD_LENGTH } from './deck-limits.js';
import { AREAS, CARD_TYPES, CODE_LANGUAGES, CONTROL_CHARACTER_MESSAGE, EXERCISE_TIMEOUT_MS, ID_PATTERN, SAFE_TEXT } from './deck.js';

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

export function deckJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(deckSchema(), { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
