import { render } from 'ink';
import type { Screen } from './app-context.js';
import type { Workspace } from '../store/workspace.js';
import { App } from './App.js';
import { todaysQueue } from '../core/overview.js';
import { studyItems } from '../core/queue.js';
import { deckInTrack } from '../core/tracks.js';

export interface RunOptions {
  /** `keeper-prep study`: open straight into a session. */
  study: { limit?: number } | null;
}

export async function runApp(ws: Workspace, options: RunOptions): Promise<void> {
  const clock = () => Date.now();
  const initial: Screen[] = [];
  if (options.study) {
    const settings = ws.settings.get();
    const decks = ws.selected ? ws.decks() : ws.decks().filter((d) => deckInTrack(d, settings.role));
    const queue = todaysQueue(studyItems(decks), ws.progress.progress.cards, clock(), { newPerDay: settings.newPerDay, scheduler: ws.scheduler() });
    const items = [...queue.due, ...queue.fresh];
    initial.push({ name: 'review', title: "Today's review", items: options.study.limit ? items.slice(0, options.study.limit) : items });
  }
  const instance = render(<App ws={ws} clock={clock} initial={initial} />, { exitOnCtrlC: true });
  // After the first frame, not before it: a long replay of the log is saved for the next start.
  setTimeout(() => ws.progress.saveSnapshot(), 0);
  try {
    await instance.waitUntilExit();
  } finally {
    ws.close();
  }
}
