// How ready the user is, as predictions for the interview day: the plan, each area and skill
// (coverage, recall on the day, 14-day trend), the weakest topics with a key to study them now,
// design scores, calibration, stories, and the history charts. Cram starts from here.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { readinessFor } from '../../commands/readiness-input.js';
import { studyItems } from '../../core/queue.js';
import { localDate, planLine, type RecallFigures, type Topic } from '../../core/readiness.js';
import { forecastChart, heatmapChart, percent, sparkline, trendChange } from '../../core/readiness-charts.js';
import { valuesWithoutStory } from '../../core/stories.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { hint, useKeys } from '../keys.js';

const AREA_NAMES: Record<string, string> = { culture: 'Culture', skills: 'Skills', design: 'Design', custom: 'Your decks' };

function fit(name: string, width: number): string {
  return (name.length > width ? `${name.slice(0, width - 1)}…` : name).padEnd(width);
}

function Row({ name, figures, width }: { name: string; figures: RecallFigures; width: number }) {
  const nameWidth = Math.max(8, width - 44);
  return <Text>{`${fit(name, nameWidth)} ${`${figures.seen}/${figures.cards}`.padStart(8)} ${percent(figures.coverage).padStart(5)} ${percent(figures.recallAllCards).padStart(6)}  ${sparkline(figures.trend)} ${trendChange(figures.trend).padStart(3)}`}</Text>;
}

function Header({ width }: { width: number }) {
  const nameWidth = Math.max(8, width - 44);
  return <Text bold>{`${''.padEnd(nameWidth)} ${'seen'.padStart(8)} ${'cover'.padStart(5)} ${'recall'.padStart(6)}  ${'14-day trend'.padEnd(18)}`}</Text>;
}

export function Readiness() {
  const { ws, clock, height, width, revision } = useAppState();
  const actions = useAppActions();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress or settings do
  const r = useMemo(() => readinessFor(ws, clock()), [ws, revision]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever a story is saved
  const missing = useMemo(() => valuesWithoutStory(ws.stories.list()), [ws, revision]);
  const topics: Topic[] = useMemo(() => [...r.decks.flatMap((d) => d.weakest)].sort((a, b) => a.recall - b.recall).slice(0, 3), [r]);
  const [cursor, setCursor] = useState(0);
  const settings = ws.settings.get();
  const studyTopic = () => {
    const topic = topics[cursor];
    if (!topic) return;
    // Weakest first, as the topic lists them.
    const items = studyItems(ws.decks().filter((d) => d.id === topic.deckId))
      .filter((i) => topic.keys.includes(i.key))
      .sort((a, b) => topic.keys.indexOf(a.key) - topic.keys.indexOf(b.key));
    actions.push({ name: 'review', title: `Weak topic · ${topic.name}`, items, once: true, cram: 'practice', askConfidence: settings.askConfidence });
  };
  useKeys({
    up: () => setCursor((c) => Math.max(0, c - 1)),
    down: () => setCursor((c) => Math.min(Math.max(0, topics.length - 1), c + 1)),
    select: studyTopic,
    cram: () => actions.push({ name: 'cram' }),
    back: actions.pop,
  });
  const forDay = r.predictedFor === 'interview' && r.interviewAt !== null ? `on ${localDate(r.interviewAt)}` : 'today';
  const cal = r.calibration;
  return (
    <Frame
      title="Readiness"
      commands={['up', 'down', 'select', 'cram', 'pageDown', 'pageUp', 'back']}
      footer={hint([['↑↓', 'topic'], ['Enter', 'study it'], ['c', 'cram'], ['PgDn', 'scroll'], ['Esc', 'back']])}
    >
      <ScrollArea height={bodyHeight(height)}>
        <Box flexDirection="column" width={width}>
          {r.plan ? <Text bold>{planLine(r.plan)}</Text> : <Para dim text="No interview date yet: set it in Settings (or --interview YYYY-MM-DD) for predictions for the day and a daily plan." />}
          <Para dim text={`Recall is FSRS's prediction ${forDay}; cards never seen count as 0.`} />
          <Text> </Text>
          <Header width={width} />
          {r.areas.map((a) => (
            <Row key={a.area} name={AREA_NAMES[a.area] ?? a.area} figures={a} width={width} />
          ))}
          <Text> </Text>
          {r.decks
            .filter((d) => d.area === 'skills' || d.area === 'custom')
            .map((d) => (
              <Row key={d.deckId} name={d.title} figures={d} width={width} />
            ))}
          <Text> </Text>
          <Text bold>Weakest topics (Enter studies one now, off the schedule)</Text>
          {topics.length === 0 ? <Text dimColor>None yet: answer a few cards first.</Text> : null}
          {topics.map((t, i) => (
            <Text key={`${t.deckId}/${t.name}`} color={i === cursor ? 'cyan' : undefined} wrap="truncate-end">
              {`${i === cursor ? '› ' : '  '}${t.name} · ${t.deckTitle}: ${percent(t.recall)} (${t.seen} seen)`}
            </Text>
          ))}
          <Text> </Text>
          <Text bold>{`System design: ${r.design.attempted} of ${r.design.prompts} prompts attempted`}</Text>
          {r.design.dimensions.length === 0 ? <Text dimColor>No scored mock yet.</Text> : null}
          {r.design.dimensions.map((d) => (
            <Text key={d.dimension} wrap="truncate-end">{`  ${fit(d.dimension, Math.max(10, width - 22))} ${d.mean.toFixed(1)} of 4  (n=${d.n})`}</Text>
          ))}
          <Text> </Text>
          <Text bold>Calibration (choice questions you marked)</Text>
          <Text>{`  sure:  ${cal.sure.n === 0 ? 'none marked yet' : `${percent(cal.sure.rate)} right of ${cal.sure.n}`}`}</Text>
          <Text>{`  guess: ${cal.guess.n === 0 ? 'none marked yet' : `${percent(cal.guess.rate)} right of ${cal.guess.n}`}`}</Text>
          <Text> </Text>
          <Para bold text={missing.length === 0 ? 'Stories: every culture value has one.' : `Values without a story: ${missing.map((v) => v.name).join(', ')}`} />
          <Text> </Text>
          <Text bold>Reviews, last 16 weeks</Text>
          <Text>{heatmapChart(r.heatmap)}</Text>
          <Text> </Text>
          <Text bold>Due in the next 14 days</Text>
          <Text>{forecastChart(r.forecast)}</Text>
          <Text> </Text>
          <Text bold>True retention (reviews of mature cards passed)</Text>
          {r.retention.map((a) => (
            <Text key={a.area}>{`  ${fit(AREA_NAMES[a.area] ?? a.area, 12)} ${a.rate === null ? 'no reviews yet' : `${percent(a.rate)} of ${a.reviews}`}`}</Text>
          ))}
        </Box>
      </ScrollArea>
    </Frame>
  );
}
