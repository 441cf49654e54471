// How ready the user is, as predictions for the interview day: the plan, each area and skill
// (coverage, recall on the day, 14-day trend), the weakest topics with a key to study them now,
// design scores, calibration, stories, and the history charts. Cram starts from here. From WIDE
// columns the charts stand beside the figures instead of under them; prose keeps its measure.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { readinessFor } from '../../commands/readiness-input.js';
import { retentionAdviceLookup, type RetentionAdviceFigures } from '../../commands/retention-input.js';
import { RetentionAdvice, RetentionPicker } from '../components/RetentionAdvice.js';
import type { DayPlan } from '../../core/day-plan.js';
import type { StudyScope } from '../../core/custom-study.js';
import type { Deck } from '../../core/deck.js';
import { localDate, type Readiness as ReadinessFigures, type Topic } from '../../core/readiness.js';
import { forecastChart, heatmapChart, percent } from '../../core/readiness-charts.js';
import { valuesWithoutStory } from '../../core/stories.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { Frame } from '../components/Frame.js';
import { Panel } from '../components/Layout.js';
import { PredictionTrust } from '../components/readiness/PredictionTrust.js';
import { fitName, RecallTable } from '../components/readiness/RecallTable.js';
import { hint, useKeys, type Command } from '../keys.js';
import { frameBudget, MEASURE, WIDE } from '../layout.js';
import { fitFooter } from '../wrap-lines.js';
import { safeText } from '../../core/safe-text.js';
import { roundDimensionMeans } from '../../core/culture-round.js';
import { RoundScores } from '../components/round/RoundScores.js';

const AREA_NAMES: Record<string, string> = { culture: 'Culture', skills: 'Skills', design: 'Design', custom: 'Your decks', exercises: 'Exercises' };
const GUTTER = 3;

