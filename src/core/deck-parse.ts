// Turns a deck file's text into a Deck, or into errors a person can act on: file, line:column,
// JSON path and a plain message.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { FORBIDDEN_KEYS, jsonSyntaxErrors, positions } from './json-position.js';
import type * as z from 'zod/mini';
import { MAX_CARDS, MAX_NESTING, type Deck } from './deck.js';
import { deckSchema } from './deck-zod.js';
import type { DeckError } from './deck-error.js';
export { formatDeckError, type DeckError } from './deck-error.js';

export type DeckParseResult = { ok: true; deck: Deck } | { ok: false; errors: DeckError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}


function syntaxErrors(file: string, text: string): DeckError[] {
  return jsonSyntaxErrors(text).map((e) => ({ file, line: e.line, column: e.column, path: '', message: `JSON syntax error: ${e.message}` }));
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return typeof value === 'number' ? 'a number' : typeof value;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'is required';
      const names: Record<string, string> = { string: 'text', array: 'a list', int: 'a whole number', number: 'a number', object: 'an object', boolean: 'true or false' };
      const expected = names[issue.expected] ?? issue.expected;
      return `must be ${expected}, not ${describeType(input)}`;
    }
    case 'unrecognized_keys':
      if (issue.keys.some((k) => FORBIDDEN_KEYS.has(k))) {
        return `"${issue.keys.find((k) => FORBIDDEN_KEYS.has(k))!}" is not allowed as a key: it names a JavaScript object's internals, not a deck field`;
      }
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; unknown keys are not allowed)`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(input)}`;
    case 'too_small':
      if (issue.origin === 'array') return issue.message.startsWith('Too small') ? `needs at least ${String(issue.minimum)} items` : issue.message;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.message.startsWith('Too small') ? `must be at least ${String(issue.minimum)}` : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big') ? `must be at most ${String(issue.maximum)}` : issue.message;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The node closest to `path` that exists in the file, so a missing key points at its parent. */
function nearestNode(tree: Node, path: readonly PropertyKey[]): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
    if (node) return node;
  }
  return tree;
}

/** A file with more errors than this lists these and counts the rest: nobody reads 100,000 lines. */
export const MAX_SHOWN_ERRORS = 50;

/** The offset of the first bracket nested deeper than `limit`, or -1. One pass, strings skipped. */
export function tooDeep(text: string, limit: number): number {
  // The regular expression skips ordinary characters natively, several times faster than a loop.
  const special = /[[\]{}"\\]/g;
  let depth = 0;
  let inString = false;
  for (let match = special.exec(text); match; match = special.exec(text)) {
    const c = match[0];
    if (inString) {
      if (c === '\\') special.lastIndex++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return match.index;
    } else if (c === ']' || c === '}') depth--;
  }
  return -1;
}

function capped(errors: DeckError[]): DeckError[] {
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  if (errors.length <= MAX_SHOWN_ERRORS) return errors;
  const next = errors[MAX_SHOWN_ERRORS]!;
  const more = errors.length - MAX_SHOWN_ERRORS;
  return [...errors.slice(0, MAX_SHOWN_ERRORS), { ...next, path: '', message: `and ${more.toLocaleString('en-US')} more error${more === 1 ? '' : 's'} (fix these and check again)` }];
}

export function parseDeck(text: string, file: string): DeckParseResult {
  // Both parsers that explain errors recurse per level: refuse deep nesting before either runs.
  const deep = tooDeep(text, MAX_NESTING);
  if (deep >= 0) {
    return { ok: false, errors: [{ file, ...positions(text)(deep), path: '', message: `brackets nest more than ${MAX_NESTING} levels deep here; a deck needs at most 6` }] };
  }
  // The fast path is plain JSON.parse; the position-keeping parser only runs to explain errors.
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const errors = syntaxErrors(file, text);
    if (errors.length > 0) return { ok: false, errors: capped(errors) };
    return { ok: false, errors: [{ file, line: 1, column: 1, path: '', message: `JSON syntax error: ${(e as Error).message}` }] };
  }
  const at = positions(text);
  const cards = raw !== null && typeof raw === 'object' ? (raw as { cards?: unknown }).cards : undefined;
  if (Array.isArray(cards) && cards.length > MAX_CARDS) {
    const key = /"cards"\s*:/.exec(text);
    return { ok: false, errors: [{ file, ...at(key?.index ?? 0), path: 'cards', message: `has ${cards.length.toLocaleString('en-US')} cards; a deck holds at most ${MAX_CARDS.toLocaleString('en-US')} (split it into several decks)` }] };
  }
  const result = deckSchema().safeParse(raw);
  if (result.success) return { ok: true, deck: result.data };
  const tree = parseTree(text) ?? { type: 'null', offset: 0, length: 0 };
  const errors = result.error.issues.map((issue): DeckError => {
    const path = issue.path;
    let node = nearestNode(tree as Node, path);
    if (issue.code === 'unrecognized_keys') {
      const keyNode = findNodeAtLocation(tree as Node, [...path, issue.keys[0] ?? ''] as (string | number)[]);
      node = keyNode?.parent ?? node;
    }
    return { file, ...at(node.offset), path: formatPath(path), message: issueMessage(issue, valueAt(raw, path)) };
  });
  return { ok: false, errors: capped(errors) };
}
