// The system-design prompts: due ones first, each with when it was last tried and how it went.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import wrapAnsi from 'wrap-ansi';
import { formatDate } from '../../core/day.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';

export function DesignList() {
  const { ws, clock, revision } = useAppState();
  const actions = useAppActions();
  const role = ws.settings.get().role;
  // revision changes whenever progress does, and so whenever an attempt is saved
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const prompts = useMemo(() => ws.designPrompts(clock()), [ws, revision]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const drafts = useMemo(() => new Set(ws.attempts.draftKeys()), [ws, revision]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const history = useMemo(() => ws.attempts.history(), [ws, revision]);
  const [cursor, setCursor] = useState(prompts[0]?.key ?? '');
  useKeys({ history: () => (cursor ? actions.push({ name: 'design-history', key: cursor }) : undefined), back: actions.pop });

  if (prompts.length === 0) {
    return (
      <Frame title="Design mocks" commands={['back']} footer={hint([['Esc', 'back']])}>
        <Text>No design prompts are loaded.</Text>
      </Frame>
    );
  }
  const due = prompts.filter((p) => p.due).length;
  const lengths = [...new Set(prompts.map((p) => p.card.minutes))].sort((a, b) => a - b);
  const runs = lengths.length === 1 ? `Each runs ${lengths[0]} minutes` : `They run ${lengths[0]}-${lengths[lengths.length - 1]} minutes`;
  const intro = `${prompts.length} prompt${prompts.length === 1 ? '' : 's'}, ${due} due. ★ suits your role. ${runs}; \`keeper-prep design ID --minutes 10\` runs a short one.`;
  const items = prompts.map((p) => {
    const mine = history.filter((a) => a.key === p.key);
    const last = mine[mine.length - 1];
    return {
      value: p.key,
      title: `${role && (p.card.tags ?? []).includes(role) ? '★ ' : '  '}${p.card.title ?? p.card.id}`,
      status: drafts.has(p.key) ? 'unfinished' : p.due ? 'due' : last ? `last ${formatDate(last.finishedAt)}` : 'new',
    };
  });
  return (
    <Frame title="Design mocks" commands={['up', 'down', 'pageUp', 'pageDown', 'select', 'history', 'back']} footer={hint([['Enter', 'start'], ['h', 'history'], ['Esc', 'back']])} fixed>
      <PromptList intro={intro} items={items} onHighlight={setCursor} />
    </Frame>
  );
}

/** The intro, then as many prompts as the room has lines for, the status in a column on the right. */
function PromptList({ intro, items, onHighlight }: { intro: string; items: { value: string; title: string; status: string }[]; onHighlight: (key: string) => void }) {
  const actions = useAppActions();
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
      <Menu items={menuItems} rows={Math.max(1, room.height - introLines - (gap ? 1 : 0))} onSelect={(key) => actions.push({ name: 'mock', key })} onHighlight={onHighlight} />
    </Box>
  );
}
