// Home: today's figures and the way into everything else. The lines above the menu are laid out
// first and never squashed; the menu gets the rest of the room and scrolls in it. From WIDE
// columns a side panel shows the plan, readiness, what is due per deck, designs and stories.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { shouldOfferFit } from '../../core/fit-offer.js';
import { recallOnDay, type GlanceInput } from '../../core/glance.js';
import { isStoryDue, valuesWithoutStory } from '../../core/stories.js';
import { trackById } from '../../core/tracks.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Divider, DIVIDER_WIDTH } from '../components/Divider.js';
import { Frame } from '../components/Frame.js';
import { Glance } from '../components/home/Glance.js';
import { Panel } from '../components/Layout.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { useNoticesShown } from '../hooks/use-notices-shown.js';
import { useStudySets } from '../hooks/use-study-sets.js';
import { hint, useKeys } from '../keys.js';
import { frameBudget, MEASURE, WIDE } from '../layout.js';
import { wrapLines } from '../wrap-lines.js';

type Entry = 'today' | 'optimize' | 'study-now' | 'walkthrough' | 'culture' | 'skills' | 'own' | 'designs' | 'stories' | 'culture-round' | 'search' | 'decks' | 'readiness' | 'settings' | 'quit';

/** Entries the menu keeps in view before notices may take more lines. */
const MIN_MENU_ROWS = 4;

