import { act } from 'react';
import { render } from 'ink-testing-library';
import { App, loadScreens, type AppProps } from '../../src/ui/App.js';
import { keysSettled } from '../../src/ui/input.js';
import type { Screen } from '../../src/ui/app-context.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS } from './temp.js';

export const KEY = {
  up: '\u001B[A',
  left: '\u001B[D',
  right: '\u001B[C',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  home: '\u001B[H',
  end: '\u001B[F',
} as const;

export interface Harness {
  ws: Workspace;
  frame(): string;
  press(...keys: string[]): Promise<void>;
  /** Moves a menu's cursor down to the entry starting with this label and opens it. */
  choose(label: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Lets promises the screen waits on (a run in flight) settle and the screen redraw. */
  flush(): Promise<void>;
  advance(ms: number): void;
  unmount(): Promise<void>;
}

export interface HarnessOptions {
  dataDir: string;
  deckArgs?: string[];
  role?: string | null;
  width?: number;
  height?: number;
  initial?: Screen[];
  now?: number;
  /** $VISUAL/$EDITOR and the terminal hand-over for editing a card (the app's own default otherwise). */
  editor?: AppProps['editor'];
  /** The exercise runner (a fake in screen tests). */
  exercises?: AppProps['exercises'];
  /** The environment the workspace sees; by default only PATH, so python3 is found as on a user's machine. */
  env?: Record<string, string>;
}

/** The router hands each key over once the screen caught up with the one before (src/ui/input.tsx). */
async function settled(): Promise<void> {
  await keysSettled();
  await new Promise((resolve) => setImmediate(resolve));
}

/** Renders the whole app on a temp data directory with a fake clock; every key goes through act(). */
export async function renderApp(options: HarnessOptions): Promise<Harness> {
  let now = options.now ?? new Date(2026, 10, 20, 9, 0, 0).getTime();
  const ws = await openWorkspace({ dataDir: options.dataDir, deckArgs: options.deckArgs ?? [], env: options.env ?? { PATH: process.env.PATH ?? '' }, builtinDir: BUILTIN_DECKS, now });
  if (options.role !== undefined) ws.settings.set({ role: options.role });
  else if (!ws.settings.get().role) ws.settings.set({ role: 'software-engineer' });
  const clock = () => now;
  let instance!: ReturnType<typeof render>;
  // The app loads its screens other than Home after the first frame; tests start with them.
  await loadScreens();
  await act(async () => {
    instance = render(<App ws={ws} clock={clock} initial={options.initial ?? []} size={{ width: options.width ?? 80, height: options.height ?? 24 }} {...(options.editor ? { editor: options.editor } : {})} {...(options.exercises ? { exercises: options.exercises } : {})} />);
  });
  return {
    ws,
    frame: () => instance.lastFrame() ?? '',
    async press(...keys) {
      for (const key of keys) {
        await act(async () => {
          instance.stdin.write(key);
          await settled();
        });
      }
    },
    async choose(label) {
      for (let i = 0; i < 20 && !instance.lastFrame()?.includes(`› ${label}`); i++) {
        await act(async () => {
          instance.stdin.write(KEY.down);
          await settled();
        });
      }
      if (!instance.lastFrame()?.includes(`› ${label}`)) throw new Error(`no menu entry "${label}" in:\n${instance.lastFrame()}`);
      await act(async () => {
        instance.stdin.write(KEY.enter);
        await settled();
      });
    },
    async type(text) {
      for (const ch of text) {
        await act(async () => {
          instance.stdin.write(ch);
          await settled();
        });
      }
    },
    async flush() {
      for (let i = 0; i < 3; i++) {
        await act(async () => {
          await settled();
        });
      }
    },
    advance(ms) {
      now += ms;
    },
    async unmount() {
      await act(async () => {
        instance.unmount();
      });
      ws.close();
    },
  };
}
