// Every broken deck with its errors first (they need the user), then the user's own decks, then the
// built-in ones, each with its file and card counts.
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { orphanedLine } from '../../core/progress.js';
import { formatDeckError } from '../../core/deck-parse.js';
import { kindCounts } from '../../core/deck.js';
import { useAppActions, useAppState } from '../app-context.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { hint, useKeys } from '../keys.js';
import { Para } from '../components/CardText.js';

export function Decks() {
  const { ws, height, width } = useAppState();
  const actions = useAppActions();
  useKeys({ search: () => actions.push({ name: 'search' }), back: actions.pop });
  const { decks, broken } = ws.library;
  const orphans = useMemo(() => ws.orphans(), [ws]);
  // The user's own decks first: they are the ones being written and checked.
  const ordered = [...decks.filter((d) => d.origin !== 'built-in'), ...decks.filter((d) => d.origin === 'built-in')];
  return (
    <Frame title="Decks" commands={['pageDown', 'pageUp', 'up', 'down', 'search', 'back']} footer={hint([['j/k PgDn', 'scroll'], ['/', 'search'], ['Esc', 'back']])}>
      <ScrollArea height={bodyHeight(height)} lineKeys>
        <Box flexDirection="column" width={width}>
          {broken.map((b) => (
            <Box key={b.file} flexDirection="column" marginBottom={1}>
              <Text color="red" wrap="wrap">{`Not loaded: ${b.file}`}</Text>
              {b.errors.slice(0, 20).map((e, i) => (
                <Para key={i} indent={2} text={`  ${formatDeckError(e)}`} />
              ))}
              {b.errors.length > 20 ? <Text dimColor>{`  and ${b.errors.length - 20} more (run keeper-prep validate)`}</Text> : null}
            </Box>
          ))}
          {ordered.map(({ deck, origin, file, replaced }) => {
            const kinds = Object.entries(kindCounts(deck))
              .filter(([, n]) => n > 0)
              .map(([k, n]) => `${n} ${k}`)
              .join(', ');
            return (
              <Box key={deck.id} flexDirection="column">
                <Text wrap="truncate-end">
                  <Text bold>{deck.title}</Text>
                  <Text dimColor>{`  ${deck.id} · ${deck.area} · ${origin}`}</Text>
                </Text>
                <Text wrap="wrap">{`  ${deck.cards.length} cards: ${kinds}`}</Text>
                <Text dimColor wrap="truncate-middle">{`  ${origin === 'built-in' ? basename(file) : file}`}</Text>
                {replaced ? <Para color="yellow" indent={2} text={`  Used instead of ${replaced.origin === 'built-in' ? 'the built-in deck' : 'the deck'} with the same id (${basename(replaced.file)}): ${replaced.reason}.`} /> : null}
              </Box>
            );
          })}
          {orphans.size > 0 ? (
            <Box marginTop={1}>
              <Para dim text={orphanedLine(orphans)} />
            </Box>
          ) : null}
          <Text> </Text>
          <Text dimColor wrap="wrap">{`Add your own: put deck files in ${ws.userDecksDir}`}</Text>
        </Box>
      </ScrollArea>
    </Frame>
  );
}
