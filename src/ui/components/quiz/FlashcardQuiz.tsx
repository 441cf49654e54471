import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Card } from '../../../core/deck.js';
import { useKeys } from '../../keys.js';
import { CardText, Source } from '../CardText.js';
import { RatingBar } from './RatingBar.js';
import type { QuizProps } from './types.js';

type Flashcard = Extract<Card, { type: 'flashcard' }>;

export function FlashcardQuiz({ card, rate, preview, now, layout }: QuizProps<Flashcard>) {
  const [revealed, setRevealed] = useState(false);
  useKeys(revealed ? { again: () => rate(1), hard: () => rate(2), good: () => rate(3), easy: () => rate(4) } : { reveal: () => setRevealed(true) });
  return layout({
    keys: revealed ? [['1-4', 'rate']] : [['Space', 'reveal']],
    commands: revealed ? ['again', 'hard', 'good', 'easy'] : ['reveal'],
    body: (
      <Box flexDirection="column">
        <CardText text={card.front} bold />
        <Text> </Text>
        {revealed ? (
          <>
            <CardText text={card.back} />
            <Source url={card.source} />
            <Text> </Text>
            <Text dimColor>How well did you recall it? Press 1-4:</Text>
            <RatingBar preview={preview} now={now} />
          </>
        ) : (
          <Text dimColor>Recall the answer, then press Space to reveal it.</Text>
        )}
      </Box>
    ),
  });
}
