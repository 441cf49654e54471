// What a study session did, shown when it ends, whether every card was answered or the user left
// early: ratings, misses, time, and what is still to do.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { SessionProgress } from '../../../core/session.js';
import { Para } from '../CardText.js';

export interface SummaryProps {
  rated: number;
  lapses: number;
  elapsedMs: number;
  progress: SessionProgress;
  /** Each card shows once (walkthrough, cram); unanswered cards are not due, just not done. */
  once: boolean;
  /** Practice answers: the schedule was left alone. */
  practice: boolean;
  /** What can be done next, when there is nothing (more) to study here. */
  next?: ReactNode;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function SessionSummary({ rated, lapses, elapsedMs, progress, once, practice, next }: SummaryProps) {
  const offers = next ? (
    <>
      {next}
      <Text> </Text>
    </>
  ) : null;
  if (rated === 0) {
    return (
      <Box flexDirection="column">
        <Para text="Nothing to study here right now: no card here is due, and no new one is waiting today." />
        <Text> </Text>
        {offers}
        <Text dimColor>Press Enter to go back.</Text>
      </Box>
    );
  }
  const early = progress.left > 0;
  const left = once
    ? `Not answered: ${plural(progress.left, 'card')}`
    : `Left today:   ${plural(progress.left, 'card')}${progress.learning > 0 ? ` (${plural(progress.learning, 'learning step')} due back later)` : ''}`;
  const note = practice
    ? 'These were practice answers: your schedule is as it was.'
    : once
      ? "The cards you answered are in your schedule now; the ones you missed come back in Today's review."
      : '';
  return (
    <Box flexDirection="column">
      <Text bold color={early ? 'yellow' : 'green'}>{early ? 'Session ended early' : 'Session complete'}</Text>
      <Text> </Text>
      <Text>{`Cards rated:  ${rated}`}</Text>
      <Text>{`Again:        ${lapses}`}</Text>
      <Text>{`Time:         ${formatDuration(elapsedMs)}`}</Text>
      {early ? <Para text={left} /> : null}
      {early ? <Para dim text={once ? 'Start the same session again to answer them.' : "They stay due: Today's review picks them up."} /> : null}
      {note ? (
        <>
          <Text> </Text>
          <Para text={note} />
        </>
      ) : null}
      <Text> </Text>
      {early ? null : offers}
      <Text dimColor>Everything is saved. Press Enter to go back.</Text>
    </Box>
  );
}
