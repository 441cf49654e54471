// The story bank: the user's STAR stories with the values each shows and when it is next
// rehearsed, which of the eight values still lack a story, and the way into writing, editing,
// deleting and rehearsing them.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { cultureValue } from '../../core/culture-values.js';
import { formatDate } from '../../core/day.js';
import { formatInterval } from '../../core/scheduler.js';
import { behaviouralQuestions } from '../../core/story-questions.js';
import { dueStories, isStoryDue, storyItem, storyKey, storyValueNames, valuesWithoutStory, type Story } from '../../core/stories.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { Divider, DIVIDER_WIDTH } from '../components/Divider.js';
import { Frame } from '../components/Frame.js';
import { Panel } from '../components/Layout.js';
import { Menu } from '../components/Menu.js';
import { StoryPreview } from '../components/stories/StoryPreview.js';
import { hint, useKeys } from '../keys.js';
import { frameBudget, MEASURE, WIDE } from '../layout.js';
import { fitFooter, wrapLines } from '../wrap-lines.js';
import { safeText } from '../../core/safe-text.js';

const MENU = 'stories';
/** Room for up to three four-letter values and a "+N". */
const VALUES_WIDTH = 17;
const STATUS_WIDTH = 8;
/** Past this a title is cut in the list: the side panel (or the editor) shows it whole. */
const TITLE_CAP = 48;

function fit(text: string, room: number): string {
  return text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text.padEnd(room);
}

function shortValues(story: Story): string {
  const shorts = story.values.flatMap((id) => cultureValue(id)?.short ?? []);
  return shorts.length > 3 ? `${shorts.slice(0, 3).join(' ')} +${shorts.length - 3}` : shorts.join(' ');
}

