// After each answer of a culture round, compactly: each key point covered or not with the words
// that cover it, then how the answer was told (STAR parts, I against we, fillers, length and
// speaking time, values touched). Marks are glyphs, so they read without colour.
import { Box, Text } from 'ink';
import { cultureValue } from '../../../core/culture-values.js';
import { EXPECTED_SPEAKING, speakingVerdict } from '../../../core/culture-round.js';
import type { Insights, KeyPointEvidence } from '../../../core/feedback.js';
import { formatClock } from '../../../core/mock.js';
import type { RoundAnswer } from '../../../store/round-attempts.js';
import { Bullet, Para } from '../CardText.js';

export interface AnswerFeedback {
  keyPoints: KeyPointEvidence[];
  insights: Insights;
}

const EXPECTED = `${EXPECTED_SPEAKING.min / 60}-${EXPECTED_SPEAKING.max / 60} minutes`;

/** One line on length: the words and the speaking time they imply, or the time spoken aloud. */
export function lengthLine(answer: RoundAnswer, insights: Insights): string {
  const seconds = answer.mode === 'aloud' ? Math.round(answer.ms / 1000) : insights.speakingSeconds;
  const verdict = speakingVerdict(seconds);
  const judged = verdict === 'right' ? `within the ${EXPECTED} expected` : verdict === 'short' ? `short of the ${EXPECTED} expected` : `longer than the ${EXPECTED} expected`;
  const said = answer.mode === 'aloud' ? `Spoken for ${formatClock(seconds * 1000)} (timed); summary ${insights.words} words` : `${insights.words} words ≈ ${formatClock(seconds * 1000)} spoken (at 140 a minute)`;
  return `${said}: ${judged}.`;
}

export function iWeLine(insights: Insights): string {
  const { i, we } = insights;
  const advice = we > i ? ': more "we" than "I"; say what you did' : i === 0 && we === 0 ? ': no one acts in it; say what you did' : '';
  return `I ${i} · we ${we}${advice}`;
}

export function FeedbackView({ feedback, answer }: { feedback: AnswerFeedback | null; answer: RoundAnswer }) {
  if (!feedback) return <Text dimColor>Reading your answer…</Text>;
  const { keyPoints, insights } = feedback;
  const covered = keyPoints.filter((k) => k.covered).length;
  const star = insights.star.map((s) => `${s.sentence ? '✓' : '✗'} ${s.part}`).join('  ');
  const fillers = insights.fillers.length > 0 ? insights.fillers.map((f) => `${f.word} ×${f.count}`).join(', ') : 'none';
  const repeated = insights.repeated.map((r) => `${r.word} ×${r.count}`).join(', ');
  const values = insights.values.map((v) => cultureValue(v)?.name ?? v).join(', ') || 'none found';
  return (
    <Box flexDirection="column">
      {answer.text.trim() ? null : <Para dim text={answer.mode === 'aloud' ? 'No summary was typed, so nothing could be matched.' : 'No answer was typed, so nothing could be matched.'} />}
      <Text bold wrap="truncate-end">{`Key points: ${covered} of ${keyPoints.length} found in your ${answer.mode === 'aloud' ? 'summary' : 'answer'}`}</Text>
      {keyPoints.map((k, i) => (
        <Box key={i} flexDirection="column">
          <Bullet indent={0} mark={k.covered ? '✓' : '✗'} text={k.text} />
          <Bullet dim indent={2} mark=" " text={k.evidence ? `“${k.evidence}”` : 'no words found for it'} />
        </Box>
      ))}
      <Text> </Text>
      <Text bold>How you told it</Text>
      <Para text={`STAR: ${star}`} />
      <Para text={iWeLine(insights)} />
      <Para text={`Fillers: ${fillers}${repeated ? ` · repeated: ${repeated}` : ''}`} />
      <Para text={lengthLine(answer, insights)} />
      <Para text={`Values touched: ${values}`} />
    </Box>
  );
}
