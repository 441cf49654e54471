import { formatDeckError } from '../core/deck-parse.js';
import type { CardKind } from '../core/deck.js';
import type { Workspace } from '../store/workspace.js';
import { table } from './table.js';

const KINDS: CardKind[] = ['flashcard', 'choice', 'multi', 'open', 'design'];

export function decksCommand(ws: Workspace, json: boolean): string {
  const decks = ws.library.decks.map(({ deck, file, origin }) => {
    const kinds = Object.fromEntries(KINDS.map((k) => [k, deck.cards.filter((c) => c.type === k).length]));
    return { id: deck.id, title: deck.title, area: deck.area, tracks: deck.tracks ?? [], cards: deck.cards.length, kinds, file, origin };
  });
  const broken = ws.library.broken.map((b) => ({ file: b.file, origin: b.origin, errors: b.errors }));
  if (json) return JSON.stringify({ decks, broken, notices: ws.notices }, null, 2);
  const lines = [
    table(
      ['id', 'title', 'area', 'cards', ...KINDS],
      decks.map((d) => [d.id, d.title, d.area, d.cards, ...KINDS.map((k) => d.kinds[k] ?? 0)]),
    ),
  ];
  for (const b of broken) {
    lines.push('', `Broken deck (not loaded): ${b.file}`, ...b.errors.map((e) => `  ${formatDeckError(e)}`));
  }
  for (const notice of ws.notices) lines.push('', notice);
  return lines.join('\n');
}
