// One card with its answer, as found by search; `s` studies it now.
import { Box, Text } from 'ink';
import { useState, type ReactNode } from 'react';
import { rightAnswers } from '../../core/grading.js';
import type { StudyItem } from '../../core/queue.js';
import { formatInterval } from '../../core/scheduler.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { CardText, Para, SampleAnswer, Source } from '../components/CardText.js';
import { fitFooter } from '../components/footer.js';
import { useRoom } from '../components/Layout.js';
import { OptionList } from '../components/quiz/OptionList.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { useKeys, type Command } from '../keys.js';
import { safeText } from '../../core/safe-text.js';

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
          <SampleAnswer text={card.sample} />
        </Box>
      );
    case 'design':
      return <Text dimColor>A timed design prompt.</Text>;
  }
}

export function CardView({ item }: { item: StudyItem }) {
  const { ws, width, clock } = useAppState();
  const actions = useAppActions();
  const [overflow, setOverflow] = useState(false);
  const record = ws.progress.progress.cards.get(item.key);
  const studyable = item.card.type !== 'design';
  useKeys({ ...(studyable ? { study: () => actions.push({ name: 'review', title: 'Study now', items: [item] }) } : {}), back: actions.pop });
  const card = item.card;
  const status = record ? `seen; next due ${record.state.due <= clock() ? 'now' : `in ${formatInterval(clock(), record.state.due)}`}` : 'new';
  const commands: Command[] = [...(studyable ? (['study'] as const) : []), ...(overflow ? (['pageDown', 'pageUp'] as const) : []), 'back'];
  return (
    <Frame title="Card" commands={commands} footer={fitFooter(width, [], studyable ? [['s', 'study now']] : [], [['Esc', 'back']])} fixed>
      <CardPane status={`${item.deckTitle} · ${card.type} · ${status}`} onOverflow={setOverflow}>
        <CardText text={card.type === 'flashcard' ? card.front : card.prompt} bold />
        <Text> </Text>
        <Answer item={item} />
        {card.tags?.length ? <Para dim text={`Tags: ${card.tags.join(', ')}`} /> : null}
        <Source url={card.source} />
      </CardPane>
    </Frame>
  );
}

/** The status line stays whole; the card scrolls in the rest of the room. */
function CardPane({ status, onOverflow, children }: { status: string; onOverflow: (overflow: boolean) => void; children: ReactNode }) {
  const room = useRoom();
  return (
    <>
      <Box flexShrink={0}>
        <Text dimColor wrap="truncate-end">{safeText(status)}</Text>
      </Box>
      <ScrollArea height={Math.max(1, room.height - 1)} onOverflow={onOverflow}>
        <Box flexDirection="column" width={room.width}>
          {children}
        </Box>
      </ScrollArea>
    </>
  );
}
