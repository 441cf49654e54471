// Home's side panel on a wide terminal: the sections of core/glance that fit the panel.
import { Box, Text } from 'ink';
import { glance, sectionLines, type GlanceInput } from '../../../core/glance.js';
import { useRoom } from '../Layout.js';
import { safeText } from '../../../core/safe-text.js';

export function Glance({ input }: { input: GlanceInput }) {
  const { width, height } = useRoom();
  const sections = glance(input, width, height).map((s) => sectionLines(s, width));
  return (
    <Box flexDirection="column">
      {sections.map((s, i) => (
        <Box key={s.title} flexDirection="column" flexShrink={0} marginTop={i > 0 ? 1 : 0}>
          <Text bold wrap="truncate-end">{s.title}</Text>
          {s.header !== null ? <Text dimColor wrap="truncate-end">{s.header}</Text> : null}
          {s.lines.map((line, j) => (
            <Text key={j} wrap="truncate-end">
              {safeText(line)}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
