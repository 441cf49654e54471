// Mutations of a valid input for fuzz tests: insertions (repeated, to build deep nesting, floods of
// clozes and long fields), deletions and repeated slices, chosen by fast-check so that a failure
// shrinks to a small case and replays from its seed.
import fc from 'fast-check';

/** Pieces that mean something to one of the readers, and a few that a terminal must never see. */
const TOKENS = [
  '{', '}', '[', ']', '"', ',', ':', '\\', '\\u0000', '1e999', 'null', '__proto__', '"cards":',
  '{{c1::', '{{c2::', '::', '}}', '{{#Front}}', '{{/Front}}', '{{^Back}}', '{{Front}}', '{{cloze:Text}}',
  '<div>', '</div>', '<b>', '<table><tr><td>', '<hr id=answer>', '[sound:', '[image: ', '<', '>', '&nbsp;',
  '\t', '\n', '\r', ';', '#separator:tab\n', '#html:true\n', '#tags column:3\n',
  '\u001b]52;c;aGk=\u0007', '\u001b[2J', '\u009b', '\u202e', '\u0000', '\ud800', '\u007f',
];

export type Mutation =
  | { kind: 'insert'; at: number; text: string; times: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const piece = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6, unit: 'binary' }));

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece, times: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 3000 })) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 2, max: 500 }) }) },
  ),
  { minLength: 1, maxLength: 6 },
);

export function mutate(seed: string, changes: readonly Mutation[]): string {
  let text = seed;
  for (const change of changes) {
    const at = change.at % (text.length + 1);
    if (change.kind === 'insert') text = text.slice(0, at) + change.text.repeat(change.times) + text.slice(at);
    else if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + change.length);
    else text = text.slice(0, at) + text.slice(at, at + change.length).repeat(change.times) + text.slice(at);
  }
  return text;
}

/** Control characters and bidi overrides: what no message may carry to the terminal. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
