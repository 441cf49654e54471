// Marks the user puts on a card: suspended (never studied until taken back) and flagged with a
// note (to fix or report later). Stored as an append-only log; the marks that stand now are the
// last word on each card, in the log's order.
import { cardKey, cardPrompt, ID_PATTERN, type Card, type Deck } from './deck.js';

/** Longer notes are cut: a flag is a reminder, not an essay, and it shows on one line. */
export const MAX_NOTE = 200;

export interface MarkEntry {
  v: 1;
  t: 'suspend' | 'unsuspend' | 'flag' | 'unflag';
  key: string;
  at: number;
  /** The flag's note (flag only). */
  note?: string;
}

export interface Flag {
  note: string;
  at: number;
}

export interface CardMarks {
  /** Card key → when it was suspended. */
  suspended: ReadonlyMap<string, number>;
  flags: ReadonlyMap<string, Flag>;
}

export const NO_MARKS: CardMarks = { suspended: new Map(), flags: new Map() };

const KINDS = new Set(['suspend', 'unsuspend', 'flag', 'unflag']);

/** A card key as the app writes it: `deck-id/card-id`. */
export function isCardKey(key: string): boolean {
  const parts = key.split('/');
  return parts.length === 2 && parts.every((p) => ID_PATTERN.test(p));
}

/** A note as stored: one line of plain text (control characters dropped), trimmed, at most MAX_NOTE characters. */
export function cleanNote(note: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return [...note.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()].slice(0, MAX_NOTE).join('');
}

export function parseMarkLine(line: string): MarkEntry | null {
  let e: Partial<MarkEntry> | null;
  try {
    e = JSON.parse(line) as Partial<MarkEntry> | null;
  } catch {
    return null;
  }
  if (!e || typeof e !== 'object' || e.v !== 1 || !KINDS.has(e.t as string) || typeof e.key !== 'string' || !isCardKey(e.key)) return null;
  // A time a Date can hold (±8.64e15 ms): anything else is damage, and would not print.
  if (typeof e.at !== 'number' || !Number.isFinite(e.at) || Math.abs(e.at) > 8.64e15) return null;
  if (e.t === 'flag' && typeof e.note !== 'string') return null;
  return { v: 1, t: e.t!, key: e.key, at: e.at, ...(e.t === 'flag' ? { note: cleanNote(e.note!) } : {}) };
}

export function currentMarks(entries: readonly MarkEntry[]): CardMarks {
  const suspended = new Map<string, number>();
  const flags = new Map<string, Flag>();
  for (const e of entries) {
    if (e.t === 'suspend') suspended.set(e.key, e.at);
    else if (e.t === 'unsuspend') suspended.delete(e.key);
    else if (e.t === 'flag') flags.set(e.key, { note: e.note ?? '', at: e.at });
    else flags.delete(e.key);
  }
  return { suspended, flags };
}

/** The fewest entries that give these marks: for rewriting a repaired log, or exporting it. */
export function markEntries(marks: CardMarks): MarkEntry[] {
  return [
    ...[...marks.suspended].map(([key, at]): MarkEntry => ({ v: 1, t: 'suspend', key, at })),
    ...[...marks.flags].map(([key, flag]): MarkEntry => ({ v: 1, t: 'flag', key, at: flag.at, note: flag.note })),
  ];
}

/** Which of a card's marks an entry is about: its suspension or its flag. */
function markOf(entry: MarkEntry): string {
  return `${entry.t === 'suspend' || entry.t === 'unsuspend' ? 'suspension' : 'flag'} ${entry.key}`;
}

/**
 * The last word on each card's suspension and flag, a taking back included, in log order: what
 * an export carries, so that an unsuspend on one machine reaches the other too.
 */
export function lastWords(entries: readonly MarkEntry[]): MarkEntry[] {
  const last = new Map<string, MarkEntry>();
  for (const entry of entries) {
    const mark = markOf(entry);
    last.delete(mark);
    last.set(mark, entry);
  }
  return [...last.values()];
}

