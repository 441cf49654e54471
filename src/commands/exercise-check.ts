// The `exercise` command's actions: the list, and a check of a solution read from a file. Kept
// apart from the formatting (commands/exercise.ts) so it alone touches the answer file.
import { readAnswerFile } from '../store/answer-file.js';
import type { Workspace } from '../store/workspace.js';
import { checkJson, checkText, exerciseListCommand, findExercise } from './exercise.js';

export { exerciseListCommand };

/** Throws one line for an unknown or non-exercise card, an unreadable file, or no python3. */
export async function exerciseCheckCommand(ws: Workspace, key: string, file: string, json: boolean): Promise<{ output: string; passed: boolean }> {
  const item = findExercise(ws, key);
  if (typeof item === 'string') throw new Error(item);
  const unavailable = ws.exercises.unavailable(item);
  if (unavailable) throw new Error(unavailable);
  const answer = readAnswerFile(file);
  const check = await ws.exercises.check(item, answer);
  // Kept like an attempt in the app, so the exercise opens with it there; a refusing disk only loses that.
  ws.exercises.saveAttempt(item.key, answer, check.passed);
  return { output: json ? checkJson(item, check) : checkText(check), passed: check.passed };
}
