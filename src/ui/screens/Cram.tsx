// Cram: the weakest cards of an area, beyond what is due, for the last days before the interview.
// Answers are practice unless the user counts them, so the long-term schedule stays as it was.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { cramItems, CRAM_SIZE } from '../../core/cram.js';
import { studyItems } from '../../core/queue.js';
import type { Deck } from '../../core/deck.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { Frame } from '../components/Frame.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';

type Area = 'all' | 'culture' | 'skills' | 'custom';
const AREA_TITLES: Record<Area, string> = { all: 'Weakest cards, every area', culture: 'Culture', skills: 'Skills', custom: 'Your decks' };

export function Cram() {
  const { ws, clock } = useAppState();
  const actions = useAppActions();
  const [counted, setCounted] = useState(false);
  useKeys({ countCram: () => setCounted((c) => !c), back: actions.pop });
  const settings = ws.settings.get();
  const date = settings.interviewDate;
  const at = ws.interviewAt() ?? clock();
  const decks = ws.studyDecks();
  const inArea = (area: Area): Deck[] => (area === 'all' ? decks : decks.filter((d) => d.area === area));
  const areas = (['all', 'culture', 'skills', 'custom'] as Area[]).filter((a) => inArea(a).length > 0);
  const start = (area: Area) => {
    const items = cramItems(studyItems(inArea(area)), ws.progress.progress.cards, ws.scheduler(), at);
    actions.push({ name: 'review', title: `Cram · ${AREA_TITLES[area]}`, items, once: true, cram: counted ? 'counted' : 'practice', askConfidence: settings.askConfidence });
  };
  return (
    <Frame title="Cram" commands={['up', 'down', 'select', 'countCram', 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'start'], ['c', counted ? 'keep out' : 'count them'], ['Esc', 'back']])}>
      <Box flexDirection="column">
        <Para text={`Up to ${CRAM_SIZE} cards, the ones most likely forgotten ${date ? `on ${date}` : 'now'} first, whether or not they are due.`} />
        <Text color={counted ? 'yellow' : 'green'} wrap="wrap">
          {counted ? 'Answers COUNT: they change each card\'s schedule like a review. (c: keep them out)' : 'Answers are practice: your schedule is left as it is. (c: count them)'}
        </Text>
        <Text> </Text>
        <Menu<Area> items={areas.map((a) => ({ label: AREA_TITLES[a], value: a }))} onSelect={start} />
      </Box>
    </Frame>
  );
}