export function Readiness() {
  const { ws, clock, width, height, revision } = useAppState();
  const actions = useAppActions();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress or settings do
  const day = useMemo(() => ws.dayPlan(clock()), [ws, revision]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- day changes whenever progress or settings do
  const r = useMemo(() => readinessFor(ws, clock(), day.plan), [ws, day]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever a story is saved
  const missing = useMemo(() => valuesWithoutStory(ws.stories.list()), [ws, revision]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever a round is saved
  const rounds = useMemo(() => ws.rounds.history(), [ws, revision]);
  const topics: Topic[] = useMemo(() => [...r.decks.flatMap((d) => d.weakest)].sort((a, b) => a.recall - b.recall).slice(0, 3), [r]);
  // The day's cached advice at once; on a miss it is simulated after the first frame (~30 ms).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- day changes whenever progress or settings do
  const lookup = useMemo(() => retentionAdviceLookup(ws, clock(), day.plan), [ws, day]);
  const [workedOut, setWorkedOut] = useState<{ lookup: typeof lookup; advice: RetentionAdviceFigures | null } | null>(null);
  useEffect(() => {
    if (!('compute' in lookup)) return;
    const timer = setTimeout(() => setWorkedOut({ lookup, advice: lookup.compute() }), 0);
    return () => clearTimeout(timer);
  }, [lookup]);
  const advice = 'advice' in lookup ? lookup.advice : workedOut?.lookup === lookup ? workedOut.advice : undefined;
  const [picking, setPicking] = useState(false);
  const [cursor, setCursor] = useState(0);
  const studyTopic = () => {
    const topic = topics[cursor];
    if (topic) actions.push({ name: 'study-now', scope: topicScope(topic, ws.decks()), mode: 'practice' });
  };
  const hasTopics = topics.length > 0;
  useKeys({
    ...(hasTopics
      ? {
          up: () => setCursor((c) => Math.max(0, c - 1)),
          down: () => setCursor((c) => Math.min(topics.length - 1, c + 1)),
          studyTopic,
        }
      : {}),
    ...(advice ? { chooseRetention: () => setPicking(true) } : {}),
    cram: () => actions.push({ name: 'cram' }),
    back: actions.pop,
  }, { isActive: !picking });

  const charts = [
    { title: 'Reviews, last 16 weeks', text: heatmapChart(r.heatmap) },
    { title: 'Due in the next 14 days', text: forecastChart(r.forecast) },
  ];
  const retentionName = Math.max(...r.retention.map((a) => (AREA_NAMES[a.area] ?? a.area).length));
  const retention = r.retention.map((a) => `  ${fitName(AREA_NAMES[a.area] ?? a.area, retentionName)}  ${a.rate === null ? 'no reviews yet' : `${percent(a.rate)} of ${a.reviews}`}`);
  const chartsWidth = Math.max(...charts.flatMap((c) => [c.title, ...c.text.split('\n')]).map((l) => [...l].length), ...retention.map((l) => l.length));
  const wide = width >= WIDE;
  const room = frameBudget(width, height, wide ? width : MEASURE);
  // Prose keeps the readable measure; the charts take what they need beside it.
  const left = Math.min(MEASURE, room.width - GUTTER - chartsWidth);

  if (picking && advice) {
    return (
      <RetentionPicker
        advice={advice}
        onCancel={() => setPicking(false)}
        onChoose={(retention) => {
          actions.updateSettings({ retention });
          setPicking(false);
        }}
      />
    );
  }
  const retentionKey: [string, string][] = advice ? [['r', 'retention']] : [];
  const commands: Command[] = [...(hasTopics ? (['up', 'down', 'studyTopic'] as const) : []), ...(advice ? (['chooseRetention'] as const) : []), 'cram', 'pageDown', 'pageUp', 'back'];
  const footer = hasTopics
    ? fitFooter(
        room.width,
        hint([['↑↓ Enter', 'study a weak topic'], ...retentionKey, ['c', 'cram'], ['Esc', 'back']]),
        hint([['↑↓ Enter', 'weak topic'], ...retentionKey, ['c', 'cram'], ['Esc', 'back']]),
        hint([['↑↓ Enter', 'topic'], ...(advice ? [['r', 'ret.'] as [string, string]] : []), ['c', 'cram'], ['Esc', 'back']]),
      )
    : hint([...retentionKey, ['c', 'cram'], ['Esc', 'back']]);
  const main = (
    <Figures
      r={r}
      day={day}
      topics={topics}
      cursor={cursor}
      missing={missing.map((v) => v.name)}
      rounds={<RoundScores rounds={rounds.length} means={roundDimensionMeans(rounds)} />}
    />
  );
  const history = (
    <Box flexDirection="column" flexShrink={0}>
      {charts.map((c) => (
        <Box key={c.title} flexDirection="column" marginBottom={1}>
          <Text bold>{c.title}</Text>
          <Text>{c.text}</Text>
        </Box>
      ))}
      <RetentionAdvice advice={advice} width={wide ? room.width - left - GUTTER : room.width} />
      <Text bold>True retention (reviews of mature cards passed)</Text>
      {retention.map((line) => (
        <Text key={line} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text> </Text>
      <PredictionTrust />
    </Box>
  );
  return (
    <Frame title="Readiness" commands={commands} footer={footer} measure={wide ? width : MEASURE}>
      {wide ? (
        <Box flexDirection="row">
          <Panel width={left}>{main}</Panel>
          <Box width={GUTTER} flexShrink={0} />
          <Panel width={room.width - left - GUTTER}>{history}</Panel>
        </Box>
      ) : (
        <Box flexDirection="column">
          {main}
          <Text> </Text>
          {history}
        </Box>
      )}
    </Frame>
  );
}

function Figures({ r, day, topics, cursor, missing, rounds }: { r: ReadinessFigures; day: DayPlan; topics: readonly Topic[]; cursor: number; missing: readonly string[]; rounds: ReactNode }) {
  const forDay = r.predictedFor === 'interview' && r.interviewAt !== null ? `on ${localDate(r.interviewAt)}` : 'today';
  const cal = r.calibration;
  const dimensionWidth = Math.max(0, ...r.design.dimensions.map((d) => safeText(d.dimension).length));
  return (
    <Box flexDirection="column" flexShrink={0}>
      {day.planLine ? <Para bold text={day.planLine} /> : <Para dim text="No interview date yet: set it in Settings (or --interview YYYY-MM-DD) for predictions for the day and a daily plan." />}
      {day.advice.map((line) => (
        <Para key={line} text={line} />
      ))}
      <Para dim text={`Recall is FSRS's prediction ${forDay}; cards never seen count as 0.`} />
      <Text> </Text>
      <RecallTable
        groups={[
          r.areas.map((a) => ({ key: a.area, name: AREA_NAMES[a.area] ?? a.area, figures: a })),
          r.decks.filter((d) => d.area === 'skills' || d.area === 'custom').map((d) => ({ key: d.deckId, name: d.title, figures: d })),
        ]}
      />
      <Text> </Text>
      <Para bold text={topics.length > 0 ? 'Weakest topics (↑↓ pick one, Enter studies it now, off the schedule)' : 'Weakest topics'} />
      {topics.length === 0 ? <Text dimColor>None yet: answer a few cards first.</Text> : null}
      {topics.map((t, i) => (
        <Text key={`${t.deckId}/${t.name}`} color={i === cursor ? 'cyan' : undefined} bold={i === cursor} wrap="truncate-end">
          {`${i === cursor ? '› ' : '  '}${safeText(`${t.name} · ${t.deckTitle}`)}: ${percent(t.recall)} (${t.seen} seen)`}
        </Text>
      ))}
      <Text> </Text>
      <Text bold wrap="truncate-end">{`System design: ${r.design.attempted} of ${r.design.prompts} prompts attempted`}</Text>
      {r.design.dimensions.length === 0 ? <Text dimColor>No scored mock yet.</Text> : null}
      {r.design.dimensions.map((d) => (
        <Text key={d.dimension} wrap="truncate-end">{`  ${safeText(d.dimension).padEnd(dimensionWidth)}  ${d.mean.toFixed(1)} of 4  (n=${d.n})`}</Text>
      ))}
      <Text> </Text>
      {rounds}
      <Text> </Text>
      <Text bold>Calibration (choice questions you marked)</Text>
      <Text wrap="truncate-end">{`  sure:  ${cal.sure.n === 0 ? 'none marked yet' : `${percent(cal.sure.rate)} right of ${cal.sure.n}`}`}</Text>
      <Text wrap="truncate-end">{`  guess: ${cal.guess.n === 0 ? 'none marked yet' : `${percent(cal.guess.rate)} right of ${cal.guess.n}`}`}</Text>
      <Text wrap="truncate-end">{`  open answers, ${cal.ticks.ticked === 0 ? 'none typed and ticked yet' : `ticked without evidence: ${cal.ticks.unevidenced} of ${cal.ticks.ticked}`}`}</Text>
      <Text> </Text>
      <Para bold text={missing.length === 0 ? 'Stories: every culture value has one.' : `Values without a story: ${missing.join(', ')}`} />
    </Box>
  );
}

/** A topic is one of its deck's tags, else (a walkthrough section, or a deck without tags) the deck. */
export function topicScope(topic: Topic, decks: readonly Deck[]): StudyScope {
  const name = topic.name.toLowerCase();
  const tagged = decks.find((d) => d.id === topic.deckId)?.cards.some((c) => (c.tags ?? []).some((t) => t.toLowerCase() === name));
  return tagged ? { kind: 'tag', tag: topic.name } : { kind: 'deck', deckId: topic.deckId };
}