export function StoryBank() {
  const { ws, clock, revision, width, height, menuMemory } = useAppState();
  const actions = useAppActions();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever a story or a rating is saved
  const stories = useMemo(() => ws.stories.list(), [ws, revision]);
  const [cursor, setCursor] = useState(() => stories.find((s) => s.id === menuMemory[MENU])?.id ?? stories[0]?.id ?? '');
  const [confirming, setConfirming] = useState(false);
  const now = clock();
  const records = ws.progress.progress.cards;
  const highlighted = stories.find((s) => s.id === cursor) ?? stories[0];

  const rehearse = () => {
    if (stories.length === 0) return;
    const due = dueStories(stories, records, now);
    const questions = behaviouralQuestions(ws.decks());
    const items = (due.length > 0 ? due : stories).map((s) => storyItem(s, questions, records.get(storyKey(s.id))?.state.reps ?? 0));
    actions.push({ name: 'review', title: 'Story rehearsal', items });
  };
  const open = (id?: string) => {
    if (id) actions.rememberMenu(MENU, id);
    actions.push({ name: 'story-edit', id });
  };
  useKeys(
    {
      storyNew: () => open(),
      storyRehearse: rehearse,
      storyDelete: () => (highlighted ? setConfirming(true) : undefined),
      back: actions.pop,
    },
    { isActive: !confirming },
  );
  useKeys(
    {
      confirmYes: () => {
        if (highlighted) actions.removeStory(highlighted.id);
        setConfirming(false);
        const next = stories.find((s) => s.id !== highlighted?.id);
        setCursor(next?.id ?? '');
      },
      confirmNo: () => setConfirming(false),
    },
    { isActive: confirming },
  );

  const missing = valuesWithoutStory(stories);
  const missingLine = missing.length === 0 ? 'Every value has a story.' : `Values without a story: ${missing.map((v) => v.name).join(', ')}`;

  if (stories.length === 0) {
    return (
      <Frame title="Story bank" commands={['storyNew', 'pageDown', 'pageUp', 'back']} footer={hint([['n', 'new story'], ['Esc', 'back']])}>
        <Para text="A STAR story is one real example from your work: the Situation, your Task, the Action you took and the Result." />
        <Para text="Interviewers ask for them to see the culture values in action; tag each story with the values it shows." />
        <Text> </Text>
        <Para color="yellow" text={missingLine} />
        <Text> </Text>
        <Text bold>n to write your first.</Text>
      </Frame>
    );
  }

  const dueCount = stories.filter((s) => isStoryDue(s, records, now)).length;
  const wide = width >= WIDE;
  const room = frameBudget(width, height, wide ? width : MEASURE);
  const rowWidth = (titleRoom: number) => 2 + titleRoom + 1 + VALUES_WIDTH + 1 + STATUS_WIDTH;
  const longestTitle = Math.min(TITLE_CAP, Math.max(...stories.map((s) => s.title.length)));
  // Wide: the list as wide as its rows need (half the room at most), the story beside it.
  const listWidth = wide ? Math.min(Math.floor((room.width - DIVIDER_WIDTH) / 2), rowWidth(Math.max(20, longestTitle))) : room.width;
  const titleRoom = Math.max(8, listWidth - rowWidth(0));
  const items = stories.map((story) => {
    const record = records.get(storyKey(story.id));
    const status = isStoryDue(story, records, now) ? 'due' : `in ${formatInterval(now, record!.state.due)}`;
    return { label: `${fit(story.title, titleRoom)} ${fit(shortValues(story), VALUES_WIDTH)} ${status}`, value: story.id };
  });
  const missingLines = wrapLines(missingLine, listWidth);
  const countsLine = `${stories.length} ${stories.length === 1 ? 'story' : 'stories'}, ${dueCount} due to rehearse · r rehearses ${dueCount > 0 ? 'the due ones' : 'them all'}`;
  // The values line, the counts, a blank, and two lines under the list for the highlighted story.
  const listHeight = Math.max(2, room.height - missingLines.length - 4);
  const names = highlighted ? storyValueNames(highlighted) : [];
  const record = highlighted ? records.get(storyKey(highlighted.id)) : undefined;
  const detail = highlighted
    ? `${names.length > 0 ? `Shows ${names.join(', ')}` : 'No values tagged'} · ${record ? `next rehearsal ${formatDate(record.state.due)}` : 'never rehearsed'}`
    : '';
  const footer = confirming
    ? hint([['y', 'delete'], ['n Esc', 'keep']])
    : fitFooter(room.width, hint([['Enter', 'edit'], ['n', 'new'], ['r', 'rehearse'], ['d', 'delete'], ['Esc', 'back']]), hint([['Enter', 'edit'], ['n', 'new'], ['r', 'rehearse'], ['d', 'del']]));
  const list = (
    <Box flexDirection="column" width={listWidth} flexShrink={0}>
      <Box flexDirection="column" flexShrink={0}>
        {missingLines.map((line, i) => (
          <Text key={i} color={missing.length === 0 ? 'green' : 'yellow'} wrap="truncate-end">
            {line}
          </Text>
        ))}
        <Text dimColor wrap="truncate-end">{countsLine}</Text>
        <Text> </Text>
      </Box>
      <Menu
        items={items}
        rows={listHeight}
        initialIndex={Math.max(0, stories.findIndex((s) => s.id === cursor))}
        onSelect={(id) => open(id)}
        onHighlight={setCursor}
        isActive={!confirming}
      />
      <Box flexDirection="column" flexShrink={0}>
        {confirming && highlighted ? (
          <>
            <Text color="yellow" bold wrap="truncate-end">{`Delete "${safeText(highlighted.title)}"?`}</Text>
            <Text color="yellow" wrap="truncate-end">y deletes · n keeps it (its rehearsals stay in your history)</Text>
          </>
        ) : wide ? null : (
          <>
            <Text> </Text>
            <Text dimColor wrap="truncate-end">{detail}</Text>
          </>
        )}
      </Box>
    </Box>
  );
  return (
    <Frame
      title="Story bank"
      commands={confirming ? ['confirmYes', 'confirmNo'] : ['up', 'down', 'select', 'storyNew', 'storyRehearse', 'storyDelete', 'back']}
      footer={footer}
      measure={wide ? width : MEASURE}
      fixed
    >
      {wide && highlighted ? (
        <Box flexDirection="row" height={room.height}>
          {list}
          <Divider height={room.height} />
          <Panel width={room.width - listWidth - DIVIDER_WIDTH} height={room.height}>
            <StoryPreview story={highlighted} nextRehearsal={record ? record.state.due : null} />
          </Panel>
        </Box>
      ) : (
        list
      )}
    </Frame>
  );
}
