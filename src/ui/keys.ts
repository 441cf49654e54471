// The one table of keys: screens ask for commands by name, and the help overlay and footers are
// drawn from the same table, so what the help says is what the keys do.
import type { Key } from 'ink';
import { useLayoutEffect, useRef } from 'react';
import { useAppState } from './app-context.js';
import { useAfterCommit, useRawInput, type RawHandler } from './input.js';

export type Command =
  | 'up'
  | 'down'
  | 'select'
  | 'back'
  | 'quit'
  | 'search'
  | 'reveal'
  | 'again'
  | 'hard'
  | 'good'
  | 'easy'
  | 'undo'
  | 'toggle'
  | 'pick'
  | 'guess'
  | 'sure'
  | 'countCram'
  | 'cram'
  | 'studyTopic'
  | 'chooseRetention'
  | 'continue'
  | 'pageUp'
  | 'pageDown'
  | 'study'
  | 'previous'
  | 'next'
  | 'nextPhase'
  | 'pause'
  | 'hint'
  | 'notes'
  | 'brief'
  | 'finish'
  | 'history'
  | 'mockLength'
  | 'fresh'
  | 'storyNew'
  | 'storyRehearse'
  | 'storyDelete'
  | 'confirmYes'
  | 'confirmNo'
  | 'fieldNext'
  | 'fieldPrevious'
  | 'valuePrevious'
  | 'valueNext'
  | 'storySave'
  | 'leaveEditor'
  | 'endSession'
  | 'tickOption'
  | 'typeAnswer'
  | 'stopTyping'
  | 'acceptRating'
  | 'showKeyPoints'
  | 'otherQuestion'
  | 'suspendCard'
  | 'flagCard'
  | 'editCard'
  | 'cardMarks'
  | 'fewerNew'
  | 'moreNew'
  | 'otherCards'
  | 'studyResults'
  | 'studyDeck'
  | 'learnMore'
  | 'practiseWeakest'
  | 'openWalkthrough'
  | 'roundAloud'
  | 'roundDone'
  | 'roundNext'
  | 'exerciseRun'
  | 'exerciseSubmit'
  | 'exerciseGiveUp'
  | 'exerciseTask'
  | 'exerciseEdit'
  | 'exerciseSkip';

interface Binding {
  label: string;
  description: string;
  test(input: string, key: Key): boolean;
}

