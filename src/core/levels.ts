// Bars by level: which of a rubric's four levels a candidate at each target level is expected to
// reach, and what that looks like, so a self-score is made against the right bar. Rubrics name
// their dimensions freely ("Requirements and scope", "Own actions and decisions"), so a dimension
// is read as one of a few generic ones by its words; an unknown name gets the general line.

export const LEVELS = ['entry', 'mid', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

export const DEFAULT_LEVEL: Level = 'mid';

export const LEVEL_NAMES: Record<Level, string> = {
  entry: 'intern or new graduate',
  mid: 'mid-level',
  senior: 'senior',
  staff: 'staff',
};

/** In a rubric's bar line, where columns are scarce. */
export const LEVEL_SHORT: Record<Level, string> = { entry: 'entry', mid: 'mid-level', senior: 'senior', staff: 'staff' };

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** A level from what a user typed: the ids, and the names people say ("new grad", "intern", "mid-level"). */
export function parseLevel(text: string): Level | null {
  const t = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (isLevel(t)) return t;
  if (['intern', 'new-grad', 'new-graduate', 'graduate', 'junior', 'entry-level'].includes(t)) return 'entry';
  if (['mid-level', 'middle', 'midlevel'].includes(t)) return 'mid';
  return null;
}

/** The lowest and highest rubric level (1-4) that is the bar: a senior answer sits at 3 or 4. */
const BARS: Record<Level, { low: number; high: number }> = {
  entry: { low: 2, high: 2 },
  mid: { low: 3, high: 3 },
  senior: { low: 3, high: 4 },
  staff: { low: 4, high: 4 },
};

type Generic = 'situation' | 'ownership' | 'result' | 'reflection' | 'value' | 'scope' | 'metrics' | 'tradeoffs' | 'scale' | 'design' | 'general';

// First match wins: behavioural words before design ones, so "Measurable result" is a result and
// "Own actions and decisions" is ownership, not a trade-off.
const MATCHERS: [Generic, RegExp][] = [
  ['situation', /situation|specific|context/],
  ['ownership', /\bown\b|ownership|action/],
  ['result', /result|impact|outcome/],
  ['reflection', /reflect|learn|changed|growth/],
  ['value', /\bvalues?\b|culture/],
  ['scope', /requirement|scope|framing|problem|clarif/],
  ['metrics', /metric|measur|validation|success|sample|experiment/],
  ['tradeoffs', /trade-?off|decision|alternative/],
  ['scale', /scale|reliab|latency|availab|operation|retry|failure/],
  ['design', /model|architecture|design|serving|path|pipeline|schema|api/],
];

const LINES: Record<Generic, Record<Level, string>> = {
  situation: { entry: 'a real, concrete moment, even a small one', mid: 'a specific situation with its stakes', senior: 'a situation with cross-team stakes', staff: 'a situation that shaped the org' },
  ownership: { entry: 'owns a well-scoped task end to end', mid: 'owns a feature and its decisions', senior: 'owns a cross-team outcome', staff: 'sets direction across teams' },
  result: { entry: 'says what happened, and what was learned', mid: 'a result with a number', senior: 'a measurable result beyond the team', staff: 'a lasting result for the business' },
  reflection: { entry: 'shows learning from it', mid: 'names what changed in how they work', senior: 'changed how the team works', staff: 'changed how the org works' },
  value: { entry: 'one value, shown in a deed', mid: 'the value shown in a choice they made', senior: 'the value under pressure, with a cost', staff: 'the value taught to others' },
  scope: { entry: 'asks the obvious clarifying questions', mid: 'pins down scope and scale', senior: 'frames the problem, says what to skip', staff: 'reframes the problem for the business' },
  metrics: { entry: 'names a sensible metric', mid: 'a metric and how to read it', senior: 'metrics with guardrails and decisions', staff: 'metrics that steer a whole area' },
  tradeoffs: { entry: 'sees that choices have costs', mid: 'weighs two options with reasons', senior: 'trade-offs argued with numbers', staff: 'trade-offs across teams and years' },
  scale: { entry: 'knows what breaks first', mid: 'load and failure of one service', senior: 'plans for failure across services', staff: 'reliability as a platform property' },
  design: { entry: 'a working design for the core case', mid: 'a sound design with clear parts', senior: 'a design others can build on', staff: 'an architecture that sets the course' },
  general: { entry: 'learning and a well-scoped task done', mid: 'solid, independent work', senior: 'owns a cross-team outcome', staff: 'shapes the direction of many teams' },
};

export function genericDimension(dimension: string): Generic {
  const name = dimension.toLowerCase();
  return MATCHERS.find(([, re]) => re.test(name))?.[0] ?? 'general';
}

export interface LevelBar {
  level: Level;
  /** The lowest rubric level that meets the bar (1-4). */
  low: number;
  high: number;
  /** "3" or "3-4". */
  score: string;
  /** What meeting the bar looks like on this dimension. */
  line: string;
}

export function levelBar(level: Level, dimension: string): LevelBar {
  const { low, high } = BARS[level];
  return { level, low, high, score: low === high ? String(low) : `${low}-${high}`, line: LINES[genericDimension(dimension)][level] };
}

/** "bar for senior: 3-4 — owns a cross-team outcome". */
export function levelBarLine(level: Level, dimension: string): string {
  const bar = levelBar(level, dimension);
  return `bar for ${LEVEL_SHORT[level]}: ${bar.score} — ${bar.line}`;
}
