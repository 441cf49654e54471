// The study sets Home offers, each a list of decks and a way to build today's queue for it.
import { useMemo } from 'react';
import type { Deck } from '../../core/deck.js';
import type { StudyItem } from '../../core/queue.js';
import type { StudyScope } from '../../core/custom-study.js';
import { trackById } from '../../core/tracks.js';
import { useAppState } from '../app-context.js';

export interface StudySet {
  title: string;
  decks: Deck[];
  queue(limit?: number): StudyItem[];
  /** The same cards as a Study now scope, when there is one (a set of several decks has none). */
  scope?: StudyScope | undefined;
}

export function useStudySets(): Record<'today' | 'culture' | 'skills' | 'own', StudySet> {
  const { ws, clock, revision } = useAppState();
  return useMemo(() => {
    const settings = ws.settings.get();
    const mine = ws.studyDecks();
    const make = (title: string, decks: Deck[], scope: StudyScope | undefined = decks.length === 1 ? { kind: 'deck', deckId: decks[0]!.id } : undefined): StudySet => ({
      title,
      decks,
      queue: (limit) => ws.queueFor(decks, clock(), limit),
      scope,
    });
    return {
      today: make("Today's review", mine, { kind: 'all' }),
      culture: make('Culture', mine.filter((d) => d.area === 'culture')),
      skills: make(`Skills · ${trackById(settings.role)?.title ?? 'all roles'}`, mine.filter((d) => d.area === 'skills')),
      // Decks the user wrote or imported: built-in decks name an area other than custom.
      own: make('Your decks', mine.filter((d) => d.area === 'custom')),
    };
    // revision: settings (the role) may have changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ws, clock, revision]);
}
