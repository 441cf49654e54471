// The system-design prompts: due ones first, each with when it was last tried and how it went.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { formatDate } from '../../core/day.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';

export function DesignList() {
  const { ws, clock, revision, width, height } = useAppState();
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
  const items = prompts.map((p) => {
    const mine = history.filter((a) => a.key === p.key);
    const last = mine[mine.length - 1];
    const forRole = !!role && (p.card.tags ?? []).includes(role);
    const status = drafts.has(p.key) ? 'unfinished' : p.due ? 'due' : last ? `last ${formatDate(last.finishedAt)}` : 'new';
    const label = `${forRole ? '★ ' : '  '}${p.card.title ?? p.card.id}`;
    const room = Math.max(10, width - 4 - status.length - 2);
    return { label: `${label.length > room ? `${label.slice(0, room - 1)}…` : label.padEnd(room)}  ${status}`, value: p.key };
  });
  return (
    <Frame title="Design mocks" commands={['up', 'down', 'select', 'history', 'back']} footer={hint([['Enter', 'start'], ['h', 'history'], ['Esc', 'back']])}>
      <Box flexDirection="column">
        <Para dim text={`${prompts.length} prompts, ${due} due. ★ suits your role. Each runs ${prompts[0]!.card.minutes} minutes; \`keeper-prep design ID --minutes 10\` runs a short one.`} />
        <Text> </Text>
        <Menu items={items} rows={Math.max(3, bodyHeight(height) - 4)} onSelect={(key) => actions.push({ name: 'mock', key })} onHighlight={setCursor} />
      </Box>
    </Frame>
  );
}
