// The highlighted story in full beside the story bank's list on a wide terminal: its values,
// when it is next rehearsed, and the four STAR parts, cut at the panel's foot.
import { Box, Text } from 'ink';
import { formatDate } from '../../../core/day.js';
import { STORY_PART_NAMES, STORY_PARTS, storyValueNames, type Story } from '../../../core/stories.js';
import { useRoom } from '../Layout.js';
import { wrapLines } from '../../wrap-lines.js';

export function StoryPreview({ story, nextRehearsal }: { story: Story; nextRehearsal: number | null }) {
  const { width, height } = useRoom();
  const names = storyValueNames(story);
  const lines: { text: string; bold?: boolean; dim?: boolean }[] = [
    ...wrapLines(story.title, width, 2).map((text) => ({ text, bold: true })),
    ...wrapLines(`${names.length > 0 ? `Shows ${names.join(', ')}` : 'No values tagged'} · ${nextRehearsal !== null ? `next rehearsal ${formatDate(nextRehearsal)}` : 'never rehearsed'}`, width, 2).map((text) => ({ text, dim: true })),
  ];
  for (const part of STORY_PARTS) {
    lines.push({ text: '' }, { text: STORY_PART_NAMES[part], bold: true });
    const text = story[part].trim();
    lines.push(...(text ? wrapLines(text, width - 2, 0).map((t) => ({ text: `  ${t}` })) : [{ text: '  (not written)', dim: true }]));
  }
  const shown = lines.length > height ? [...lines.slice(0, Math.max(0, height - 1)), { text: '… Enter opens the whole story', dim: true }] : lines;
  return (
    <Box flexDirection="column" flexShrink={0}>
      {shown.map((line, i) => (
        <Text key={i} bold={line.bold} dimColor={line.dim} wrap="truncate-end">
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
