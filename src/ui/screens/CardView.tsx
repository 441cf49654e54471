// One card with its answer, as found by search; `s` studies it now.
import { cardPrompt, kindLabel } from '../../core/deck.js';
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
import { useCardActions } from '../components/card-actions/use-card-actions.js';
import { freshItem } from '../components/card-actions/fresh-item.js';

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
    case 'sql':
    case 'code':
      // The solution would give the exercise away: it shows after a submit or giving up.
      return <Text dimColor>Solve it with s: the solution shows once you submit or give up.</Text>;
  }
}

export function CardView({ item: shown }: { item: StudyItem }) {
  const { ws, width, clock } = useAppState();
  const actions = useAppActions();
  const [overflow, setOverflow] = useState(false);
  // After an edit in $EDITOR the card is shown as its deck now has it.
  const item = freshItem(ws.library, shown);
  const record = ws.progress.progress.cards.get(item.key);
  const acts = useCardActions(item);
  const studyable = item.card.type !== 'design' && !acts.suspended;
  useKeys({ ...(studyable ? { study: () => actions.push({ name: 'review', title: 'Study now', items: [item] }) } : {}), back: actions.pop }, { isActive: !acts.prompt });
  const card = item.card;
  const status = `${acts.suspended ? 'suspended' : record ? `seen; next due ${record.state.due <= clock() ? 'now' : `in ${formatInterval(clock(), record.state.due)}`}` : 'new'}${acts.note ? ` · ${acts.note}` : ''}`;
  const commands: Command[] = [...(studyable ? (['study'] as const) : []), ...acts.commands, ...(overflow ? (['pageDown', 'pageUp'] as const) : []), 'back'];
  const footer = acts.promptFooter ?? fitFooter(width, acts.notice ? [acts.notice] : [], [...(studyable ? ([['s', 'study now']] as const) : []), ...acts.keys], [['Esc', 'back']]);
  return (
    <Frame title="Card" commands={commands} footer={footer} fixed>
      <CardPane status={`${acts.glyph}${item.deckTitle} · ${kindLabel(card.type)} · ${status}`} prompt={acts.prompt} onOverflow={setOverflow}>
        <CardText text={cardPrompt(card)} bold />
        <Text> </Text>
        <Answer item={item} />
        {card.tags?.length ? <Para dim text={`Tags: ${card.tags.join(', ')}`} /> : null}
        <Source url={card.source} />
      </CardPane>
    </Frame>
  );
}

/** The status line stays whole; the card scrolls in the rest of the room. */
function CardPane({ status, prompt, onOverflow, children }: { status: string; prompt: ReactNode; onOverflow: (overflow: boolean) => void; children: ReactNode }) {
  const room = useRoom();
  return (
    <>
      <Box flexShrink={0}>{prompt ?? <Text dimColor wrap="truncate-end">{safeText(status)}</Text>}</Box>
      <ScrollArea height={Math.max(1, room.height - 1)} onOverflow={onOverflow}>
        <Box flexDirection="column" width={room.width}>
          {children}
        </Box>
      </ScrollArea>
    </>
  );
}
