// `keeper-prep study` with a choice: a tag, a skill or a search (with --deck, narrowed to those
// decks), and what to do with its cards: today's queue, only the due ones, N more new ones, or all
// of them as practice. Turned here into the session the app opens with, or one line saying why not.
import type { StudyMode, StudyScope } from '../core/custom-study.js';
import { QUIZ_KINDS } from '../core/deck.js';
import type { StudyItem } from '../core/queue.js';
import { safeText } from '../core/safe-text.js';
import type { Workspace } from '../store/workspace.js';

export interface StudyChoice {
  tag?: string | undefined;
  skill?: string | undefined;
  search?: string | undefined;
  due?: boolean | undefined;
  /** Learn this many more new cards today, on top of the daily limits. */
  new?: number | undefined;
  practice?: boolean | undefined;
  /** At most this many cards. */
  limit?: number | undefined;
}

/** The session the app opens with: the review screen's title, cards and rules. */
export interface StudySession {
  title: string;
  items: StudyItem[];
  /** Practice: every card once, answers kept off the schedule. */
  practice: boolean;
}

/** Why a choice cannot be studied, before anything is opened: two scopes or two modes at once. */
export function choiceProblem(choice: StudyChoice): string | null {
  const scopes = (['tag', 'skill', 'search'] as const).filter((k) => choice[k] !== undefined);
  if (scopes.length > 1) return `--${scopes[0]} and --${scopes[1]} cannot be used together: study one tag, skill or search at a time (--deck narrows any of them)`;
  const modes = [choice.due ? '--due' : null, choice.new !== undefined ? '--new' : null, choice.practice ? '--practice' : null].filter((m) => m !== null);
  if (modes.length > 1) return `${modes[0]} and ${modes[1]} cannot be used together: choose due cards, new cards or practice`;
  if (choice.search !== undefined && choice.search.trim() === '') return '--search needs words to look for';
  if (choice.tag !== undefined && choice.tag.trim() === '') return '--tag needs a tag';
  if (choice.skill !== undefined && choice.skill.trim() === '') return '--skill needs a skill name';
  return null;
}

/** Whether the choice asks for more than plain `study` (today's review of the study decks). */
export function isCustom(choice: StudyChoice): boolean {
  return choice.tag !== undefined || choice.skill !== undefined || choice.search !== undefined || !!choice.due || choice.new !== undefined || !!choice.practice;
}

const quoted = (names: readonly string[]): string => {
  const q = names.map((n) => `"${safeText(n)}"`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q.at(-1)}` : q[0]!;
};

async function near(typed: string, names: readonly string[]): Promise<string[]> {
  const { nearbyIds } = await import('../core/search.js');
  return nearbyIds(typed, names);
}

async function resolveScope(ws: Workspace, choice: StudyChoice, now: number): Promise<StudyScope> {
  const decks = ws.decks();
  if (choice.tag !== undefined) {
    const wanted = choice.tag.trim();
    const tags = [...new Set(decks.flatMap((d) => d.cards.filter((c) => QUIZ_KINDS.includes(c.type)).flatMap((c) => c.tags ?? [])))];
    const found = tags.find((t) => t.toLowerCase() === wanted.toLowerCase());
    if (found) return { kind: 'tag', tag: found };
    const guess = await near(wanted, tags);
    throw new Error(`no card${ws.selected ? ' of the decks chosen with --deck' : ''} has the tag "${safeText(wanted)}"${guess.length > 0 ? ` (did you mean ${quoted(guess)}?)` : ''}; \`keeper-prep search\` finds cards by their words`);
  }
  if (choice.skill !== undefined) {
    const wanted = choice.skill.trim();
    const skills = [...new Set(decks.flatMap((d) => (d.skill ? [d.skill] : [])))];
    const found = skills.find((s) => s.toLowerCase() === wanted.toLowerCase());
    if (found) return { kind: 'skill', skill: found };
    const guess = await near(wanted, skills);
    throw new Error(`no deck has the skill "${safeText(wanted)}" (${guess.length > 0 ? `did you mean ${quoted(guess)}?` : `skills: ${skills.map((s) => safeText(s)).join(', ')}`})`);
  }
  if (choice.search !== undefined) {
    const query = choice.search.trim();
    // Loaded only here: the other data commands do not pay for the search library.
    const { buildSearchIndex } = await import('../core/search.js');
    // Filters as the search command and the app's search read them: --search "kind:sql retention".
    const { parseSearchQuery, searchCards } = await import('../core/search-query.js');
    const parsed = parseSearchQuery(query);
    if (parsed.problems.length > 0) throw new Error(parsed.problems.join('; '));
    const hits = searchCards(buildSearchIndex(decks), parsed, { records: ws.progress.progress.cards, now }, 500).filter((h) => QUIZ_KINDS.includes(h.entry.card.type));
    if (hits.length === 0) throw new Error(`no card matches "${safeText(query)}"; \`keeper-prep search ${safeText(query)}\` shows what a search finds`);
    return { kind: 'search', query, keys: hits.map((h) => h.entry.key) };
  }
  if (ws.selected?.length === 1) return { kind: 'deck', deckId: ws.selected[0]! };
  return { kind: 'all' };
}

function modeOf(choice: StudyChoice): StudyMode | null {
  if (choice.due) return { kind: 'due' };
  if (choice.new !== undefined) return { kind: 'new', count: choice.new };
  if (choice.practice) return { kind: 'practice' };
  return null;
}

/**
 * The session for a choice. Plain `study` (no choice) is today's review of the study decks; a
 * scope without a mode is today's queue of that scope (due, then new within the daily limits).
 * Throws an Error whose message is the one line to print for an unknown tag or skill, or a search
 * that finds nothing.
 */
export async function studySession(ws: Workspace, choice: StudyChoice, now: number): Promise<StudySession> {
  const problem = choiceProblem(choice);
  if (problem) throw new Error(problem);
  const cut = (items: StudyItem[]) => (choice.limit ? items.slice(0, choice.limit) : items);
  if (!isCustom(choice)) return { title: "Today's review", items: cut(ws.queueFor(ws.studyDecks(), now)), practice: false };
  const scope = await resolveScope(ws, choice, now);
  const mode = modeOf(choice);
  if (!mode) return { title: `Today · ${safeText(ws.scopeTitle(scope))}`, items: cut(ws.scopeQueue(scope, now)), practice: false };
  const session = ws.customStudy(scope, mode, now);
  return { title: safeText(session.title), items: cut(session.items), practice: session.practice };
}
