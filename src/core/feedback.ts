// Feedback on a typed answer, offline: for each key point whether the answer covers it, with the
// words that do, and insights on how a behavioural answer is told. Loaded only when feedback is
// shown (import it dynamically), so data commands and Home never load the stemmer or its tables.
//
// The NLP library, measured (esbuild bundle as scripts/build.mjs makes it, minified; cold
// `node -e "await import(bundle)"` under node 20 on this 2-core machine, bare node ~67 ms;
// median of 5):
//   wink-nlp 2.4 + wink-eng-lite-web-model 1.8 (lemmas, POS)  3570 KB (1004 KB gz)  ~205 ms
//   wink-lemmatizer 3.0 + porter2 + stopword                  1699 KB  (581 KB gz)  ~235 ms
//   natural 8.1 (whole; pulls mongodb, pg, redis clients)     9706 KB (2148 KB gz)  ~650 ms
//   natural's porter_stemmer.js + stopwords.js by path           5 KB    (2 KB gz)   ~70 ms
//   wink-porter2-stemmer 2.0 + stopword 3.1 (eng)                6 KB    (2 KB gz)   ~78 ms
// Chosen: wink-porter2-stemmer + stopword (in our split bundle the matcher's chunk, with the
// synonym and value tables, is 15 KB). Porter2 (Snowball English) is the better of the
// Porter stemmers, both packages are pure JS with no dependencies (nothing native, nothing
// fetched: fine under npx), and together they cost 6 KB and a few milliseconds. The lemmatising
// model would add 3.5 MB to the package for lemmas the matcher compares no better than stems
// once the synonym table (feedback-synonyms.ts) joins the domain's words; natural is only
// usable by reaching into its private paths, and installs database clients.
import { termWeights, bestEvidence } from './feedback-match.js';

export { answerInsights, WORDS_PER_MINUTE } from './answer-insights.js';
export type { Insights, StarPart } from './answer-insights.js';

export interface KeyPointEvidence {
  text: string;
  covered: boolean;
  /** The answer's words that cover the point, quoted as typed; null when none were found. */
  evidence: string | null;
  /** How much of the point's weighted content the evidence carries, 0 to 1. */
  score: number;
}

export interface MatchOptions {
  /** More key points (e.g. the whole deck's) to weigh words by: a word every point uses says little. */
  corpus?: readonly string[];
}

export function matchKeyPoints(answer: string, keyPoints: readonly string[], options: MatchOptions = {}): KeyPointEvidence[] {
  const weights = termWeights([...keyPoints, ...(options.corpus ?? [])]);
  return keyPoints.map((text) => {
    const found = bestEvidence(answer, text, weights);
    return { text, covered: found.covered, evidence: found.covered ? found.quote : null, score: found.score };
  });
}
