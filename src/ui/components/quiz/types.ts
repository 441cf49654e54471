import type { ReactElement, ReactNode } from 'react';
import type { Card } from '../../../core/deck.js';
import type { Rating } from '../../../core/scheduler.js';
import type { AnswerNote } from '../../../store/workspace.js';
import type { Command } from '../../keys.js';
import type { KeyHint } from '../footer.js';

/** Lines the session draws above a card: the progress bar and the deck line. */
export const SESSION_HEAD_LINES = 2;

/** What a card shows in its current state, and the keys that work in that state. */
export interface QuizView {
  body: ReactNode;
  /** For the footer, most important first; the session adds undo and end. */
  keys: readonly KeyHint[];
  /** For the help overlay; the session adds undo, end and scrolling. */
  commands: readonly Command[];
  /** Said first in the footer: the verdict, which may be below the fold on a small screen. */
  status?: string | undefined;
  /**
   * A text field has focus, so letters are typed and the session's keys are off: how to reach
   * help from here ("Esc stop typing, then ? help"), said in place of "? help".
   */
  typing?: string | undefined;
  /**
   * The body lays itself out to the room it is given (an editor with panels): the session gives
   * it the whole terminal width and no scrolling of its own.
   */
  fill?: boolean | undefined;
  /**
   * A question over the card (KeyModal) takes every key: the session's keys and help are off,
   * so the footer names only the card's.
   */
  modal?: boolean | undefined;
  /**
   * The card's own keys matter more than the session's (an exercise's hint, give up, task): on a
   * narrow footer undo and end are dropped before them.
   */
  ownKeysFirst?: boolean | undefined;
}

export interface QuizProps<C extends Card> {
  card: C;
  /** Stores the rating on disk at once; the card stays on screen until `advance`. */
  record(rating: Rating, answer?: AnswerNote): void;
  /** Moves on to the next card (after `record`). */
  advance(): void;
  /** `record` and `advance` at once: for self-rated cards. */
  rate(rating: Rating, answer?: AnswerNote): void;
  /** When each rating would bring the card back. */
  preview: Record<Rating, number>;
  now: number;
  /** True after `record`, until advance or undo. */
  recorded: boolean;
  /** Choice cards ask "sure or guess?" before they take an answer. */
  askConfidence: boolean;
  /** Takes the card out of this session unrated (an exercise that cannot run here). */
  skip?: (() => void) | undefined;
  /** Draws the session around the card in its current state: the card decides keys and footer. */
  layout(view: QuizView): ReactElement;
}
