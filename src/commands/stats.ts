import { mixLabel } from '../core/overview.js';
import { trackById } from '../core/tracks.js';
import type { Workspace } from '../store/workspace.js';
import { table } from './table.js';

/** Figures for the decks of the chosen track (or of --deck), as the app's Stats screen shows them. */
export function statsCommand(ws: Workspace, now: number, json: boolean): string {
  const settings = ws.settings.get();
  const figures = ws.overviewFor(ws.studyDecks(), now);
  const role = trackById(settings.role);
  const walk = ws.walkthrough();
  const walkthrough = walk
    ? { deck: walk.deckId, sections: walk.sections.length, done: walk.done, next: walk.sections[walk.current]?.name ?? null }
    : null;
  if (json) {
    return JSON.stringify(
      {
        role: settings.role,
        track: role ? { id: role.id, title: role.title, weights: role.weights } : null,
        reviews: ws.progress.progress.reviews,
        cards: figures.cards,
        seen: figures.seen,
        dueToday: figures.due,
        newToday: figures.new,
        newPerDay: settings.newPerDay,
        retention: settings.retention,
        walkthrough,
        decks: figures.decks.map((d) => ({ id: d.id, title: d.title, area: d.area, cards: d.cards, seen: d.seen, dueToday: d.due, newToday: d.new, mix: d.mix, guided: d.guided })),
        dataDir: ws.dataDir,
      },
      null,
      2,
    );
  }
  return [
    `Role: ${role ? role.title : 'not chosen yet (open the app to pick one)'}${ws.selected ? ' (decks chosen with --deck)' : ''}`,
    `Cards: ${figures.cards}, seen ${figures.seen}. Due today: ${figures.due}. New today: ${figures.new} (limit ${settings.newPerDay}/day).`,
    ...(walkthrough ? [`Culture walkthrough: ${walkthrough.done} of ${walkthrough.sections} sections done${walkthrough.next ? `; next: ${walkthrough.next}` : ''}.`] : []),
    `Reviews stored: ${ws.progress.progress.reviews}`,
    '',
    table(['deck', 'cards', 'seen', 'due', 'new', 'mix'], figures.decks.map((d) => [d.id, d.cards, d.seen, d.due, d.new, mixLabel(d)])),
    '',
    'mix: each skill\'s share of new cards for this role; culture comes through the walkthrough.',
  ].join('\n');
}
