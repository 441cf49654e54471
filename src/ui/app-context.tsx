// What every screen may read (the workspace, the clock, figures) and do (navigate, rate, change
// settings). Screens get data and actions from here and never touch the disk themselves.
import { createContext, useContext } from 'react';
import type { StudyItem } from '../core/queue.js';
import type { Rating } from '../core/scheduler.js';
import type { CardRecord } from '../core/progress.js';
import type { Settings } from '../store/settings.js';
import type { AnswerNote, RatingResult, Workspace } from '../store/workspace.js';
import type { EditOutcome } from '../store/card-edit.js';
import type { Attempt, Draft } from '../store/attempts.js';
import type { Story } from '../core/stories.js';
import type { RoundAttempt, RoundDraft } from '../store/round-attempts.js';
import type { StudyMode, StudyScope } from '../core/custom-study.js';
import type { ExerciseService } from '../core/exercise.js';

export type Screen =
  | { name: 'role' }
  | { name: 'home' }
  /** once: each card shows one time; cards still learning come back through the daily review. */
  | {
      name: 'review';
      title: string;
      items: StudyItem[];
      once?: boolean;
      /** practice: ratings go to the cram log, never the schedule; counted: normal ratings. */
      cram?: 'practice' | 'counted';
      /** Ask "sure or guess?" before each choice answer, for calibration. */
      askConfidence?: boolean;
      /** The cards the session was drawn from: when it runs dry, what more they offer. */
      scope?: StudyScope | undefined;
    }
  /** Custom study. scope: the cards to study (else the user picks them); mode: the choice to highlight first. */
  | { name: 'study-now'; scope?: StudyScope | undefined; mode?: StudyMode['kind'] | undefined }
  | { name: 'cram' }
  | { name: 'walkthrough' }
  | { name: 'designs' }
  /** minutes: run the mock shortened to this many minutes. */
  | { name: 'mock'; key: string; minutes?: number | undefined }
  | { name: 'design-history'; key?: string | undefined }
  | { name: 'search' }
  | { name: 'card'; item: StudyItem }
  | { name: 'decks' }
  /** Suspended and flagged cards, to unsuspend or clear. */
  | { name: 'card-marks' }
  | { name: 'readiness' }
  | { name: 'settings' }
  /** FSRS parameters: a fit to the user's reviews, or back to the defaults. */
  | { name: 'optimize' }
  | { name: 'stories' }
  /** id: the story to edit; without one, a new story. */
  | { name: 'story-edit'; id?: string | undefined }
  /** A timed culture round: questions (default 5) with a countdown of minutes (default 3) each. */
  | { name: 'culture-round'; questions?: number | undefined; minutes?: number | undefined };

export interface AppState {
  ws: Workspace;
  clock: () => number;
  helpOpen: boolean;
  /** The terminal is below the minimum size: the screens are hidden and take no keys. */
  tooSmall: boolean;
  /** A text field has focus: letters are typed, not taken as commands. */
  typing: boolean;
  /** Bumped after every change to progress or settings, so figures are recomputed. */
  revision: number;
  width: number;
  height: number;
  /** Where each menu's cursor was, so going back returns to the entry you left from. */
  menuMemory: Readonly<Record<string, string>>;
  /** Messages from opening the workspace, shown on Home until the user moves on. */
  notices: readonly string[];
  /** Why the last write failed, shown at the foot of every screen until a write succeeds or the screen changes. */
  problem: string | null;
  /** The problem as the frame draws it, above its footer; `height` already leaves room for it. */
  problemLines: readonly string[];
}

export interface AppActions {
  push(screen: Screen): void;
  pop(): void;
  /** Replaces the whole stack: used after the first-run role choice. */
  reset(screen: Screen): void;
  quit(): void;
  /**
   * Stores a rating; null when the disk refused it: nothing was stored, the card is not done, and
   * the app shows why at the foot of the screen. Every action that writes says so the same way.
   */
  rate(item: StudyItem, rating: Rating, ms: number, answer?: AnswerNote): RatingResult | null;
  /** A practice answer in cram mode: logged, the schedule untouched. */
  cramRate(item: StudyItem, rating: Rating, ms: number, answer?: AnswerNote): RatingResult | null;
  /** False when the undo could not be stored (the answer then still counts). */
  cramUndo(id: string, key: string): boolean;
  /** When each rating would bring the card back. */
  preview(item: StudyItem): Record<Rating, number>;
  /** False when the undo could not be stored (the rating then still counts). */
  undo(reviewId: string, key: string, restore: CardRecord | null): boolean;
  /** False when the change could not be saved. */
  updateSettings(patch: Partial<Settings>): boolean;
  /** The first screen has shown the notices: those about the data directory stop waiting on disk. */
  noticesShown(): void;
  /**
   * Home has offered a fit of the FSRS parameters: the next offer waits until the log has grown.
   * Not a change anything draws from, so no redraw; a disk that refuses it only means another offer.
   */
  fitOffered(): void;
  /**
   * The workspace changed outside an action (a fit adopted by commands/optimize, which wrote its
   * settings and card states itself): the screens draw their figures again.
   */
  changed(): void;
  /** Keeps the mock in progress on disk; called on every change. */
  saveDraft(draft: Draft): void;
  /** Null when the attempt could not be saved (nothing of it was). */
  finishMock(attempt: Attempt): RatingResult | null;
  /** Keeps the culture round in progress on disk; called on every change. */
  saveRoundDraft(draft: RoundDraft): void;
  /** Schedules each question and logs the round: when each is due next, or null when it could not be saved (nothing of it was). */
  finishRound(attempt: RoundAttempt): Map<string, number> | null;
  /** Creates or updates a story in the bank; false when it could not be saved. */
  saveStory(story: Story): boolean;
  /** Takes a story out of the bank; its rehearsals stay in the review log. False when it could not be saved. */
  removeStory(id: string): boolean;
  /** A text field has focus: '?' and other letters are typed, not commands. */
  setTyping(typing: boolean): void;
  rememberMenu(menu: string, value: string): void;
  /** Any other write (a card's mark): its value, or null when the disk refused it (said at the screen's foot). */
  write<T>(run: () => T): T | null;
  /** Opens the card in the user's editor (the app gives the terminal up meanwhile) and reloads its deck. */
  editCard(deckId: string, cardId: string): Promise<EditOutcome>;
  /** Runs and grades SQL and code exercises, and keeps the user's attempts. */
  exercises: ExerciseService;
}

export const AppStateContext = createContext<AppState | null>(null);
export const AppActionsContext = createContext<AppActions | null>(null);

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState must be used inside <App>');
  return state;
}

export function useAppActions(): AppActions {
  const actions = useContext(AppActionsContext);
  if (!actions) throw new Error('useAppActions must be used inside <App>');
  return actions;
}
