import { render } from 'ink';
import type { Screen } from './app-context.js';
import type { Workspace } from '../store/workspace.js';
import type { Launch } from '../app-launch.js';
import { App } from './App.js';

export async function runApp(ws: Workspace, options: Launch): Promise<void> {
  const clock = () => Date.now();
  const initial: Screen[] = [];
  if (options.study) {
    initial.push({ name: 'review', title: "Today's review", items: ws.queueFor(ws.studyDecks(), clock(), options.study.limit) });
  }
  if (options.design) {
    initial.push({ name: 'designs' });
    if (options.design.key) initial.push({ name: 'mock', key: options.design.key, minutes: options.design.minutes });
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
