import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Card } from '../../../core/deck.js';
import { useKeys } from '../../keys.js';
import { CardText, Source } from '../CardText.js';
import { RatingBar } from './RatingBar.js';
import type { QuizProps } from './types.js';

type Flashcard = Extract<Card, { type: 'flashcard' }>;

export const FLASHCARD_COMMANDS = ['reveal', 'again', 'hard', 'good', 'easy', 'undo'] as const;

export function FlashcardQuiz({ card, rate, preview, now }: QuizProps<Flashcard>) {
  const [revealed, setRevealed] = useState(false);
  useKeys(revealed ? { again: () => rate(1), hard: () => rate(2), good: () => rate(3), easy: () => rate(4) } : { reveal: () => setRevealed(true) });
  return (
    <Box flexDirection="column">
      <CardText text={card.front} bold />
      <Text> </Text>
      {revealed ? (
        <>
          <CardText text={card.back} />
          <Source url={card.source} />
          <Text> </Text>
          <Text dimColor>How well did you recall it?</Text>
          <RatingBar preview={preview} now={now} />
        </>
      ) : (
        <Text dimColor>Recall the answer, then press Space to reveal it.</Text>
      )}
    </Box>
  );
}
