// The answer as words the matcher can compare: each word with where it was typed (to quote it
// back as typed), its stem (Porter2, from wink-porter2-stemmer), the synonym group it belongs to,
// whether it is a stop word, and whether a negation ("didn't", "no", "never", "without") governs it.
import stem from 'wink-porter2-stemmer';
import { eng } from 'stopword';
import { PHRASES, SYNONYM_GROUPS } from './feedback-synonyms.js';

export interface Word {
  /** As typed. */
  raw: string;
  lower: string;
  /** The comparison term: the synonym group's name, or the word's stem. */
  term: string;
  stop: boolean;
  negated: boolean;
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  words: Word[];
}

const WORD = /[A-Za-z0-9][A-Za-z0-9'’/-]*/g;

/** Longer is no English word; the stemmer's patterns take time quadratic in a word's length. */
const MAX_STEMMED = 40;

/** An answer says the same words again and again; stemming each once keeps long answers quick. */
const stems = new Map<string, string>();

function normalStem(word: string): string {
  if (word.length > MAX_STEMMED) return word;
  let s = stems.get(word);
  if (s === undefined) {
    s = stem(word.replace(/['’]s$/, '').replace(/['’]/g, ''));
    if (stems.size > 20_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

const GROUP_OF = new Map<string, string>();
for (const group of SYNONYM_GROUPS) for (const word of group) GROUP_OF.set(normalStem(word), normalStem(group[0]!));

export function term(lower: string): string {
  const s = normalStem(lower);
  return GROUP_OF.get(s) ?? s;
}

/** Besides the library's list: words a key point's phrasing carries that no answer needs to say. */
const EXTRA_STOP = ['not', 'no', 'nor', 'without', 'never', 'none', 'e.g', 'eg', 'etc', 'says', 'say', 'names', 'shows', 'show', 'explains', 'mentions', 'gives', 'uses', 'using', 'use', 'one', 'two', 'also', 'just', 'really', 'them', 'they', 'their', 'it', 'its', 'don’t', "don't", 'thing', 'things', 'rather', 'clearly', 'genuinely', 'genuine', 'others', 'per', 'x', 'vs', 'etc', 'whether', 'even', 'later', 'first', 'then', 'now'];
const STOP = new Set([...eng, ...EXTRA_STOP].map((w) => w.toLowerCase()));

export function isStop(lower: string): boolean {
  if (lower.length < 2) return !/^\d$/.test(lower);
  return STOP.has(lower) || STOP.has(lower.replace(/['’].*$/, '')) || /n['’]t$/.test(lower);
}

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'none', 'nor', 'neither', 'nothing', 'nobody', 'cannot', 'hardly', 'barely', 'lack', 'lacked', 'failed']);
/** A negation reaches this many content words on, and stops at a clause break before that. */
const NEGATION_REACH = 6;
/** "the no", "said no": the word as a noun, not negating what follows. */
const NOUN_BEFORE_NO = new Set(['the', 'a', 'said', 'say', 'says', 'saying', 'hear', 'heard', 'take']);
const CLAUSE_BREAK = /[,;:()]|^(but|although|though|however|so|because|while|whereas)$/i;

function isNegator(lower: string): boolean {
  return NEGATORS.has(lower) || /n['’]t$/.test(lower);
}

/** Sentences: ends at . ! ? (not inside a number like 1.5) or a line break. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const ends = /(?<![0-9])[.!?]+(?=\s|$)|\n+/g;
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length, words: [] });
  };
  for (const m of text.matchAll(ends)) {
    push(m.index + (m[0].startsWith('\n') ? 0 : m[0].length));
    from = m.index + m[0].length;
  }
  push(text.length);
  for (const s of out) {
    s.words = words(text.slice(s.start, s.end), s.start);
    // A question asks, whatever its words: "how does candor play out on your team?"
    if (s.text.endsWith('?')) s.words.push({ raw: '?', lower: '?', term: term('ask'), stop: false, negated: false, start: s.end - 1, end: s.end });
  }
  return out;
}

/** The words of one stretch of text, `offset` its place in the whole. */
export function words(text: string, offset = 0): Word[] {
  const found = [...text.matchAll(WORD)].map((m) => ({ raw: m[0].replace(/[-'’/]+$/, ''), index: m.index }));
  const out: Word[] = [];
  let negating = 0;
  for (let i = 0; i < found.length; i++) {
    const { raw, index } = found[i]!;
    const lower = raw.toLowerCase();
    const before = i > 0 ? text.slice(found[i - 1]!.index + found[i - 1]!.raw.length, index) : '';
    if (CLAUSE_BREAK.test(before) || CLAUSE_BREAK.test(lower)) negating = 0;
    const next = found[i + 1]?.raw.toLowerCase();
    const own = normalStem(lower);
    const phrase = next !== undefined ? PHRASES.find(([a, b]) => own === normalStem(a) && normalStem(next) === normalStem(b)) : undefined;
    const stop = isStop(lower);
    const word: Word = { raw, lower, term: phrase ? term(phrase[2]) : term(lower), stop, negated: negating > 0, start: offset + index, end: offset + index + raw.length };
    out.push(word);
    // "rather than X" and "instead of X" say X was not done, like "not X".
    if (negating > 0 && !stop) negating -= 1;
    const previous = out.at(-2)?.lower;
    const noun = lower === 'no' && previous !== undefined && NOUN_BEFORE_NO.has(previous);
    if ((isNegator(lower) && !noun) || (lower === 'rather' && next === 'than') || (lower === 'instead' && next === 'of')) negating = NEGATION_REACH;
    if (phrase) {
      // The phrase's second word is part of the first: skip it as a term of its own.
      const second = found[++i]!;
      out[out.length - 1]!.end = offset + second.index + second.raw.length;
    }
  }
  return out;
}
