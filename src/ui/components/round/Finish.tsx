// The end of a culture round: each answer scored on the behavioural rubric, one dimension at a
// time; the rating each question's scores suggest (changeable); the receipt; and the offer to
// resume a round left unfinished.
import { Box, Text } from 'ink';
import { cultureValue } from '../../../core/culture-values.js';
import { ROUND_RUBRIC, type RoundQuestion } from '../../../core/culture-round.js';
import { formatDate, formatDateTime } from '../../../core/day.js';
import { LEVEL_SHORT, levelBar, levelBarLine, type Level } from '../../../core/levels.js';
import { formatClock } from '../../../core/mock.js';
import { safeText } from '../../../core/safe-text.js';
import { formatInterval, RATING_NAMES, type Rating } from '../../../core/scheduler.js';
import type { RoundAnswer } from '../../../store/round-attempts.js';
import { Bullet, Para } from '../CardText.js';
import { NotesText } from '../mock/Notes.js';

export function valueName(id: string): string {
  return cultureValue(id)?.name ?? id;
}

/**
 * One rubric dimension for one answer, with the bar of the user's target level (Settings or
 * --level): the line saying what meeting it looks like, and ◂ on the levels that meet it, as the
 * design rubric shows it.
 */
export function ScoreView({ question, answer, dimension, earlier, level }: { question: RoundQuestion; answer: RoundAnswer; dimension: number; earlier: number | undefined; level: Level }) {
  const rubric = ROUND_RUBRIC[dimension]!;
  const bar = levelBar(level, rubric.name);
  return (
    <Box flexDirection="column">
      <Para dim text={question.card.prompt} />
      <Text> </Text>
      <Text bold wrap="truncate-end">{`${rubric.name} (${dimension + 1} of ${ROUND_RUBRIC.length})`}</Text>
      <Para color="yellow" text={`▸ ${levelBarLine(level, rubric.name)}`} />
      {rubric.levels.map((text, i) => (
        <Text key={i} bold={earlier === i + 1} color={earlier === i + 1 ? 'cyan' : undefined}>
          <Bullet indent={0} mark={`${earlier === i + 1 ? '›' : ' '} ${i + 1}`} text={i + 1 >= bar.low && i + 1 <= bar.high ? `${text}  ◂ bar` : text} />
        </Text>
      ))}
      <Text> </Text>
      <Text bold wrap="truncate-end">{answer.mode === 'aloud' ? `Your summary (answered aloud in ${formatClock(answer.ms)})` : `Your answer (${formatClock(answer.ms)})`}</Text>
      {answer.text.trim() ? <NotesText notes={answer.text} /> : <Text dimColor>{answer.mode === 'aloud' ? 'No summary was typed.' : 'No answer was typed.'}</Text>}
    </Box>
  );
}

export interface RateRow {
  question: RoundQuestion;
  scores: readonly number[];
  suggested: Rating;
  rating: Rating;
  preview: Record<Rating, number>;
}

export function RateView({ rows, cursor, now, level }: { rows: readonly RateRow[]; cursor: number; now: number; level: Level }) {
  return (
    <Box flexDirection="column">
      <Para dim text="Each question is scheduled like a card. Enter saves the round with these ratings; ↑↓ pick a question, 1-4 change its rating." />
      <Para dim text={`The bar for ${LEVEL_SHORT[level]} is ${levelBar(level, ROUND_RUBRIC[0]!.name).score} of 4 on each dimension.`} />
      <Text> </Text>
      {rows.map((row, i) => {
        const mean = row.scores.reduce((n, s) => n + s, 0) / Math.max(1, row.scores.length);
        const mark = i === cursor ? '›' : ' ';
        const rating = row.rating === row.suggested ? `[${row.rating} ${RATING_NAMES[row.rating]}]` : `${row.rating} ${RATING_NAMES[row.rating]} (suggested ${RATING_NAMES[row.suggested]})`;
        return (
          <Box key={row.question.key} flexDirection="column">
            <Text bold={i === cursor} color={i === cursor ? 'cyan' : undefined} wrap="truncate-end">{`${mark} ${i + 1}. ${safeText(valueName(row.question.value))}: ${safeText(row.question.card.prompt)}`}</Text>
            {/* The rating first: on a narrow terminal the scores are what is cut. */}
            <Text wrap="truncate-end">{`   ${rating} · back in ${formatInterval(now, row.preview[row.rating])} · mean ${mean.toFixed(1)} of 4 · scores ${row.scores.join(' ')}`}</Text>
          </Box>
        );
      })}
    </Box>
  );
}

export function SavedView({ rows, due, now }: { rows: readonly RateRow[]; due: ReadonlyMap<string, number>; now: number }) {
  return (
    <Box flexDirection="column">
      <Text bold color="green">
        ✓ Round saved
      </Text>
      <Text> </Text>
      {rows.map((row, i) => {
        const at = due.get(row.question.key) ?? now;
        const when = at - now < 24 * 60 * 60 * 1000 ? formatDateTime(at) : formatDate(at);
        return <Text key={row.question.key} wrap="truncate-end">{`${i + 1}. ${safeText(valueName(row.question.value))}: rated ${RATING_NAMES[row.rating]}, back ${when}`}</Text>;
      })}
      <Text> </Text>
      <Para dim text="Your answers, times and scores are kept: keeper-prep behavioral history lists them, and Readiness shows your mean per dimension." />
    </Box>
  );
}

export function ResumeView({ startedAt, answered, count, stage }: { startedAt: number; answered: number; count: number; stage: string }) {
  const where = stage === 'score' || stage === 'rate' ? 'scoring' : `${answered} of ${count} answered`;
  return (
    <Box flexDirection="column">
      <Para bold text="You have an unfinished culture round." />
      <Text> </Text>
      <Para text={`Started ${formatDateTime(startedAt)}; ${where}.`} />
      <Text> </Text>
      <Para text="Enter resumes it with what you typed and the clock where it was (time away is not counted); n starts a new round and replaces it." />
    </Box>
  );
}
