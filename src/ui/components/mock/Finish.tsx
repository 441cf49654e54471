// After the clock: what a strong answer covers beside the candidate's own notes, one rubric
// dimension at a time (notes beside it from WIDE columns), the suggested rating, and the receipt.
// Below WIDE each is one column the frame scrolls as a whole.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import wrapAnsi from 'wrap-ansi';
import { formatDate, formatDateTime } from '../../../core/day.js';
import { formatClock, type DesignCard } from '../../../core/mock.js';
import { formatInterval, RATING_NAMES, type Rating } from '../../../core/scheduler.js';
import { useAppState } from '../../app-context.js';
import type { Command } from '../../keys.js';
import { frameBudget, splitColumns, WIDE } from '../../layout.js';
import { Bullet, Para } from '../CardText.js';
import { Frame } from '../Frame.js';
import { Panel } from '../Layout.js';
import { ScrollArea } from '../ScrollArea.js';
import { fitFooter } from './footer.js';
import { NotesPanel, NotesText } from './Notes.js';
import { safeText } from '../../../core/safe-text.js';
import { LEVEL_SHORT, levelBar, levelBarLine } from '../../../core/levels.js';

const GUTTER = 3;

/**
 * A fixed line or two on top, then two scrolling columns with the notes on the right (from WIDE),
 * or everything in one column the frame scrolls.
 */
function Columns({ title, commands, footer, top, left, notes }: { title: string; commands: readonly Command[]; footer: string; top: string; left: ReactNode; notes: string }) {
  const { width, height } = useAppState();
  // A blank line under the top one only where lines are not scarce.
  const gap = frameBudget(width, height).height >= 12;
  if (width < WIDE) {
    return (
      <Frame title={title} commands={commands} footer={footer}>
        <Para dim text={top} />
        {gap ? <Text> </Text> : null}
        {left}
        <Text> </Text>
        <Text bold>Your notes</Text>
        <NotesText notes={notes} />
      </Frame>
    );
  }
  const body = frameBudget(width, height, width);
  const topLines = wrapAnsi(top, body.width, { hard: true, trim: true }).split('\n').length;
  const panelHeight = Math.max(1, body.height - topLines - (gap ? 1 : 0));
  const [leftWidth, rightWidth] = splitColumns(body.width, 0.5);
  return (
    <Frame title={title} commands={commands} footer={footer} measure={width} fixed>
      <Box flexDirection="column" flexShrink={0}>
        <Para dim text={top} />
        {gap ? <Text> </Text> : null}
      </Box>
      <Box flexDirection="row" flexShrink={0} height={panelHeight}>
        <Panel width={leftWidth} height={panelHeight}>
          <ScrollArea height={panelHeight}>{left}</ScrollArea>
        </Panel>
        <Box width={GUTTER} flexShrink={0} />
        <Panel width={rightWidth} height={panelHeight}>
          <NotesPanel notes={notes} height={panelHeight} />
        </Panel>
      </Box>
    </Frame>
  );
}

export function KeyPoints({ title, card, notes, elapsedMs, hintsUsed }: { title: string; card: DesignCard; notes: string; elapsedMs: number; hintsUsed: number }) {
  const { width } = useAppState();
  const hints = card.hints?.length ?? 0;
  const next = card.rubric?.length ? 'score yourself' : 'rate it';
  const footer = fitFooter([['Enter', next, 3], ['PgDn', 'scroll', 1], ['Esc', 'back to the interview', 2, 'back']], width);
  const top = `Interview time ${formatClock(elapsedMs)} · hints used ${hintsUsed} of ${hints}. Compare your notes with what a strong answer covers, then ${next} honestly.`;
  const left = (
    <Box flexDirection="column">
      <Text bold>What a strong answer covers</Text>
      {(card.keyPoints ?? []).map((k, i) => (
        <Bullet key={`k${i}`} text={k} />
      ))}
      {card.keyPoints?.length ? null : <Text dimColor>This prompt lists no key points.</Text>}
      {card.followUps?.length ? (
        <>
          <Text> </Text>
          <Text bold>Follow-ups an interviewer would ask</Text>
          {card.followUps.map((f, i) => (
            <Bullet key={`f${i}`} text={f} />
          ))}
        </>
      ) : null}
    </Box>
  );
  return <Columns title={title} commands={['select', 'pageDown', 'pageUp', 'back']} footer={footer} top={top} left={left} notes={notes} />;
}