/**
 * The entries of an export to append here: for each card's suspension and flag, the file's last
 * word when it is later than the last word here. Importing the same file twice adds nothing, and
 * an older file does not bring back a mark taken back here since.
 */
export function marksToImport(here: readonly MarkEntry[], incoming: readonly MarkEntry[]): MarkEntry[] {
  const known = new Map(lastWords(here).map((e) => [markOf(e), e.at]));
  return lastWords(incoming).filter((e) => (known.get(markOf(e)) ?? -Infinity) < e.at);
}

/**
 * The marks shown with a card, without colour: ⊘ suspended, ⚑ flagged. Empty for none, else
 * followed by a space.
 */
export function markGlyphs(marks: CardMarks, key: string): string {
  const glyphs = `${marks.suspended.has(key) ? '⊘' : ''}${marks.flags.has(key) ? '⚑' : ''}`;
  return glyphs ? `${glyphs} ` : '';
}

const filtered = new WeakMap<object, { suspended: ReadonlyMap<string, number>; deck: unknown }>();

/** The decks that keys of cards ("deck/card") belong to: a deck id has no "/". */
function deckIdsOf(keys: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) {
    const slash = key.indexOf('/');
    if (slash > 0) ids.add(key.slice(0, slash));
  }
  return ids;
}

/**
 * The decks without their suspended cards: the one filter that keeps a suspended card out of every
 * queue, count and practice set. A deck with none suspended is returned as it is, and a filtered
 * deck is the same object until the marks change, so memoised figures stay valid.
 */
export function withoutSuspended<D extends { id: string; cards: readonly { id: string }[] }>(decks: readonly D[], suspended: ReadonlyMap<string, number>): D[] {
  if (suspended.size === 0) return [...decks];
  const touched = deckIdsOf(suspended.keys());
  return decks.map((deck) => {
    // A deck none of whose keys is suspended stays as it is, its cards unread (a large deck loads them lazily).
    if (!touched.has(deck.id)) return deck;
    const known = filtered.get(deck);
    if (known?.suspended === suspended) return known.deck as D;
    const cards = deck.cards.filter((card) => !suspended.has(cardKey(deck.id, card.id)));
    const result = cards.length === deck.cards.length ? deck : { ...deck, cards };
    filtered.set(deck, { suspended, deck: result });
    return result;
  });
}

/** A marked card as the lists show it; `card` is null when no loaded deck has it now. */
export interface MarkedCard {
  key: string;
  deckId: string;
  deckTitle: string | null;
  card: Card | null;
  /** The card's question on one line, or its key when it is not loaded. */
  prompt: string;
  suspendedAt: number | null;
  flag: Flag | null;
}

/** Every marked card, in the decks' order, then marks on cards no deck has now (they are kept). */
export function markedCards(decks: readonly Deck[], marks: CardMarks): MarkedCard[] {
  const keys = new Set([...marks.suspended.keys(), ...marks.flags.keys()]);
  // No marks (the usual case): no key made for every card of every deck.
  if (keys.size === 0) return [];
  const found: MarkedCard[] = [];
  const entry = (key: string, deck: Deck | null, card: Card | null): MarkedCard => ({
    key,
    deckId: key.split('/')[0]!,
    deckTitle: deck?.title ?? null,
    card,
    prompt: card ? cardPrompt(card).replace(/```[^\n]*\n?/g, ' ').replace(/\s+/g, ' ').trim() : key,
    suspendedAt: marks.suspended.get(key) ?? null,
    flag: marks.flags.get(key) ?? null,
  });
  const touched = deckIdsOf(keys);
  for (const deck of decks) {
    if (!touched.has(deck.id)) continue;
    for (const card of deck.cards) {
      const key = cardKey(deck.id, card.id);
      if (!keys.has(key)) continue;
      keys.delete(key);
      found.push(entry(key, deck, card));
    }
  }
  return [...found, ...[...keys].sort().map((key) => entry(key, null, null))];
}
