// Anki notes as keeper-prep flashcards. Which cards a note has comes from the package's own cards
// table (Anki already decided, including which clozes and optional reversed cards exist); each
// card's two sides come from its note type's templates, rendered to terminal text.
import type { Card } from './deck.js';
import { ImportError, snippet, stableId, toTerminalText, unsafeTextReason } from './import-text.js';

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

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const SECTION = /\{\{([#^])\s*([^}]+?)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/;
const FIELD_REF = /\{\{([^{}]+?)\}\}/g;
const ANSWER_RULE = /<hr[^>]*id\s*=\s*["']?answer["']?[^>]*>/i;

/** A cloze text for card `n`: hidden as [...] (or [hint]) on the front, shown as [answer] on the back. */
export function clozeSide(text: string, n: number, side: 'front' | 'back'): string {
  return text.replace(CLOZE, (_, num: string, answer: string, hint: string | undefined) => {
    if (Number(num) !== n) return answer;
    return side === 'front' ? `[${hint?.trim() || '...'}]` : `[${answer}]`;
  });
}

function isBlank(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() === '';
}

/** Anki's template language, as far as a text card needs it: fields, filters, sections, FrontSide. */
export function renderTemplate(template: string, fields: ReadonlyMap<string, string>, cloze: number | null, side: 'front' | 'back'): string {
  let out = template;
  // Sections may nest: each pass keeps or drops the first one, and the next pass sees its insides.
  for (let match = SECTION.exec(out); match; match = SECTION.exec(out)) {
    const [whole, kind, name, inner] = match as unknown as [string, string, string, string];
    const filled = !isBlank(fields.get(name) ?? '');
    out = out.slice(0, match.index) + ((kind === '#') === filled ? inner : '') + out.slice(match.index + whole.length);
  }
  return out.replace(FIELD_REF, (_, ref: string) => {
    const parts = ref.trim().split(':');
    const name = parts.pop()!.trim();
    // The back shows only the answer: the app keeps the question in view above it.
    if (name === 'FrontSide' || parts.includes('type')) return '';
    const value = fields.get(name) ?? '';
    return parts.includes('cloze') && cloze !== null ? clozeSide(value, cloze, side) : value;
  });
}

function answerPart(html: string): string {
  const rule = ANSWER_RULE.exec(html);
  return rule ? html.slice(rule.index + rule[0].length) : html;
}

function describeNote(note: AnkiNote, front: string): string {
  const text = snippet(toTerminalText(note.fields[0] ?? front, true).text);
  return text ? `note ${note.id} ("${text}")` : `note ${note.id}`;
}

export function convertAnkiNotes(collection: AnkiCollection): ConvertedCards {
  const cards: Flashcard[] = [];
  const skipped: Skipped[] = [];
  const byType = new Map<string, { type: string; notes: number; cards: number }>();
  const seen = new Map<string, string>();
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
    if (ordinals.length === 0) skipped.push({ what: describeNote(note, ''), reason: 'the package has no cards for this note' });
    for (const ord of ordinals) {
      const template = type.cloze ? type.templates[0] : type.templates[ord];
      const label = `${describeNote(note, '')}${ordinals.length > 1 ? `, card ${ord + 1}` : ''}`;
      if (!template) {
        skipped.push({ what: label, reason: `its note type "${type.name}" has no template ${ord + 1}` });
        continue;
      }
      const cloze = type.cloze ? ord + 1 : null;
      const front = toTerminalText(renderTemplate(template.front, fields, cloze, 'front'), true);
      const back = toTerminalText(answerPart(renderTemplate(template.back, fields, cloze, 'back')), true);
      const onlyMedia = (t: typeof front) => t.media.length > 0 && t.text.replace(/\[(?:image|audio|video): [^\]]+\]/g, '').trim() === '';
      if (!front.text || onlyMedia(front)) {
        skipped.push({ what: label, reason: front.text ? `the question is only ${front.text}, which a terminal cannot show` : 'the question is empty' });
        continue;
      }
      if (!back.text) {
        skipped.push({ what: label, reason: 'the answer is empty' });
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
      if (front.media.length + back.media.length > 0) withMedia++;
      const tags = note.tags.filter((t) => t && !unsafeTextReason(t));
      cards.push({ id: `${stableId('a', note.guid)}-${ord + 1}`, type: 'flashcard', front: front.text, back: back.text, ...(tags.length ? { tags } : {}) });
      counts.cards++;
    }
  }
  return { cards, skipped, byType: [...byType.values()], withMedia };
}
