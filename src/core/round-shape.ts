// The shape of a finished culture round, checked where one is read: the round log on disk and a
// progress file being imported. In core so the import's checks (no disk) use the very same test.
import type { AnswerMode, RoundAnswer, RoundAttempt, RoundQuestionResult } from '../store/round-attempts.js';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isMode = (v: unknown): v is AnswerMode => v === 'typed' || v === 'aloud';

export function isAnswer(value: unknown): value is RoundAnswer {
  const a = value as Partial<RoundAnswer> | null;
  return !!a && typeof a === 'object' && typeof a.key === 'string' && isMode(a.mode) && typeof a.text === 'string' && isNumber(a.ms);
}

function isScores(value: unknown): value is { dimension: string; score: number }[] {
  return Array.isArray(value) && value.every((s: unknown) => !!s && typeof s === 'object' && typeof (s as { dimension?: unknown }).dimension === 'string' && isNumber((s as { score?: unknown }).score));
}

function isResult(value: unknown): value is RoundQuestionResult {
  const q = value as Partial<RoundQuestionResult> | null;
  return isAnswer(value) && typeof q!.value === 'string' && isScores(q!.scores) && [1, 2, 3, 4].includes(q!.rating as number);
}

export function isRoundAttempt(value: unknown): value is RoundAttempt {
  const a = value as Partial<RoundAttempt> | null;
  return !!a && typeof a === 'object' && a.v === 1 && isNumber(a.startedAt) && isNumber(a.finishedAt) && isNumber(a.minutes) && Array.isArray(a.questions) && a.questions.every(isResult);
}

/** Only the known fields: whatever else a file carries is not ours to keep. */
export function cleanRound(a: RoundAttempt): RoundAttempt {
  return {
    v: 1,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    minutes: a.minutes,
    questions: a.questions.map((q) => ({ key: q.key, mode: q.mode, text: q.text, ms: q.ms, value: q.value, scores: q.scores.map((s) => ({ dimension: s.dimension, score: s.score })), rating: q.rating })),
  };
}

/** What makes two round lines the same round: started and finished at the same moments. */
export function roundIdentity(a: Pick<RoundAttempt, 'startedAt' | 'finishedAt'>): string {
  return JSON.stringify([a.startedAt, a.finishedAt]);
}
