import type { Card } from '../../../core/deck.js';
import type { Rating } from '../../../core/scheduler.js';
import type { AnswerNote } from '../../../store/workspace.js';

export interface QuizProps<C extends Card> {
  card: C;
  /** Stores the rating on disk at once; the card stays on screen until `advance`. */
  record(rating: Rating, answer?: AnswerNote): void;
  /** Moves on to the next card (after `record`). */
  advance(): void;
  /** `record` and `advance` at once: for self-rated cards. */
  rate(rating: Rating): void;
  /** When each rating would bring the card back. */
  preview: Record<Rating, number>;
  now: number;
  /** True after `record`, until advance or undo. */
  recorded: boolean;
  /** Choice cards ask "sure or guess?" before they take an answer. */
  askConfidence: boolean;
}
