// Spreadsheet exports as flashcards: Anki's "Notes in Plain Text" (with its #separator, #html and
// #tags column headers), Quizlet's term/definition export, or any CSV or TSV with a question and an
// answer column, with or without a header row. Quoting, embedded commas and newlines are the CSV
// library's job; this module decides which column is which.
import { parse } from 'csv-parse/sync';
import { clozeSide, type Flashcard, type Skipped } from './anki-notes.js';
import { MAX_FIELD_LENGTH } from './deck-limits.js';
import { DeckBudget, ImportError, looksLikeHtml, MAX_CARDS_PER_NOTE, MAX_HTML_LENGTH, stableId, toTerminalText, tooLongReason, unsafeTextReason } from './import-text.js';
import { safeText } from './safe-text.js';
import { clozeNumbers } from './text-scan.js';

export interface ConvertedRows {
  cards: Flashcard[];
  skipped: Skipped[];
  delimiter: string;
  /** The header row's names, when the first row was read as one. */
  header: string[] | null;
  /** Columns that were neither question, answer nor tags, appended to the answer. */
  extraColumns: number;
  withMedia: number;
}

const QUESTION_NAMES = new Set(['question', 'front', 'term', 'prompt', 'word', 'q', 'text']);
const ANSWER_NAMES = new Set(['answer', 'back', 'definition', 'meaning', 'a', 'back extra']);
const TAG_NAMES = new Set(['tags', 'tag']);
const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', colon: ':', pipe: '|', space: ' ' };

interface AnkiHeaders {
  lines: number;
  separator?: string;
  html?: boolean;
  tagsColumn?: number;
  /** Columns holding Anki's note id, note type or deck name (0-based), which are not card text. */
  meta: number[];
  guidColumn?: number;
}

/** Anki's export starts with lines like "#separator:tab" that say how to read the rest. */
function ankiHeaders(text: string): AnkiHeaders {
  const headers: AnkiHeaders = { lines: 0, meta: [] };
  for (const line of text.split('\n')) {
    const match = /^#([a-z ]+):(.*)$/i.exec(line.replace(/\r$/, ''));
    if (!match) break;
    headers.lines++;
    const [, key, value] = match as unknown as [string, string, string];
    if (key.toLowerCase() === 'separator') headers.separator = SEPARATORS[value.toLowerCase()] ?? value;
    if (key.toLowerCase() === 'html') headers.html = value.trim().toLowerCase() === 'true';
    const column = Number(value) - 1;
    if (key.toLowerCase() === 'tags column') headers.tagsColumn = column;
    if (['guid column', 'notetype column', 'deck column'].includes(key.toLowerCase()) && column >= 0) headers.meta.push(column);
    if (key.toLowerCase() === 'guid column') headers.guidColumn = column;
  }
  return headers;
}

function pickDelimiter(text: string, fileName: string, declared: string | undefined): string {
  if (declared) return declared;
  if (/\.(tsv|tab)$/i.test(fileName)) return '\t';
  const firstLine = text.split('\n', 1)[0] ?? '';
  // Quizlet and Anki both default to tabs, whatever the file is called.
  if (firstLine.includes('\t')) return '\t';
  return /\.txt$/i.test(fileName) && !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
}

function csvErrorMessage(fileName: string, error: Error & { code?: string; lines?: number; record?: unknown[] }): string {
  const line = error.lines ?? 0;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const expected = /expect (\d+)/.exec(error.message)?.[1] ?? 'a different number';
      return `${fileName}:${line}: this row has ${error.record?.length ?? 'a different number of'} columns but the first row has ${expected}; put quotes around any field that contains the separator`;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${fileName}:${line}: a quoted field is never closed; every " that opens a field needs one that closes it`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `${fileName}:${line}: a quote in the middle of a field; write a quote inside a quoted field as ""`;
    default:
      return `${fileName}:${line}: ${error.message.replace(/\s+/g, ' ')}`;
  }
}

function columnOf(header: readonly string[] | null, names: ReadonlySet<string>): number {
  return header ? header.findIndex((name) => names.has(name.trim().toLowerCase())) : -1;
}

