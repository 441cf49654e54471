// What to do when a session has nothing (more) to show: learn more new cards from the same
// cards, practise the weakest of them, or come back when the next one is due, at a named time.
// Never a dead end: each offer is a key that opens Study now on those cards.
import { Box, Text } from 'ink';
import { useMemo, type ReactNode } from 'react';
import { DEFAULT_EXTRA_NEW, type StudyScope } from '../../../core/custom-study.js';
import { useAppActions, useAppState } from '../../app-context.js';
import { useKeys, type Command } from '../../keys.js';
import { Para } from '../CardText.js';
import type { KeyHint } from '../footer.js';
import { figuresOf } from './choices.js';
import { whenDue } from './modes.js';

export interface NextSteps {
  body: ReactNode;
  keys: KeyHint[];
  commands: Command[];
}

/**
 * scope: the cards the session came from; without one (a set of several decks) the offers open
 * Study now to pick the cards first. active: the offers are on screen, so their keys work.
 */
export function useNextSteps(scope: StudyScope | undefined, active: boolean): NextSteps {
  const { ws, clock, revision } = useAppState();
  const actions = useAppActions();
  const now = clock();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const figures = useMemo(() => (scope && active ? figuresOf(ws, scope, now) : null), [ws, scope, active, revision]);
  // Culture's cards are first taught by the walkthrough, section by section: that is where to go.
  const walk = useMemo(() => {
    const w = ws.walkthrough();
    return w && scope?.kind === 'deck' && scope.deckId === w.deckId && w.done < w.sections.length ? w : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  }, [ws, scope, revision]);
  const canLearn = !walk && (!figures || figures.unseen > 0);
  const canPractise = !figures || figures.cards > 0;
  useKeys(
    {
      ...(walk ? { openWalkthrough: () => actions.push({ name: 'walkthrough' }) } : {}),
      ...(canLearn ? { learnMore: () => actions.push({ name: 'study-now', scope, mode: 'new' }) } : {}),
      ...(canPractise ? { practiseWeakest: () => actions.push({ name: 'study-now', scope, mode: 'practice' }) } : {}),
    },
    { isActive: active },
  );
  const from = scope && scope.kind !== 'all' ? ` from ${ws.scopeTitle(scope)}` : '';
  const lines: string[] = [];
  if (walk) lines.push(`w  Culture cards come in through the walkthrough: open it (${walk.done} of ${walk.sections.length} sections done)`);
  if (canLearn) lines.push(figures ? `n  Learn ${Math.min(DEFAULT_EXTRA_NEW, figures.unseen)} more new cards${from} (${figures.unseen} unseen)` : 'n  Learn more new cards: pick a deck, a skill or a tag');
  // With nothing seen there is no weakest: practice then previews the cards, still off the schedule.
  if (canPractise) lines.push(figures?.seen === 0 ? `p  Practise ${from ? `the cards${from}` : 'them'} off your schedule (none seen yet)` : `p  Practise the weakest${from || ' cards'}, off your schedule`);
  if (figures?.nextDueAt != null) lines.push(`Or come back later: next card due ${whenDue(figures.nextDueAt, now)}.`);
  else if (figures && !canLearn && figures.due === 0) lines.push('Every card here is seen, and none is due again yet.');
  const body = (
    <Box flexDirection="column">
      <Text bold>What next?</Text>
      {lines.map((line) => (
        <Para key={line} text={line} />
      ))}
    </Box>
  );
  return {
    body,
    keys: [...(walk ? [['w', 'walkthrough'] as const] : []), ...(canLearn ? [['n', 'learn new'] as const] : []), ...(canPractise ? [['p', 'practise'] as const] : [])],
    commands: [...(walk ? (['openWalkthrough'] as const) : []), ...(canLearn ? (['learnMore'] as const) : []), ...(canPractise ? (['practiseWeakest'] as const) : [])],
  };
}
