// Custom study: what the user chooses to study now, off the daily plan. A scope picks the cards
// (a deck, a skill, a tag, search results, or every deck of the role), a mode what to do with them:
// the due ones, N new ones on top of today's limit, or all of them weakest first as practice.
import { endOfDay } from './day.js';
import type { CardRecord } from './progress.js';
import type { StudyItem } from './queue.js';
import { cramItems } from './cram.js';
import type { Scheduler } from './scheduler.js';

export type StudyScope =
  | { kind: 'all' }
  | { kind: 'deck'; deckId: string }
  /** A skills deck's `skill` (every deck with that skill). */
  | { kind: 'skill'; skill: string }
  | { kind: 'tag'; tag: string }
  /** The results of a search query, filters included; the caller ran the search (keys in rank order). */
  | { kind: 'search'; query: string; keys: readonly string[] };

export type StudyMode =
  | { kind: 'due' }
  /** N more new cards today, beyond the day's limit, for this choice only. */
  | { kind: 'new'; count: number }
  /** Every card of the scope, weakest first; practice answers never touch the schedule. */
  | { kind: 'practice' };

export const DEFAULT_EXTRA_NEW = 10;

export interface ScopeFigures {
  cards: number;
  seen: number;
  /** Due by the end of today. */
  due: number;
  unseen: number;
  /** The earliest due time of a seen card not due today; null when none. */
  nextDueAt: number | null;
}

export function scopeFigures(items: readonly StudyItem[], records: ReadonlyMap<string, CardRecord>, now: number): ScopeFigures {
  const dayEnd = endOfDay(now);
  let seen = 0;
  let due = 0;
  let nextDueAt: number | null = null;
  for (const item of items) {
    const record = records.get(item.key);
    if (!record) continue;
    seen++;
    if (record.state.due < dayEnd) due++;
    else if (nextDueAt === null || record.state.due < nextDueAt) nextDueAt = record.state.due;
  }
  return { cards: items.length, seen, due, unseen: items.length - seen, nextDueAt };
}

/** The cards a mode takes from a scope's items, in the order they are studied. */
export function customItems(items: readonly StudyItem[], records: ReadonlyMap<string, CardRecord>, mode: StudyMode, now: number, scheduler: Scheduler): StudyItem[] {
  switch (mode.kind) {
    case 'due': {
      const dayEnd = endOfDay(now);
      return items
        .flatMap((item) => {
          const record = records.get(item.key);
          return record && record.state.due < dayEnd ? [{ item, recall: scheduler.recall(record.state, now) }] : [];
        })
        .sort((a, b) => a.recall - b.recall)
        .map((d) => d.item);
    }
    case 'new':
      return items.filter((item) => !records.has(item.key)).slice(0, Math.max(0, mode.count));
    case 'practice':
      return cramItems(items, records, scheduler, now, Number.POSITIVE_INFINITY);
  }
}

export function modeLabel(mode: StudyMode): string {
  switch (mode.kind) {
    case 'due':
      return 'due';
    case 'new':
      return `+${mode.count} new`;
    case 'practice':
      return 'practice';
  }
}

/** Whether an item is in a scope; `skillOf` gives a deck's skill. Search scopes keep their own order (see scopeOrder). */
export function inScope(scope: StudyScope, item: StudyItem, skillOf: (deckId: string) => string | undefined): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'deck':
      return item.deckId === scope.deckId;
    case 'skill':
      return skillOf(item.deckId) === scope.skill;
    case 'tag':
      return (item.card.tags ?? []).some((t) => t.toLowerCase() === scope.tag.toLowerCase());
    case 'search':
      return scope.keys.includes(item.key);
  }
}

/** What the scope is called in titles: "SQL", "tag joins", "search \"window\"". */
export function scopeLabel(scope: StudyScope, deckTitle: (deckId: string) => string | undefined): string {
  switch (scope.kind) {
    case 'all':
      return 'All your decks';
    case 'deck':
      return deckTitle(scope.deckId) ?? scope.deckId;
    case 'skill':
      return scope.skill;
    case 'tag':
      return `tag ${scope.tag}`;
    case 'search':
      return `search "${scope.query}"`;
  }
}
