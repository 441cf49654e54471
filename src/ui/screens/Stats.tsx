// Totals and per-deck figures for the decks of the chosen role.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { mixLabel } from '../../core/overview.js';
import { useAppActions, useAppState } from '../app-context.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { useStudySets } from '../hooks/use-study-sets.js';
import { hint, useKeys } from '../keys.js';

export function Stats() {
  const { ws, clock, height, width, revision } = useAppState();
  const actions = useAppActions();
  const sets = useStudySets();
  const settings = ws.settings.get();
  const figures = useMemo(
    () => ws.overviewFor(sets.today.decks, clock()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [revision, sets],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const walk = useMemo(() => ws.walkthrough(), [ws, revision]);
  useKeys({ search: () => actions.push({ name: 'search' }), back: actions.pop });
  const nameWidth = Math.max(10, Math.min(28, width - 41));
  return (
    <Frame title="Stats" commands={['pageDown', 'pageUp', 'up', 'down', 'search', 'back']} footer={hint([['j/k', 'scroll'], ['Esc', 'back']])}>
      <ScrollArea height={bodyHeight(height)} lineKeys>
        <Box flexDirection="column">
          <Text>{`Reviews stored: ${ws.progress.progress.reviews}`}</Text>
          <Text>{`Cards: ${figures.cards} · seen ${figures.seen} · due today ${figures.due} · new today ${figures.new}`}</Text>
          <Text dimColor>{`New cards per day: ${settings.newPerDay} (${figures.newSeenToday} introduced today)`}</Text>
          {walk ? <Text>{`Culture walkthrough: ${walk.done} of ${walk.sections.length} sections done`}</Text> : null}
          <Text> </Text>
          <Text bold>{`${'Deck'.padEnd(nameWidth)} ${'cards'.padStart(5)} ${'seen'.padStart(5)} ${'due'.padStart(5)} ${'new'.padStart(5)} ${'mix'.padStart(6)}`}</Text>
          {figures.decks.map((d) => (
            <Text key={d.id}>{`${fit(d.title, nameWidth)} ${String(d.cards).padStart(5)} ${String(d.seen).padStart(5)} ${String(d.due).padStart(5)} ${String(d.new).padStart(5)} ${mixLabel(d).padStart(6)}`}</Text>
          ))}
          {figures.decks.length > 1 ? (
            <>
              <Text> </Text>
              <Text dimColor>{`A deck's "new" is what studying it alone would bring in today; the ${settings.newPerDay} a day are shared.`}</Text>
              <Text dimColor>mix: each skill's share of new cards for your role. Culture cards come through the walkthrough.</Text>
            </>
          ) : null}
        </Box>
      </ScrollArea>
    </Frame>
  );
}

/** A name cut to a column, with an ellipsis when it had to be cut. */
function fit(name: string, width: number): string {
  return (name.length > width ? `${name.slice(0, width - 1)}…` : name).padEnd(width);
}