/** One rubric dimension; `earlier` is the score given before going back to it, marked ›. */
export function ScoreDimension({ title, card, index, earlier, notes }: { title: string; card: DesignCard; index: number; earlier: number | undefined; notes: string }) {
  const { width, ws } = useAppState();
  const target = ws.settings.get().level;
  const rubric = card.rubric ?? [];
  const dimension = rubric[index]!;
  const bar = levelBar(target, dimension.dimension);
  const footer = fitFooter([['1-4', 'score', 3], ['PgDn', 'scroll', 1], ['Esc', index > 0 ? 'previous' : 'back to key points', 2, index > 0 ? 'previous' : 'back']], width);
  const left = (
    <Box flexDirection="column">
      <Para bold text={dimension.dimension} />
      <Para color="yellow" text={`▸ ${levelBarLine(target, dimension.dimension)}`} />
      {dimension.levels.map((level, i) => (
        <Text key={i} bold={earlier === i + 1} color={earlier === i + 1 ? 'cyan' : undefined}>
          <Bullet indent={0} mark={`${earlier === i + 1 ? '›' : ' '} ${i + 1}`} text={i + 1 >= bar.low && i + 1 <= bar.high ? `${level}  ◂ bar` : level} />
        </Text>
      ))}
      <Text> </Text>
      <Para dim text={`Which level did your answer reach? Press 1-4.${earlier ? ` › marks the ${earlier} you gave before.` : ''}`} />
    </Box>
  );
  return <Columns title={title} commands={['pick', 'pageDown', 'pageUp', 'back']} footer={footer} top={`Rubric ${index + 1} of ${rubric.length}`} left={left} notes={notes} />;
}

export function RateAttempt({ title, card, scores, hintsUsed, suggested, preview, now }: { title: string; card: DesignCard; scores: readonly number[]; hintsUsed: number; suggested: Rating; preview: Record<Rating, number>; now: number }) {
  const { width, ws } = useAppState();
  const level = ws.settings.get().level;
  const rubric = card.rubric ?? [];
  const mean = scores.length > 0 ? scores.reduce((n, s) => n + s, 0) / scores.length : null;
  const footer = fitFooter([['Enter', `save as ${RATING_NAMES[suggested]}`, 4], ['1-4', 'choose another', 3, 'another'], ['Esc', 'back', 1]], width);
  return (
    <Frame title={title} commands={['select', 'again', 'hard', 'good', 'easy', 'pageDown', 'pageUp', 'back']} footer={footer}>
      {rubric.map((r, i) => (
        <Text key={i} wrap="truncate-end">{`${String(scores[i] ?? '-').padStart(2)}/4  bar ${levelBar(level, r.dimension).score.padEnd(3)}  ${safeText(r.dimension)}`}</Text>
      ))}
      {rubric.length > 0 ? <Text> </Text> : null}
      <Para text={`${mean === null ? 'No rubric' : `Mean ${mean.toFixed(1)} of 4 · bars for ${LEVEL_SHORT[level]}`} · ${hintsUsed} hint${hintsUsed === 1 ? '' : 's'} used${hintsUsed >= 2 ? ' (a step lower for every two)' : ''}.`} />
      <Para bold text={`Suggested rating: ${RATING_NAMES[suggested]}`} />
      <Text> </Text>
      <Para text={([1, 2, 3, 4] as Rating[]).map((r) => (r === suggested ? `[${r} ${RATING_NAMES[r]} ${formatInterval(now, preview[r])}]` : `${r} ${RATING_NAMES[r]} ${formatInterval(now, preview[r])}`)).join('  ')} />
      <Text> </Text>
      <Para dim text="Enter saves the suggestion (in brackets); 1-4 pick another. The prompt comes back when the rating says." />
    </Frame>
  );
}

export function Saved({ title, rating, due, now }: { title: string; rating: Rating; due: number; now: number }) {
  const { width } = useAppState();
  // A prompt rated Again is back within the day: the time says when.
  const when = due - now < 24 * 60 * 60 * 1000 ? formatDateTime(due) : formatDate(due);
  return (
    <Frame title={title} commands={['continue', 'back']} footer={fitFooter([['Enter', 'go back', 1]], width)}>
      <Text bold color="green">
        ✓ Attempt saved
      </Text>
      <Text> </Text>
      <Para text={`Rated ${RATING_NAMES[rating]}. This prompt is due again ${when}. Your notes and scores are in its history (h on the design list).`} />
    </Frame>
  );
}

export function Resume({ title, startedAt, elapsedMs, phase, hintsUsed, noteLines }: { title: string; startedAt: number; elapsedMs: number; phase: number; hintsUsed: number; noteLines: number }) {
  const { width } = useAppState();
  return (
    <Frame title={title} commands={['select', 'fresh', 'back']} footer={fitFooter([['Enter', 'resume', 3], ['n', 'start over', 2], ['Esc', 'back', 1]], width)}>
      <Para bold text="You have an unfinished attempt at this prompt." />
      <Text> </Text>
      <Para text={`Started ${formatDateTime(startedAt)}; ${formatClock(elapsedMs)} in, phase ${phase}.`} />
      <Para text={`${hintsUsed} hint${hintsUsed === 1 ? '' : 's'} used · ${noteLines} lines of notes`} />
      <Text> </Text>
      <Para text="Enter resumes it with the clock where you left it (paused time is not counted); n starts over and replaces it." />
    </Frame>
  );
}
