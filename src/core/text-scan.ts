// Scanners for the bracketed bits of other tools' text: cloze deletions, Anki template tags,
// [sound:x] and [image: x] notes, HTML tags. Each reads its input once, left to right. The regular
// expressions they replace retried from every opening bracket that was never closed, which made a
// 24 KB spreadsheet cell take minutes (one unclosed "{{c1::" per few bytes is enough).

export interface Cloze {
  /** Where "{{c" starts and where the closing "}}" ends. */
  start: number;
  end: number;
  number: number;
  answer: string;
  hint: string | undefined;
}

/** Every `{{cN::answer}}` or `{{cN::answer::hint}}`, in order; the first "}}" closes a cloze. */
export function* clozes(text: string): Generator<Cloze> {
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{c', at);
    if (open < 0) return;
    let p = open + 3;
    while (p < text.length && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
    if (p === open + 3 || !text.startsWith('::', p)) {
      at = open + 1;
      continue;
    }
    const close = text.indexOf('}}', p + 2);
    // No "}}" after this opening means none after any later one either.
    if (close < 0) return;
    const body = text.slice(p + 2, close);
    const sep = body.indexOf('::');
    yield { start: open, end: close + 2, number: Number(text.slice(open + 3, p)), answer: sep < 0 ? body : body.slice(0, sep), hint: sep < 0 ? undefined : body.slice(sep + 2) };
    at = close + 2;
  }
}

/** The distinct cloze numbers a text opens, ascending (an unclosed one still counts, as Anki counts it). */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(/\{\{c(\d+)::/g)) numbers.add(Number(match[1]));
  return [...numbers].sort((a, b) => a - b);
}

/**
 * Replaces each `[` + opener + inside + `]` where the inside is not empty (and, with
 * `stopAtNewline`, on one line). `opener` must be a global regular expression matching the
 * opening, bracket included.
 */
export function replaceBracketed(text: string, opener: RegExp, replace: (inside: string) => string, stopAtNewline = false): string {
  const out: string[] = [];
  let last = 0;
  opener.lastIndex = 0;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const from = match.index + match[0].length;
    let end = from;
    while (end < text.length && text.charCodeAt(end) !== 93 && !(stopAtNewline && text.charCodeAt(end) === 10)) end++;
    if (end >= text.length) break;
    if (text.charCodeAt(end) === 93 && end > from) {
      out.push(text.slice(last, match.index), replace(text.slice(from, end)));
      last = end + 1;
    }
    // Any opening between here and `end` would stop at the same place.
    opener.lastIndex = Math.max(end, match.index + 1);
  }
  out.push(text.slice(last));
  return out.join('');
}

/** The text with `<…>` tags removed; a `<` that is never closed stays, as text. */
export function stripTags(html: string): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    out.push(html.slice(at, open));
    at = close + 1;
  }
  out.push(html.slice(at));
  return out.join('');
}

/** The part after Anki's `<hr id=answer>` rule, or the whole text when it has none. */
export function afterAnswerRule(html: string): string {
  const start = /<hr/gi;
  for (let match = start.exec(html); match; match = start.exec(html)) {
    const close = html.indexOf('>', match.index);
    if (close < 0) break;
    if (/id\s*=\s*["']?answer/i.test(html.slice(match.index, close))) return html.slice(close + 1);
    start.lastIndex = close + 1;
  }
  return html;
}

export type TemplateToken = { kind: 'text'; text: string } | { kind: 'open'; negated: boolean; name: string } | { kind: 'close'; name: string } | { kind: 'field'; ref: string };

/** Anki template text as tokens: `{{#Name}}`, `{{^Name}}`, `{{/Name}}`, `{{field}}` and plain text. */
export function* templateTokens(template: string): Generator<TemplateToken> {
  let last = 0;
  for (const match of template.matchAll(/\{\{([^{}]*)\}\}/g)) {
    if (match.index > last) yield { kind: 'text', text: template.slice(last, match.index) };
    last = match.index + match[0].length;
    const inside = match[1]!.trim();
    const head = inside[0];
    if (head === '#' || head === '^') yield { kind: 'open', negated: head === '^', name: inside.slice(1).trim() };
    else if (head === '/') yield { kind: 'close', name: inside.slice(1).trim() };
    else if (match[1]) yield { kind: 'field', ref: match[1] };
    else yield { kind: 'text', text: match[0] };
  }
  if (last < template.length) yield { kind: 'text', text: template.slice(last) };
}
