// `flags`: the cards flagged with a note, to fix one's own decks or report a wrong built-in card;
// `flags --clear deck/card` takes a flag off.
import { isCardKey, markedCards } from '../core/card-marks.js';
import { formatDateTime } from '../core/day.js';
import { safeJson, safeText } from '../core/safe-text.js';
import type { Workspace } from '../store/workspace.js';

/** The library's decks whole, suspended cards included: a flag may be on a suspended card. */
function allDecks(ws: Workspace) {
  return ws.library.decks.map((d) => d.deck);
}

export function flagsCommand(ws: Workspace, json: boolean): string {
  const origins = new Map(ws.library.decks.map((d) => [d.deck.id, d.origin]));
  const flagged = markedCards(allDecks(ws), ws.marks.current()).filter((m) => m.flag);
  if (json) {
    return safeJson(flagged.map((m) => ({ key: m.key, deck: m.deckId, card: m.key.split('/')[1], builtIn: origins.get(m.deckId) === 'built-in', loaded: m.card !== null, note: m.flag!.note, at: new Date(m.flag!.at).toISOString(), prompt: m.card ? m.prompt : null, suspended: m.suspendedAt !== null })));
  }
  if (flagged.length === 0) return 'No flagged cards. Flag one with f where it is shown (review, card, search).';
  const lines = flagged.flatMap((m) => [
    `⚑ ${safeText(m.key)}${origins.get(m.deckId) === 'built-in' ? ' (built-in)' : ''}${m.card ? '' : ' (not in any loaded deck)'} · ${formatDateTime(m.flag!.at)}`,
    `  ${safeText(m.flag!.note) || '(no note)'}`,
    ...(m.card ? [`  ${safeText(m.prompt.length > 100 ? `${m.prompt.slice(0, 99)}…` : m.prompt)}`] : []),
  ]);
  return [...lines, '', 'Clear one with: keeper-prep flags --clear DECK/CARD'].join('\n');
}

/** Throws an Error with the line to print when there is no such flag. */
export function clearFlagCommand(ws: Workspace, key: string, now: number): string {
  if (!isCardKey(key)) throw new Error(`"${safeText(key)}" is not a card key; give it as deck-id/card-id, as \`keeper-prep flags\` lists them`);
  if (!ws.marks.current().flags.has(key)) throw new Error(`${safeText(key)} has no flag; \`keeper-prep flags\` lists the flagged cards`);
  ws.marks.flag(key, null, now);
  return `Cleared the flag on ${safeText(key)}.`;
}
