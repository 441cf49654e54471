// The exercise service of a build without the runners (store/exercise-*): every exercise says in
// one line that it cannot run here and may be skipped. The app is given the real service in its
// place; tests give a fake one.
import type { ExerciseService } from '../../../core/exercise.js';

const WHY = 'Exercises cannot run in this build: it has no exercise runner.';

export const NO_EXERCISE_RUNNER: ExerciseService = {
  run: () => Promise.resolve({ type: 'sql', run: { ok: false, error: WHY, timedOut: false, ms: 0 } }),
  check: () => Promise.resolve({ passed: false, run: { type: 'sql', run: { ok: false, error: WHY, timedOut: false, ms: 0 } }, summary: WHY }),
  preview: () => Promise.resolve([]),
  lastAttempt: () => null,
  saveAttempt: () => false,
  unavailable: () => WHY,
};
