// The user's last attempt per exercise, as kept on disk and carried by export-progress: the shape,
// its check, and the merge of another machine's attempts (the later one of each card wins).

export interface ExerciseAttemptEntry {
  /** deck-id/card-id of the exercise. */
  key: string;
  /** What the user wrote: SQL or code, several lines. */
  answer: string;
  /** When it was kept. */
  at: number;
  /** It was submitted and right: not offered again (the exercise is to write it again, not resubmit it). */
  passed?: boolean | undefined;
}

/** An attempt is an editor's worth of code; longer text is not kept. */
export const MAX_ATTEMPT_CHARS = 64 * 1024;

/** Why a value is not an attempt (one phrase), or null when it is one. */
export function exerciseAttemptProblem(value: unknown): string | null {
  const entry = value as Partial<ExerciseAttemptEntry> | null;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return 'expected key, answer and at';
  if (typeof entry.key !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(entry.key)) return 'expected a deck/card key';
  if (typeof entry.answer !== 'string') return 'expected the answer as text';
  if (entry.answer.length > MAX_ATTEMPT_CHARS) return `the answer is over ${MAX_ATTEMPT_CHARS / 1024} KB`;
  if (typeof entry.at !== 'number' || !Number.isFinite(entry.at) || entry.at < 0) return 'expected a time';
  if (entry.passed !== undefined && typeof entry.passed !== 'boolean') return 'expected passed as true or false';
  return null;
}

/** Only its fields, whatever else the value carried. */
export function cleanExerciseAttempt(entry: ExerciseAttemptEntry): ExerciseAttemptEntry {
  return { key: entry.key, answer: entry.answer, at: entry.at, ...(entry.passed ? { passed: true } : {}) };
}

/** The incoming attempts to keep: those for a card with none here, or later than the one here (latest of each key). */
export function newerAttempts(here: readonly ExerciseAttemptEntry[], incoming: readonly ExerciseAttemptEntry[]): ExerciseAttemptEntry[] {
  const held = new Map(here.map((e) => [e.key, e.at]));
  const kept = new Map<string, ExerciseAttemptEntry>();
  for (const entry of incoming) {
    const best = kept.get(entry.key)?.at ?? held.get(entry.key) ?? -Infinity;
    if (entry.at > best) kept.set(entry.key, entry);
  }
  return [...kept.values()];
}