export function Home() {
  const { ws, clock, revision, menuMemory, notices, width, height } = useAppState();
  const actions = useAppActions();
  useNoticesShown();
  const sets = useStudySets();
  const settings = ws.settings.get();
  const role = trackById(settings.role);
  const wide = width >= WIDE;
  // The one daily plan (core/day-plan): the figures and advice Readiness, stats and report say too.
  const day = useMemo(
    () => ws.dayPlan(clock()),
    // revision changes whenever progress or settings do
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [revision, sets],
  );
  const figures = day.figures;
  const plan = day.plan;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const walk = useMemo(() => ws.walkthrough(), [ws, revision, sets]);
  useKeys({ search: () => actions.push({ name: 'search' }), quit: actions.quit });
  // Offered on one visit to Home: held for this visit, and marked at once so the next waits for more reviews.
  const [offerFit] = useState(() => shouldOfferFit({ reviews: ws.progress.progress.reviews, fitOfferedAt: settings.fitOfferedAt, fsrs: settings.fsrs }));
  useEffect(() => {
    if (offerFit) actions.fitOffered();
  }, [offerFit, actions]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const designs = useMemo(() => ws.designPrompts(clock()), [ws, revision]);
  const designsDue = designs.filter((d) => d.due).length;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever a story is saved
  const stories = useMemo(() => ws.stories.list(), [ws, revision]);
  const missing = valuesWithoutStory(stories);
  // Only the side panel shows it; from the records in memory, never the log on disk.
  const recall = useMemo(
    () => (wide ? recallOnDay(sets.today.decks, ws.progress.progress.cards, ws.scheduler(), clock(), ws.interviewAt()) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress or settings do
    [ws, revision, sets, wide],
  );
  const cultureDue = figures.decks.filter((d) => d.area === 'culture').reduce((n, d) => n + d.due, 0);
  const own = figures.decks.filter((d) => d.area === 'custom');
  const ownDue = own.reduce((n, d) => n + d.due, 0);
  const ownCards = own.reduce((n, d) => n + d.cards, 0);
  const ownNew = own.reduce((n, d) => n + d.new, 0);
  const items: MenuItem<Entry>[] = [
    { label: `Today's review (${figures.due} due${figures.ahead > 0 ? `, ${figures.ahead} ahead of the interview` : ''}, ${figures.new} new)`, value: 'today' },
    ...(offerFit ? [{ label: `Tune FSRS to your ${ws.progress.progress.reviews.toLocaleString('en-US')} reviews (new)`, value: 'optimize' as const }] : []),
    { label: 'Study now…', value: 'study-now' },
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
    ...(sets.own.decks.length > 0 ? [{ label: `Your decks (${ownDue} due, ${ownNew} new, ${ownCards} cards)`, value: 'own' as const }] : []),
    ...(designs.length > 0 ? [{ label: `Design mocks (${designsDue} due, ${designs.length} prompt${designs.length === 1 ? '' : 's'})`, value: 'designs' as const }] : []),
    { label: `Story bank (${stories.length} ${stories.length === 1 ? 'story' : 'stories'}, ${missing.length} value${missing.length === 1 ? '' : 's'} without one)`, value: 'stories' },
    { label: 'Culture round (timed behavioural questions)', value: 'culture-round' },
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
        actions.push({ name: 'review', title: sets[entry].title, items: sets[entry].queue(), scope: sets[entry].scope });
        return;
      case 'quit':
        actions.quit();
        return;
      case 'culture-round':
        actions.push({ name: 'culture-round' });
        return;
      default:
        actions.push({ name: entry });
    }
  };

  const room = frameBudget(width, height, wide ? width : MEASURE);
  const dueNew = `Due today: ${figures.due}   New today: ${figures.new}`;
  const seen = `(${figures.seen} of ${figures.cards} cards seen)`;
  const longest = Math.max(dueNew.length + 3 + seen.length, ...items.map((i) => i.label.length + 2));
  const menuWidth = wide ? Math.min(Math.max(40, longest), Math.floor((room.width - DIVIDER_WIDTH) / 2)) : room.width;
  const oneLine = dueNew.length + 3 + seen.length <= menuWidth;
  // On a wide terminal the plan is the side panel's first section.
  const planLines = day.planLine && !wide ? wrapLines(day.planLine, menuWidth) : [];
  const broken = ws.library.broken.length;
  const noticeTexts = [...(broken > 0 ? [`${broken} deck file${broken > 1 ? 's' : ''} could not be loaded; Decks shows why.`] : []), ...notices];
  const above = (oneLine ? 1 : 2) + planLines.length;
  const noticeLines = fitNotices(noticeTexts, menuWidth, Math.max(1, room.height - above - 1 - Math.min(items.length, MIN_MENU_ROWS)));
  const spare = room.height - above - noticeLines.length;
  // A blank line under the figures when the menu can spare it.
  const gap = spare - 1 >= Math.min(items.length, 5) ? 1 : 0;

  const menuColumn = (
    <Box flexDirection="column" width={menuWidth} flexShrink={0}>
      <Box flexDirection="column" flexShrink={0}>
        <Text wrap="truncate-end">
          <Text bold>Due today: </Text>
          <Text color={figures.due > 0 ? 'yellow' : 'green'}>{figures.due}</Text>
          <Text bold>{'   New today: '}</Text>
          <Text>{figures.new}</Text>
          {oneLine ? <Text dimColor>{`   ${seen}`}</Text> : null}
        </Text>
        {oneLine ? null : <Text dimColor wrap="truncate-end">{seen}</Text>}
        {planLines.map((line, i) => (
          <Text key={`plan${i}`} color={plan?.status === 'past' ? 'yellow' : 'cyan'} wrap="truncate-end">
            {line}
          </Text>
        ))}
        {noticeLines.map((line, i) => (
          <Text key={`notice${i}`} color="yellow" wrap="truncate-end">
            {line}
          </Text>
        ))}
        {gap ? <Text> </Text> : null}
      </Box>
      <Menu items={items} rows={Math.max(1, spare - gap)} onSelect={select} initialIndex={Math.max(0, items.findIndex((i) => i.value === menuMemory.home))} />
    </Box>
  );
  const now = clock();
  const glanceInput: GlanceInput | null = recall
    ? {
        now,
        plan,
        advice: day.advice,
        recall,
        decks: figures.decks,
        prompts: designs.map((d) => ({ title: d.card.title ?? d.card.id, due: d.due, dueAt: d.dueAt, forRole: !!settings.role && (d.card.tags ?? []).includes(settings.role) })),
        stories: { count: stories.length, due: stories.filter((s) => isStoryDue(s, ws.progress.progress.cards, now)).length, valuesWithout: missing.map((v) => v.name) },
      }
    : null;
  const footer = hint([['↑↓', 'move'], ['Enter', 'open'], ['/', 'search'], ['q', 'quit']]);
  return (
    <Frame title="Home" commands={['up', 'down', 'select', 'search', 'quit']} footer={footer} measure={wide ? width : MEASURE} fixed>
      {/* One tree at every width: the menu keeps its cursor when a resize adds or drops the panel. */}
      <Box flexDirection="row" height={room.height}>
        {menuColumn}
        {wide && glanceInput ? (
          <>
            <Divider height={room.height} />
            <Panel width={room.width - menuWidth - DIVIDER_WIDTH} height={room.height}>
              <Glance input={glanceInput} />
            </Panel>
          </>
        ) : null}
      </Box>
    </Frame>
  );

}

/**
 * The notices as lines, at most `rows` of them: whole notices while they fit, then one line
 * saying how many more there are (they are for reading once, so a taller terminal shows them).
 */
export function fitNotices(notices: readonly string[], width: number, rows: number): string[] {
  const wrapped = notices.map((n) => wrapLines(`! ${n}`, width, 2));
  if (wrapped.reduce((n, lines) => n + lines.length, 0) <= rows) return wrapped.flat();
  const shown: string[] = [];
  let count = 0;
  for (const lines of wrapped) {
    if (shown.length + lines.length > rows - 1) break;
    shown.push(...lines);
    count++;
  }
  const more = notices.length - count;
  return [...shown, `! ${more}${count > 0 ? ' more' : ''} notice${more === 1 ? '' : 's'}: a taller terminal shows ${more === 1 ? 'it' : 'them'}`];
}