export function convertCsv(text: string, fileName: string): ConvertedRows {
  const headers = ankiHeaders(text);
  const delimiter = pickDelimiter(text.split('\n').slice(headers.lines).join('\n'), fileName, headers.separator);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      from_line: headers.lines + 1,
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new ImportError(csvErrorMessage(fileName, error as Error));
  }
  if (records.length === 0) throw new ImportError(`${fileName} has no rows to import`);
  const width = records[0]!.record.length;
  if (width < 2) {
    throw new ImportError(`${fileName} has only one column; a card needs a question and an answer, separated by ${delimiter === '\t' ? 'a tab' : `"${safeText(delimiter)}"`}`);
  }
  const first = records[0]!.record.map((cell) => cell.trim().toLowerCase());
  const header = first.some((c) => QUESTION_NAMES.has(c)) && first.some((c) => ANSWER_NAMES.has(c)) ? records[0]!.record : null;
  const rows = header ? records.slice(1) : records;
  const tagsColumn = columnOf(header, TAG_NAMES) >= 0 ? columnOf(header, TAG_NAMES) : (headers.tagsColumn ?? -1);
  // Without names, the first two columns that hold card text are the question and the answer.
  const textColumns = [...Array(width).keys()].filter((i) => i !== tagsColumn && !headers.meta.includes(i));
  const named = columnOf(header, QUESTION_NAMES);
  const question = named >= 0 ? named : (textColumns[0] ?? 0);
  const answerNamed = columnOf(header, ANSWER_NAMES);
  const answer = answerNamed >= 0 ? answerNamed : (textColumns.find((i) => i !== question) ?? 1);
  const extras = textColumns.filter((i) => i !== question && i !== answer);

  const cards: Flashcard[] = [];
  const skipped: Skipped[] = [];
  const seen = new Map<string, number>();
  const budget = new DeckBudget(fileName);
  let withMedia = 0;
  for (const { record, info } of rows) {
    // The parser counts lines to a row's end; a quoted field with newlines starts earlier.
    const line = info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const what = `line ${line}`;
    const html = (cell: string) => headers.html ?? looksLikeHtml(cell);
    const cell = (i: number) => record[i] ?? '';
    const rawQuestion = cell(question).trim();
    const answerParts = [cell(answer), ...extras.map(cell)].map((c) => c.trim()).filter(Boolean);
    if (!rawQuestion) {
      skipped.push({ what, reason: 'the question is empty' });
      continue;
    }
    const tooLong = record.map((c, i) => tooLongReason(i === question ? 'the question' : 'a cell', c)).find(Boolean);
    if (tooLong) {
      skipped.push({ what, reason: tooLong });
      continue;
    }
    if (rawQuestion.length + answerParts.reduce((n, part) => n + part.length, 0) > MAX_HTML_LENGTH) {
      skipped.push({ what, reason: `its cells add up to over ${MAX_HTML_LENGTH / 1024} KB; a card field holds at most ${MAX_FIELD_LENGTH / 1024} KB` });
      continue;
    }
    const clozes = clozeNumbers(rawQuestion);
    if (clozes.length > MAX_CARDS_PER_NOTE) {
      skipped.push({ what, reason: `it has ${clozes.length} cloze numbers; keeper-prep makes at most ${MAX_CARDS_PER_NOTE} cards from one row` });
      continue;
    }
    if (answerParts.length === 0 && clozes.length === 0) {
      skipped.push({ what, reason: 'the answer is empty' });
      continue;
    }
    const twin = seen.get(rawQuestion);
    if (twin !== undefined) {
      skipped.push({ what, reason: `same question as line ${twin}` });
      continue;
    }
    seen.set(rawQuestion, line);
    // Anki's note id, when the export has it, survives edits to the question.
    const guid = headers.guidColumn !== undefined ? cell(headers.guidColumn).trim() : '';
    const rowId = guid ? stableId('g', guid) : stableId('r', rawQuestion);
    const tags = tagsColumn >= 0 ? cell(tagsColumn).split(/\s+/).filter((t) => t && !unsafeTextReason(t)) : [];
    const extra = answerParts.map((part) => toTerminalText(part, html(part)));
    const sides = clozes.length
      ? clozes.map((n) => ({
          id: `${rowId}-c${n}`,
          front: toTerminalText(clozeSide(rawQuestion, n, 'front'), html(rawQuestion)),
          back: toTerminalText([clozeSide(rawQuestion, n, 'back'), ...answerParts].join(html(rawQuestion) ? '<br><br>' : '\n\n'), html(rawQuestion)),
        }))
      : [{ id: rowId, front: toTerminalText(rawQuestion, html(rawQuestion)), back: { text: extra.map((e) => e.text).join('\n\n'), media: extra.flatMap((e) => e.media) } }];
    for (const side of sides) {
      for (const part of [side.front.text, side.back.text]) {
        const unsafe = unsafeTextReason(part);
        if (unsafe) throw new ImportError(`${fileName}:${line}: ${unsafe}`);
      }
      if (!side.front.text || !side.back.text) {
        skipped.push({ what, reason: side.front.text ? 'the answer is empty' : 'the question is empty' });
        continue;
      }
      const longSide = tooLongReason('the question', side.front.text) ?? tooLongReason('the answer', side.back.text);
      if (longSide) {
        skipped.push({ what, reason: longSide });
        continue;
      }
      budget.add(side.front.text, side.back.text);
      if (side.front.media.length + side.back.media.length > 0) withMedia++;
      cards.push({ id: side.id, type: 'flashcard', front: side.front.text, back: side.back.text, ...(tags.length ? { tags } : {}) });
    }
  }
  return { cards, skipped, delimiter, header, extraColumns: extras.length, withMedia };
}
