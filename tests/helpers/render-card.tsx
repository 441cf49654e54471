import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act } from 'react';
import { render } from 'ink-testing-library';
import { cardKey, type Card, type Deck } from '../../src/core/deck.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { App } from '../../src/ui/App.js';
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
  return {
    async sides(deck, card) {
      const item = { key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card };
      let instance!: ReturnType<typeof render>;
      try {
        await act(async () => {
          instance = render(<App ws={ws} clock={() => Date.now()} initial={[{ name: 'review', title: deck.title, items: [item] }]} size={{ width, height: height - 1 }} />);
        });
        const question = side('question', instance.lastFrame() ?? '');
        await act(async () => {
          instance.stdin.write(ANSWER_KEY[card.type] ?? KEY.enter);
        });
        return [question, side('answer', instance.lastFrame() ?? '')];
      } finally {
        await act(async () => {
          instance.unmount();
        });
      }
    },
    async pages(deck, card) {
      const item = { key: cardKey(deck.id, card.id), deckId: deck.id, deckTitle: deck.title, card };
      let instance!: ReturnType<typeof render>;
      try {
        await act(async () => {
          instance = render(<App ws={ws} clock={() => Date.now()} initial={[{ name: 'review', title: deck.title, items: [item] }]} size={{ width, height: height - 1 }} />);
        });
        await act(async () => {
          instance.stdin.write(ANSWER_KEY[card.type] ?? KEY.enter);
        });
        const frames = [instance.lastFrame() ?? ''];
        while (frames.length < 50 && frames.at(-1)!.includes('more below')) {
          await act(async () => {
            instance.stdin.write(KEY.pageDown);
          });
          frames.push(instance.lastFrame() ?? '');
        }
        return frames;
      } finally {
        await act(async () => {
          instance.unmount();
        });
      }
    },
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
