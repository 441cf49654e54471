import { trackById } from '../core/tracks.js';
import type { Workspace } from '../store/workspace.js';
import { table } from './table.js';

export function statsCommand(ws: Workspace, now: number, json: boolean): string {
  const settings = ws.settings.get();
  const figures = ws.overviewFor(ws.decks(), now);
  const role = trackById(settings.role);
  if (json) {
    return JSON.stringify(
      {
        role: settings.role,
        reviews: ws.progress.progress.reviews,
        cards: figures.cards,
        seen: figures.seen,
        dueToday: figures.due,
        newToday: figures.new,
        newPerDay: settings.newPerDay,
        retention: settings.retention,
        decks: figures.decks.map((d) => ({ id: d.id, title: d.title, area: d.area, cards: d.cards, seen: d.seen, dueToday: d.due, newToday: d.new })),
        dataDir: ws.dataDir,
      },
      null,
      2,
    );
  }
  return [
    `Role: ${role ? role.title : 'not chosen yet (open the app to pick one)'}`,
    `Cards: ${figures.cards}, seen ${figures.seen}. Due today: ${figures.due}. New today: ${figures.new} (limit ${settings.newPerDay}/day).`,
    `Reviews stored: ${ws.progress.progress.reviews}`,
    '',
    table(['deck', 'cards', 'seen', 'due', 'new'], figures.decks.map((d) => [d.id, d.cards, d.seen, d.due, d.new])),
  ].join('\n');
}
