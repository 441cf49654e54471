// What a candidate wants to see at a glance beside Home's menu on a wide terminal: the plan,
// readiness in one line, what is due in each deck, the next design prompt and the stories still
// missing. Built from figures Home already has (nothing here reads the log), and fitted to the
// panel: whole sections are dropped, least useful first, rather than cut mid-way.
import wrapAnsi from 'wrap-ansi';
import type { Deck } from './deck.js';
import { formatDate, startOfDay } from './day.js';
import type { DeckFigures } from './overview.js';
import type { CardRecord } from './progress.js';
import { studyItems } from './queue.js';
import { planLine, type DailyPlan } from './readiness.js';
import { percent } from './readiness-charts.js';
import { formatInterval, type Scheduler } from './scheduler.js';

export interface RecallFigure {
  /** Mean predicted recall over every quiz card, an unseen one counting 0 (as Readiness reports it). */
  recall: number;
  cards: number;
  seen: number;
}

export interface DayRecall extends RecallFigure {
  /** Per deck id. */
  decks: Map<string, RecallFigure>;
  /** The moment predicted for: the interview, or now without a date (or once it has passed). */
  at: number;
  forInterview: boolean;
}

/** Readiness's overall and per-deck recall, from the records alone (no trend, no log). */
export function recallOnDay(decks: readonly Deck[], records: ReadonlyMap<string, CardRecord>, scheduler: Scheduler, now: number, interviewAt: number | null): DayRecall {
  const forInterview = interviewAt !== null && startOfDay(interviewAt) >= startOfDay(now);
  const at = forInterview ? Math.max(now, interviewAt) : now;
  const sums = new Map<string, { sum: number; cards: number; seen: number }>();
  for (const item of studyItems(decks)) {
    const deck = sums.get(item.deckId) ?? { sum: 0, cards: 0, seen: 0 };
    sums.set(item.deckId, deck);
    deck.cards++;
    const record = records.get(item.key);
    if (!record) continue;
    deck.seen++;
    deck.sum += scheduler.recall(record.state, at);
  }
  const figure = (f: { sum: number; cards: number; seen: number }): RecallFigure => ({ recall: f.cards > 0 ? f.sum / f.cards : 0, cards: f.cards, seen: f.seen });
  const all = [...sums.values()].reduce((t, f) => ({ sum: t.sum + f.sum, cards: t.cards + f.cards, seen: t.seen + f.seen }), { sum: 0, cards: 0, seen: 0 });
  return { ...figure(all), decks: new Map([...sums].map(([id, f]) => [id, figure(f)])), at, forInterview };
}

export interface GlancePrompt {
  title: string;
  due: boolean;
  /** Null when never attempted. */
  dueAt: number | null;
  /** Tagged for the user's role. */
  forRole: boolean;
}

export interface GlanceInput {
  now: number;
  plan: DailyPlan | null;
  /** DayPlan.advice: what the plan asks beside its line. */
  advice?: readonly string[] | undefined;
  recall: DayRecall;
  decks: readonly Pick<DeckFigures, 'id' | 'title' | 'area' | 'cards' | 'seen' | 'due'>[];
  prompts: readonly GlancePrompt[];
  stories: { count: number; due: number; valuesWithout: readonly string[] };
}

export interface GlanceSection {
  title: string;
  /** A table's column names, drawn dim above its rows. */
  header?: string | undefined;
  lines: string[];
}

/** Section text sits this far in from its title, so the structure reads without bold. */
export const GLANCE_INDENT = 2;

const AREA_TITLES: Record<string, string> = { culture: 'Culture', skills: 'Skills', design: 'Design', custom: 'Your decks' };

/** The plan line and the advice of the day's plan (core/day-plan), as every other output says them. */
function planSection(plan: DailyPlan | null, advice: readonly string[]): GlanceSection {
  if (!plan) return { title: 'Plan', lines: ['No interview date yet: set one in Settings for a daily plan and predictions for the day.', ...advice] };
  return { title: `Plan for ${formatDate(plan.interviewAt)}`, lines: [planLine(plan), ...advice] };
}

function readinessSection(recall: DayRecall): GlanceSection {
  const when = recall.forInterview ? `on ${formatDate(recall.at)}` : 'today';
  return { title: 'Readiness', lines: [`${percent(recall.recall)} recall predicted ${when} (${percent(recall.cards > 0 ? recall.seen / recall.cards : 0)} of cards seen)`] };
}

interface TableRow {
  name: string;
  due: number;
  seen: number;
  cards: number;
  recall: number;
}

