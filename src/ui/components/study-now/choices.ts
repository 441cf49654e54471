// What Study now offers to pick from, with the figures a choice needs: each deck, skill and tag
// of the loaded decks, with how many of its cards are due and never seen. From the workspace's
// records in memory, never the disk.
import { scopeFigures, type ScopeFigures, type StudyScope } from '../../../core/custom-study.js';
import { studyItems, type StudyItem } from '../../../core/queue.js';
import { safeText } from '../../../core/safe-text.js';
import type { Workspace } from '../../../store/workspace.js';

export interface Choice {
  /** Unique among its list, for the menu. */
  id: string;
  name: string;
  scope: StudyScope;
  figures: ScopeFigures;
}

export function figuresOf(ws: Workspace, scope: StudyScope, now: number): ScopeFigures {
  return scopeFigures(ws.scopeItems(scope), ws.progress.progress.cards, now);
}

/** The role's decks first, then the other loaded ones; decks without quiz cards are left out. */
export function deckChoices(ws: Workspace, now: number): Choice[] {
  const mine = new Set(ws.studyDecks().map((d) => d.id));
  const decks = ws.decks();
  const ordered = [...decks.filter((d) => mine.has(d.id)), ...decks.filter((d) => !mine.has(d.id))];
  return ordered
    .map((deck): Choice => {
      const scope: StudyScope = { kind: 'deck', deckId: deck.id };
      return { id: deck.id, name: safeText(deck.title), scope, figures: figuresOf(ws, scope, now) };
    })
    .filter((c) => c.figures.cards > 0);
}

export function skillChoices(ws: Workspace, now: number): Choice[] {
  const skills = [...new Set(ws.decks().flatMap((d) => (d.skill ? [d.skill] : [])))];
  return skills
    .map((skill): Choice => {
      const scope: StudyScope = { kind: 'skill', skill };
      return { id: skill, name: safeText(skill), scope, figures: figuresOf(ws, scope, now) };
    })
    .filter((c) => c.figures.cards > 0);
}

/** Every tag of the loaded cards (one entry however it is capitalised), the most used first. */
export function tagChoices(ws: Workspace, now: number): Choice[] {
  const groups = new Map<string, { name: string; items: StudyItem[] }>();
  for (const item of studyItems(ws.decks())) {
    for (const tag of new Set(item.card.tags ?? [])) {
      const id = tag.toLowerCase();
      const group = groups.get(id) ?? { name: tag, items: [] };
      group.items.push(item);
      groups.set(id, group);
    }
  }
  const records = ws.progress.progress.cards;
  return [...groups.entries()]
    .map(([id, g]): Choice => ({ id, name: safeText(g.name), scope: { kind: 'tag', tag: g.name }, figures: scopeFigures(g.items, records, now) }))
    .sort((a, b) => b.figures.cards - a.figures.cards || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "3 due · 45 unseen": the figures a list row shows after its name. */
export function shortFigures(f: ScopeFigures): string {
  return `${f.due} due · ${f.unseen} unseen`;
}

/**
 * A row of a list: the name padded to a column (cut with … when too long), then the figures,
 * so the figures line up and are never the part cut off.
 */
export function rowLabel(name: string, figures: string, nameWidth: number): string {
  const chars = [...name];
  const cut = chars.length > nameWidth ? `${chars.slice(0, Math.max(1, nameWidth - 1)).join('')}…` : name;
  return `${cut.padEnd(nameWidth)}  ${figures}`;
}

/** The name column: as wide as the longest name, leaving the figures and the cursor their room. */
export function nameWidth(names: readonly string[], figures: readonly string[], width: number): number {
  const longest = Math.max(1, ...names.map((n) => [...n].length));
  const room = width - 2 - 2 - Math.max(0, ...figures.map((f) => f.length));
  return Math.max(8, Math.min(longest, room));
}
