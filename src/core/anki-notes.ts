// Anki notes as keeper-prep flashcards. Which cards a note has comes from the package's own cards
// table (Anki already decided, including which clozes and optional reversed cards exist); each
// card's two sides come from its note type's templates, rendered to terminal text.
import type { Card } from './deck.js';
import { MAX_FIELD_LENGTH } from './deck-limits.js';
import { DeckBudget, ImportError, MAX_CARDS_PER_NOTE, MAX_HTML_LENGTH, snippet, stableId, toTerminalText, tooLongReason, unsafeTextReason, withoutMediaNotes } from './import-text.js';
import { safeText } from './safe-text.js';
import { afterAnswerRule, clozes, stripTags, templateTokens } from './text-scan.js';

export type Flashcard = Extract<Card, { type: 'flashcard' }>;

export interface AnkiNoteType {
  name: string;
  cloze: boolean;
  fields: string[];
  templates: { name: string; front: string; back: string }[];
}

export interface AnkiNote {
  id: number;
  guid: string;
  typeId: number;
  tags: string[];
  fields: string[];
}

export interface AnkiCollection {
  /** The database file inside the package, like "collection.anki21". */
  format: string;
  noteTypes: Map<number, AnkiNoteType>;
  notes: AnkiNote[];
  /** Each note's card ordinals: template index, or cloze number less one. */
  cards: Map<number, number[]>;
  /** The deck most of the cards are in, like "System Design"; null when only "Default". */
  deckName: string | null;
}

export interface Skipped {
  what: string;
  reason: string;
}

export interface ConvertedCards {
  cards: Flashcard[];
  skipped: Skipped[];
  /** Notes and the cards made from them, per note type. */
  byType: { type: string; notes: number; cards: number }[];
  /** Cards that refer to images or sounds, which stay in the text as [image: file]. */
  withMedia: number;
}

/** Sections nest this deep at most; a deeper opening is dropped, as an unclosed one is. */
const MAX_SECTION_DEPTH = 32;

/** A cloze text for card `n`: hidden as [...] (or [hint]) on the front, shown as [answer] on the back. */
export function clozeSide(text: string, n: number, side: 'front' | 'back'): string {
  const out: string[] = [];
  let last = 0;
  for (const cloze of clozes(text)) {
    const shown = cloze.number !== n ? cloze.answer : side === 'front' ? `[${cloze.hint?.trim() || '...'}]` : `[${cloze.answer}]`;
    out.push(text.slice(last, cloze.start), shown);
    last = cloze.end;
  }
  out.push(text.slice(last));
  return out.join('');
}

function isBlank(html: string): boolean {
  return stripTags(html).replace(/&nbsp;/g, ' ').trim() === '';
}

interface Section {
  name: string;
  keep: boolean;
  parts: string[];
}

/** Anki's template language, as far as a text card needs it: fields, filters, sections, FrontSide. */
export function renderTemplate(template: string, fields: ReadonlyMap<string, string>, cloze: number | null, side: 'front' | 'back'): string {
  return renderBounded(template, fields, cloze, side, Infinity) ?? '';
}

/** The rendered template, or null as soon as it passes `limit` characters. */
function renderBounded(template: string, fields: ReadonlyMap<string, string>, cloze: number | null, side: 'front' | 'back', limit: number): string | null {
  let size = 0;
  const blank = new Map<string, boolean>();
  const filled = (name: string) => {
    if (!blank.has(name)) blank.set(name, isBlank(fields.get(name) ?? ''));
    return !blank.get(name);
  };
  const stack: Section[] = [{ name: '', keep: true, parts: [] }];
  // A section that is never closed loses its tag and keeps its text.
  const closeTop = (keep: boolean) => {
    const section = stack.pop()!;
    if (keep) stack[stack.length - 1]!.parts.push(section.parts.join(''));
  };
  for (const token of templateTokens(template)) {
    if (size > limit) return null;
    const parts = stack[stack.length - 1]!.parts;
    if (token.kind === 'text') {
      parts.push(token.text);
      size += token.text.length;
    }
    else if (token.kind === 'open') {
      if (stack.length <= MAX_SECTION_DEPTH) stack.push({ name: token.name, keep: token.negated !== filled(token.name), parts: [] });
    } else if (token.kind === 'close') {
      let at = stack.length - 1;
      while (at > 0 && stack[at]!.name !== token.name) at--;
      if (at === 0) continue;
      while (stack.length - 1 > at) closeTop(true);
      closeTop(stack[at]!.keep);
    } else {
      const refParts = token.ref.trim().split(':');
      const name = refParts.pop()!.trim();
      // The back shows only the answer: the app keeps the question in view above it.
      if (name === 'FrontSide' || refParts.includes('type')) continue;
      const value = fields.get(name) ?? '';
      const shown = refParts.includes('cloze') && cloze !== null ? clozeSide(value, cloze, side) : value;
      parts.push(shown);
      size += shown.length;
    }
  }
  if (size > limit) return null;
  while (stack.length > 1) closeTop(true);
  return stack[0]!.parts.join('');
}

