// A timed culture round as pure data: which behavioural prompts to ask (due ones and values with
// no story first, then the least practised, one value each while they last), the behavioural
// rubric the answers are scored on, and how those scores become a rating. The clock is passed in.
import { cardKey, type Card, type Deck } from './deck.js';
import { endOfDay, startOfDay } from './day.js';
import type { CardRecord } from './progress.js';
import type { MockTimer } from './mock.js';
import type { Rating } from './scheduler.js';
import { CULTURE_VALUES } from './culture-values.js';
import type { Story } from './stories.js';
import { valuesWithoutStory } from './stories.js';

export type OpenCard = Extract<Card, { type: 'open' }>;

export const DEFAULT_QUESTIONS = 5;
export const DEFAULT_MINUTES = 3;
export const BEHAVIOURAL_TAG = 'behavioural';

export interface RoundQuestion {
  /** deckId/cardId: the schedule's key. */
  key: string;
  deckId: string;
  card: OpenCard;
  /** The culture value id the prompt asks about (its first value tag). */
  value: string;
}

const VALUE_IDS = new Set(CULTURE_VALUES.map((v) => v.id));

/** Every open card tagged behavioural and with a culture value, in deck order. */
export function behaviouralPrompts(decks: readonly Deck[]): RoundQuestion[] {
  return decks.flatMap((deck) =>
    deck.cards.flatMap((card): RoundQuestion[] => {
      if (card.type !== 'open') return [];
      const tags = card.tags ?? [];
      const value = tags.find((t) => VALUE_IDS.has(t));
      return tags.includes(BEHAVIOURAL_TAG) && value ? [{ key: cardKey(deck.id, card.id), deckId: deck.id, card, value }] : [];
    }),
  );
}

/** A small stable hash (FNV-1a), so ties fall differently from one day to the next but never within one. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The round's questions: due prompts first, then those of values no story shows yet (the ones an
 * interviewer would catch you without an answer for), then the least practised; each value once
 * until every value has had a question. Deterministic for a given day.
 */
export function pickQuestions(prompts: readonly RoundQuestion[], records: ReadonlyMap<string, CardRecord>, stories: readonly Story[], count: number, now: number): RoundQuestion[] {
  const dayEnd = endOfDay(now);
  const day = String(startOfDay(now));
  const storyless = new Set(valuesWithoutStory(stories).map((v) => v.id));
  const rank = (q: RoundQuestion): number[] => {
    const record = records.get(q.key);
    const due = record && record.state.due < dayEnd ? 0 : 1;
    return [due, storyless.has(q.value) ? 0 : 1, record?.state.reps ?? 0, hash(`${day}:${q.key}`)];
  };
  const ranked = prompts
    .map((q) => ({ q, r: rank(q) }))
    .sort((a, b) => {
      for (let i = 0; i < a.r.length; i++) if (a.r[i] !== b.r[i]) return a.r[i]! - b.r[i]!;
      return a.q.key < b.q.key ? -1 : a.q.key > b.q.key ? 1 : 0;
    })
    .map((x) => x.q);
  const picked: RoundQuestion[] = [];
  const values = new Set<string>();
  // A round asks about as many values as it can; only when every value has been asked does one come twice.
  while (picked.length < Math.min(count, ranked.length)) {
    const next = ranked.find((q) => !picked.includes(q) && !values.has(q.value));
    if (next) {
      picked.push(next);
      values.add(next.value);
    } else values.clear();
  }
  return picked;
}

export interface RubricDimension {
  id: 'situation' | 'ownership' | 'result' | 'reflection' | 'value';
  name: string;
  /** What an answer at each level (1 to 4) does. */
  levels: readonly [string, string, string, string];
}

