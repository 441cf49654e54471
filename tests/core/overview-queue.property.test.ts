// Home's and `stats`' counts (core/overview.ts) and the day's new-card room (core/day-plan.ts) are
// worked out per deck from the day's tallies, without building the queue or walking the items:
// they must be what today's queue holds and what the items' first ratings today leave, whatever
// the decks, the records, the grants, the limits left and the days before the interview.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck.js';
import { dayLimits, type DayPlanInput } from '../../src/core/day-plan.js';
import { overview, todaysQueue } from '../../src/core/overview.js';
import type { CardRecord } from '../../src/core/progress.js';
import { roomLeft, studyItems, studyItemsForTrack } from '../../src/core/queue.js';
import { startOfDay } from '../../src/core/day.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import { trackById } from '../../src/core/tracks.js';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 20, 15, 0, 0).getTime();
const scheduler = createScheduler({ retention: 0.9 });

const deckShape = fc.record({
  size: fc.nat(12),
  guided: fc.boolean(),
  own: fc.boolean(),
  skill: fc.constantFrom('java', 'python', 'distributed-systems', 'ab-testing'),
});
// Per card: unseen, or seen with one or two ratings some days ago (due today or not), maybe first rated today.
const cardShape = fc.option(fc.record({ daysAgo: fc.integer({ min: 0, max: 40 }), ratings: fc.array(fc.constantFrom<Rating>(1, 2, 3, 4), { minLength: 1, maxLength: 3 }) }), { nil: undefined });

function deckOf(index: number, shape: { size: number; guided: boolean; own: boolean; skill: string }): Deck {
  const id = shape.own ? `own-${index}` : shape.guided ? `culture-${index}` : shape.skill + (index > 0 ? `-${index}` : '');
  return {
    id,
    title: id,
    area: shape.guided ? 'culture' : 'skills',
    version: 1,
    ...(shape.guided ? { sections: [{ name: 's', intro: 'i' }] } : {}),
    cards: Array.from({ length: shape.size }, (_, i) => ({ id: `c${i}`, type: 'flashcard' as const, front: 'f', back: 'b', ...(shape.guided ? { section: 's' } : {}) })),
  } as Deck;
}

describe("the day's counts", () => {
  it('are the counts of the queue itself', () => {
    fc.assert(
      fc.property(
        fc.array(deckShape, { minLength: 1, maxLength: 4 }),
        fc.array(cardShape, { minLength: 48, maxLength: 48 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
        fc.array(fc.nat(47), { maxLength: 6 }),
        (shapes, cards, newPerDay, ownNewPerDay, interviewInDays, grantedAt) => {
          const decks = shapes.map((shape, i) => deckOf(i, shape));
          const records = new Map<string, CardRecord>();
          let n = 0;
          for (const deck of decks) {
            for (const card of deck.cards) {
              const history = cards[n++ % cards.length];
              if (!history) continue;
              let at = NOW - history.daysAgo * DAY - 3_600_000;
              let state = undefined;
              for (const rating of history.ratings) {
                state = scheduler.next(state, at, rating);
                at += Math.max(1, history.daysAgo / history.ratings.length) * 3_600_000;
              }
              records.set(`${deck.id}/${card.id}`, { state: state!, firstReview: NOW - history.daysAgo * DAY - 3_600_000 });
            }
          }
          const track = trackById('software-engineer');
          const keys = decks.flatMap((d) => d.cards.map((c) => `${d.id}/${c.id}`));
          const granted = new Set(grantedAt.flatMap((i) => (i < keys.length ? [keys[i]!] : [])));
          const input: DayPlanInput = {
            decks,
            ownDecks: decks.filter((d) => d.id.startsWith('own-')),
            records,
            scheduler,
            now: NOW,
            interviewAt: interviewInDays === null ? null : NOW + interviewInDays * DAY,
            retention: 0.9,
            newPerDay,
            ownNewPerDay,
            track,
            granted,
          };
          const day = dayLimits(input);
          // The room left, card by card: every study item first rated today uses up its deck's limit, unless granted.
          const counted = [...decks.filter((d) => !d.id.startsWith('own-')), ...input.ownDecks];
          const used = studyItems(counted).map((item) => {
            const record = records.get(item.key);
            return [item.deckId, record && record.firstReview >= startOfDay(NOW) && !granted.has(item.key) ? 1 : 0] as const;
          });
          expect(day.room).toEqual(roomLeft(used, day.limits));
          const options = { room: day.room, scheduler, track, ahead: day.ahead };
          const queue = todaysQueue(studyItemsForTrack(decks, track), records, NOW, options);
          // With the day's tallies, as Home and `stats` ask, and without them.
          for (const figures of [overview(decks, records, NOW, { ...options, tallies: day.tallies }), overview(decks, records, NOW, options)]) {
            expect({ due: figures.due, ahead: figures.ahead, new: figures.new }).toEqual({ due: queue.due.length, ahead: queue.ahead.length, new: queue.fresh.length });
            expect(figures.cards).toBe(decks.reduce((sum, d) => sum + d.cards.length, 0));
            for (const deck of figures.decks) expect(deck.due).toBe(queue.due.filter((item) => item.deckId === deck.id).length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