function describeNote(note: AnkiNote, front: string): string {
  // The start of the field is enough for a 40-character snippet, however long the field is.
  const text = safeText(snippet(toTerminalText((note.fields[0] ?? front).slice(0, 1000), true).text));
  return text ? `note ${note.id} ("${text}")` : `note ${note.id}`;
}

export function convertAnkiNotes(collection: AnkiCollection): ConvertedCards {
  const cards: Flashcard[] = [];
  const skipped: Skipped[] = [];
  const byType = new Map<string, { type: string; notes: number; cards: number }>();
  const seen = new Map<string, string>();
  const budget = new DeckBudget('this package');
  let withMedia = 0;
  for (const note of collection.notes) {
    const type = collection.noteTypes.get(note.typeId);
    if (!type) {
      skipped.push({ what: describeNote(note, ''), reason: 'its note type is missing from the package' });
      continue;
    }
    if (/image occlusion/i.test(type.name)) {
      skipped.push({ what: describeNote(note, ''), reason: `"${type.name}" notes are drawn on images, which a terminal cannot show` });
      continue;
    }
    const counts = byType.get(type.name) ?? { type: type.name, notes: 0, cards: 0 };
    byType.set(type.name, counts);
    counts.notes++;
    const fields = new Map(type.fields.map((name, i) => [name, note.fields[i] ?? '']));
    const ordinals = collection.cards.get(note.id) ?? [];
    const tooLong = note.fields.map((field, i) => tooLongReason(`its field "${type.fields[i] ?? i + 1}"`, field)).find(Boolean);
    if (tooLong) {
      skipped.push({ what: describeNote(note, ''), reason: tooLong });
      continue;
    }
    if (ordinals.length > MAX_CARDS_PER_NOTE) {
      skipped.push({ what: describeNote(note, ''), reason: `it has ${ordinals.length} cards; keeper-prep makes at most ${MAX_CARDS_PER_NOTE} cards from one note` });
      continue;
    }
    if (ordinals.length === 0) skipped.push({ what: describeNote(note, ''), reason: 'the package has no cards for this note' });
    const described = describeNote(note, '');
    for (const ord of ordinals) {
      const template = type.cloze ? type.templates[0] : type.templates[ord];
      const label = `${described}${ordinals.length > 1 ? `, card ${ord + 1}` : ''}`;
      if (!template) {
        skipped.push({ what: label, reason: `its note type "${type.name}" has no template ${ord + 1}` });
        continue;
      }
      const longTemplate = tooLongReason(`its note type's template "${template.name}"`, template.front) ?? tooLongReason(`its note type's template "${template.name}"`, template.back);
      if (longTemplate) {
        skipped.push({ what: label, reason: longTemplate });
        continue;
      }
      const cloze = type.cloze ? ord + 1 : null;
      const frontHtml = renderBounded(template.front, fields, cloze, 'front', MAX_HTML_LENGTH);
      const backHtml = renderBounded(template.back, fields, cloze, 'back', MAX_HTML_LENGTH);
      if (frontHtml === null || backHtml === null) {
        skipped.push({ what: label, reason: `its ${frontHtml === null ? 'question' : 'answer'} is over ${MAX_HTML_LENGTH / 1024} KB of HTML; a card field holds at most ${MAX_FIELD_LENGTH / 1024} KB` });
        continue;
      }
      const front = toTerminalText(frontHtml, true);
      const back = toTerminalText(afterAnswerRule(backHtml), true);
      const onlyMedia = (t: typeof front) => t.media.length > 0 && withoutMediaNotes(t.text).trim() === '';
      if (!front.text || onlyMedia(front)) {
        skipped.push({ what: label, reason: front.text ? `the question is only ${front.text}, which a terminal cannot show` : 'the question is empty' });
        continue;
      }
      if (!back.text) {
        skipped.push({ what: label, reason: 'the answer is empty' });
        continue;
      }
      const longSide = tooLongReason('the question', front.text) ?? tooLongReason('the answer', back.text);
      if (longSide) {
        skipped.push({ what: label, reason: longSide });
        continue;
      }
      for (const text of [front.text, back.text]) {
        const unsafe = unsafeTextReason(text);
        if (unsafe) throw new ImportError(`${label} ${unsafe}`);
      }
      const twin = seen.get(`${front.text}\u0000${back.text}`);
      if (twin) {
        skipped.push({ what: label, reason: `same question and answer as ${twin}` });
        continue;
      }
      seen.set(`${front.text}\u0000${back.text}`, label);
      budget.add(front.text, back.text);
      if (front.media.length + back.media.length > 0) withMedia++;
      const tags = note.tags.filter((t) => t && !unsafeTextReason(t));
      cards.push({ id: `${stableId('a', note.guid)}-${ord + 1}`, type: 'flashcard', front: front.text, back: back.text, ...(tags.length ? { tags } : {}) });
      counts.cards++;
    }
  }
  return { cards, skipped, byType: [...byType.values()], withMedia };
}
