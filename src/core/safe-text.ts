// Text from outside the program (a deck, an import, a progress file, a file name) made safe to
// show in a terminal. A control character can move the cursor, rewrite the screen or, through an
// OSC 52 sequence, the user's clipboard; a bidi override can make text read other than it is. Each
// such character is shown instead as a visible escape, so the user sees what the file holds.

/**
 * What a terminal must never receive raw: C0 controls, DEL and C1 controls (0x80-0x9f, which
 * some terminals take as escape sequences), bidi embeddings, overrides, isolates and marks, and
 * characters that are invisible yet change how text reads (zero-width space, word joiner and the
 * invisible operators, line and paragraph separators, the byte-order mark, interlinear annotation,
 * tag characters, soft hyphen), and lone surrogates. Zero-width joiners and variation selectors
 * are kept: emoji and several scripts need them.
 */
const UNSAFE_BODY =
  '\\x7f-\\x9f\\xad\\u061c\\u180e\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}';
const LONE_SURROGATE = '[\\ud800-\\udfff]';

/** Newline and tab kept: multi-line text (card text, notes, a command's whole output). */
const UNSAFE_IN_TEXT = new RegExp(`[\\x00-\\x08\\x0b-\\x1f${UNSAFE_BODY}]|${LONE_SURROGATE}`, 'gu');
/** Every control shown, newline and tab too: a file name or a key quoted inside one line. */
const UNSAFE_IN_LINE = new RegExp(`[\\x00-\\x1f${UNSAFE_BODY}]|${LONE_SURROGATE}`, 'gu');
/** What JSON.stringify leaves raw (it escapes C0 and lone surrogates itself). */
const UNSAFE_IN_JSON = new RegExp(`[${UNSAFE_BODY}]`, 'gu');

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  // Controls as a programmer writes them in a string (`\x1b`); the rest by their Unicode name.
  return code < 0xa0 ? `\\x${hex(code, 2)}` : `<U+${hex(code, 4).toUpperCase()}>`;
}

/**
 * `text` with every unsafe character shown visibly: `\x1b`, `\x07`, `\x9b`, `<U+202E>`. Printable
 * text is returned unchanged, and the result is never more than 8 times as long. With
 * `multiline`, newlines and tabs pass through (for text shown as paragraphs); without, they show
 * as `\n` and `\t`, so a quoted name cannot start a line of its own. Safe to apply twice.
 */
export function safeText(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(options.multiline ? UNSAFE_IN_TEXT : UNSAFE_IN_LINE, visible);
}

/**
 * JSON.stringify(value, null, 2) with the characters it leaves raw (DEL, C1, bidi and invisible
 * formatting) written as \u escapes: the same data to a JSON reader, inert to a terminal.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) =>
    [...Array(char.length).keys()].map((i) => `\\u${hex(char.charCodeAt(i), 4)}`).join(''),
  );
}
