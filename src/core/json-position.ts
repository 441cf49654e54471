// Where a JSON text goes wrong, as line and column and a plain message, for every file a person
// writes or moves by hand (decks, progress exports).
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Keys that name a JavaScript object's internals: never a field of any file keeper-prep reads. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return positions(text)(offset);
}

/**
 * Line and column for any offset in `text`, from one pass over it: a file with many errors must
 * not be rescanned for each (100,000 of them took 34 s).
 */
export function positions(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'string is not closed',
  UnexpectedEndOfNumber: 'number is cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

export interface JsonSyntaxError {
  line: number;
  column: number;
  offset: number;
  length: number;
  message: string;
}

/** Every syntax error in strict JSON (no comments, no trailing commas), in file order. */
export function jsonSyntaxErrors(text: string): JsonSyntaxError[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = positions(text);
  return errors.map((e) => {
    const code = printParseErrorCode(e.error);
    return { ...at(e.offset), offset: e.offset, length: e.length, message: SYNTAX_MESSAGES[code] ?? code };
  });
}
