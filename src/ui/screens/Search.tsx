// Fuzzy search over every loaded card; Enter opens the card.
import { Box, Text, useInput } from 'ink';
import { TextInput } from '@inkjs/ui';
import { useEffect, useMemo, useState } from 'react';
import { buildSearchIndex } from '../../core/search.js';
import { useAppActions, useAppState } from '../app-context.js';
import { bodyHeight, Frame } from '../components/Frame.js';

export function Search() {
  const { ws, height, helpOpen } = useAppState();
  const actions = useAppActions();
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const index = useMemo(() => buildSearchIndex(ws.decks()), [ws]);
  const hits = useMemo(() => index.search(query, 50), [index, query]);
  const rows = Math.max(1, bodyHeight(height) - 3);
  const top = Math.min(Math.max(0, cursor - rows + 1), Math.max(0, hits.length - rows));

  useEffect(() => {
    actions.setTyping(true);
    return () => actions.setTyping(false);
  }, [actions]);

  // Letters go to the query, so only arrows move through results.
  useInput(
    (_input, key) => {
      if (key.escape) actions.pop();
      else if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
      else if (key.downArrow) setCursor((c) => Math.min(hits.length - 1, c + 1));
      else if (key.return) {
        const hit = hits[cursor];
        if (hit) actions.push({ name: 'card', item: { key: hit.entry.key, deckId: hit.entry.deckId, deckTitle: hit.entry.deckTitle, card: hit.entry.card } });
      }
    },
    { isActive: !helpOpen },
  );

  return (
    <Frame title="Search" commands={['up', 'down', 'select', 'back']} footer="type to search · ↑↓ move · Enter open · Esc back">
      <Box>
        <Text color="cyan">Search: </Text>
        <TextInput
          onChange={(q) => {
            setQuery(q);
            setCursor(0);
          }}
          isDisabled={helpOpen}
          placeholder="words from a question, answer or tag"
        />
      </Box>
      <Text dimColor>{query.trim() ? `${hits.length === 50 ? '50+' : hits.length} match${hits.length === 1 ? '' : 'es'} in ${index.size} cards` : `${index.size} cards searchable`}</Text>
      <Text> </Text>
      {hits.slice(top, top + rows).map((hit, i) => {
        const selected = top + i === cursor;
        const prompt = hit.entry.prompt.replace(/\s+/g, ' ');
        return (
          <Text key={hit.entry.key} color={selected ? 'cyan' : undefined} wrap="truncate-end">
            {`${selected ? '› ' : '  '}${prompt}`}
            <Text dimColor>{`  ${hit.entry.deckTitle}`}</Text>
          </Text>
        );
      })}
    </Frame>
  );
}
