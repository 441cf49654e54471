// Every screen's chrome: a title bar, a body of fixed height, and a footer of key hints. When
// help is open, the body shows the screen's keys instead.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { trackById } from '../../core/tracks.js';
import { useAppState } from '../app-context.js';
import { helpLines, type Command } from '../keys.js';

export interface FrameProps {
  title: string;
  /** The commands this screen responds to, for the help overlay. */
  commands: readonly Command[];
  footer: string;
  children: ReactNode;
}

/** Lines the frame itself takes: title, two rules, footer. */
export const FRAME_LINES = 4;

export function bodyHeight(height: number): number {
  return Math.max(3, height - FRAME_LINES);
}

export function Frame({ title, commands, footer, children }: FrameProps) {
  const { width, height, helpOpen, ws } = useAppState();
  const role = trackById(ws.settings.get().role)?.title ?? '';
  const rule = '─'.repeat(Math.max(1, width));
  const body = bodyHeight(height);
  const left = `keeper-prep › ${title}`;
  const roleShown = role && left.length + role.length + 2 <= width ? role : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box justifyContent="space-between">
        <Text bold wrap="truncate-end">{left}</Text>
        {roleShown ? <Text dimColor>{roleShown}</Text> : null}
      </Box>
      <Text dimColor>{rule}</Text>
      <Box flexDirection="column" height={body} overflow="hidden">
        {helpOpen ? <Help commands={commands} /> : children}
      </Box>
      <Text dimColor>{rule}</Text>
      <Text wrap="truncate-end" dimColor>
        {helpOpen ? '? or Esc close help' : footer}
      </Text>
    </Box>
  );
}

function Help({ commands }: { commands: readonly Command[] }) {
  const lines = [
    ...helpLines(commands),
    { keys: '?', description: 'show or hide this help' },
    { keys: 'Ctrl+C', description: 'quit at once (every rating is already saved)' },
  ];
  const seen = new Set<string>();
  const unique = lines.filter((l) => (seen.has(l.keys + l.description) ? false : (seen.add(l.keys + l.description), true)));
  const keyWidth = Math.max(...unique.map((l) => l.keys.length));
  return (
    <Box flexDirection="column">
      <Text bold>Keys on this screen</Text>
      {unique.map((line) => (
        <Text key={line.keys + line.description} wrap="truncate-end">
          <Text color="cyan">{line.keys.padEnd(keyWidth)}</Text>  {line.description}
        </Text>
      ))}
    </Box>
  );
}
