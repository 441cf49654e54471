import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Card } from '../../../core/deck.js';
import { gradeChoice, gradeMulti, rightAnswers } from '../../../core/grading.js';
import { useKeys } from '../../keys.js';
import { CardText, Source } from '../CardText.js';
import { OptionList, toggled, type OptionMark } from './OptionList.js';
import type { QuizProps } from './types.js';

type ChoiceCard = Extract<Card, { type: 'choice' | 'multi' }>;

export const CHOICE_COMMANDS = ['up', 'down', 'pick', 'select', 'sure', 'guess', 'continue', 'undo'] as const;
export const MULTI_COMMANDS = ['up', 'down', 'toggle', 'pick', 'select', 'sure', 'guess', 'continue', 'undo'] as const;

/** Both choice kinds: pick one (choice) or tick all that apply (multi); graded at once. */
export function ChoiceQuiz({ card, record, advance, recorded, askConfidence }: QuizProps<ChoiceCard>) {
  const multi = card.type === 'multi';
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [guess, setGuess] = useState(false);
  // Asked before answering, so the answer cannot colour it; only explicit marks count toward calibration.
  const [sure, setSure] = useState(false);
  const waiting = askConfidence && !guess && !sure;
  const [answer, setAnswer] = useState<{ picked: ReadonlySet<number>; correct: boolean } | null>(null);
  const count = card.choices.length;

  const submit = (picked: ReadonlySet<number>) => {
    const graded = card.type === 'choice' ? gradeChoice(card.answer, [...picked][0] ?? -1, guess) : gradeMulti(card.answers, picked, guess);
    setAnswer({ picked, correct: graded.correct });
    record(graded.rating, { confidence: guess ? 'guess' : sure ? 'sure' : undefined, correct: graded.correct });
  };
  const toggle = (i: number) => setTicked((s) => toggled(s, i));

  useKeys(
    answer && recorded
      ? { continue: advance }
      : waiting
        ? { sure: () => setSure(true), guess: () => setGuess(true), up: () => setCursor((c) => (c - 1 + count) % count), down: () => setCursor((c) => (c + 1) % count) }
        : {
          up: () => setCursor((c) => (c - 1 + count) % count),
          down: () => setCursor((c) => (c + 1) % count),
          pick: (input) => {
            const i = Number(input) - 1;
            if (i >= count) return;
            setCursor(i);
            if (multi) toggle(i);
            else submit(new Set([i]));
          },
          toggle: () => (multi ? toggle(cursor) : undefined),
          select: () => submit(multi ? ticked : new Set([cursor])),
          guess: () => {
            setGuess((g) => !g);
            setSure(false);
          },
          sure: () => {
            if (!askConfidence) return;
            setSure(true);
            setGuess(false);
          },
        },
  );

  const right = rightAnswers(card);
  const marks: OptionMark[] | undefined = answer
    ? card.choices.map((_, i) => (right.has(i) ? (answer.picked.has(i) || !multi ? 'right' : 'missed') : answer.picked.has(i) ? 'wrong' : null))
    : undefined;

  return (
    <Box flexDirection="column">
      <CardText text={card.prompt} bold />
      {multi ? <Text dimColor>Select all that apply.</Text> : null}
      <Text> </Text>
      <OptionList choices={card.choices} cursor={answer ? null : cursor} {...(multi ? { ticked: answer ? answer.picked : ticked } : {})} {...(marks ? { marks } : {})} />
      <Text> </Text>
      {answer ? (
        <>
          <Text bold color={answer.correct ? 'green' : 'red'}>
            {answer.correct ? (guess ? 'Right, but marked a guess: rated Hard.' : 'Right: rated Good.') : 'Not right: rated Again; it will come back soon.'}
          </Text>
          <CardText text={card.explanation} />
          <Source url={card.source} />
        </>
      ) : (
        waiting ? (
          <Text color="cyan">How sure are you? s sure · g guess (then answer)</Text>
        ) : (
          <Text dimColor>
            {multi ? 'Space or 1-9 tick · Enter submit' : '1-9 or Enter answer'} · g guess{guess ? ' [marked as a guess]' : sure ? ' [marked sure]' : ''}
          </Text>
        )
      )}
    </Box>
  );
}
