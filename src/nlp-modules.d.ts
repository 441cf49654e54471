// The two NLP packages ship no types of their own; these are the parts the matcher uses.
declare module 'wink-porter2-stemmer' {
  /** The Porter2 (Snowball English) stem of one lower-case word. */
  export default function stem(word: string): string;
}

declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: readonly string[];
}