export const BINDINGS: Record<Command, Binding> = {
  up: { label: '↑ k', description: 'move up', test: (i, k) => k.upArrow || i === 'k' },
  down: { label: '↓ j', description: 'move down', test: (i, k) => k.downArrow || i === 'j' },
  select: { label: 'Enter', description: 'choose or submit', test: (_i, k) => k.return },
  back: { label: 'Esc q', description: 'go back', test: (i, k) => k.escape || i === 'q' },
  // Not Esc: an Esc too many (leaving a screen, a field) must not close the app.
  quit: { label: 'q', description: 'quit', test: (i) => i === 'q' },
  search: { label: '/', description: 'search all cards', test: (i) => i === '/' },
  reveal: { label: 'Space', description: 'reveal the answer', test: (i, k) => i === ' ' || k.return },
  again: { label: '1', description: 'rate Again (forgot)', test: (i) => i === '1' },
  hard: { label: '2', description: 'rate Hard', test: (i) => i === '2' },
  good: { label: '3', description: 'rate Good', test: (i) => i === '3' },
  easy: { label: '4', description: 'rate Easy', test: (i) => i === '4' },
  undo: { label: 'u', description: 'undo the last rating', test: (i) => i === 'u' },
  toggle: { label: 'Space', description: 'tick or untick', test: (i) => i === ' ' },
  pick: { label: '1-9', description: 'pick that option', test: (i) => /^[1-9]$/.test(i) },
  guess: { label: 'g', description: 'mark this answer as a guess (rated Hard if right)', test: (i) => i === 'g' },
  sure: { label: 's', description: 'say you are sure before answering (for calibration)', test: (i) => i === 's' },
  cram: { label: 'c', description: 'cram: the weakest cards, beyond what is due', test: (i) => i === 'c' },
  studyTopic: { label: 'Enter', description: 'study the highlighted weak topic now: practise it off the schedule, or learn its new cards', test: (_i, k) => k.return },
  chooseRetention: { label: 'r', description: 'choose the desired retention from the simulated days left (reviews a day against recall on the day)', test: (i) => i === 'r' },
  countCram: { label: 'c', description: 'count cram answers in your schedule, or keep them out', test: (i) => i === 'c' },
  continue: { label: 'Enter', description: 'continue', test: (i, k) => k.return || i === ' ' },
  pageUp: { label: 'PgUp', description: 'scroll up', test: (_i, k) => k.pageUp },
  pageDown: { label: 'PgDn', description: 'scroll down', test: (_i, k) => k.pageDown },
  study: { label: 's', description: 'study this card now', test: (i) => i === 's' },
  previous: { label: '← h', description: 'previous section', test: (i, k) => k.leftArrow || i === 'h' },
  next: { label: '→ l', description: 'next section', test: (i, k) => k.rightArrow || i === 'l' },
  nextPhase: { label: 'n', description: 'end this phase and start the next', test: (i) => i === 'n' },
  pause: { label: 'p', description: 'pause or resume the clock', test: (i) => i === 'p' },
  hint: { label: 'h', description: 'reveal the next hint (hints used are recorded)', test: (i) => i === 'h' },
  notes: { label: 'e', description: 'write in your notes (Esc stops typing)', test: (i) => i === 'e' },
  brief: { label: 'b', description: 'show the prompt, requirements and scale', test: (i) => i === 'b' },
  finish: { label: 'f', description: 'finish the interview and score yourself', test: (i) => i === 'f' },
  history: { label: 'h', description: 'past attempts at this prompt', test: (i) => i === 'h' },
  mockLength: { label: 'm', description: 'mock length: full, 30, 20 or 10 minutes (the phases keep their proportions)', test: (i) => i === 'm' },
  fresh: { label: 'n', description: 'start over instead of resuming', test: (i) => i === 'n' },
  storyNew: { label: 'n', description: 'write a new story', test: (i) => i === 'n' },
  storyRehearse: { label: 'r', description: 'rehearse the stories due (all of them when none is due)', test: (i) => i === 'r' },
  storyDelete: { label: 'd', description: 'delete the highlighted story (asks first; its rehearsals stay in the log)', test: (i) => i === 'd' },
  confirmYes: { label: 'y', description: 'yes, go ahead', test: (i) => i === 'y' || i === 'Y' },
  confirmNo: { label: 'n Esc', description: 'no, go back', test: (i, k) => i === 'n' || i === 'N' || k.escape },
  fieldNext: { label: 'Tab ↓', description: 'next field', test: (_i, k) => (k.tab && !k.shift) || k.downArrow },
  fieldPrevious: { label: 'Shift+Tab ↑', description: 'previous field', test: (_i, k) => (k.tab && k.shift) || k.upArrow },
  valuePrevious: { label: '←', description: 'previous value (in Values)', test: (_i, k) => k.leftArrow },
  valueNext: { label: '→', description: 'next value (in Values)', test: (_i, k) => k.rightArrow },
  storySave: { label: 'Ctrl+S', description: 'save the story (or Enter on Save)', test: (i, k) => k.ctrl && i === 's' },
  leaveEditor: { label: 'Esc', description: 'leave (asks first when there are unsaved changes)', test: (_i, k) => k.escape },
  endSession: { label: 'Esc q', description: 'end the session (shows what you did first)', test: (i, k) => k.escape || i === 'q' },
  tickOption: { label: '1-9', description: 'tick or untick that option', test: (i) => /^[1-9]$/.test(i) },
  typeAnswer: { label: 'e', description: 'type your answer (Esc stops typing)', test: (i) => i === 'e' },
  stopTyping: { label: 'Esc', description: 'stop typing (then ? help, q end)', test: (_i, k) => k.escape },
  showKeyPoints: { label: 'Enter', description: 'show the key points, to tick the ones you covered', test: (_i, k) => k.return },
  otherQuestion: { label: 'o', description: "ask another question for this story (its values' other questions, in turn)", test: (i) => i === 'o' },
  // Card actions, wherever a card is shown; letters no card screen uses for anything else (v opens
  // the editor as it does in less; e types an open answer).
  suspendCard: { label: 'x', description: 'suspend the card: never shown until unsuspended (x again)', test: (i) => i === 'x' },
  flagCard: { label: 'f', description: 'flag the card with a note, or change or clear it (keeper-prep flags)', test: (i) => i === 'f' },
  editCard: { label: 'v', description: 'edit the card in $VISUAL or $EDITOR (your own decks)', test: (i) => i === 'v' },
  cardMarks: { label: 'm', description: 'list suspended and flagged cards, to unsuspend or clear them', test: (i) => i === 'm' },
  acceptRating: { label: 'Enter', description: 'accept the suggested rating (the one in [ ])', test: (_i, k) => k.return },
  fewerNew: { label: '← -', description: 'fewer new cards to learn now', test: (i, k) => k.leftArrow || i === '-' },
  moreNew: { label: '→ +', description: 'more new cards to learn now', test: (i, k) => k.rightArrow || i === '+' || i === '=' },
  otherCards: { label: 'Tab', description: 'study other cards: a deck, a skill or a tag', test: (_i, k) => k.tab },
  studyResults: { label: 's', description: 'study these results now: due, new or practice (Study now)', test: (i) => i === 's' },
  studyDeck: { label: 'Enter', description: 'study the highlighted deck now: due, new or practice (Study now)', test: (_i, k) => k.return },
  learnMore: { label: 'n', description: 'learn more new cards from these cards (Study now)', test: (i) => i === 'n' },
  openWalkthrough: { label: 'w', description: 'open the culture walkthrough, where culture cards are first taught', test: (i) => i === 'w' },
  practiseWeakest: { label: 'p', description: 'practise the weakest of these cards, off your schedule (Study now)', test: (i) => i === 'p' },
  // Culture round (keeper-prep behavioral).
  roundAloud: { label: 'a', description: 'answer aloud: the clock runs; Enter when done, then a one-line summary', test: (i) => i === 'a' },
  roundDone: { label: 'Enter', description: 'done with this answer: see its evidence and insights', test: (_i, k) => k.return },
  roundNext: { label: 'Enter', description: 'next question (after the last: score the round)', test: (_i, k) => k.return },
  // Exercises (SQL and code). Ctrl+R and Ctrl+S also work while typing in the editor (ink reads
  // Ctrl+R as "r" with ctrl, so one test serves both); letters only once Esc has left the editor.
  exerciseRun: { label: 'r Ctrl+R', description: 'run your answer and see the result (runs do not count)', test: (i) => i === 'r' },
  exerciseSubmit: { label: 's Ctrl+S', description: 'submit to be graded: right at once Good, after hints or misses Hard', test: (i) => i === 's' },
  exerciseGiveUp: { label: 'g', description: 'give up: the solution beside your answer, rated Again (asks first)', test: (i) => i === 'g' },
  exerciseTask: { label: 't', description: 'the whole task, hints so far, tables and sample rows (t: back)', test: (i) => i === 't' },
  exerciseEdit: { label: 'e', description: 'back to the editor (Esc leaves it for these keys)', test: (i) => i === 'e' },
  exerciseSkip: { label: 'Enter', description: 'skip this exercise: it leaves this session unrated', test: (_i, k) => k.return },
};

