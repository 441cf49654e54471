// The system-design prompts: the role's (★) first, then due ones, each with when it was last
// tried and how it went. m picks the length the next mock runs at (full, 30, 20 or 10 minutes);
// the choice and the highlighted prompt are kept in the app's menu memory for the next visit.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import wrapAnsi from 'wrap-ansi';
import { formatDate } from '../../core/day.js';
import { mockMinutes, nextMockLength, readMockLength } from '../../core/design-prompts.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { fitFooter } from '../components/footer.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';

const MENU = 'designs';
const LENGTH_MEMORY = 'design-length';

export function DesignList() {
  const { ws, clock, revision, menuMemory, width } = useAppState();
  const actions = useAppActions();
  // revision changes whenever progress does, and so whenever an attempt is saved
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const prompts = useMemo(() => ws.designPrompts(clock()), [ws, revision]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const drafts = useMemo(() => new Set(ws.attempts.draftKeys()), [ws, revision]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const history = useMemo(() => ws.attempts.history(), [ws, revision]);
  const [cursor, setCursor] = useState(() => prompts.find((p) => p.key === menuMemory[MENU])?.key ?? prompts[0]?.key ?? '');
  const length = readMockLength(menuMemory[LENGTH_MEMORY]);
  const highlighted = prompts.find((p) => p.key === cursor);
  const start = (key: string) => {
    const prompt = prompts.find((p) => p.key === key);
    if (!prompt) return;
    actions.rememberMenu(MENU, key);
    actions.push({ name: 'mock', key, minutes: mockMinutes(length, prompt.card.minutes) });
  };
  useKeys({
    history: () => {
      if (!cursor) return;
      actions.rememberMenu(MENU, cursor);
      actions.push({ name: 'design-history', key: cursor });
    },
    mockLength: () => actions.rememberMenu(LENGTH_MEMORY, nextMockLength(length)),
    back: actions.pop,
  });

  if (prompts.length === 0) {
    return (
      <Frame title="Design mocks" commands={['back']} footer={hint([['Esc', 'back']])}>
        <Text>No design prompts are loaded.</Text>
      </Frame>
    );
  }
  const due = prompts.filter((p) => p.due).length;
  const lengths = [...new Set(prompts.map((p) => p.card.minutes))].sort((a, b) => a - b);
  const full = lengths.length === 1 ? `${lengths[0]} minutes` : `${lengths[0]}-${lengths[lengths.length - 1]} minutes`;
  // Says the length the next mock runs at, as the footer does, so the two never disagree.
  const runs = length === 'full' ? `Mocks run at full length (${full}); m picks 30, 20 or 10` : `Mocks run ${length} minutes (full: ${full}); m changes it`;
  const intro = `${prompts.length} prompt${prompts.length === 1 ? '' : 's'}, ${due} due. ★ suits your role. ${runs}.`;
  const items = prompts.map((p) => {
    const mine = history.filter((a) => a.key === p.key);
    const last = mine[mine.length - 1];
    return {
      value: p.key,
      title: `${p.forRole ? '★ ' : '  '}${p.card.title ?? p.card.id}`,
      status: drafts.has(p.key) ? 'unfinished' : p.due ? 'due' : last ? `last ${formatDate(last.finishedAt)}` : 'new',
    };
  });
  const fullMinutes = highlighted?.card.minutes ?? lengths[0] ?? 0;
  const runMinutes = mockMinutes(length, fullMinutes) ?? fullMinutes;
  const footer = fitFooter(width, [], [['Enter', `start ${runMinutes} min${length === 'full' ? ' (full)' : ''}`], ['m', 'length'], ['h', 'history'], ['Esc', 'back']]);
  return (
    <Frame title="Design mocks" commands={['up', 'down', 'pageUp', 'pageDown', 'select', 'mockLength', 'history', 'back']} footer={footer} fixed>
      <PromptList intro={intro} items={items} initial={cursor} onSelect={start} onHighlight={setCursor} />
    </Frame>
  );
}

/** The intro, then as many prompts as the room has lines for, the status in a column on the right. */
function PromptList({ intro, items, initial, onSelect, onHighlight }: { intro: string; items: { value: string; title: string; status: string }[]; initial: string; onSelect: (key: string) => void; onHighlight: (key: string) => void }) {
  const room = useRoom();
  const introLines = wrapAnsi(intro, Math.max(10, room.width), { hard: true, trim: true }).split('\n').length;
  const gap = room.height - introLines >= 8;
  const statusWidth = Math.max(...items.map((i) => i.status.length));
  // The menu's "› " takes two columns; two more keep the status off the title.
  const titleWidth = Math.max(8, room.width - 2 - 2 - statusWidth);
  const menuItems = items.map(({ value, title, status }) => ({
    value,
    label: `${title.length > titleWidth ? `${title.slice(0, titleWidth - 1)}…` : title.padEnd(titleWidth)}  ${status}`,
  }));
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" flexShrink={0}>
        <Para dim text={intro} />
        {gap ? <Text> </Text> : null}
      </Box>
      <Menu items={menuItems} rows={Math.max(1, room.height - introLines - (gap ? 1 : 0))} initialIndex={Math.max(0, items.findIndex((i) => i.value === initial))} onSelect={onSelect} onHighlight={onHighlight} />
    </Box>
  );
}
