import { Box, Text } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Card } from '../../../core/deck.js';
import { suggestOpenRating } from '../../../core/grading.js';
import { RATING_NAMES, type Rating } from '../../../core/scheduler.js';
import { useAppActions } from '../../app-context.js';
import { useRoom } from '../Layout.js';
import { TextField } from '../TextField.js';
import { useKeys, useScreenInput } from '../../keys.js';
import { CardText, Para, SampleAnswer, Source } from '../CardText.js';
import { tickTally } from '../../../core/evidence.js';
import { EvidenceList, useEvidence, usePresetTicks } from './EvidenceList.js';
import { OptionList, toggled } from './OptionList.js';
import { RatingBar } from './RatingBar.js';
import type { QuizProps } from './types.js';

type OpenCard = Extract<Card, { type: 'open' }>;

const ANSWER_LABEL = 'Your answer: ';

/**
 * Answer in your own words (or in your head), then tick the key points you covered. The field has
 * focus at first; Esc leaves it (it does not end the session: a careful user presses Esc to get
 * out of a text field), and then the session's keys and help work again. A typed answer is
 * checked against the key points: the ticks start from the words found, the user decides, and
 * how many ticks had words behind them is stored with the rating.
 */
export function OpenQuiz({ card, rate, preview, now, layout, prompts = [] }: QuizProps<OpenCard> & { prompts?: readonly string[] | undefined }) {
  const { setTyping } = useAppActions();
  const [phase, setPhase] = useState<'typing' | 'answer' | 'check'>('typing');
  // A story rehearsal's other questions (o), for when the one asked does not fit the story.
  const [asked, setAsked] = useState(0);
  const other = prompts.length > 1;
  const prompt = other ? prompts[asked % prompts.length]! : card.prompt;
  const [draft, setDraft] = useState('');
  const [cursor, setCursor] = useState(0);
  const [covered, setCovered] = useState<ReadonlySet<number>>(new Set());
  const [touched, setTouched] = useState(false);
  const room = useRoom();
  const evidence = useEvidence(draft, card.keyPoints, phase === 'check');
  // Keys of one burst (↓ Space Enter) reach the handlers before a render: they read these, not the last render's state.
  const cursorRef = useRef(0);
  const coveredRef = useRef<ReadonlySet<number>>(covered);
  const setTicks = (next: ReadonlySet<number>) => {
    coveredRef.current = next;
    setCovered(next);
  };
  usePresetTicks(evidence, touched, setTicks);
  const tallyOf = (ticked: ReadonlySet<number>) => tickTally(Array.isArray(evidence) ? evidence : null, ticked);
  const unevidenced = tallyOf(covered)?.unevidenced ?? 0;
  const total = card.keyPoints.length;
  const suggested = suggestOpenRating(covered.size, total);

  // In the same commit as the field, so a key typed as the card appears is not taken as a command.
  useLayoutEffect(() => {
    setTyping(phase === 'typing');
    return () => setTyping(false);
  }, [phase, setTyping]);

  const toggle = () => {
    setTouched(true);
    setTicks(toggled(coveredRef.current, cursorRef.current));
  };
  const move = (by: number) => {
    cursorRef.current = (cursorRef.current + by + total) % total;
    setCursor(cursorRef.current);
  };
  const rateWith = (rating: Rating | 'suggested') => {
    const ticks = tallyOf(coveredRef.current);
    rate(rating === 'suggested' ? suggestOpenRating(coveredRef.current.size, total) : rating, ticks ? { ticks } : undefined);
  };
  useScreenInput((_input, key) => (key.escape ? setPhase('answer') : undefined), { isActive: phase === 'typing' });
  useKeys({ showKeyPoints: () => setPhase('check'), typeAnswer: () => setPhase('typing'), ...(other ? { otherQuestion: () => setAsked((n) => n + 1) } : {}) }, { isActive: phase === 'answer' });
  useKeys(
    {
      up: () => move(-1),
      down: () => move(1),
      toggle,
      acceptRating: () => rateWith('suggested'),
      again: () => rateWith(1),
      hard: () => rateWith(2),
      good: () => rateWith(3),
      easy: () => rateWith(4),
    },
    { isActive: phase === 'check' },
  );

  const verdict = (
    <>
      <Para text={`Covered ${covered.size} of ${total}${unevidenced > 0 ? ` (${unevidenced} ! without evidence)` : ''}: Enter accepts [${RATING_NAMES[suggested]}], or press 1-4.`} />
      <RatingBar preview={preview} now={now} suggested={suggested} />
    </>
  );
  const body = (
    <Box flexDirection="column">
      <CardText text={prompt} bold />
      <Text> </Text>
      {phase !== 'check' ? (
        <>
          <Box flexShrink={0}>
            <Box flexShrink={0}>
              <Text color="cyan">{ANSWER_LABEL}</Text>
            </Box>
            <Box width={Math.max(2, room.width - ANSWER_LABEL.length)} flexShrink={0}>
              <TextField
                initial={draft}
                width={Math.max(2, room.width - ANSWER_LABEL.length)}
                isActive={phase === 'typing'}
                onChange={setDraft}
                onSubmit={() => setPhase('check')}
                placeholder="type it, or answer in your head"
              />
            </Box>
          </Box>
          <Text> </Text>
          <Para dim text={phase === 'typing' ? `Enter reveals the key points. Esc stops typing${other ? ', then o asks another question' : ''}.` : `Enter reveals the key points; e types your answer${other ? '; o asks another question' : ''}.`} />
        </>
      ) : (
        <>
          {evidence ? (
            <>
              {/* Key points, quotes and verdict first: the whole answer is under them, for a point with no words found. */}
              <Text>Ticks start from your words; Space changes:</Text>
              <EvidenceList answer={draft} keyPoints={card.keyPoints} evidence={evidence} cursor={cursor} ticked={covered} />
              <Text> </Text>
              {verdict}
              <Text> </Text>
              <Para dim text={`You wrote: ${draft}`} />
              <SampleAnswer text={card.sample} />
              <Source url={card.source} />
            </>
          ) : (
            <>
              {draft ? <Para dim text={`You wrote: ${draft}`} /> : null}
              <Text>Tick the key points you covered (Space):</Text>
              <OptionList choices={card.keyPoints} cursor={cursor} ticked={covered} />
              <SampleAnswer text={card.sample} />
              <Source url={card.source} />
              <Text> </Text>
              {verdict}
            </>
          )}
        </>
      )}
    </Box>
  );
  switch (phase) {
    case 'typing':
      return layout({ body, keys: [['Enter', 'key points']], commands: ['showKeyPoints', 'stopTyping'], typing: 'Esc stop typing, then ? help' });
    case 'answer':
      return other
        ? layout({ body, keys: [['Enter', 'key points'], ['o', 'other question'], ['e', 'type']], commands: ['showKeyPoints', 'otherQuestion', 'typeAnswer'] })
        : layout({ body, keys: [['Enter', 'key points'], ['e', 'type']], commands: ['showKeyPoints', 'typeAnswer'] });
    case 'check':
      return layout({
        body,
        keys: [['Enter', `accept ${RATING_NAMES[suggested]}`], ['1-4', 'rate'], ['Space', 'tick'], ['↑↓', 'move']],
        commands: ['acceptRating', 'again', 'hard', 'good', 'easy', 'toggle', 'up', 'down'],
      });
  }
}
