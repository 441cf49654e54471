// The one line left on the shell's screen after the app closes.
import type { Workspace } from '../store/workspace.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function exitLine(ws: Workspace, rated: number, now: number): string {
  const tomorrow = ws.overviewFor(ws.studyDecks(), now + DAY_MS).due;
  const done = rated > 0 ? `Reviewed ${rated} card${rated === 1 ? '' : 's'}` : 'No cards reviewed';
  return `${done}; ${tomorrow} due tomorrow. Progress is saved.`;
}
