// Every screen's chrome: a title bar, a body with a height and width budget, and a footer of key
// hints on the last line. The body can never push the footer off or draw over itself: content
// taller than the budget is clipped with a "more" line and scrolls with PgUp/PgDn (yoga would
// otherwise squash lines onto each other, and ink cannot erase a frame taller than the terminal).
// Help is drawn over the body while the screen stays mounted, so nothing under it is reset.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { trackById } from '../../core/tracks.js';
import { useAppState } from '../app-context.js';
import { helpLines, type Command } from '../keys.js';
import { frameBudget, FRAME_LINES, MEASURE } from '../layout.js';
import { RoomProvider } from './Layout.js';
import { ScrollArea } from './ScrollArea.js';
import { safeText } from '../../core/safe-text.js';

export interface FrameProps {
  title: string;
  /** The commands this screen responds to, for the help overlay. */
  commands: readonly Command[];
  footer: string;
  children: ReactNode;
  /**
   * The widest body this screen wants: prose screens keep the default readable measure (centred
   * on wide terminals); screens with side panels ask for more.
   */
  measure?: number;
  /**
   * The screen lays out its own body to the budget (lists that follow a cursor, panels that
   * scroll on their own). Otherwise the body scrolls as a whole when it does not fit.
   */
  fixed?: boolean;
}

export { FRAME_LINES };

export function bodyHeight(height: number): number {
  return Math.max(1, height - FRAME_LINES);
}

export function Frame({ title, commands, footer, children, measure = MEASURE, fixed = false }: FrameProps) {
  const { width, height, helpOpen, ws } = useAppState();
  const budget = frameBudget(width, height, measure);
  const role = trackById(ws.settings.get().role)?.title ?? '';
  const rule = '─'.repeat(Math.max(1, width));
  const left = `keeper-prep › ${safeText(title)}`;
  const roleShown = role && left.length + role.length + 2 <= width ? role : '';
  const room = { width: budget.width, height: budget.height };
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box justifyContent="space-between" height={1} flexShrink={0}>
        <Text bold wrap="truncate-end">{left}</Text>
        {roleShown ? <Text dimColor>{roleShown}</Text> : null}
      </Box>
      <Text dimColor wrap="truncate-end">{rule}</Text>
      <Box height={budget.height} flexShrink={0} overflow="hidden" paddingLeft={budget.indent} flexDirection="column">
        <RoomProvider room={room}>
          {helpOpen ? <Help commands={commands} height={budget.height} /> : null}
          <Box display={helpOpen ? 'none' : 'flex'} flexDirection="column" width={budget.width} height={budget.height} overflow="hidden">
            {fixed ? (
              children
            ) : (
              <ScrollArea height={budget.height} isActive={!helpOpen}>
                {children}
              </ScrollArea>
            )}
          </Box>
        </RoomProvider>
      </Box>
      <Text dimColor wrap="truncate-end">{rule}</Text>
      <Text wrap="truncate-end" dimColor>
        {helpOpen ? '? or Esc close help' : footer}
      </Text>
    </Box>
  );
}

function Help({ commands, height }: { commands: readonly Command[]; height: number }) {
  const lines = [
    ...helpLines(commands),
    { keys: '?', description: 'show or hide this help' },
    { keys: 'Ctrl+C', description: 'quit at once (every rating is already saved)' },
  ];
  const seen = new Set<string>();
  const unique = lines.filter((l) => (seen.has(l.keys + l.description) ? false : (seen.add(l.keys + l.description), true)));
  const keyWidth = Math.max(...unique.map((l) => l.keys.length));
  return (
    <ScrollArea height={height} overlay>
      <Text bold>Keys on this screen</Text>
      {unique.map((line) => (
        <Text key={line.keys + line.description} wrap="truncate-end">
          <Text color="cyan">{line.keys.padEnd(keyWidth)}</Text>  {line.description}
        </Text>
      ))}
    </ScrollArea>
  );
}
