import { formatDeckError } from '../core/deck-error.js';
import { markedCards } from '../core/card-marks.js';
import { CARD_KINDS, KIND_HEADERS, kindCell, type CardKind } from '../core/deck.js';
import { deckFacts } from '../core/deck-facts.js';
import { orphanedLine } from '../core/progress.js';
import { safeJson, safeText } from '../core/safe-text.js';
import type { Workspace } from '../store/workspace.js';
import { table } from './table.js';

export function decksCommand(ws: Workspace, json: boolean): string {
  const decks = ws.library.decks.map(({ deck, file, origin, replaced }) => {
    // From the facts: a large deck's cards are loaded only when something reads them.
    const { kinds, cardCount } = deckFacts(deck);
    return { id: deck.id, title: deck.title, area: deck.area, tracks: deck.tracks ?? [], cards: cardCount, kinds: { ...kinds }, file, origin, ...(replaced ? { replaced } : {}) };
  });
  const broken = ws.library.broken.map((b) => ({ file: b.file, origin: b.origin, errors: b.errors }));
  const orphans = ws.orphans();
  const orphaned = { total: sum([...orphans.values()]), byDeck: Object.fromEntries(orphans) };
  // Suspended cards are out of every queue; here is where the user finds them again.
  const suspended = markedCards(ws.library.decks.map((d) => d.deck), ws.marks.current())
    .filter((m) => m.suspendedAt !== null)
    .map((m) => ({ key: m.key, deck: m.deckId, card: m.key.split('/')[1], at: new Date(m.suspendedAt!).toISOString(), loaded: m.card !== null, prompt: m.card ? m.prompt : null }));
  if (json) return safeJson({ decks, broken, orphaned, suspended, notices: ws.notices });
  const lines = [
    table(
      // Narrow enough for an 80-column terminal; titles and areas are in --json.
      ['id', 'cards', CARD_KINDS.map((k) => KIND_HEADERS[k]).join(' ')],
      [
        ...decks.map((d) => [d.id, d.cards, kindCell(d.kinds, '0')]),
        ...(decks.length > 1 ? [[`total (${decks.length} decks)`, sum(decks.map((d) => d.cards)), kindCell(Object.fromEntries(CARD_KINDS.map((k) => [k, sum(decks.map((d) => d.kinds[k]))])) as Record<CardKind, number>, '0')]] : []),
      ],
    ),
  ];
  for (const b of broken) {
    lines.push('', `Broken deck (not loaded): ${safeText(b.file)}`, ...b.errors.map((e) => `  ${formatDeckError(e)}`));
  }
  if (orphaned.total > 0) lines.push('', orphanedLine(orphans));
  if (suspended.length > 0) {
    lines.push('', `Suspended (never studied until unsuspended on the Decks screen): ${suspended.map((s) => safeText(s.key)).join(', ')}`);
  }
  for (const notice of ws.notices) lines.push('', safeText(notice, { multiline: true }));
  return lines.join('\n');
}

function sum(values: readonly number[]): number {
  return values.reduce((n, v) => n + v, 0);
}

