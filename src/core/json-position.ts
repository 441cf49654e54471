// Where a JSON text goes wrong, as line and column and a plain message, for every file a person
// writes or moves by hand (decks, progress exports).
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Keys that name a JavaScript object's internals: never a field of any file keeper-prep reads. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
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
  return errors.map((e) => {
    const code = printParseErrorCode(e.error);
    return { ...lineColumn(text, e.offset), offset: e.offset, length: e.length, message: SYNTAX_MESSAGES[code] ?? code };
  });
}
