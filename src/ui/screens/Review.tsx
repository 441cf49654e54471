// A study session: one card at a time, due cards first, then new ones, with learning steps
// coming back inside the session. Each rating is on disk before the next card shows.
import { Box, Text } from 'ink';
import { useReducer, useState } from 'react';
import { endOfDay } from '../../core/day.js';
import type { StudyItem } from '../../core/queue.js';
import type { Rating } from '../../core/scheduler.js';
import { sessionProgress, sessionReducer, startSession } from '../../core/session.js';
import type { CardRecord } from '../../core/progress.js';
import type { AnswerNote, RatingResult } from '../../store/workspace.js';
import { useAppActions, useAppState } from '../app-context.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Para } from '../components/CardText.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { CHOICE_COMMANDS, ChoiceQuiz, MULTI_COMMANDS } from '../components/quiz/ChoiceQuiz.js';
import { FLASHCARD_COMMANDS, FlashcardQuiz } from '../components/quiz/FlashcardQuiz.js';
import { OPEN_COMMANDS, OpenQuiz } from '../components/quiz/OpenQuiz.js';
import { hint, useKeys, useScreenInput, type Command } from '../keys.js';

interface Pending {
  item: StudyItem;
  rating: Rating;
  result: RatingResult;
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

export function Review({ title, items, once = false, cram, askConfidence = false }: { title: string; items: StudyItem[]; once?: boolean; cram?: 'practice' | 'counted' | undefined; askConfidence?: boolean }) {
  const { clock, width, height, typing } = useAppState();
  const actions = useAppActions();
  const [session, dispatch] = useReducer(sessionReducer, items, (initial) => startSession(initial, clock()));
  const [pending, setPending] = useState<Pending | null>(null);
  // Remounts the card view after an undo, so it starts from its question again.
  const [attempt, setAttempt] = useState(0);
  const [shownAt, setShownAt] = useState(() => clock());
  const current = session.current;

  const moveOn = (done: Pending) => {
    const now = clock();
    dispatch({ type: 'rated', item: done.item, rating: done.rating, record: done.result.record, reviewId: done.result.reviewId, restore: done.result.restore, now, sessionEnd: once ? now : endOfDay(now) });
    setPending(null);
    setShownAt(now);
  };
  const store = (rating: Rating, answer?: AnswerNote): Pending | null => {
    if (!current || pending) return null;
    const rateWith = cram === 'practice' ? actions.cramRate : actions.rate;
    return { item: current, rating, result: rateWith(current, rating, clock() - shownAt, answer) };
  };
  const record = (rating: Rating, answer?: AnswerNote) => setPending(store(rating, answer));
  const takeBack = (id: string, key: string, restore: CardRecord | null) => (cram === 'practice' ? actions.cramUndo(id, key) : actions.undo(id, key, restore));
  const rate = (rating: Rating) => {
    const done = store(rating);
    if (done) moveOn(done);
  };
  const advance = () => {
    if (pending) moveOn(pending);
  };
  const undo = () => {
    if (pending) {
      takeBack(pending.result.reviewId, pending.item.key, pending.result.restore);
      setPending(null);
    } else {
      const last = session.undo[0];
      if (!last) return;
      takeBack(last.reviewId, last.key, last.restore);
      dispatch({ type: 'undone', now: clock() });
    }
    setAttempt((a) => a + 1);
    setShownAt(clock());
  };

  useKeys({ undo, back: actions.pop }, { isActive: !typing && current !== null });
  useKeys({ continue: actions.pop, back: actions.pop, undo }, { isActive: current === null });
  useScreenInput((_input, key) => (key.escape ? actions.pop() : undefined), { isActive: typing });

  const progress = sessionProgress(session);
  const body = bodyHeight(height);

  if (!current) {
    const elapsed = session.lastRatedAt - session.startedAt;
    return (
      <Frame title={title} commands={['continue', 'undo']} footer={hint([['Enter', 'go back'], ['u', 'undo last rating']])}>
        <Box flexDirection="column">
          {session.rated === 0 ? (
            <Text>Nothing to study here right now: no cards are due, and today's new cards are used up.</Text>
          ) : (
            <>
              <Text bold color="green">Session complete</Text>
              <Text> </Text>
              <Text>{`Cards rated:  ${session.rated}`}</Text>
              <Text>{`Again:        ${session.lapses}`}</Text>
              <Text>{`Time:         ${formatDuration(elapsed)}`}</Text>
              {once ? (
                <>
                  <Text> </Text>
                  <Para text="These cards are in your schedule now; the ones you missed come back in Today's review." />
                </>
              ) : null}
            </>
          )}
          <Text> </Text>
          <Text dimColor>Everything is saved. Press Enter to go back.</Text>
        </Box>
      </Frame>
    );
  }

  const card = current.card;
  const now = clock();
  const preview = actions.preview(current);
  const quizProps = { record, advance, rate, preview, now, recorded: pending !== null, askConfidence };
  let commands: readonly Command[];
  let footer: string;
  let quiz: React.ReactNode;
  switch (card.type) {
    case 'flashcard':
      commands = FLASHCARD_COMMANDS;
      footer = hint([['Space', 'reveal'], ['1-4', 'rate'], ['u', 'undo'], ['q', 'end']]);
      quiz = <FlashcardQuiz card={card} {...quizProps} />;
      break;
    case 'choice':
    case 'multi':
      commands = card.type === 'choice' ? CHOICE_COMMANDS : MULTI_COMMANDS;
      // The verdict also goes in the footer: on a small screen the explanation may be below the fold.
      footer = pending ? `${pending.rating === 1 ? '✗ not right' : '✓ right'} · ${hint([['Enter', 'continue'], ['u', 'undo'], ['q', 'end']])}` : hint([['↑↓', 'move'], [card.type === 'choice' ? '1-9' : 'Space', card.type === 'choice' ? 'answer' : 'tick'], ['Enter', 'submit'], ['q', 'end']]);
      quiz = <ChoiceQuiz card={card} {...quizProps} />;
      break;
    case 'open':
      commands = OPEN_COMMANDS;
      footer = typing ? 'Enter reveal key points · Esc end session' : hint([['Space', 'tick'], ['Enter', 'accept'], ['1-4', 'rate'], ['q', 'end']]);
      quiz = <OpenQuiz card={card} {...quizProps} />;
      break;
    case 'design':
      commands = ['back'];
      footer = hint([['q', 'end']]);
      quiz = <Text>Design prompts open in the mock-interview screen.</Text>;
      break;
  }
  return (
    <Frame title={title} commands={[...commands, 'pageDown', 'pageUp', 'back']} footer={footer}>
      <ProgressBar done={progress.done} total={progress.total} width={width} />
      <Text dimColor wrap="truncate-end">{`${current.deckTitle} · ${card.type}${card.section ? ` · ${card.section}` : ''}`}</Text>
      <ScrollArea height={body - 2} key={`${current.key}:${attempt}:${session.rated}`}>
        <Box flexDirection="column" width={width}>
          {quiz}
        </Box>
      </ScrollArea>
    </Frame>
  );
}
