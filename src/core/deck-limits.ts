// Limits that keep loading, checking and showing any deck quick; no real deck comes near them.
// A module of its own with no imports, so start-up code can read them without loading the schema.

/** Larger deck files are refused before a byte is read; imports stop before writing one. */
export const MAX_DECK_BYTES = 20 * 1024 * 1024;
/** A text field over this is refused at load: revealing a 10 MB card froze the app for minutes. */
export const MAX_FIELD_LENGTH = 64 * 1024;
// Digits grouped by hand: toLocaleString loads the locale data, some 12 ms at every start, for a constant.
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const FIELD_TOO_LONG_MESSAGE = `is longer than 64 KB (${grouped(MAX_FIELD_LENGTH)} characters); split it into smaller cards`;
export const MAX_CARDS = 100_000;
/** Brackets nest this deep at most; a deck itself needs six levels. */
export const MAX_NESTING = 64;
/** The default daily new-card limit of each of the user's own decks (a setting; export files before it lack it). */
export const USER_DECK_NEW_PER_DAY = 20;
