// The suspended and flagged cards, reached from the Decks screen: the one place a suspended card
// shows, so it can be unsuspended (x), and where flags are reviewed, changed or cleared (f).
import { Box, Text } from 'ink';
import { useState } from 'react';
import { markedCards } from '../../core/card-marks.js';
import { useAppActions, useAppState } from '../app-context.js';
import { useCardActions } from '../components/card-actions/use-card-actions.js';
import { fitFooter } from '../components/footer.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { Menu } from '../components/Menu.js';
import { useKeys } from '../keys.js';

export function CardMarks() {
  const { ws, width, revision } = useAppState();
  const actions = useAppActions();
  // Every deck whole: the suspended cards are the point here.
  const list = markedCards(ws.library.decks.map((d) => d.deck), ws.marks.current());
  const [index, setIndex] = useState(0);
  const at = Math.min(index, Math.max(0, list.length - 1));
  const chosen = list[at] ?? null;
  const card = chosen?.card ? { key: chosen.key, deckId: chosen.deckId, deckTitle: chosen.deckTitle ?? chosen.deckId, card: chosen.card } : null;
  // Marks on cards no deck has now can be taken off too.
  const acts = useCardActions(chosen ? { key: chosen.key, deckId: chosen.deckId, card: { id: chosen.key.split('/')[1] ?? '' } } : null);
  const open = () => {
    if (card) actions.push({ name: 'card', item: card });
  };
  useKeys({ back: actions.pop }, { isActive: !acts.prompt });

  const suspended = list.filter((m) => m.suspendedAt !== null).length;
  const flagged = list.filter((m) => m.flag).length;
  const summary = list.length === 0 ? 'No suspended or flagged cards.' : `${suspended} suspended · ${flagged} flagged`;
  const lead = acts.notice ? [acts.notice] : [];
  const footer = acts.promptFooter ?? fitFooter(width, lead, [...(card ? ([['Enter', 'open']] as const) : []), ...acts.keys], [['Esc', 'back']]);
  return (
    <Frame title="Suspended and flagged cards" commands={['up', 'down', 'select', ...acts.commands, 'back']} footer={footer} fixed>
      <Box flexShrink={0}>{acts.prompt ?? <Text dimColor wrap="truncate-end">{summary}</Text>}</Box>
      <Text> </Text>
      <MarkList key={`${list.length}:${revision}`} items={list.map((m) => ({ value: m.key, label: label(m) }))} initialIndex={at} onHighlight={(key) => setIndex(list.findIndex((m) => m.key === key))} onSelect={open} isActive={!acts.prompt} />
    </Frame>
  );
}

function label(m: ReturnType<typeof markedCards>[number]): string {
  // The user's own words first: a long prompt is what gets cut.
  const glyphs = `${m.suspendedAt !== null ? '⊘' : ' '}${m.flag ? '⚑' : ' '}`;
  const note = m.flag?.note ? `"${m.flag.note}" · ` : '';
  return `${glyphs} ${note}${m.card ? `${m.deckTitle}: ${m.prompt}` : `${m.key} (not in any loaded deck)`}`;
}

function MarkList(props: { items: { value: string; label: string }[]; initialIndex: number; onHighlight: (key: string) => void; onSelect: () => void; isActive: boolean }) {
  const room = useRoom();
  return <Menu items={props.items} rows={Math.max(1, room.height - 2)} initialIndex={props.initialIndex} onHighlight={props.onHighlight} onSelect={props.onSelect} isActive={props.isActive} />;
}
