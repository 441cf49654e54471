// The feedback on one answer, worked out when it is shown. The matcher is imported here, lazily:
// it loads only when feedback is shown, since nothing else needs its language data.
import { useEffect, useState } from 'react';
import type { AnswerFeedback } from './Feedback.js';

export type FeedbackState = AnswerFeedback | { error: string } | null;

/** Feedback on `text` against `keyPoints`, null while it is worked out; `id` names the answer (a new id starts over). */
export function useAnswerFeedback(id: string | null, text: string, keyPoints: readonly string[]): FeedbackState {
  const [shown, setShown] = useState<{ id: string; result: AnswerFeedback | { error: string } } | null>(null);
  useEffect(() => {
    if (id === null || shown?.id === id) return;
    let current = true;
    const load = async () => {
      const m = await import('../../../core/feedback.js');
      // Awaited too: a matcher that has to load its language data may answer with a promise.
      const points = await m.matchKeyPoints(text, keyPoints);
      const insights = await m.answerInsights(text);
      if (current) setShown({ id, result: { keyPoints: points, insights } });
    };
    // A matcher that fails must not hold the round up: the answer is kept, and the round goes on.
    load().catch((error: unknown) => {
      if (current) setShown({ id, result: { error: error instanceof Error ? error.message : String(error) } });
    });
    return () => {
      current = false;
    };
  }, [id, text, keyPoints, shown]);
  return id !== null && shown?.id === id ? shown.result : null;
}
