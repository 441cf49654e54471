// A study session: one card at a time, due cards first, then new ones, with learning steps
// coming back inside the session. Each rating is on disk before the next card shows. Ending early
// shows the same summary as finishing, so the user sees what the session did before leaving.
import { kindLabel } from '../../core/deck.js';
import { Box, Text } from 'ink';
import { useCallback, useEffect, useReducer, useState, type ReactNode } from 'react';
import { endOfDay } from '../../core/day.js';
import type { StudyItem } from '../../core/queue.js';
import type { Rating } from '../../core/scheduler.js';
import { sessionProgress, sessionReducer, startSession, type SessionProgress } from '../../core/session.js';
import type { CardRecord } from '../../core/progress.js';
import type { AnswerNote, RatingResult } from '../../store/workspace.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Panel, useRoom } from '../components/Layout.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { ChoiceQuiz } from '../components/quiz/ChoiceQuiz.js';
import { FlashcardQuiz } from '../components/quiz/FlashcardQuiz.js';
import { fitFooter, type KeyHint } from '../components/footer.js';
import { OpenQuiz } from '../components/quiz/OpenQuiz.js';
import { ExerciseQuiz, type ExerciseCounts } from '../components/exercise/ExerciseQuiz.js';
import { SessionSummary } from '../components/quiz/SessionSummary.js';
import { SESSION_HEAD_LINES, type QuizView } from '../components/quiz/types.js';
import { useKeys, useScreenInput, type Command } from '../keys.js';
import { safeText } from '../../core/safe-text.js';
import { useCardActions } from '../components/card-actions/use-card-actions.js';
import { freshItem } from '../components/card-actions/fresh-item.js';
import type { StudyScope } from '../../core/custom-study.js';
import { useNextSteps } from '../components/study-now/NextSteps.js';

interface Pending {
  item: StudyItem;
  rating: Rating;
  result: RatingResult;
}

const NOTHING_TO_UNDO = 'Nothing to undo yet';

