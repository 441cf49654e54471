// The room a piece of a screen may draw in. The frame provides its body's budget; a side panel
// narrows it for what is inside, so wrapped text (Para, CardText) fits the panel, not the terminal.
import { Box } from 'ink';
import { createContext, useContext, type ReactNode } from 'react';
import { useAppState } from '../app-context.js';
import { frameBudget } from '../layout.js';

export interface Room {
  width: number;
  height: number;
}

const RoomContext = createContext<Room | null>(null);

export function RoomProvider({ room, children }: { room: Room; children: ReactNode }) {
  return <RoomContext.Provider value={room}>{children}</RoomContext.Provider>;
}

/** The width and height this component may use. */
export function useRoom(): Room {
  const room = useContext(RoomContext);
  const { width, height } = useAppState();
  return room ?? frameBudget(width, height);
}

/** A column of fixed width (and optionally height) whose contents wrap to it. */
export function Panel({ width, height, children }: { width: number; height?: number | undefined; children: ReactNode }) {
  const outer = useRoom();
  const room = { width, height: height ?? outer.height };
  return (
    <Box flexDirection="column" width={width} flexShrink={0} {...(height !== undefined ? { height, overflow: 'hidden' as const } : {})}>
      <RoomProvider room={room}>{children}</RoomProvider>
    </Box>
  );
}
