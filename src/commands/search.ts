import { cardPrompt } from '../core/deck.js';
import { safeJson, safeText } from '../core/safe-text.js';
import { buildSearchIndex } from '../core/search.js';
import type { Workspace } from '../store/workspace.js';

export function searchCommand(ws: Workspace, query: string, json: boolean): string {
  const hits = buildSearchIndex(ws.decks()).search(query, 20);
  if (json) {
    return safeJson(hits.map((h) => ({ key: h.entry.key, deck: h.entry.deckId, card: h.entry.card.id, type: h.entry.card.type, prompt: h.entry.prompt, score: Number(h.score.toFixed(3)) })));
  }
  if (hits.length === 0) return `No cards match "${safeText(query)}".`;
  return hits.map((h) => `${safeText(h.entry.key).padEnd(36)} ${safeText(cardPrompt(h.entry.card).split('\n')[0]?.slice(0, 70) ?? '')}`).join('\n');
}
