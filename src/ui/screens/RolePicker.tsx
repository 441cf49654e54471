// First run (and Settings): which role the candidate is preparing for.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { TRACKS, trackById } from '../../core/tracks.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';
import { Para } from '../components/CardText.js';

export function RolePicker({ firstRun }: { firstRun: boolean }) {
  const { ws } = useAppState();
  const actions = useAppActions();
  const current = ws.settings.get().role;
  const [highlighted, setHighlighted] = useState(current ?? TRACKS[0]!.id);
  useKeys(firstRun ? { quit: actions.quit } : { back: actions.pop });
  const choose = (id: string) => {
    actions.updateSettings({ role: id });
    if (firstRun) actions.reset({ name: 'home' });
    else actions.pop();
  };
  return (
    <Frame title={firstRun ? 'Welcome' : 'Role'} commands={['up', 'down', 'select', firstRun ? 'quit' : 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'choose'], ['q', firstRun ? 'quit' : 'back']])}>
      <Box flexDirection="column">
        <Para text={firstRun ? 'Which role are you interviewing for? Your Skills decks follow it; you can change it in Settings.' : 'Choose the role you are interviewing for.'} />
        <Text> </Text>
        <Menu
          items={TRACKS.map((t) => ({ label: t.title + (t.id === current ? ' (current)' : ''), value: t.id }))}
          initialIndex={Math.max(0, TRACKS.findIndex((t) => t.id === current))}
          onSelect={choose}
          onHighlight={setHighlighted}
        />
        <Text> </Text>
        <Text dimColor wrap="wrap">{`Family: ${trackById(highlighted)?.family ?? ''}`}</Text>
      </Box>
    </Frame>
  );
}
