// The six role tracks a candidate can prepare for, in the two families of DESIGN.md.
import type { Deck } from './deck.js';

export interface Track {
  id: string;
  title: string;
  family: string;
}

export const TRACKS: readonly Track[] = [
  { id: 'software-engineer', title: 'Software Engineer', family: 'Network Engineering & Infrastructure' },
  { id: 'ml-engineer', title: 'Machine Learning Engineer', family: 'Network Engineering & Infrastructure' },
  { id: 'product-manager', title: 'Product Manager', family: 'Network Engineering & Infrastructure' },
  { id: 'analytics-engineer', title: 'Analytics Engineer', family: 'Service Operations & Risk' },
  { id: 'content-ops-analyst', title: 'Content Operations Analyst', family: 'Service Operations & Risk' },
  { id: 'policy-ops-analyst', title: 'Policy Operations Analyst', family: 'Service Operations & Risk' },
];

export function trackById(id: string | null | undefined): Track | undefined {
  return TRACKS.find((t) => t.id === id);
}

/** A deck with no tracks belongs to every track. */
export function deckInTrack(deck: Deck, trackId: string | null | undefined): boolean {
  return !deck.tracks || deck.tracks.length === 0 || (!!trackId && deck.tracks.includes(trackId));
}