export function Review({ title, items, once = false, cram, askConfidence = false, scope }: { title: string; items: StudyItem[]; once?: boolean; cram?: 'practice' | 'counted' | undefined; askConfidence?: boolean; scope?: StudyScope | undefined }) {
  const { ws, clock, width, typing } = useAppState();
  const actions = useAppActions();
  const [session, dispatch] = useReducer(sessionReducer, items, (initial) => startSession(initial, clock()));
  const [pending, setPending] = useState<Pending | null>(null);
  // Remounts the card view after an undo, so it starts from its question again.
  const [attempt, setAttempt] = useState(0);
  const [shownAt, setShownAt] = useState(() => clock());
  // Left early: the summary shows though cards are still queued (undo goes back to them).
  const [ended, setEnded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [overflow, setOverflow] = useState(false);
  // An exercise's failed submits and hints, by card key: an undo remounts the card, and they must
  // not start over (they decide whether a pass is Good or Hard).
  const [exerciseCounts] = useState(() => new Map<string, ExerciseCounts>());
  const onOverflow = useCallback((value: boolean) => setOverflow(value), []);
  const current = ended ? null : session.current;
  const canUndo = pending !== null || session.undo.length > 0;

  const moveOn = (done: Pending) => {
    const now = clock();
    dispatch({ type: 'rated', item: done.item, rating: done.rating, record: done.result.record, reviewId: done.result.reviewId, restore: done.result.restore, now, sessionEnd: once ? now : endOfDay(now) });
    setPending(null);
    setShownAt(now);
  };
  /** Null when nothing was stored: a rating the disk refused is not done, and the card stays. */
  const store = (rating: Rating, answer?: AnswerNote): Pending | null => {
    if (!current || pending) return null;
    const rateWith = cram === 'practice' ? actions.cramRate : actions.rate;
    const result = rateWith(current, rating, clock() - shownAt, answer);
    return result ? { item: current, rating, result } : null;
  };
  const record = (rating: Rating, answer?: AnswerNote) => {
    const done = store(rating, answer);
    setPending(done);
    // The answer was graded on screen but not stored: the card starts over, to be answered again.
    if (!done) setAttempt((a) => a + 1);
  };
  const takeBack = (id: string, key: string, restore: CardRecord | null): boolean => (cram === 'practice' ? actions.cramUndo(id, key) : actions.undo(id, key, restore));
  const rate = (rating: Rating, answer?: AnswerNote) => {
    const done = store(rating, answer);
    if (done) moveOn(done);
  };
  const advance = () => {
    if (pending) moveOn(pending);
  };
  const undo = () => {
    // An undo the disk refused changes nothing here; the app says why at its foot.
    if (pending) {
      if (!takeBack(pending.result.reviewId, pending.item.key, pending.result.restore)) return;
      setPending(null);
    } else {
      const last = session.undo[0];
      if (!last) {
        setNotice(NOTHING_TO_UNDO);
        return;
      }
      if (!takeBack(last.reviewId, last.key, last.restore)) return;
      dispatch({ type: 'undone', now: clock() });
    }
    setNotice(null);
    setEnded(false);
    setAttempt((a) => a + 1);
    setShownAt(clock());
  };
  const end = () => {
    // A graded answer on screen is already stored: it counts in the summary.
    if (pending) moveOn(pending);
    if (pending || session.rated > 0) setEnded(true);
    else actions.pop();
  };

  useKeys({ undo, endSession: end }, { isActive: !typing && current !== null });
  useKeys({ continue: actions.pop, back: actions.pop, undo }, { isActive: current === null });
  // The notice answers one key press: the next other key clears it.
  useScreenInput((input) => (input === 'u' ? undefined : setNotice(null)), { isActive: notice !== null });

  // A suspended card leaves the session at once (an answer already graded still counts).
  const acts = useCardActions(current, {
    isActive: !typing && current !== null,
    onSuspended: (key) => {
      if (pending) moveOn(pending);
      dispatch({ type: 'removed', key, now: clock() });
      setShownAt(clock());
    },
  });

  const progress = sessionProgress(session);
  // Nothing (more) to study: the summary offers what can be done next.
  const next = useNextSteps(scope, current === null && progress.left === 0);

  if (!current) {
    const rated = session.rated > 0;
    const offers = progress.left === 0 ? next : null;
    return (
      <Frame
        title={title}
        commands={['continue', 'back', 'undo', ...(offers?.commands ?? [])]}
        footer={fitFooter(width, notice ? [notice] : [], [['Enter', 'go back'], ...(offers?.keys ?? [])], rated ? [['u', 'undo last rating']] : [])}
      >
        <SessionSummary rated={session.rated} lapses={session.lapses} elapsedMs={session.lastRatedAt - session.startedAt} progress={progress} once={once} practice={cram === 'practice'} next={offers?.body} />
      </Frame>
    );
  }

  // As its deck has it now: an edit in $EDITOR shows at once.
  const card = freshItem(ws.library, current).card;
  const cardKey = `${current.key}:${attempt}:${session.rated}`;
  const layout = (view: QuizView) => {
    // Typing, or a question over the card: the session's keys are off, so not offered.
    const own = view.typing !== undefined || view.modal === true;
    const always: KeyHint[] = own ? [] : [...(canUndo ? [['u', 'undo'] as const] : []), ['q', 'end']];
    const commands: Command[] = [...view.commands, ...(own ? [] : (['undo', 'endSession', ...acts.commands] as const)), ...(overflow ? (['pageDown', 'pageUp'] as const) : [])];
    const lead = [notice, acts.notice, view.status].filter((part): part is string => Boolean(part));
    const keys = own ? view.keys : [...view.keys, ...acts.keys];
    return (
      <Frame title={title} commands={commands} footer={acts.promptFooter ?? fitFooter(width, lead, view.ownKeysFirst ? [...view.keys, ...always, ...acts.keys] : keys, view.ownKeysFirst ? [] : always, view.modal ? '' : (view.typing ?? '? help'))} fixed {...(view.fill ? { measure: width } : {})}>
        <SessionCard progress={progress} label={`${acts.glyph}${current.deckTitle} · ${kindLabel(card.type)}${card.section ? ` · ${card.section}` : ''}${acts.note ? ` · ${acts.note}` : ''}`} prompt={acts.prompt} scrollKey={cardKey} onOverflow={onOverflow} fill={view.fill ?? false}>
          {view.body}
        </SessionCard>
      </Frame>
    );
  };
  // Out of this session unrated, as a suspended card leaves it (an exercise that cannot run here).
  const skip = () => {
    dispatch({ type: 'removed', key: current.key, now: clock() });
    setShownAt(clock());
  };
  const quizProps = { record, advance, rate, layout, preview: actions.preview(current), now: clock(), recorded: pending !== null, askConfidence };
  switch (card.type) {
    case 'flashcard':
      return <FlashcardQuiz key={cardKey} card={card} {...quizProps} />;
    case 'choice':
    case 'multi':
      return <ChoiceQuiz key={cardKey} card={card} {...quizProps} />;
    case 'open':
      return <OpenQuiz key={cardKey} card={card} prompts={current.prompts} {...quizProps} />;
    case 'design':
      return layout({ body: <Text>Design prompts open in the mock-interview screen.</Text>, keys: [], commands: [] });
    case 'sql':
    case 'code':
      return <ExerciseQuiz key={cardKey} card={card} item={current} skip={skip} counts={exerciseCounts} {...quizProps} />;
  }
}

/**
 * The progress and deck lines stay whole; the card gets the rest of the room and scrolls in it,
 * or (fill) lays itself out to exactly that room.
 */
function SessionCard({ progress, label, prompt, scrollKey, onOverflow, fill, children }: { progress: SessionProgress; label: string; prompt: ReactNode; scrollKey: string; onOverflow: (overflow: boolean) => void; fill: boolean; children: ReactNode }) {
  const room = useRoom();
  useEffect(() => {
    if (fill) onOverflow(false);
  }, [fill, onOverflow]);
  if (fill) {
    return (
      <>
        <Box flexShrink={0}>
          <ProgressBar progress={progress} width={room.width} />
        </Box>
        <Box flexShrink={0}>{prompt ?? <Text dimColor wrap="truncate-end">{safeText(label)}</Text>}</Box>
        <Panel width={room.width} height={Math.max(1, room.height - SESSION_HEAD_LINES)}>
          {children}
        </Panel>
      </>
    );
  }
  return (
    <>
      <Box flexShrink={0}>
        <ProgressBar progress={progress} width={room.width} />
      </Box>
      <Box flexShrink={0}>{prompt ?? <Text dimColor wrap="truncate-end">{safeText(label)}</Text>}</Box>
      <ScrollArea key={scrollKey} height={Math.max(1, room.height - 2)} onOverflow={onOverflow}>
        <Box flexDirection="column" width={room.width}>
          {children}
        </Box>
      </ScrollArea>
    </>
  );
}
