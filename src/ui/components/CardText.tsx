// Deck text as the terminal shows it: plain paragraphs, and fenced code blocks monospaced and set
// apart, never re-wrapped into prose. Whatever a deck let through, control characters and bidi
// overrides are shown as visible escapes here, before wrapping measures the text.
import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { safeText } from '../../core/safe-text.js';
import { useRoom } from './Layout.js';
import { useRemeasure } from './ScrollArea.js';

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

/** A list item's bullet or number, so its wrapped lines can hang under the text. */
const LIST_MARK = /^(?:[•*-]|\d{1,3}[.)])[ \t]+/;

function wrapLine(line: string, width: number): string {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  const mark = LIST_MARK.exec(line.slice(lead.length))?.[0] ?? '';
  const hang = ' '.repeat(lead.length + mark.length);
  return wrapAnsi(line.slice(lead.length + mark.length), Math.max(10, width - hang.length), { hard: true, trim: true })
    .split('\n')
    .map((part, i) => (i === 0 ? lead + mark + part : hang + part))
    .join('\n');
}

/**
 * Prose wrapped to the screen ourselves: ink's own wrapping keeps the space at a line break,
 * which starts the next line with a stray blank. List items hang their wrapped lines.
 */
export function Para({ text, indent = 0, bold = false, dim = false, color }: { text: string; indent?: number; bold?: boolean; dim?: boolean; color?: string | undefined }) {
  const { width } = useRoom();
  useRemeasure();
  const wrapped = safeText(text, { multiline: true })
    .split('\n')
    .map((line) => wrapLine(line, width - indent))
    .join('\n');
  return (
    <Text bold={bold} dimColor={dim} color={color} wrap="truncate-end">
      {wrapped}
    </Text>
  );
}

/** A code line wider than the screen continues on the next line, marked, rather than being cut. */
function codeLines(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) =>
    line.length <= width
      ? [line]
      : wrapAnsi(line, Math.max(10, width - 2), { hard: true, trim: false })
          .split('\n')
          .map((part, i) => (i === 0 ? part : `↳ ${part.trimStart()}`)),
  );
}

export function CardText({ text, bold = false, dim = false }: { text: string; bold?: boolean; dim?: boolean }) {
  const { width } = useRoom();
  useRemeasure();
  return (
    <Box flexDirection="column">
      {splitBlocks(safeText(text, { multiline: true })).map((block, i) =>
        block.code ? (
          <Box key={i} paddingLeft={2} flexDirection="column">
            {codeLines(block.text, width - 2).map((line, j) => (
              <Text key={j} color="yellow" wrap="truncate-end">
                {line || ' '}
              </Text>
            ))}
          </Box>
        ) : (
          <Para key={i} text={block.text} bold={bold} dim={dim} />
        ),
      )}
    </Box>
  );
}

/** An open question's model answer, set apart under its key points. */
export function SampleAnswer({ text }: { text: string | undefined }) {
  return text ? (
    <>
      <Text> </Text>
      <Text dimColor>Sample answer:</Text>
      <CardText text={text} dim />
    </>
  ) : null;
}

/** Where a card's fact can be checked, shown once the answer is. */
export function Source({ url }: { url: string | undefined }) {
  return url ? <Para dim text={`Source: ${url}`} /> : null;
}

/** A list item with a hanging indent, so wrapped lines line up under the text, not the bullet. */
export function Bullet({ text, mark = '•', indent = 2, dim = false }: { text: string; mark?: string; indent?: number; dim?: boolean }) {
  const { width } = useRoom();
  useRemeasure();
  const lead = ' '.repeat(indent);
  const hang = ' '.repeat(indent + mark.length + 1);
  const wrapped = wrapAnsi(safeText(text, { multiline: true }), Math.max(10, width - hang.length), { hard: true, trim: true })
    .split('\n')
    .map((line, i) => (i === 0 ? `${lead}${mark} ${line}` : `${hang}${line}`))
    .join('\n');
  return (
    <Text dimColor={dim} wrap="truncate-end">
      {wrapped}
    </Text>
  );
}