/** The behavioural rubric an interviewer scores a culture answer on. */
export const ROUND_RUBRIC: readonly RubricDimension[] = [
  {
    id: 'situation',
    name: 'Specific situation',
    levels: [
      'Hypothetical or general ("I usually…"): no one real moment.',
      'A real situation, but vague: when, who and what was at stake are unclear.',
      'One real situation with its context and the stakes, told briefly.',
      'A vivid, specific moment: when, who, what was at stake and why it was hard, in a few sentences.',
    ],
  },
  {
    id: 'ownership',
    name: 'Own actions and decisions',
    levels: [
      'Mostly "we" or what others did; your part is not clear.',
      'Some of your actions, but not the decisions or why you made them.',
      'Your own actions and the key decision, with your reasoning.',
      'Your decisions, the options you weighed and the risk you took, clearly yours, with credit given to others where due.',
    ],
  },
  {
    id: 'result',
    name: 'Measurable result',
    levels: [
      'No outcome, or "it went well".',
      'An outcome, but not measured or not tied to what you did.',
      'A concrete outcome with a number or an observable change.',
      'A measured outcome tied to your actions, with its effect on the team or the business, and any cost.',
    ],
  },
  {
    id: 'reflection',
    name: 'Reflection and what changed',
    levels: [
      'No reflection.',
      'A generic lesson ("communication matters").',
      'A specific lesson from this situation.',
      'A specific lesson and what you now do differently, with a later example of it.',
    ],
  },
  {
    id: 'value',
    name: 'The value shown',
    levels: [
      'The story does not show the value asked about.',
      'The value is named but the story barely shows it.',
      'The story clearly shows the value in action.',
      'The story shows the value under pressure, where it cost something, as the culture memo describes it.',
    ],
  },
];

/**
 * The rating a question's rubric scores suggest: the mean (1-4) read as a recall grade, as for a
 * design mock (core/mock.ts suggestDesignRating, without hints). Unscored: Good.
 */
export function suggestRoundRating(scores: readonly number[]): Rating {
  const given = scores.filter((s) => s >= 1 && s <= 4);
  if (given.length === 0) return 3;
  const mean = given.reduce((n, s) => n + s, 0) / given.length;
  return mean < 1.75 ? 1 : mean < 2.5 ? 2 : mean < 3.5 ? 3 : 4;
}

/** What the readiness figures need of a finished round (the store's attempt has more). */
export interface RoundLike {
  finishedAt: number;
  questions: readonly { scores: readonly { dimension: string; score: number }[] }[];
}

export interface RoundDimensionMean {
  dimension: string;
  mean: number;
  /** Answers scored on it. */
  n: number;
}

/** Rounds the figures average over: recent form, as for design (readiness RECENT_ATTEMPTS). */
export const RECENT_ROUNDS = 10;

/** The mean score per rubric dimension over the latest rounds, in the rubric's order. */
export function roundDimensionMeans(rounds: readonly RoundLike[]): RoundDimensionMean[] {
  const recent = rounds.slice().sort((a, b) => a.finishedAt - b.finishedAt).slice(-RECENT_ROUNDS);
  const sums = new Map<string, { sum: number; n: number }>();
  for (const round of recent) {
    for (const q of round.questions) {
      for (const { dimension, score } of q.scores) {
        if (!(score >= 1 && score <= 4)) continue;
        const d = sums.get(dimension) ?? { sum: 0, n: 0 };
        d.sum += score;
        d.n++;
        sums.set(dimension, d);
      }
    }
  }
  const order = (name: string) => {
    const i = ROUND_RUBRIC.findIndex((r) => r.name === name);
    return i < 0 ? ROUND_RUBRIC.length : i;
  };
  return [...sums.entries()].map(([dimension, d]) => ({ dimension, mean: d.sum / d.n, n: d.n })).sort((a, b) => order(a.dimension) - order(b.dimension) || (a.dimension < b.dimension ? -1 : 1));
}

/** Speaking time expected of a behavioural answer, in seconds: about two to three minutes. */
export const EXPECTED_SPEAKING = { min: 120, max: 180 } as const;

/**
 * The clock of an answer resumed from a draft: the time since the draft was last saved (the app
 * was closed or killed) is not answer time, so it counts as paused.
 */
export function resumeTimer(timer: MockTimer, savedAt: number, now: number): MockTimer {
  if (timer.pausedAt !== null) return timer;
  return { ...timer, pausedMs: timer.pausedMs + Math.max(0, now - savedAt) };
}

/** Whether a speaking time is inside the two to three minutes interviewers expect. */
export function speakingVerdict(seconds: number): 'short' | 'right' | 'long' {
  return seconds < EXPECTED_SPEAKING.min ? 'short' : seconds > EXPECTED_SPEAKING.max ? 'long' : 'right';
}
