// Search results, one line each: the prompt's first real line, and the deck's title in a column
// on the right (cut first on a narrow terminal), with "▲/▼ n more" when the list is longer than
// its rows.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { safeText } from '../../../core/safe-text.js';
import { promptLine } from '../../../core/search-query.js';
import type { SearchHit } from '../../../core/search.js';
import { listWindow, moreLines } from '../../layout.js';

/** Cut to `width` terminal columns (wide characters count two), with "…" when cut, padded to it. */
export function fitColumns(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text + ' '.repeat(width - stringWidth(text));
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - stringWidth(out)))}`;
}

const MARK = 2;
const GAP = 2;

/** mark: glyphs put before a card's prompt (⊘ suspended, ⚑ flagged). */
export function ResultList({ hits, at, rows, width, mark = () => '' }: { hits: readonly SearchHit[]; at: number; rows: number; width: number; mark?: (key: string) => string }) {
  const win = listWindow(hits.length, at, rows);
  const more = moreLines(win, rows);
  const shown = hits.slice(win.top, win.top + win.shown).map((hit) => ({ hit, prompt: `${mark(hit.entry.key)}${safeText(promptLine(hit.entry.prompt))}`, deck: safeText(hit.entry.deckTitle) }));
  // The deck column takes what its titles need, up to a third of the line.
  const deckWidth = Math.min(Math.floor(width / 3), Math.max(0, ...shown.map((s) => stringWidth(s.deck))));
  const promptWidth = Math.max(1, width - MARK - GAP - deckWidth);
  return (
    <Box flexDirection="column" flexShrink={0}>
      {more.above ? <Text dimColor>{`  ▲ ${win.above} more`}</Text> : null}
      {shown.map(({ hit, prompt, deck }, i) => {
        const selected = win.top + i === at;
        return (
          <Text key={hit.entry.key} color={selected ? 'cyan' : undefined} bold={selected} wrap="truncate-end">
            {`${selected ? '› ' : '  '}${fitColumns(prompt, promptWidth)}${' '.repeat(GAP)}`}
            <Text dimColor>{fitColumns(deck, deckWidth).trimEnd()}</Text>
          </Text>
        );
      })}
      {more.below ? <Text dimColor>{`  ▼ ${win.below} more`}</Text> : null}
    </Box>
  );
}
