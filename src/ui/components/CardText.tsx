// Deck text as the terminal shows it: plain paragraphs, and fenced code blocks monospaced and set
// apart, never re-wrapped into prose.
import { Box, Text } from 'ink';

interface Block {
  code: boolean;
  text: string;
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const parts = text.split(/^```[^\n]*\n?/m);
  parts.forEach((part, i) => {
    const trimmed = i % 2 === 1 ? part.replace(/\n$/, '') : part.replace(/^\n+|\n+$/g, '');
    if (trimmed) blocks.push({ code: i % 2 === 1, text: trimmed });
  });
  return blocks;
}

export function CardText({ text, bold = false, dim = false }: { text: string; bold?: boolean; dim?: boolean }) {
  return (
    <Box flexDirection="column">
      {splitBlocks(text).map((block, i) =>
        block.code ? (
          <Box key={i} paddingLeft={2} flexDirection="column">
            {block.text.split('\n').map((line, j) => (
              <Text key={j} color="yellow" wrap="truncate-end">
                {line || ' '}
              </Text>
            ))}
          </Box>
        ) : (
          <Text key={i} bold={bold} dimColor={dim}>
            {block.text}
          </Text>
        ),
      )}
    </Box>
  );
}
