// "Learn N more new cards today": the cards such a choice brings in are granted for the day, so
// they come on top of the day's new-card limit instead of using it up (Anki's "increase today's
// new card limit"). A grant lasts until midnight; the file holds today's keys only.
import { formatDate } from './day.js';

export interface ExtraNew {
  day: string;
  keys: string[];
}

/** At most this many keys are kept: a grant is a day's study, not a deck. */
export const MAX_GRANTED = 10_000;

/** Today's granted keys from the file's text; anything unreadable or from another day grants nothing. */
export function grantedToday(text: string | null, now: number): Set<string> {
  if (text === null) return new Set();
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object') return new Set();
    const { v, day, keys } = parsed as { v?: unknown; day?: unknown; keys?: unknown };
    if (v !== 1 || day !== formatDate(now) || !Array.isArray(keys)) return new Set();
    return new Set(keys.filter((k): k is string => typeof k === 'string').slice(0, MAX_GRANTED));
  } catch {
    return new Set();
  }
}

/** The file's text after granting `keys` today, on top of what today already granted. */
export function grantText(current: ReadonlySet<string>, keys: readonly string[], now: number): string {
  const all = [...new Set([...current, ...keys])].slice(0, MAX_GRANTED);
  return `${JSON.stringify({ v: 1, day: formatDate(now), keys: all })}\n`;
}
