// Cram: the weakest cards of an area, beyond what is due, for the last days before the interview.
// Answers are practice unless the user counts them, so the long-term schedule stays as it was.
import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { cramItems, CRAM_SIZE } from '../../core/cram.js';
import { studyItems } from '../../core/queue.js';
import type { Deck } from '../../core/deck.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { fitFooter } from '../components/footer.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { useKeys } from '../keys.js';

type Area = 'all' | 'culture' | 'skills' | 'custom';
const COUNT_MEMORY = 'cram-answers';
const AREA_TITLES: Record<Area, string> = { all: 'Weakest cards, every area', culture: 'Culture', skills: 'Skills', custom: 'Your decks' };

export function Cram() {
  const { ws, clock, width, menuMemory } = useAppState();
  const actions = useAppActions();
  // Kept by the app, so the choice is still there when a cram session returns here.
  const counted = menuMemory[COUNT_MEMORY] === 'count';
  useKeys({ countCram: () => actions.rememberMenu(COUNT_MEMORY, counted ? 'practice' : 'count'), back: actions.pop });
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
  const intro = `Up to ${CRAM_SIZE} cards, the ones most likely forgotten ${date ? `on ${date}` : 'now'} first, whether or not they are due.`;
  const mode = counted ? "Answers COUNT: they change each card's schedule like a review. (c: keep them out)" : 'Answers are practice: your schedule is left as it is. (c: count them)';
  return (
    <Frame
      title="Cram"
      commands={['up', 'down', 'select', 'countCram', 'back']}
      footer={fitFooter(width, [], [['Enter', 'start'], ['c', counted ? 'keep out' : 'count them'], ['↑↓', 'move']], [['Esc', 'back']])}
      fixed
    >
      <CramBody intro={intro} mode={mode} counted={counted} items={areas.map((a) => ({ label: AREA_TITLES[a], value: a }))} onSelect={start} />
    </Frame>
  );
}

/** The explanation stays whole; the list of areas gets the lines left. */
function CramBody({ intro, mode, counted, items, onSelect }: { intro: string; mode: string; counted: boolean; items: MenuItem<Area>[]; onSelect: (area: Area) => void }) {
  const room = useRoom();
  const lines = (text: string) => wrapAnsi(text, room.width, { hard: true, trim: true }).split('\n').length;
  return (
    <>
      <Box flexDirection="column" flexShrink={0}>
        <Para text={intro} />
        <Para color={counted ? 'yellow' : 'green'} text={mode} />
        <Text> </Text>
      </Box>
      <Menu<Area> items={items} rows={Math.max(2, room.height - lines(intro) - lines(mode) - 1)} onSelect={onSelect} />
    </>
  );
}
