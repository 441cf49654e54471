// The question a story rehearsal asks: an interviewer's behavioural question for one of the
// story's values, not the story's own title, so the user practises hearing the question and
// reaching for the story. Questions come from the loaded decks (open cards tagged "behavioural"
// and a value id); a value no deck asks about gets a short built-in one.
import type { Deck } from './deck.js';
import { CULTURE_VALUES, cultureValue, type CultureValue } from './culture-values.js';

export const BEHAVIOURAL_TAG = 'behavioural';

/** One question per value, for when no loaded deck has one (a --deck session, a trimmed install). */
export const BUILTIN_QUESTIONS: Readonly<Record<string, string>> = {
  selflessness: 'Tell me about a time you gave up something you wanted, such as credit, headcount or your own roadmap, because it was better for the company.',
  judgment: 'Tell me about an important call you made with incomplete information. How did you decide, and how did it turn out?',
  candor: 'Tell me about a time you told a colleague something they did not want to hear. How did you say it, and what changed?',
  creativity: 'Tell me about a problem you solved in a way nobody around you had tried. Where did the idea come from?',
  courage: 'Tell me about a time you disagreed with a decision, said so, and still committed to it once it was made.',
  inclusion: 'Tell me about a time you made sure a voice that was easy to overlook shaped a decision.',
  curiosity: 'Tell me about a time you went well outside your own area to understand a problem. What did you learn, and what did it change?',
  resilience: 'Tell me about a time something you had worked hard on failed or was cancelled. How did you recover, and what did you carry forward?',
};

/** For a story tagged with no value: a question any strong story answers. */
export const UNTAGGED_QUESTION = 'Tell me about the piece of work you are proudest of, and what you did yourself to make it happen.';

/** The behavioural questions of the loaded decks by value id, each value's in deck order. */
export function behaviouralQuestions(decks: readonly Deck[]): Map<string, string[]> {
  const byValue = new Map<string, string[]>();
  for (const deck of decks) {
    for (const card of deck.cards) {
      if (card.type !== 'open' || !card.tags?.includes(BEHAVIOURAL_TAG)) continue;
      for (const tag of card.tags) {
        if (!cultureValue(tag)) continue;
        const list = byValue.get(tag) ?? [];
        if (!list.includes(card.prompt)) list.push(card.prompt);
        byValue.set(tag, list);
      }
    }
  }
  return byValue;
}

export interface RehearsalQuestion {
  question: string;
  /** The value the question asks about; null for a story tagged with none. */
  value: CultureValue | null;
}

/**
 * The question for a story's next rehearsal. Rehearsals take the story's values in turn, and
 * each value's questions in turn, so the same story meets a new phrasing each time, as it would
 * from different interviewers. `rehearsals` is how many the story has had: the same count
 * always asks the same question, which keeps a session and its tests predictable.
 */
export function rehearsalQuestion(values: readonly string[], questions: ReadonlyMap<string, readonly string[]>, rehearsals: number): RehearsalQuestion {
  // Memo order, so the rotation does not depend on the order the user ticked the values in.
  const known = CULTURE_VALUES.filter((v) => values.includes(v.id));
  if (known.length === 0) return { question: UNTAGGED_QUESTION, value: null };
  const n = Math.max(0, Math.floor(rehearsals));
  const value = known[n % known.length]!;
  const asked = questions.get(value.id) ?? [];
  const pool = asked.length > 0 ? asked : [BUILTIN_QUESTIONS[value.id]!];
  return { question: pool[Math.floor(n / known.length) % pool.length]!, value };
}

/**
 * Every question a story's values offer, starting with the one rehearsalQuestion asks and going
 * round the values before a value's second phrasing, so "another question" soon reaches another
 * value when the first does not fit the story. A question asked for two values comes once.
 */
export function rehearsalQuestions(values: readonly string[], questions: ReadonlyMap<string, readonly string[]>, rehearsals: number): RehearsalQuestion[] {
  const first = rehearsalQuestion(values, questions, rehearsals);
  const known = CULTURE_VALUES.filter((v) => values.includes(v.id));
  const pools = known.map((value) => {
    const asked = questions.get(value.id) ?? [];
    return { value, pool: asked.length > 0 ? asked : [BUILTIN_QUESTIONS[value.id]!] };
  });
  const all: RehearsalQuestion[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...pools.map((p) => p.pool.length));
  for (let round = 0; round < longest; round++) {
    for (const { value, pool } of pools) {
      const question = pool[round];
      if (question === undefined || seen.has(question)) continue;
      seen.add(question);
      all.push({ question, value });
    }
  }
  const start = all.findIndex((q) => q.question === first.question);
  return start < 0 ? [first] : [...all.slice(start), ...all.slice(0, start)];
}
