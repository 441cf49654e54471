// `keeper-prep search QUERY`: words and filters (deck:, kind:, tag:, due:, seen:, see
// core/search-query.ts), the best 20 matches for words, every card a filter-only query keeps.
import { safeJson, safeText } from '../core/safe-text.js';
import { FILTER_NAMES, parseSearchQuery, promptLine, searchCards } from '../core/search-query.js';
import { buildSearchIndex } from '../core/search.js';
import type { Workspace } from '../store/workspace.js';
import { table } from './table.js';

const LIMIT = 20;
const PROMPT_WIDTH = 70;

export function searchCommand(ws: Workspace, text: string, json: boolean, now: number): string {
  const query = parseSearchQuery(text);
  // A filter that cannot be read is bad input: results without it would mislead a script.
  if (query.problems.length > 0) throw new Error(query.problems.join('; '));
  const hits = searchCards(buildSearchIndex(ws.decks()), query, { records: ws.progress.progress.cards, now }, LIMIT);
  if (json) {
    return safeJson(hits.map((h) => ({ key: h.entry.key, deck: h.entry.deckId, deckTitle: h.entry.deckTitle, card: h.entry.card.id, type: h.entry.card.type, tags: h.entry.tags, prompt: h.entry.prompt, score: Number(h.score.toFixed(3)) })));
  }
  if (hits.length === 0) return `No cards match "${safeText(text)}".`;
  return table(
    ['card', 'deck', 'prompt'],
    hits.map((h) => {
      const line = promptLine(h.entry.prompt);
      return [h.entry.key, h.entry.deckTitle, line.length > PROMPT_WIDTH ? `${line.slice(0, PROMPT_WIDTH - 1)}…` : line];
    }),
  );
}

/**
 * The shell took the quotes off `deck:"system design"`: an argument with spaces is one value again,
 * unless it holds another filter ("deck:sql kind:choice" is a whole query in one argument).
 */
export function queryFromArgs(args: readonly string[]): string {
  const filter = new RegExp(`^(${FILTER_NAMES.join('|')}):[^"]*\\s`, 'i');
  const another = new RegExp(`\\s(${FILTER_NAMES.join('|')}):`, 'i');
  return args.map((arg) => (filter.test(arg) && !another.test(arg) ? `${arg.replace(':', ':"')}"` : arg)).join(' ');
}
