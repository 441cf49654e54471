// Every broken deck with its errors first (they need the user), then every loaded deck with its card counts.
import { Box, Text } from 'ink';
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
          {decks.map(({ deck, origin, file }) => {
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
                {origin !== 'built-in' ? <Text dimColor wrap="truncate-middle">{`  ${file}`}</Text> : null}
              </Box>
            );
          })}
          <Text> </Text>
          <Text dimColor wrap="wrap">{`Add your own: put deck files in ${ws.userDecksDir}`}</Text>
        </Box>
      </ScrollArea>
    </Frame>
  );
}
