// Every broken deck with its errors first (they need the user), then a table of the decks: the
// user's own first (each with its file under it), then the built-in ones. Columns are sized to
// their content and added while they fit, so a wide terminal shows ids too.
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { formatDeckError } from '../../core/deck-error.js';
import { CARD_KINDS, KIND_HEADERS, kindCell } from '../../core/deck.js';
import { deckFacts } from '../../core/deck-facts.js';
import { orphanedLine } from '../../core/progress.js';
import { safeText } from '../../core/safe-text.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { fitFooter } from '../components/footer.js';
import { useKeys, type Command } from '../keys.js';
import { frameBudget, MEASURE, WIDE } from '../layout.js';
import { layoutTable } from '../table-layout.js';
import { wrapLines } from '../wrap-lines.js';
import { marksLine } from '../components/card-actions/marks-line.js';

interface Line {
  text: string;
  bold?: boolean;
  dim?: boolean;
  color?: string;
}

const MAX_ERRORS = 20;

export function Decks() {
  const { ws, width, height, menuMemory } = useAppState();
  const actions = useAppActions();
  const { decks, broken } = ws.library;
  const orphans = useMemo(() => ws.orphans(), [ws]);
  const room = frameBudget(width, height, width >= WIDE ? width : MEASURE);
  // The user's own decks first: they are the ones being written and checked.
  const ordered = [...decks.filter((d) => d.origin !== 'built-in'), ...decks.filter((d) => d.origin === 'built-in')];

  const lines: Line[] = [];
  /** Wrapped text, `indent` in from the left, its later lines `hang` further in. */
  const para = (text: string, style: Omit<Line, 'text'> = {}, indent = 0, hang = 2) =>
    lines.push(...wrapLines(text, room.width - indent, hang).map((t) => ({ text: ' '.repeat(indent) + t, ...style })));
  for (const b of broken) {
    para(`Not loaded: ${b.file}`, { color: 'red', bold: true });
    for (const e of b.errors.slice(0, MAX_ERRORS)) para(formatDeckError(e), {}, 2);
    if (b.errors.length > MAX_ERRORS) lines.push({ text: `  and ${b.errors.length - MAX_ERRORS} more (run keeper-prep validate)`, dim: true });
    lines.push({ text: '' });
  }
  // A cursor on the table's rows: Enter opens Study now for that deck.
  // Null until moved: the broken decks' errors above the table stay in view at first.
  const [cursor, setCursor] = useState<number | null>(() => {
    const back = ordered.findIndex((d) => d.deck.id === menuMemory.decks);
    return back >= 0 ? back : null;
  });
  const at = Math.min(cursor ?? 0, Math.max(0, ordered.length - 1));
  const rowLines: number[] = [];
  // From the facts, so opening the list reads no deck's cards (a large deck's are loaded lazily).
  const kinds = ordered.map(({ deck }) => deckFacts(deck).kinds);
  const table = layoutTable(
    [
      { header: 'Deck', cells: ordered.map((d) => safeText(d.deck.title)), cap: 32, min: 12 },
      { header: 'id', cells: ordered.map((d) => d.deck.id), cap: 32, optional: 2 },
      { header: 'area', cells: ordered.map((d) => d.deck.area), optional: 3 },
      { header: 'cards', cells: ordered.map((d) => String(deckFacts(d.deck).cardCount)), align: 'right' },
      {
        header: CARD_KINDS.map((k) => KIND_HEADERS[k]).join(' '),
        cells: kinds.map((counts) => kindCell(counts)),
        optional: 1,
      },
    ],
    room.width - 2,
  );
  // Suspended cards show nowhere else: above the table, where a long list does not hide them.
  const marked = marksLine(ws.marks.current());
  if (marked) {
    para(marked, { color: 'yellow' }, 0, 0);
    lines.push({ text: '' });
  }
  lines.push({ text: `  ${table.header}`, bold: true });
  ordered.forEach(({ origin, file, replaced }, i) => {
    rowLines.push(lines.length);
    lines.push(i === at ? { text: `› ${table.rows[i]!}`, bold: true, color: 'cyan' } : { text: `  ${table.rows[i]!}` });
    if (origin !== 'built-in') para(`from ${origin === 'env' ? 'KEEPER_PREP_DECKS: ' : origin === 'flag' ? '--deck: ' : ''}${file}`, { dim: true }, 2);
    if (replaced) {
      para(`Used instead of ${replaced.origin === 'built-in' ? 'the built-in deck' : 'the deck'} with the same id (${basename(replaced.file)}): ${replaced.reason}.`, { color: 'yellow' }, 2);
    }
  });
  if (orphans.size > 0) {
    lines.push({ text: '' });
    para(orphanedLine(orphans), { dim: true }, 0, 0);
  }
  lines.push({ text: '' });
  para(`Add your own: put deck files in ${ws.userDecksDir}`, { dim: true }, 0, 0);

  const scrolls = lines.length > room.height;
  const deck = ordered[at]?.deck;
  useKeys({
    up: () => setCursor((c) => Math.max(0, (c ?? 0) - 1)),
    down: () => setCursor((c) => Math.min(ordered.length - 1, (c ?? 0) + 1)),
    ...(deck
      ? {
          studyDeck: () => {
            actions.rememberMenu('decks', deck.id);
            actions.push({ name: 'study-now', scope: { kind: 'deck', deckId: deck.id } });
          },
        }
      : {}),
    search: () => actions.push({ name: 'search' }),
    cardMarks: () => actions.push({ name: 'card-marks' }),
    back: actions.pop,
  });
  const commands: Command[] = ['up', 'down', ...(deck ? (['studyDeck'] as const) : []), ...(scrolls ? (['pageDown', 'pageUp'] as const) : []), 'search', 'cardMarks', 'back'];
  // With marked cards, m comes in before / search (help lists both).
  const footer = fitFooter(width, [], [...(deck ? ([['Enter', 'study this deck']] as const) : []), ['↑↓', 'move'], ...(scrolls ? ([['PgDn', 'scroll']] as const) : []), ...(marked ? ([['m', 'marked']] as const) : []), ['/', 'search']], [['Esc', 'back']]);
  return (
    <Frame title="Decks" commands={commands} footer={footer} measure={width >= WIDE ? width : MEASURE} fixed>
      <ScrollArea height={room.height} follow={cursor === null ? undefined : rowLines[at]}>
        <Box flexDirection="column" width={room.width}>
          {lines.map((line, i) => (
            <Text key={i} bold={line.bold} dimColor={line.dim} color={line.color} wrap="truncate-end">
              {line.text || ' '}
            </Text>
          ))}
        </Box>
      </ScrollArea>
    </Frame>
  );
}
