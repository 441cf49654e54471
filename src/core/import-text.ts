// Turns other tools' text (Anki's HTML fields, spreadsheet cells) into deck text that a terminal
// shows as written: no tags or entities, lists and line breaks kept, media named rather than lost.
import { createHash } from 'node:crypto';
import { compile, type FormatCallback } from 'html-to-text';
import { MAX_DECK_BYTES, MAX_FIELD_LENGTH } from './deck-limits.js';
import { replaceBracketed } from './text-scan.js';

export interface TerminalText {
  text: string;
  /** Images and sounds the text referred to, by file name. */
  media: string[];
}

/** An import that cannot go ahead; its message is one line the user can act on. */
export class ImportError extends Error {}

const SOUND = /\[sound:/g;
const MEDIA_NOTE = /\[(?:image|audio|video): /g;
/** Deeper HTML is cut off: the converter walks the tree recursively, and real notes nest a few levels. */
const MAX_HTML_DEPTH = 64;
const HTML_HINT = /<\/?[a-z][a-z0-9]*[\s/>]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** A media reference short enough to read in a card: a file name, or a web address that fits. */
export function mediaName(src: string): string {
  if (!/^[a-z]+:\/\//i.test(src)) return src.split(/[\\/]/).pop() || src;
  if (src.length <= 60) return src;
  const last = src.replace(/[?#].*$/, '').split('/').pop() ?? '';
  return `…/${last.length > 30 ? `${last.slice(0, 29)}…` : last}`;
}

const mediaNote: FormatCallback = (elem, _walk, builder) => {
  const attribs = (elem.attribs ?? {}) as Record<string, string>;
  // GitHub proxies images through long opaque addresses and keeps the original beside them.
  const src = attribs['data-canonical-src'] || attribs.src;
  const alt = attribs.alt?.trim();
  const shownAlt = alt && alt.length > 40 ? `${alt.slice(0, 39)}…` : alt;
  builder.addInline(`[${elem.name === 'img' ? 'image' : elem.name}: ${src ? mediaName(src) : 'no file name'}${shownAlt ? ` "${shownAlt}"` : ''}]`);
};

/** Tables and preformatted text keep their columns: the app shows a fenced block as written. */
const fenced: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2, blockTransform: (text) => `\`\`\`\n${text.replace(/^\n+|\n+$/g, '')}\n\`\`\`` });
};

let htmlToText: ((html: string) => string) | undefined;

function converter(): (html: string) => string {
  htmlToText ??= compile({
    // The app wraps text to the terminal's width; a fixed wrap here would fight it.
    wordwrap: false,
    limits: { maxDepth: MAX_HTML_DEPTH },
    formatters: { mediaNote, fenced },
    selectors: [
      // Link targets are long and rarely what a card is about; the link text stays.
      { selector: 'a', options: { ignoreHref: true } },
      ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'kp-fence', format: 'fenced' },
      { selector: 'img', format: 'mediaNote' },
      { selector: 'audio', format: 'mediaNote' },
      { selector: 'video', format: 'mediaNote' },
      { selector: 'svg', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '• ' } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
  return htmlToText;
}

/** Cards one note or row may become: each cloze is a card holding the whole text. */
export const MAX_CARDS_PER_NOTE = 100;

/**
 * HTML longer than this is not converted: markup shrinks as it becomes text, but not by this much,
 * so the card would be refused for length anyway (a template can repeat a field many times).
 */
export const MAX_HTML_LENGTH = 4 * MAX_FIELD_LENGTH;

/** Why a field or cell is too long to become card text, or null. */
export function tooLongReason(what: string, text: string): string | null {
  if (text.length <= MAX_FIELD_LENGTH) return null;
  return `${what} is ${Math.ceil(text.length / 1024)} KB; a card field holds at most ${MAX_FIELD_LENGTH / 1024} KB`;
}

/**
 * Counts what an import has made so far and stops it as soon as the deck would be larger than
 * the loader accepts, rather than converting everything and writing a deck that cannot load.
 */
export class DeckBudget {
  private bytes = 0;
  constructor(private readonly source: string) {}

  add(front: string, back: string): void {
    // JSON adds quotes, keys and escapes: a card costs a little more than its text.
    this.bytes += Buffer.byteLength(front) + Buffer.byteLength(back) + 128;
    if (this.bytes > MAX_DECK_BYTES) {
      throw new ImportError(`${this.source} makes a deck of over ${MAX_DECK_BYTES / 1048576} MB, more than keeper-prep loads; split it into smaller files and import each`);
    }
  }
}

/** Whether a cell looks like HTML, for sources that do not say (spreadsheets). */
export function looksLikeHtml(text: string): boolean {
  return HTML_HINT.test(text);
}

/** HTML (or plain text when `html` is false) as terminal text; media references become `[image: x.png]`. */
export function toTerminalText(input: string, html: boolean): TerminalText {
  const withSounds = replaceBracketed(input, SOUND, (file) => `[audio: ${file}]`);
  const converted = html ? converter()(withSounds.replace(/<(pre|table)\b/gi, '<kp-fence><$1').replace(/<\/(pre|table)>/gi, '</$1></kp-fence>')) : withSounds;
  const text = converted
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const media: string[] = [];
  replaceBracketed(text, MEDIA_NOTE, (name) => (media.push(name), ''), true);
  return { text, media };
}

/** The text without its `[image: x]` notes, to tell whether anything else is left. */
export function withoutMediaNotes(text: string): string {
  return replaceBracketed(text, MEDIA_NOTE, () => '', true);
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * Why this text may not go into a deck, or null. Terminal escape sequences could move the cursor
 * or rewrite the user's screen; deck text allows newline and tab and nothing else below a space.
 */
export function unsafeTextReason(text: string): string | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const what = code === 0x1b || code === 0x9b ? 'a terminal escape sequence' : `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `contains ${what}, which could rewrite your terminal; remove it and import again`;
}

/** A short, stable id part: the same input always gives the same id, so re-imports keep progress. */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  return `${prefix}-${createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 10)}`;
}

/** A deck id from a file name: "System Design (2017).apkg" becomes "system-design-2017". */
export function slugId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'imported';
}

/** The first line of a text, cut to `width`, for reports. */
export function snippet(text: string, width = 40): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** Bytes as UTF-8 text, or an ImportError for anything that is not text (binary junk, other encodings). */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ImportError(`${fileName} is not a text file (it has a zero byte at offset ${nul}); export your cards as CSV or tab-separated text`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError(`${fileName} is not UTF-8 text; save or export it as UTF-8 CSV and import again`);
  }
}