export interface KeyOptions {
  isActive?: boolean;
  /** Keys of the help overlay itself: active only while it is open. */
  overlay?: boolean;
}

export type Handlers = Partial<Record<Command, (input: string) => void>>;

/**
 * Runs the first handler whose key matches. Inactive while the help overlay is open or the
 * terminal is too small, so a screen's keys never act behind either. Letters typed in one burst
 * ("jjj" from key repeat) count one by one.
 */
export function useKeys(handlers: Handlers, options: KeyOptions = {}): void {
  const latest = useRef(handlers);
  const afterCommit = useAfterCommit();
  const active = useRef(false);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const on = options.isActive ?? true;
  useLayoutEffect(() => {
    active.current = on;
    return () => {
      active.current = false;
    };
  }, [on]);
  const run = (one: string, key: Key) => {
    for (const [command, handler] of Object.entries(latest.current) as [Command, (input: string) => void][]) {
      if (BINDINGS[command].test(one, key)) {
        handler(one);
        break;
      }
    }
  };
  useScreenInput(
    (input, key) => {
      const inputs = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
      run(inputs[0]!, key);
      // Letters typed faster than a frame ("33", "jj") come in one read. Each after the first waits
      // for the screen to catch up with the one before ("33" rates a card once, then is a key on
      // the next card), never reaching the same card twice.
      const rest = inputs.slice(1);
      const step = () => {
        const one = rest.shift();
        if (one === undefined || !active.current) return;
        run(one, key);
        if (rest.length > 0) afterCommit(step);
      };
      if (rest.length > 0) afterCommit(step);
    },
    options,
  );
}

/** Raw keys for a screen (text fields, free typing), gated like useKeys. */
export function useScreenInput(handler: RawHandler, options: KeyOptions = {}): void {
  const { helpOpen, tooSmall } = useAppState();
  useRawInput(handler, { isActive: (options.isActive ?? true) && (options.overlay ? helpOpen : !helpOpen) && !tooSmall });
}

export interface HelpLine {
  keys: string;
  description: string;
}

export function helpLines(commands: readonly Command[]): HelpLine[] {
  return commands.map((c) => ({ keys: BINDINGS[c].label, description: BINDINGS[c].description }));
}

/** A short footer: "Space reveal · 1-4 rate · ? help". */
export function hint(parts: readonly (readonly [string, string])[]): string {
  return [...parts, ['?', 'help'] as const].map(([k, d]) => `${k} ${d}`).join(' · ');
}
