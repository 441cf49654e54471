// The six role tracks a candidate can prepare for, in the two families of DESIGN.md, and how much
// of each skill a real interview loop for the role would ask about.
import type { Deck } from './deck.js';

export interface Track {
  id: string;
  title: string;
  family: string;
  /** What the role's interview loop leans on, in one line: the role picker shows it. */
  focus: string;
  /**
   * Skill deck id → weight: new cards come from each deck in proportion to its weight, so the
   * skills a loop leans on most are met first. The culture walkthrough is outside these weights.
   */
  weights: Readonly<Record<string, number>>;
}

const ENGINEERING = 'Network Engineering & Infrastructure';
const OPERATIONS = 'Service Operations & Risk';

export const TRACKS: readonly Track[] = [
  {
    id: 'software-engineer',
    title: 'Software Engineer',
    family: ENGINEERING,
    focus: 'Distributed systems and Java most, then Kotlin, Python and how Netflix builds; a little A/B testing, ML and metrics.',
    weights: { 'distributed-systems': 3, java: 3, kotlin: 2, python: 2, 'netflix-engineering': 2, 'ab-testing': 1, 'ml-fundamentals': 1, 'product-metrics': 1 },
  },
  {
    id: 'ml-engineer',
    title: 'Machine Learning Engineer',
    family: ENGINEERING,
    focus: 'ML fundamentals and A/B testing most, then Python and distributed systems; a little metrics, how Netflix builds, Java and Kotlin.',
    weights: { 'ml-fundamentals': 4, 'ab-testing': 3, python: 2, 'distributed-systems': 2, 'product-metrics': 1, 'netflix-engineering': 1, java: 1, kotlin: 1 },
  },
  {
    id: 'product-manager',
    title: 'Product Manager',
    family: ENGINEERING,
    focus: 'Product metrics and A/B testing most, then Netflix business, ML fundamentals and distributed systems; a little of how Netflix builds, Python, Java and Kotlin.',
    weights: { 'product-metrics': 4, 'ab-testing': 3, 'netflix-business': 2, 'ml-fundamentals': 2, 'distributed-systems': 2, 'netflix-engineering': 1, python: 1, java: 1, kotlin: 1 },
  },
  {
    id: 'analytics-engineer',
    title: 'Analytics Engineer',
    family: OPERATIONS,
    focus: 'SQL and statistics most, then A/B testing and Netflix business; a little planning, risk communication and coordination.',
    weights: { sql: 4, statistics: 3, 'ab-testing': 2, 'netflix-business': 2, 'operational-planning': 1, 'risk-communication': 1, 'cross-functional-coordination': 1 },
  },
  {
    id: 'content-ops-analyst',
    title: 'Content Operations Analyst',
    family: OPERATIONS,
    focus: 'Operational planning and cross-functional coordination most, then SQL, statistics, risk communication and Netflix business.',
    weights: { 'operational-planning': 4, 'cross-functional-coordination': 3, sql: 2, statistics: 2, 'risk-communication': 2, 'netflix-business': 2 },
  },
  {
    id: 'policy-ops-analyst',
    title: 'Policy Operations Analyst',
    family: OPERATIONS,
    focus: 'Risk communication and statistics most, then SQL, operational planning and coordination; a little Netflix business.',
    weights: { 'risk-communication': 4, statistics: 3, sql: 2, 'operational-planning': 2, 'cross-functional-coordination': 2, 'netflix-business': 1 },
  },
];

export function trackById(id: string | null | undefined): Track | undefined {
  return TRACKS.find((t) => t.id === id);
}

/** A deck with no tracks belongs to every track. */
export function deckInTrack(deck: Deck, trackId: string | null | undefined): boolean {
  return !deck.tracks || deck.tracks.length === 0 || (!!trackId && deck.tracks.includes(trackId));
}

/** How strongly a track leans on a deck; decks outside its weights (culture, the user's own) count 1. */
export function deckWeight(track: Track | undefined, deckId: string): number {
  return track?.weights[deckId] ?? 1;
}

/**
 * Merges per-deck lists so each deck contributes in proportion to its weight, heaviest first
 * (a weighted round-robin: always take from the deck furthest behind its share). Each deck's own
 * order is kept, so sections still come in teaching order.
 */
export function interleaveByWeight<T>(groups: readonly { weight: number; items: readonly T[] }[]): T[] {
  const queues = groups
    .map((g, order) => ({ weight: Math.max(g.weight, 0.001), items: g.items, taken: 0, order }))
    .filter((q) => q.items.length > 0);
  const out: T[] = [];
  while (queues.length > 0) {
    // One deck left (a large imported deck outlasts the others): the rest of it in order.
    if (queues.length === 1) {
      const last = queues[0]!;
      for (let i = last.taken; i < last.items.length; i++) out.push(last.items[i]!);
      break;
    }
    let best = queues[0]!;
    for (const q of queues) {
      const share = (q.taken + 1) / q.weight;
      const bestShare = (best.taken + 1) / best.weight;
      if (share < bestShare || (share === bestShare && (q.weight > best.weight || (q.weight === best.weight && q.order < best.order)))) best = q;
    }
    out.push(best.items[best.taken]!);
    best.taken++;
    if (best.taken === best.items.length) queues.splice(queues.indexOf(best), 1);
  }
  return out;
}
