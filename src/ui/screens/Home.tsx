// Home: today's figures and the way into everything else.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { planLine } from '../../core/readiness.js';
import { trackById } from '../../core/tracks.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';
import { useStudySets } from '../hooks/use-study-sets.js';
import { Para } from '../components/CardText.js';
import { valuesWithoutStory } from '../../core/stories.js';

type Entry = 'today' | 'walkthrough' | 'culture' | 'skills' | 'own' | 'designs' | 'stories' | 'search' | 'decks' | 'readiness' | 'settings' | 'quit';

export function Home() {
  const { ws, clock, revision, menuMemory, notices } = useAppState();
  const actions = useAppActions();
  const sets = useStudySets();
  const settings = ws.settings.get();
  const role = trackById(settings.role);
  const figures = useMemo(
    () => ws.overviewFor(sets.today.decks, clock()),
    // revision changes whenever progress or settings do
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [revision, sets],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const walk = useMemo(() => ws.walkthrough(), [ws, revision, sets]);
  useKeys({ search: () => actions.push({ name: 'search' }), quit: actions.quit });

  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const designs = useMemo(() => ws.designPrompts(clock()), [ws, revision]);
  const designsDue = designs.filter((d) => d.due).length;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever a story is saved
  const stories = useMemo(() => ws.stories.list(), [ws, revision]);
  const valuesMissing = valuesWithoutStory(stories).length;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress or settings do
  const plan = useMemo(() => ws.plan(clock()), [ws, revision]);
  const cultureDue = figures.decks.filter((d) => d.area === 'culture').reduce((n, d) => n + d.due, 0);
  const own = figures.decks.filter((d) => d.area === 'custom');
  const ownDue = own.reduce((n, d) => n + d.due, 0);
  const ownCards = own.reduce((n, d) => n + d.cards, 0);
  const items: MenuItem<Entry>[] = [
    { label: `Today's review (${figures.due} due${figures.ahead > 0 ? `, ${figures.ahead} ahead of the interview` : ''}, ${figures.new} new)`, value: 'today' },
    ...(walk
      ? [
          {
            label: walk.done === walk.sections.length ? `Culture walkthrough (all ${walk.done} sections done)` : `Culture walkthrough (${walk.done} of ${walk.sections.length} sections done)`,
            value: 'walkthrough' as const,
          },
        ]
      : []),
    { label: walk ? `Culture review (${cultureDue} due)` : 'Culture', value: 'culture' },
    { label: `Skills for ${role?.title ?? 'my role'}`, value: 'skills' },
    ...(sets.own.decks.length > 0 ? [{ label: `Your decks (${ownDue} due, ${ownCards} cards)`, value: 'own' as const }] : []),
    ...(designs.length > 0 ? [{ label: `Design mocks (${designsDue} due, ${designs.length} prompt${designs.length === 1 ? '' : 's'})`, value: 'designs' as const }] : []),
    { label: `Story bank (${stories.length} ${stories.length === 1 ? 'story' : 'stories'}, ${valuesMissing} value${valuesMissing === 1 ? '' : 's'} without one)`, value: 'stories' },
    { label: 'Search', value: 'search' },
    { label: 'Decks', value: 'decks' },
    { label: 'Readiness', value: 'readiness' },
    { label: 'Settings', value: 'settings' },
    { label: 'Quit', value: 'quit' },
  ];
  const select = (entry: Entry) => {
    actions.rememberMenu('home', entry);
    switch (entry) {
      case 'today':
      case 'culture':
      case 'skills':
      case 'own':
        actions.push({ name: 'review', title: sets[entry].title, items: sets[entry].queue() });
        return;
      case 'quit':
        actions.quit();
        return;
      default:
        actions.push({ name: entry });
    }
  };
  return (
    <Frame title="Home" commands={['up', 'down', 'select', 'search', 'quit']} footer={hint([['↑↓', 'move'], ['Enter', 'open'], ['/', 'search'], ['q', 'quit']])}>
      <Box flexDirection="column">
        <Text>
          <Text bold>Due today: </Text>
          <Text color={figures.due > 0 ? 'yellow' : 'green'}>{figures.due}</Text>
          <Text bold>{'   New today: '}</Text>
          <Text>{figures.new}</Text>
          <Text dimColor>{`   (${figures.seen} of ${figures.cards} cards seen)`}</Text>
        </Text>
        {plan ? <Text color={plan.status === 'past' ? 'yellow' : 'cyan'}>{planLine(plan)}</Text> : null}
        {ws.library.broken.length > 0 ? (
          <Para color="yellow" text={`! ${ws.library.broken.length} deck file${ws.library.broken.length > 1 ? 's' : ''} could not be loaded; Decks shows why.`} />
        ) : null}
        {notices.map((n, i) => (
          <Para key={i} color="yellow" text={`! ${n}`} />
        ))}
        <Text> </Text>
        <Menu items={items} onSelect={select} initialIndex={Math.max(0, items.findIndex((i) => i.value === menuMemory.home))} />
      </Box>
    </Frame>
  );
}
