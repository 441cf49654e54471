// The three ways to study a set of cards, as the menu words them: each with its figures, and a
// choice that would start an empty session saying why instead.
import { formatDateTime, startOfDay } from '../../../core/day.js';
import type { ScopeFigures, StudyMode } from '../../../core/custom-study.js';

export type ModeKind = StudyMode['kind'];

export interface ModeChoice {
  kind: ModeKind;
  label: string;
  /** Why it cannot start; null when it can. */
  blocked: string | null;
  /** One line on what it does, under the menu. */
  about: string;
}

/** "14:20" today, else "2026-11-21 09:00". */
export function whenDue(at: number, now: number): string {
  return startOfDay(at) === startOfDay(now) ? formatDateTime(at).slice(11) : formatDateTime(at);
}

/** The long label where it fits the width, else the short one. */
function fit(width: number, long: string, short: string): string {
  return long.length + 2 <= width ? long : short;
}

export function modeChoices(f: ScopeFigures, newCount: number, now: number, width: number): ModeChoice[] {
  const next = f.nextDueAt === null ? '' : `; next card due ${whenDue(f.nextDueAt, now)}`;
  const learn = Math.min(newCount, f.unseen);
  return [
    {
      kind: 'due',
      label: f.due > 0 ? `Due cards only (${f.due} due)` : f.cards === 0 ? 'Due cards only: no cards here' : 'Due cards only: none due today',
      blocked: f.due > 0 ? null : f.cards === 0 ? 'There are no cards to study here.' : `No card here is due today${next}. Learn new ones or practise instead.`,
      about: 'Your scheduled reviews from these cards, weakest first; ratings count as usual.',
    },
    {
      kind: 'new',
      label:
        f.cards === 0
          ? 'Learn new cards: no cards here'
          : f.unseen === 0
            ? `Learn new cards: none left, all ${f.cards} seen`
            : learn === f.unseen
              ? fit(width, `Learn all ${learn} unseen card${learn === 1 ? '' : 's'} today`, `Learn all ${learn} unseen`)
              : fit(width, `Learn ${learn} more new card${learn === 1 ? '' : 's'} today (${f.unseen} unseen)`, `Learn ${learn} new card${learn === 1 ? '' : 's'} (${f.unseen} unseen)`),
      blocked: f.unseen > 0 ? null : f.cards === 0 ? 'There are no cards to study here.' : `You have seen all ${f.cards} cards here: review the due ones or practise instead.`,
      about: "On top of today's new-card limit, for this choice only. ← → change how many.",
    },
    {
      kind: 'practice',
      label: f.cards > 0 ? fit(width, `Practise all ${f.cards}, weakest first — off your schedule`, `Practise all ${f.cards}, weakest first (off schedule)`) : 'Practise: no cards here',
      blocked: f.cards > 0 ? null : 'There are no cards to practise here.',
      about: 'Every card, the one you are most likely to forget first. Answers are practice: your schedule stays as it is.',
    },
  ];
}

/** The next count of new cards up or down: by one to 5, then by 5; from 1 to what is unseen. */
export function stepNew(wanted: number, up: boolean, unseen: number): number {
  const count = Math.min(wanted, Math.max(1, unseen));
  const next = up ? (count < 5 ? count + 1 : count + 5 - (count % 5)) : count <= 5 ? count - 1 : count - (count % 5 || 5);
  return Math.max(1, Math.min(Math.max(1, unseen), next));
}
