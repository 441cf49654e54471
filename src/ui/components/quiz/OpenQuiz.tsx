import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { Card } from '../../../core/deck.js';
import { suggestOpenRating } from '../../../core/grading.js';
import { useAppActions } from '../../app-context.js';
import { useRoom } from '../Layout.js';
import { TextField } from '../TextField.js';
import { useKeys } from '../../keys.js';
import { CardText, Para, Source } from '../CardText.js';
import { OptionList, toggled } from './OptionList.js';
import { RatingBar } from './RatingBar.js';
import type { QuizProps } from './types.js';

type OpenCard = Extract<Card, { type: 'open' }>;

export const OPEN_COMMANDS = ['up', 'down', 'toggle', 'select', 'again', 'hard', 'good', 'easy', 'undo'] as const;

const ANSWER_LABEL = 'Your answer: ';

/** Answer in your own words (or in your head), then tick the key points you covered. */
export function OpenQuiz({ card, rate, preview, now }: QuizProps<OpenCard>) {
  const { setTyping } = useAppActions();
  const [phase, setPhase] = useState<'answer' | 'check'>('answer');
  const [draft, setDraft] = useState('');
  const [cursor, setCursor] = useState(0);
  const [covered, setCovered] = useState<ReadonlySet<number>>(new Set());
  const room = useRoom();
  const total = card.keyPoints.length;
  const suggested = suggestOpenRating(covered.size, total);

  useEffect(() => {
    setTyping(phase === 'answer');
    return () => setTyping(false);
  }, [phase, setTyping]);

  const toggle = (i: number) => setCovered((s) => toggled(s, i));
  useKeys(
    {
      up: () => setCursor((c) => (c - 1 + total) % total),
      down: () => setCursor((c) => (c + 1) % total),
      toggle: () => toggle(cursor),
      select: () => rate(suggested),
      again: () => rate(1),
      hard: () => rate(2),
      good: () => rate(3),
      easy: () => rate(4),
    },
    { isActive: phase === 'check' },
  );

  return (
    <Box flexDirection="column">
      <CardText text={card.prompt} bold />
      <Text> </Text>
      {phase === 'answer' ? (
        <>
          <Box>
            <Box flexShrink={0}>
              <Text color="cyan">{ANSWER_LABEL}</Text>
            </Box>
            <TextField width={room.width - ANSWER_LABEL.length} onChange={setDraft} onSubmit={() => setPhase('check')} placeholder="type it, or answer in your head" />
          </Box>
          <Text> </Text>
          <Text dimColor>Enter reveals the key points.</Text>
        </>
      ) : (
        <>
          {draft ? <Para dim text={`You wrote: ${draft}`} /> : null}
          <Text>Tick the key points you covered (Space):</Text>
          <OptionList choices={card.keyPoints} cursor={cursor} ticked={covered} />
          {card.sample ? (
            <>
              <Text> </Text>
              <Text dimColor>Sample answer:</Text>
              <CardText text={card.sample} dim />
            </>
          ) : null}
          <Source url={card.source} />
          <Text> </Text>
          <Text>{`Covered ${covered.size} of ${total}: Enter accepts the highlighted rating, or press 1-4.`}</Text>
          <RatingBar preview={preview} now={now} suggested={suggested} />
        </>
      )}
    </Box>
  );
}
