// Feedback on a typed answer, offline: for each key point whether the answer covers it, with the
// words that do, and insights on how a behavioural answer is told. Loaded only when feedback is
// shown (import it dynamically), since its language model is not needed anywhere else.
//
// PLACEHOLDER (issue 16, being replaced by the matcher built on an NLP library): the shapes below
// are the interface the screens and commands build on; the bodies are a naive word overlap.

export interface KeyPointEvidence {
  text: string;
  covered: boolean;
  /** The answer's words that cover the point, quoted as typed; null when none were found. */
  evidence: string | null;
}

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

const WORD = /[A-Za-z][A-Za-z'-]*/g;

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

export function matchKeyPoints(answer: string, keyPoints: readonly string[]): KeyPointEvidence[] {
  const sentences = answer.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
  return keyPoints.map((text) => {
    const wanted = new Set(words(text).filter((w) => w.length > 3));
    let best: { sentence: string; hits: number } | null = null;
    for (const sentence of sentences) {
      const hits = words(sentence).filter((w) => wanted.has(w)).length;
      if (hits > (best?.hits ?? 0)) best = { sentence: sentence.trim(), hits };
    }
    const covered = !!best && best.hits >= Math.max(2, Math.ceil(wanted.size / 3));
    return { text, covered, evidence: covered ? best!.sentence : null };
  });
}

export function answerInsights(answer: string): Insights {
  const all = words(answer);
  return {
    star: (['situation', 'task', 'action', 'result'] as const).map((part) => ({ part, sentence: null })),
    i: all.filter((w) => w === 'i' || w === 'my' || w === 'me').length,
    we: all.filter((w) => w === 'we' || w === 'our' || w === 'us').length,
    fillers: [],
    repeated: [],
    words: all.length,
    speakingSeconds: Math.round((all.length / WORDS_PER_MINUTE) * 60),
    values: [],
  };
}
