import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act } from 'react';
import { render } from 'ink-testing-library';
import { cardKey, type Card, type Deck } from '../../src/core/deck.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { App, loadScreens } from '../../src/ui/App.js';
import { BUILTIN_DECKS } from './temp.js';
import { KEY } from './render-app.js';

export interface CardSide {
  name: 'question' | 'answer';
  overflow: boolean;
  /** Lines the card's content takes, when it overflows. */
  lines: number;
  room: number;
}

/** The key that turns each kind of card to its answered side without typing anything. */
const ANSWER_KEY: Record<string, string> = { flashcard: KEY.space, choice: '1', multi: KEY.enter, open: KEY.enter };

export interface CardRenderer {
  /**
   * Shows one card in the real review screen, then answers it, and reports whether either side
   * needed scrolling. The review screen prints "more below (shown/total lines)" when content is
   * cut off.
   */
  sides(deck: Deck, card: Card): Promise<CardSide[]>;
  /** Every frame of the answered card, paging down until the end: what a reader scrolls through. */
  pages(deck: Deck, card: Card): Promise<string[]>;
  close(): void;
}

/** One workspace on a temp directory for many cards: opening one per card would dominate the time. */
export async function openCardRenderer(width: number, height: number): Promise<CardRenderer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keeper-prep-fit-'));
  const ws = await openWorkspace({ dataDir, deckArgs: [], env: {}, builtinDir: BUILTIN_DECKS, now: Date.now() });
  ws.settings.set({ role: 'software-engineer' });
  /** Shows one card in the real review screen, runs `look` on it, and unmounts whatever happens. */
  const onScreen = async <T,>(deck: Deck, card: Card, look: (screen: { frame(): string; press(key: string): Promise<void> }) => Promise<T>): Promise<T> => {
    const item = { key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card };
    let instance!: ReturnType<typeof render>;
    try {
      // The app loads its screens other than Home after the first frame; tests start with them.
      await loadScreens();
      await act(async () => {
        instance = render(<App ws={ws} clock={() => Date.now()} initial={[{ name: 'review', title: deck.title, items: [item] }]} size={{ width, height: height - 1 }} />);
      });
      return await look({
        frame: () => instance.lastFrame() ?? '',
        press: (key) =>
          act(async () => {
            instance.stdin.write(key);
          }),
      });
    } finally {
      await act(async () => {
        instance.unmount();
      });
    }
  };
  return {
    sides: (deck, card) =>
      onScreen(deck, card, async (screen) => {
        const question = side('question', screen.frame());
        await screen.press(ANSWER_KEY[card.type] ?? KEY.enter);
        return [question, side('answer', screen.frame())];
      }),
    pages: (deck, card) =>
      onScreen(deck, card, async (screen) => {
        await screen.press(ANSWER_KEY[card.type] ?? KEY.enter);
        const frames = [screen.frame()];
        while (frames.length < 50 && frames.at(-1)!.includes('more below')) {
          await screen.press(KEY.pageDown);
          frames.push(screen.frame());
        }
        return frames;
      }),
    close() {
      ws.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function side(name: CardSide['name'], frame: string): CardSide {
  const more = /more below: .*\((\d+)\/(\d+) lines\)/.exec(frame);
  return more ? { name, overflow: true, lines: Number(more[2]), room: Number(more[1]) + 1 } : { name, overflow: false, lines: 0, room: 0 };
}
