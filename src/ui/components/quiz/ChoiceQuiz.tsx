import { Box, Text } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Card } from '../../../core/deck.js';
import { gradeAnswer, rightAnswers, type AnswerGrade } from '../../../core/grading.js';
import { useKeys, type Command } from '../../keys.js';
import { CardText, Para, Source } from '../CardText.js';
import { OptionList, toggled, type OptionMark } from './OptionList.js';
import type { KeyHint } from '../footer.js';
import type { QuizProps } from './types.js';

type ChoiceCard = Extract<Card, { type: 'choice' | 'multi' }>;

/** The marks in words, for a select-all answer with mistakes: the glyphs alone are easy to misread. */

/** Both choice kinds: pick one (choice) or tick all that apply (multi); graded at once. */
export function ChoiceQuiz({ card, record, advance, askConfidence, layout }: QuizProps<ChoiceCard>) {
  const multi = card.type === 'multi';
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  // Keys of one burst ("1" then Enter in one read) arrive before React re-renders: Enter must
  // submit the tick that came with it.
  const latestTicked = useRef(ticked);
  useLayoutEffect(() => {
    latestTicked.current = ticked;
  });
  const [guess, setGuess] = useState(false);
  // Asked before answering, so the answer cannot colour it; only explicit marks count toward calibration.
  const [sure, setSure] = useState(false);
  const waiting = askConfidence && !guess && !sure;
  const [answer, setAnswer] = useState<(AnswerGrade & { picked: ReadonlySet<number> }) | null>(null);
  const count = card.choices.length;

  const submit = (picked: ReadonlySet<number>) => {
    const graded = gradeAnswer(card, picked, guess);
    setAnswer({ picked, ...graded });
    record(graded.rating, { confidence: guess ? 'guess' : sure ? 'sure' : undefined, correct: graded.correct });
  };
  const toggle = (i: number) => {
    latestTicked.current = toggled(latestTicked.current, i);
    setTicked(latestTicked.current);
  };
  const up = () => setCursor((c) => (c - 1 + count) % count);
  const down = () => setCursor((c) => (c + 1) % count);

  useKeys(
    answer
      ? { continue: advance }
      : waiting
        ? { sure: () => setSure(true), guess: () => setGuess(true), up, down }
        : {
          up,
          down,
          pick: (input) => {
            const i = Number(input) - 1;
            if (i >= count) return;
            setCursor(i);
            if (multi) toggle(i);
            else submit(new Set([i]));
          },
          toggle: () => (multi ? toggle(cursor) : undefined),
          select: () => submit(multi ? latestTicked.current : new Set([cursor])),
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

  const numbers = count > 1 ? `1-${Math.min(9, count)}` : '1';
  const sureKey: Command[] = askConfidence ? ['sure'] : [];
  const [keys, commands]: [KeyHint[], Command[]] = answer
    ? [[['Enter', 'next']], ['continue']]
    : waiting
      ? [[['s', 'sure'], ['g', 'guess'], ['↑↓', 'move']], ['sure', 'guess', 'up', 'down']]
      : multi
        ? [[['Enter', 'submit'], [numbers, 'tick'], ['g', guess ? 'unmark guess' : 'guess'], ['↑↓ Space', 'move, tick']], ['tickOption', 'toggle', 'up', 'down', 'select', 'guess', ...sureKey]]
        : [[[numbers, 'answer'], ['g', guess ? 'unmark guess' : 'guess'], ['↑↓ Enter', 'pick']], ['pick', 'up', 'down', 'select', 'guess', ...sureKey]];
  return layout({
    keys,
    commands,
    status: answer ? (answer.correct ? '✓ right' : answer.partly ? '! nearly right' : '✗ not right') : undefined,
    body: (
      <Box flexDirection="column">
        <CardText text={card.prompt} bold />
        {multi ? <Text dimColor>Select all that apply.</Text> : null}
        <Text> </Text>
        <OptionList choices={card.choices} cursor={answer ? null : cursor} {...(multi ? { ticked: answer ? answer.picked : ticked } : {})} {...(marks ? { marks } : {})} />
        <Text> </Text>
        {answer ? (
          <>
            <Para bold color={answer.correct ? 'green' : answer.partly ? 'yellow' : 'red'} text={answer.verdict} />
            <CardText text={card.explanation} />
            <Source url={card.source} />
          </>
        ) : waiting ? (
          <Para color="cyan" text="How sure are you? s sure · g guess (then answer)" />
        ) : (
          <Para dim text={`${multi ? `Space or ${numbers} tick · Enter submit` : `${numbers} or Enter answer`} · g guess${guess ? ' [marked as a guess]' : sure ? ' [marked sure]' : ''}`} />
        )}
      </Box>
    ),
  });
}
