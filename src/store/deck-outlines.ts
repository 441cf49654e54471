// Decks loaded from their outlines (core/deck-facts): the top-level fields and facts a large deck's
// cache entry keeps, and the build's bundle of built-in decks, whose cards are parsed only when
// something reads them. Everything read here came from a file: a head or an outline not as written
// is refused (null), and the deck is then read and validated whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isDeckOutline, lazyDeck, outlineHead, outlineOf } from '../core/deck-facts.js';
import type { Deck } from '../core/deck.js';
import { type DeckCacheHit, type DeckDefaults } from './deck-cache.js';
import { checksum } from './checksum.js';
import type { LoadedDeck } from './deck-files.js';

/** From this size on, a deck's cache entry carries its outline, and a start reads its cards only when they are used. */
export const OUTLINE_FROM_BYTES = 256 * 1024;

/** The cache entry of a deck as its file's JSON and defaults make it: for a large deck, with its outline. */
export function withOutline(whole: Deck, bytes: number, defaults: DeckDefaults): DeckCacheHit {
  if (bytes < OUTLINE_FROM_BYTES) return { defaults };
  const head = outlineHead(whole, ['cards']);
  // Only what JSON gives back as it was (not a -0, say) may stand in for the file's own fields.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(head)), head)) return { defaults };
  return { defaults, outline: JSON.stringify({ head, outline: outlineOf(whole) }) };
}

/**
 * A deck from its outline (top-level fields, the lazy ones standing in their place, and facts),
 * the lazy fields read from `readBody` when first read; null when head or outline are not as written.
 */
function deckFromOutline(head: unknown, lazy: readonly string[], outline: unknown, readBody: () => Record<string, unknown>): Deck | null {
  if (!Array.isArray(head)) return null;
  const fields = head as unknown[];
  if (!fields.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string')) return null;
  const id = (fields as [string, unknown][]).find(([key]) => key === 'id')?.[1];
  if (typeof id !== 'string' || !isDeckOutline(outline, id)) return null;
  const keys = fields.map((f) => (f as unknown[])[0]);
  if (new Set(keys).size !== keys.length || !keys.includes('cards') || !lazy.every((key) => keys.includes(key))) return null;
  return lazyDeck(fields as [string, unknown][], lazy, outline, readBody);
}

/** A large deck that passed validation as these very bytes, from its cache entry's outline: its cards are parsed from the bytes when first read. */
export function outlinedDeck(outlineText: string, text: () => string): Deck | null {
  let value: unknown;
  try {
    value = JSON.parse(outlineText);
  } catch {
    return null;
  }
  const { head, outline } = (value ?? {}) as { head?: unknown; outline?: unknown };
  return deckFromOutline(head, ['cards'], outline, () => JSON.parse(text()) as Record<string, unknown>);
}

/** The build's bundle of built-in decks, or null when there is none (running from source). */
export function readBuiltinBundle(bundle: string, builtinDir: string): LoadedDeck[] | null {
  // JSON lines (scripts/build.mjs): an index of the decks' outlines, then each deck's cards (and
  // datasets) on a line of their own, parsed when first read: most starts read a few decks', if any.
  let bytes: Buffer;
  let parsed: { version?: unknown; sum?: unknown; decks?: unknown };
  try {
    bytes = readFileSync(bundle);
    parsed = JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(10))) as typeof parsed;
  } catch {
    return null;
  }
  if (!parsed || parsed.version !== 3 || !Array.isArray(parsed.decks)) return null;
  let start = bytes.indexOf(10) + 1;
  // The lines are parsed only when a deck's cards are read: they are checked whole now.
  if (typeof parsed.sum !== 'string' || checksum(bytes.subarray(start)) !== parsed.sum) return null;
  const decks: LoadedDeck[] = [];
  for (const entry of parsed.decks as { file?: unknown; head?: unknown; lazy?: unknown; outline?: unknown }[]) {
    const end = bytes.indexOf(10, start);
    const { file, lazy } = entry ?? {};
    if (typeof file !== 'string' || !Array.isArray(lazy) || !lazy.every((key) => typeof key === 'string') || end < 0) return null;
    const line = [start, end] as const;
    const deck = deckFromOutline(entry.head, lazy as string[], entry.outline, () => JSON.parse(bytes.toString('utf8', ...line)) as Record<string, unknown>);
    if (!deck) return null;
    decks.push({ deck, file: join(builtinDir, file), origin: 'built-in' });
    start = end + 1;
  }
  return start === bytes.length ? decks : null;
}
