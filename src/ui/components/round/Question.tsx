// One question of a culture round while it is answered: the prompt, the countdown (shown, never
// enforced), and the answer: typed (multi-line, the line being typed always in view), or aloud
// (the clock runs while the user speaks, then a one-line summary). Laid out to the body's budget.
import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { formatClock, formatCountdown } from '../../../core/mock.js';
import { safeText } from '../../../core/safe-text.js';
import type { AnswerMode } from '../../../store/round-attempts.js';
import { LiveNotes } from '../mock/Notes.js';
import { TextField } from '../TextField.js';

export interface QuestionLayout {
  width: number;
  prompt: string[];
  gap: boolean;
  /** Lines left for the answer under its title. */
  answerHeight: number;
}

/** The prompt cut to at most a third of the body (the rest is for the answer), with an ellipsis. */
export function questionLayout(body: { width: number; height: number }, prompt: string, notice: boolean): QuestionLayout {
  const most = Math.max(2, Math.floor(body.height / 3));
  const wrapped = wrapAnsi(safeText(prompt), Math.max(10, body.width), { hard: true, trim: true }).split('\n');
  const lines = wrapped.length > most ? [...wrapped.slice(0, most - 1), `${wrapped[most - 1]!.slice(0, Math.max(1, body.width - 1))}…`] : wrapped;
  const gap = body.height >= 16;
  const fixed = 1 + (notice ? 1 : 0) + lines.length + (gap ? 1 : 0) + 1;
  return { width: body.width, prompt: lines, gap, answerHeight: Math.max(1, body.height - fixed) };
}

export interface QuestionViewProps {
  layout: QuestionLayout;
  index: number;
  count: number;
  valueName: string;
  leftMs: number;
  elapsedMs: number;
  paused: boolean;
  notice: string | null;
  mode: AnswerMode;
  stage: 'answer' | 'summary';
  text: string;
  typing: boolean;
  onSummaryChange: (value: string) => void;
  onSummarySubmit: (value: string) => void;
}

export function QuestionView(props: QuestionViewProps) {
  const { layout, index, count, valueName, leftMs, elapsedMs, paused, notice, mode, stage, text, typing } = props;
  const clock = stage === 'summary' ? `answered in ${formatClock(elapsedMs)}` : `${paused ? 'PAUSED ' : ''}${leftMs >= 0 ? `${formatCountdown(leftMs)} left` : `${formatClock(leftMs)} over`}`;
  const label = `Question ${index + 1} of ${count} · ${safeText(valueName)}`;
  const room = Math.max(1, layout.width - clock.length - 2);
  return (
    <Box flexDirection="column" width={layout.width}>
      <Box flexDirection="column" flexShrink={0}>
        <Box justifyContent="space-between" width={layout.width} height={1}>
          <Text bold>{label.length > room ? `${label.slice(0, room - 1)}…` : label}</Text>
          <Text color={paused ? 'yellow' : leftMs < 0 ? 'red' : undefined}>{clock}</Text>
        </Box>
        {notice ? (
          <Text color={paused ? 'yellow' : 'red'} wrap="truncate-end">
            {notice}
          </Text>
        ) : null}
        {layout.prompt.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
        {layout.gap ? <Text> </Text> : null}
      </Box>
      {stage === 'summary' ? (
        <Box flexDirection="column" flexShrink={0}>
          <Text bold wrap="truncate-end">
            Your answer, aloud: now a one-line summary
          </Text>
          <TextField initial={text} width={layout.width} placeholder="I split the rollout, owned the call, churn fell 2%" onChange={props.onSummaryChange} onSubmit={props.onSummarySubmit} />
          <Text dimColor wrap="truncate-end">
            What you said, in a line: it is matched against the key points.
          </Text>
        </Box>
      ) : mode === 'aloud' ? (
        <Box flexDirection="column" flexShrink={0}>
          <Text bold wrap="truncate-end">
            Answering aloud
          </Text>
          <Text wrap="truncate-end">Speak your answer now, as to an interviewer.</Text>
          <Text dimColor wrap="truncate-end">
            Enter when you have finished; then a one-line summary.
          </Text>
        </Box>
      ) : (
        <Box flexDirection="column" flexShrink={0} height={layout.answerHeight + 1}>
          <Text bold wrap="truncate-end">{`Your answer${typing ? ' · typing' : ''}`}</Text>
          {text || typing ? (
            <LiveNotes text={text} typing={typing} height={layout.answerHeight} back={0} />
          ) : (
            <Text dimColor wrap="truncate-end">
              e types your answer; a answers aloud.
            </Text>
          )}
        </Box>
      )}
    </Box>
  );
}