/** Due, seen and recall on the day per deck (or, to save lines, per area), sized to its content. */
function dueTable(rows: readonly TableRow[], width: number): { header: string; lines: string[] } {
  const seenText = rows.map((r) => `${r.seen}/${r.cards}`);
  const dueWidth = Math.max(3, ...rows.map((r) => String(r.due).length));
  const seenWidth = Math.max(4, ...seenText.map((s) => s.length));
  const recallWidth = 6;
  const numbers = 2 + dueWidth + 2 + seenWidth + 2 + recallWidth;
  const nameWidth = Math.max(6, Math.min(Math.max(...rows.map((r) => r.name.length)), width - numbers));
  const fit = (name: string) => (name.length > nameWidth ? `${name.slice(0, nameWidth - 1)}…` : name.padEnd(nameWidth));
  const line = (name: string, due: string, seen: string, recall: string) => `${fit(name)}  ${due.padStart(dueWidth)}  ${seen.padStart(seenWidth)}  ${recall.padStart(recallWidth)}`;
  return { header: line('', 'due', 'seen', 'recall'), lines: rows.map((r, i) => line(r.name, String(r.due), seenText[i]!, percent(r.recall))) };
}

function deckSection(input: GlanceInput, width: number, byArea: boolean): GlanceSection {
  const decks = input.decks.map((d) => ({ ...d, recall: input.recall.decks.get(d.id)?.recall ?? 0 }));
  const rows: TableRow[] = byArea
    ? [...new Set(decks.map((d) => d.area))].map((area) => {
        const mine = decks.filter((d) => d.area === area);
        const sum = (pick: (d: (typeof mine)[number]) => number) => mine.reduce((n, d) => n + pick(d), 0);
        const cards = sum((d) => d.cards);
        return { name: AREA_TITLES[area] ?? area, due: sum((d) => d.due), seen: sum((d) => d.seen), cards, recall: cards > 0 ? sum((d) => d.recall * d.cards) / cards : 0 };
      })
    : decks.map((d) => ({ name: d.title, due: d.due, seen: d.seen, cards: d.cards, recall: d.recall }));
  return { title: byArea ? 'By area' : 'By deck', ...dueTable(rows, width - GLANCE_INDENT) };
}

function designSection(prompts: readonly GlancePrompt[], now: number): GlanceSection | null {
  if (prompts.length === 0) return null;
  const due = prompts.filter((p) => p.due);
  if (due.length > 0) {
    return { title: 'Design mocks', lines: [`Due now: ${due[0]!.title}${due.length > 1 ? ` (and ${due.length - 1} more)` : ''}`] };
  }
  const next = prompts.filter((p) => p.dueAt !== null).sort((a, b) => a.dueAt! - b.dueAt!)[0];
  if (next) return { title: 'Design mocks', lines: [`Next due in ${formatInterval(now, next.dueAt!)}: ${next.title}`] };
  const first = prompts.find((p) => p.forRole) ?? prompts[0]!;
  return { title: 'Design mocks', lines: [`None tried yet. Start with: ${first.title}${first.forRole ? ' (suits your role)' : ''}`] };
}

function storySection(stories: GlanceInput['stories']): GlanceSection {
  if (stories.count === 0) return { title: 'Stories', lines: ['None yet: no culture value has a story.'] };
  const missing = stories.valuesWithout.length === 0 ? 'Every culture value has a story.' : `Values without one: ${stories.valuesWithout.join(', ')}`;
  return { title: 'Stories', lines: [`${stories.count} ${stories.count === 1 ? 'story' : 'stories'}, ${stories.due} due to rehearse`, missing] };
}

/** A section's lines as drawn in `width` columns: its title, then its header and text, wrapped and indented. */
export function sectionLines(section: GlanceSection, width: number): { title: string; header: string | null; lines: string[] } {
  const indent = ' '.repeat(GLANCE_INDENT);
  const wrap = (line: string) => wrapAnsi(line, Math.max(10, width - GLANCE_INDENT), { hard: true, trim: true }).split('\n').map((l) => indent + l);
  return { title: section.title, header: section.header !== undefined ? indent + section.header.trimEnd() : null, lines: section.lines.flatMap(wrap) };
}

function drawnHeight(section: GlanceSection, width: number): number {
  const drawn = sectionLines(section, width);
  return 1 + (drawn.header !== null ? 1 : 0) + drawn.lines.length;
}

function height(sections: readonly GlanceSection[], width: number): number {
  return sections.reduce((n, s) => n + drawnHeight(s, width), 0) + Math.max(0, sections.length - 1);
}

/**
 * The sections that fit in `width` x `rows`, in reading order. The deck table shrinks to one row
 * per area first; then sections go, least useful first (stories and designs have their counts in
 * the menu too): stories, design, the table, readiness.
 */
export function glance(input: GlanceInput, width: number, rows: number): GlanceSection[] {
  const plan = planSection(input.plan, input.advice ?? []);
  const readiness = readinessSection(input.recall);
  const design = designSection(input.prompts, input.now);
  const stories = storySection(input.stories);
  const table = (byArea: boolean) => (input.decks.length > 0 ? deckSection(input, width, byArea) : null);
  const withTable = (byArea: boolean) => [plan, readiness, table(byArea), design, stories].filter((s): s is GlanceSection => s !== null);
  for (const candidate of [withTable(false), withTable(true)]) {
    if (height(candidate, width) <= rows) return candidate;
  }
  const dropOrder = ['Stories', 'Design mocks', 'By area', 'Readiness'];
  let sections = withTable(true);
  for (const title of dropOrder) {
    if (height(sections, width) <= rows) break;
    sections = sections.filter((s) => s.title !== title);
  }
  return sections;
}
