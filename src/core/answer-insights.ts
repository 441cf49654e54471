// How a behavioural answer is told, in the spirit of Interview Warmup: which STAR parts it has,
// "I" against "we", fillers, words said too often, length and speaking time, values touched.
// STAR parts are found by cue words and tense, simply: a sentence that sets the scene (when,
// last year, at my previous job, there was), states a goal (I had to, my job was), says what the
// speaker did (I + a past-tense verb), or reports an outcome (as a result, numbers, percent).
import { VALUE_KEYWORDS } from './culture-keywords.js';
import { sentences, term, words, type Sentence } from './feedback-text.js';

export type StarPart = 'situation' | 'task' | 'action' | 'result';

export interface Insights {
  /** Each STAR part with the sentence that carries it, or null when the answer has none. */
  star: { part: StarPart; sentence: string | null }[];
  /** Counts of first-person singular ("I", "my", "me") and plural ("we", "our", "us") words. */
  i: number;
  we: number;
  fillers: { word: string; count: number }[];
  /** The content words used most (three or more times), most first. */
  repeated: { word: string; count: number }[];
  words: number;
  /** At about 140 words a minute. */
  speakingSeconds: number;
  /** Culture value ids (core/culture-values.ts) the answer touches. */
  values: string[];
}

export const WORDS_PER_MINUTE = 140;
const REPEATED_AT = 3;

const SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
const PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'd", "we'll"]);

/** Single-word fillers, and phrases matched as typed (lower case). */
const FILLER_WORDS = ['um', 'umm', 'uh', 'uhm', 'er', 'erm', 'basically', 'actually', 'literally', 'honestly', 'just', 'totally'];
const FILLER_PHRASES = ['you know', 'sort of', 'kind of', 'i mean'];
/** "like" is a filler only set off by commas or opening a clause: "it was, like, slow". */
const FILLER_LIKE = /(^|[,.;!?]\s*)like\b|\blike,/gi;

const CUES: Record<StarPart, RegExp> = {
  situation: /\b(when|while|last (year|quarter|month)|at my (last|previous|old)|in (19|20)\d\d|there was|there were|we had|our team (was|had)|i was (working|on|at|the)|back in|context|at the time)\b/i,
  task: /\b(i (had|needed|wanted) to|my (job|task|role|goal|responsibility) (was|is)|i was (asked|responsible|tasked)|the goal was|we needed to|i owned|had to (decide|find|fix|ship|deliver))\b/i,
  action: /\b(i|so i|then i)\s+(\w+ed|led|built|wrote|made|ran|set|took|chose|spoke|met|went|gave|told|sat|brought|drove|sent|split|found|began|proposed|dug|rewrote|fixed)\b/i,
  result: /\b(as a result|result(ed)?|outcome|in the end|eventually|since then|afterwards|which (cut|reduced|saved|raised|increased)|we (shipped|launched|saved|cut|reduced)|\d+\s?(%|percent)|learned|lesson|went from|(fell|dropped|rose|grew|improved|doubled|halved) (by|to|from)|by (a|one) (third|half|quarter))\b/i,
};

function starParts(list: readonly Sentence[]): Insights['star'] {
  const used = new Set<number>();
  const parts: StarPart[] = ['situation', 'task', 'action', 'result'];
  // Results and tasks have the surest cues; claim their sentences first, then fill the rest.
  const order: StarPart[] = ['result', 'task', 'situation', 'action'];
  const found = new Map<StarPart, string | null>();
  for (const part of order) {
    const candidates = list.map((s, i) => ({ s, i })).filter(({ s, i }) => !used.has(i) && CUES[part].test(s.text));
    // A result comes late in a story and a situation early: take the last or the first.
    const pick = part === 'result' ? candidates.at(-1) : candidates[0];
    if (pick) used.add(pick.i);
    found.set(part, pick ? pick.s.text : null);
  }
  // A story opens on its scene: a first sentence in the past tense that no other part claimed.
  const first = list[0];
  if (found.get('situation') === null && first && !used.has(0) && list.length > 1 && /\b(was|were|had)\b/i.test(first.text)) found.set('situation', first.text);
  return parts.map((part) => ({ part, sentence: found.get(part) ?? null }));
}

function counted(items: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function fillers(answer: string, lowerWords: readonly string[]): Insights['fillers'] {
  const lower = answer.toLowerCase();
  const counts = counted(lowerWords.filter((w) => FILLER_WORDS.includes(w)));
  for (const phrase of FILLER_PHRASES) {
    const n = (lower.match(new RegExp(`\\b${phrase}\\b`, 'g')) ?? []).length;
    if (n > 0) counts.set(phrase, n);
  }
  const likes = (answer.match(FILLER_LIKE) ?? []).length;
  if (likes > 0) counts.set('like', likes);
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

function repeated(all: ReturnType<typeof words>): Insights['repeated'] {
  const byTerm = new Map<string, { forms: Map<string, number>; count: number }>();
  for (const w of all) {
    if (w.stop || SINGULAR.has(w.lower) || PLURAL.has(w.lower) || FILLER_WORDS.includes(w.lower) || /^\d+$/.test(w.lower)) continue;
    const entry = byTerm.get(w.term) ?? { forms: new Map(), count: 0 };
    entry.count += 1;
    entry.forms.set(w.lower, (entry.forms.get(w.lower) ?? 0) + 1);
    byTerm.set(w.term, entry);
  }
  return [...byTerm.values()]
    .filter((e) => e.count >= REPEATED_AT)
    .map((e) => ({ word: [...e.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0], count: e.count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

const toTerms = (keys: readonly string[]) => keys.map((k) => k.split(/\s+/).map(term));
const VALUE_TERMS = Object.entries(VALUE_KEYWORDS).map(([id, v]) => ({ id, names: toTerms(v.names), signs: toTerms(v.signs) }));
/** Different sign words an answer needs to touch a value without naming it. */
const SIGNS_NEEDED = 2;

function values(all: ReturnType<typeof words>): string[] {
  const terms = all.filter((w) => !w.negated).map((w) => w.term);
  const has = (seq: readonly string[]) => terms.some((_t, i) => seq.every((s, j) => terms[i + j] === s));
  return VALUE_TERMS.filter((v) => v.names.some(has) || new Set(v.signs.filter(has).map((seq) => seq.join(' '))).size >= SIGNS_NEEDED).map((v) => v.id);
}

export function answerInsights(answer: string): Insights {
  const all = words(answer);
  const lowerWords = all.map((w) => w.lower);
  return {
    star: starParts(sentences(answer)),
    i: lowerWords.filter((w) => SINGULAR.has(w.replace('’', "'"))).length,
    we: lowerWords.filter((w) => PLURAL.has(w.replace('’', "'"))).length,
    fillers: fillers(answer, lowerWords),
    repeated: repeated(all),
    words: all.length,
    speakingSeconds: Math.round((all.length / WORDS_PER_MINUTE) * 60),
    values: values(all),
  };
}
