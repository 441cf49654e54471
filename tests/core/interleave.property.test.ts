// The track's order of new cards: interleaveByWeight's shortcut for the last deck standing, and the
// order kept between calls, give what the plain weighted merge gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck.js';
import { studyItemsForTrack } from '../../src/core/queue.js';
import { deckWeight, interleaveByWeight, trackById } from '../../src/core/tracks.js';

/** The merge as it was written first: the queue furthest behind its share goes next, one item at a time. */
function reference<T>(groups: readonly { weight: number; items: readonly T[] }[]): T[] {
  const queues = groups.map((g, order) => ({ weight: Math.max(g.weight, 0.001), items: g.items, taken: 0, order })).filter((q) => q.items.length > 0);
  const out: T[] = [];
  while (queues.length > 0) {
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

describe('interleaveByWeight', () => {
  it('gives the plain weighted merge, however many items the last deck has left', () => {
    const group = fc.record({ weight: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 5, noNaN: true })), size: fc.nat(40) });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 6 }), (specs) => {
        const groups = specs.map((s, g) => ({ weight: s.weight, items: Array.from({ length: s.size }, (_, i) => `${g}:${i}`) }));
        expect(interleaveByWeight(groups)).toEqual(reference(groups));
      }),
    );
  });
});

describe('studyItemsForTrack', () => {
  const deck = (id: string, n: number): Deck => ({ id, title: id, version: 1, area: 'skills', cards: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, type: 'flashcard', front: 'q', back: 'a' })) }) as unknown as Deck;
  const expected = (decks: readonly Deck[], track: ReturnType<typeof trackById>) =>
    reference(decks.map((d) => ({ weight: deckWeight(track, d.id), items: d.cards.map((c) => `${d.id}/${c.id}`) })));

  it('gives the same order again for the same decks, and a fresh one for a new deck object or another track', () => {
    const a = deck('ab-testing', 5);
    const b = deck('ml-system-design', 3);
    const track = trackById('ml-engineer');
    const first = studyItemsForTrack([a, b], track);
    expect(first.map((i) => i.key)).toEqual(expected([a, b], track));
    const again = studyItemsForTrack([a, b], track);
    expect(again).toEqual(first);
    // A copy each time: a caller that reorders its list leaves the next caller's alone.
    again.reverse();
    expect(studyItemsForTrack([a, b], track)).toEqual(first);
    const edited = { ...a, cards: a.cards.slice(1) };
    expect(studyItemsForTrack([edited, b], track).map((i) => i.key)).toEqual(expected([edited, b], track));
    const other = trackById('software-engineer');
    expect(studyItemsForTrack([a, b], other).map((i) => i.key)).toEqual(expected([a, b], other));
    expect(studyItemsForTrack([b], track).map((i) => i.key)).toEqual(expected([b], track));
  });
});
