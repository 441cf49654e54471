// The FSRS optimizer the FSRS authors maintain (@open-spaced-repetition/binding: fsrs-rs as a
// prebuilt native addon), run on the user's training items. It is loaded only here, when a fit is
// asked for: no start pays for it, and a platform without a prebuilt gets a plain "unavailable".
//
// What the addon is given is checked first: fsrs-rs aborts the whole process (a Rust panic, not an
// exception) on an item without a review a day or more after the one before, and wraps a rating or
// a day count out of range without a word. core/review-history builds only items it accepts; this
// module holds the last line.
import { createRequire } from 'node:module';
import type { FitFigures } from '../core/fsrs-params.js';
import { defaultParameters, isParameterList } from '../core/fsrs-params.js';
import type { TrainingItem } from '../core/review-history.js';

type Binding = typeof import('@open-spaced-repetition/binding');

const BINDING_PACKAGE = '@open-spaced-repetition/binding';

let binding: Binding | null = null;

/** The addon, or the reason it cannot be loaded here (no prebuilt for this platform, an install without it). */
function loadBinding(): { ok: true; binding: Binding } | { ok: false; why: string } {
  if (binding) return { ok: true, binding };
  // Without a native build the loader tries its WebAssembly one, whose node:wasi prints an
  // ExperimentalWarning even when that fails too: not the user's business, and not stdout's.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (/WASI/.test(String(warning instanceof Error ? warning.message : warning))) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    binding = createRequire(import.meta.url)(BINDING_PACKAGE) as Binding;
    return { ok: true, binding };
  } catch (error) {
    // The loader's own advice (reinstall with npm i) does not fit a copy run with npx: its first sentence only.
    const why = (error instanceof Error ? error.message : String(error)).split(/\n|(?<=\.) /)[0]!.replace(/\.$/, '');
    return { ok: false, why: `the FSRS optimizer (${BINDING_PACKAGE}) has no build that loads on ${process.platform}-${process.arch} here (${why}), so fitting is not available on this machine` };
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Whether every item is one fsrs-rs takes: ratings 1 to 4, whole days, the first 0, the last 1 or more. */
export function acceptableItem(item: TrainingItem): boolean {
  if (item.length < 2 || item[0]!.deltaT !== 0 || item[item.length - 1]!.deltaT < 1) return false;
  return item.every((r) => Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 4 && Number.isInteger(r.deltaT) && r.deltaT >= 0 && r.deltaT < 2 ** 32);
}

function toItems(b: Binding, items: readonly TrainingItem[]): InstanceType<Binding['FSRSBindingItem']>[] {
  return items.filter(acceptableItem).map((item) => new b.FSRSBindingItem(item.map((r) => new b.FSRSBindingReview(r.rating, r.deltaT))));
}

export interface FitRun {
  /** Called with the optimizer's progress (items times epochs), a few times a second. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Aborting it stops the fit: the promise then resolves with `cancelled`. */
  signal?: AbortSignal | undefined;
  /** Called as the work moves past the fit itself (judging it, then what the caller does with it). */
  onStage?: ((text: string) => void) | undefined;
  /** Called when the result is being adopted: from here on the run can no longer be cancelled. */
  onCommit?: (() => void) | undefined;
}

export type FitResult =
  | { ok: true; w: number[]; default: FitFigures; fitted: FitFigures }
  | { ok: false; reason: 'unavailable' | 'cancelled' | 'too-few' | 'failed'; message: string };

/** fsrs-rs's evaluation of one set of parameters on the test items: log loss and RMSE over recall bins. */
function evaluate(b: Binding, w: readonly number[], test: InstanceType<Binding['FSRSBindingItem']>[]): FitFigures {
  const { logLoss, rmseBins } = new b.FSRSBinding([...w]).evaluate(test);
  return { logLoss, rmse: rmseBins };
}

/**
 * Fits parameters to the training items and judges the defaults and the fit on the test items.
 * Runs off the main thread (the addon's own thread pool): the event loop, and so the screen and
 * Ctrl+C, stay live.
 */
export async function fitParameters(train: readonly TrainingItem[], test: readonly TrainingItem[], run: FitRun = {}): Promise<FitResult> {
  const loaded = loadBinding();
  if (!loaded.ok) return { ok: false, reason: 'unavailable', message: loaded.why };
  const b = loaded.binding;
  // Before the items are built: that alone takes a fifth of a second at 15,000 reviews.
  if (run.signal?.aborted) return { ok: false, reason: 'cancelled', message: 'the fit was cancelled' };
  const trainItems = toItems(b, train);
  const testItems = toItems(b, test);
  if (trainItems.length === 0 || testItems.length === 0) return { ok: false, reason: 'too-few', message: 'there are no reviews a day or more apart to fit to and to judge the fit by' };
  let raw: number[];
  try {
    raw = await b.computeParameters(trainItems, {
      enableShortTerm: true,
      // The scheduler relearns with one step (ts-fsrs's default '10m'), which bounds w17 and w18.
      numRelearningSteps: 1,
      // The poll interval for progress: the promise settles only at a poll, and the default is 500 ms.
      timeout: 50,
      progress: (done: number, total: number) => {
        run.onProgress?.(done, total);
        return !run.signal?.aborted;
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (run.signal?.aborted || /Interrupted/.test(message)) return { ok: false, reason: 'cancelled', message: 'the fit was cancelled' };
    if (/NotEnoughData/.test(message)) return { ok: false, reason: 'too-few', message: 'the optimizer found too few reviews to fit to' };
    return { ok: false, reason: 'failed', message: `the optimizer failed: ${message.split('\n')[0]}` };
  }
  if (run.signal?.aborted) return { ok: false, reason: 'cancelled', message: 'the fit was cancelled' };
  if (!isParameterList(raw)) return { ok: false, reason: 'failed', message: 'the optimizer returned parameters outside the bounds FSRS allows' };
  run.onStage?.('Judging the fit on your latest reviews...');
  // The evaluation runs on this thread: the stage is drawn first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    return { ok: true, w: raw, default: evaluate(b, defaultParameters(), testItems), fitted: evaluate(b, raw, testItems) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/NotEnoughData/.test(message)) return { ok: false, reason: 'too-few', message: 'too few later reviews to judge the fit by' };
    return { ok: false, reason: 'failed', message: `the evaluation failed: ${message.split('\n')[0]}` };
  }
}
