// One card with its answer, as found by search; `s` studies it now.
import { Box, Text } from 'ink';
import { rightAnswers } from '../../core/grading.js';
import type { StudyItem } from '../../core/queue.js';
import { formatInterval } from '../../core/scheduler.js';
import { useAppActions, useAppState } from '../app-context.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { CardText, Para, Source } from '../components/CardText.js';
import { OptionList } from '../components/quiz/OptionList.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { hint, useKeys } from '../keys.js';

function Answer({ item }: { item: StudyItem }) {
  const card = item.card;
  switch (card.type) {
    case 'flashcard':
      return <CardText text={card.back} />;
    case 'choice':
    case 'multi': {
      const right = rightAnswers(card);
      return (
        <Box flexDirection="column">
          <OptionList choices={card.choices} cursor={null} marks={card.choices.map((_, i) => (right.has(i) ? 'right' : null))} />
          <Text> </Text>
          <CardText text={card.explanation} />
        </Box>
      );
    }
    case 'open':
      return (
        <Box flexDirection="column">
          <Text>Key points:</Text>
          {card.keyPoints.map((p, i) => (
            <Para key={i} text={`  • ${p}`} />
          ))}
          {card.sample ? <CardText text={card.sample} dim /> : null}
        </Box>
      );
    case 'design':
      return <Text dimColor>A timed design prompt.</Text>;
  }
}

export function CardView({ item }: { item: StudyItem }) {
  const { ws, height, width, clock } = useAppState();
  const actions = useAppActions();
  const record = ws.progress.progress.cards.get(item.key);
  const studyable = item.card.type !== 'design';
  useKeys({ ...(studyable ? { study: () => actions.push({ name: 'review', title: 'Study now', items: [item] }) } : {}), back: actions.pop });
  const card = item.card;
  const status = record ? `seen; next due ${record.state.due <= clock() ? 'now' : `in ${formatInterval(clock(), record.state.due)}`}` : 'new';
  return (
    <Frame title="Card" commands={['study', 'pageDown', 'pageUp', 'back']} footer={hint([...(studyable ? [['s', 'study now'] as [string, string]] : []), ['Esc', 'back']])}>
      <Text dimColor wrap="truncate-end">{`${item.deckTitle} · ${card.type} · ${status}`}</Text>
      <ScrollArea height={bodyHeight(height) - 1}>
        <Box flexDirection="column" width={width}>
          <CardText text={card.type === 'flashcard' ? card.front : card.prompt} bold />
          <Text> </Text>
          <Answer item={item} />
          {card.tags?.length ? <Text dimColor>{`Tags: ${card.tags.join(', ')}`}</Text> : null}
          <Source url={card.source} />
        </Box>
      </ScrollArea>
    </Frame>
  );
}
