// `keeper-prep optimize`, and the Optimize screen's work: fit FSRS's parameters to the user's own
// reviews, judge them against the defaults on the latest reviews (held out of the fit), adopt them
// only when they predict those better, and rebuild the card states with whatever is in use.
import { defaultParameters, type FitFigures } from '../core/fsrs-params.js';
import { healthCheck, longTermReviews, MIN_FIT_REVIEWS, reviewHistories, trainingItems, type HealthFinding } from '../core/review-history.js';
import { fitParameters, type FitRun } from '../store/fsrs-optimizer.js';
import type { Settings } from '../store/settings.js';
import type { Workspace } from '../store/workspace.js';
import { findingLine } from '../core/prediction-trust.js';

export type OptimizeOutcome = 'adopted' | 'kept' | 'too-few' | 'cancelled' | 'unavailable' | 'failed';

export interface OptimizeReport {
  outcome: OptimizeOutcome;
  /** Reviews read (ratings not undone). */
  reviews: number;
  /** Of those, the ones a day or more after the card's previous review: what a fit learns from. */
  longTermReviews: number;
  trainItems: number;
  testItems: number;
  /** How the defaults and the fit predicted the held-out reviews; null when no fit was made. */
  default: FitFigures | null;
  fitted: FitFigures | null;
  adopted: boolean;
  /** What the fit found (null when none was made). */
  parameters: number[] | null;
  /** The parameters the scheduler uses after this run. */
  inUse: 'fitted' | 'default';
  health: HealthFinding[];
  /** What happened, for a person. */
  message: string;
}


/** Cards due today in the study decks: the figure Home shows. */
const dueBy = (ws: Workspace, now: number): number => ws.dayPlan(now).figures.due;

/**
 * Puts the parameters in settings, works the card states out again with them, and says what that
 * did to today's reviews. Counted before the settings change: the workspace works the states out
 * again as soon as it sees other parameters.
 */
function changeParameters(ws: Workspace, now: number, patch: Partial<Settings>): string {
  const before = dueBy(ws, now);
  ws.settings.set(patch);
  ws.restateCards();
  return `Reviews due today: ${before} before, ${dueBy(ws, now)} now.`;
}

/** Lets a screen draw what onStage said before the synchronous work after it. */
const drawn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** RMSE over recall bins a fit may lose and still be adopted: half a point of recall, within noise at the sizes a fit runs on. */
const RMSE_SLACK = 0.005;

/**
 * Whether fitted parameters predict the held-out reviews better than the defaults: a lower log loss
 * (the score FSRS's optimizer itself minimises, and a proper one: only honest probabilities
 * minimise it), with the binned RMSE, a coarser measure of calibration, no more than RMSE_SLACK worse.
 */
export function fitIsBetter(defaults: FitFigures, fitted: FitFigures): boolean {
  return fitted.logLoss < defaults.logLoss && fitted.rmse <= defaults.rmse + RMSE_SLACK;
}

const figures = (f: FitFigures): string => `log loss ${f.logLoss.toFixed(4)}, RMSE ${f.rmse.toFixed(4)}`;

/**
 * The log read for a fit: its figures, and the training items of every card (a card reviewed n
 * times gives n - 1 prefixes). Out of its own scope so the log's entries can be collected while
 * the fit runs; the items only while the card states are worked out again after it.
 */
function readForFit(ws: Workspace): { reviews: number; longTerm: number; health: HealthFinding[]; items: () => ReturnType<typeof trainingItems> } {
  ws.progress.refresh();
  const histories = reviewHistories(ws.progress.entries());
  let reviews = 0;
  for (const list of histories.values()) reviews += list.length;
  return { reviews, longTerm: longTermReviews(histories), health: healthCheck(histories), items: () => trainingItems(histories) };
}

/** The fit on the log's items: the items are let go of when it returns. */
async function fitLog(items: ReturnType<typeof trainingItems>, run: FitRun): Promise<{ result: Awaited<ReturnType<typeof fitParameters>>; sizes: { trainItems: number; testItems: number } }> {
  return { result: await fitParameters(items.train, items.test, run), sizes: { trainItems: items.train.length, testItems: items.test.length } };
}

export async function optimize(ws: Workspace, now: number, run: FitRun = {}): Promise<OptimizeReport> {
  const read = readForFit(ws);
  const { reviews, longTerm, health } = read;
  const using = (): 'fitted' | 'default' => (ws.settings.get().fsrs ? 'fitted' : 'default');
  const base = { reviews, longTermReviews: longTerm, health };
  if (longTerm < MIN_FIT_REVIEWS) {
    const more = MIN_FIT_REVIEWS - longTerm;
    return {
      ...base,
      outcome: 'too-few',
      trainItems: 0,
      testItems: 0,
      default: null,
      fitted: null,
      adopted: false,
      parameters: null,
      inUse: using(),
      message: `Not enough reviews to fit yet: ${longTerm} of your reviews came a day or more after the card's previous one, and a fit needs ${MIN_FIT_REVIEWS}. About ${more} more such reviews and it can be fitted.`,
    };
  }
  const { result, sizes } = await fitLog(read.items(), run);
  const better = result.ok && fitIsBetter(result.default, result.fitted);
  // Cancelled while the fit was judged: nothing has changed yet, so it still can be.
  if (result.ok && run.signal?.aborted) return { ...base, ...sizes, outcome: 'cancelled', default: null, fitted: null, adopted: false, parameters: null, inUse: using(), message: `No fit: the fit was cancelled. ${ws.settings.get().fsrs ? 'Your fitted parameters are' : 'The default parameters are'} still in use.` };
  if (better) {
    run.onStage?.('Working out your card states with the fitted parameters...');
    run.onCommit?.();
    await drawn();
  }
  if (!result.ok) {
    const kept = ws.settings.get().fsrs ? 'your fitted parameters are still in use' : 'the default parameters are still in use';
    return { ...base, ...sizes, outcome: result.reason === 'too-few' ? 'too-few' : result.reason, default: null, fitted: null, adopted: false, parameters: null, inUse: using(), message: `No fit: ${result.message}. ${kept.charAt(0).toUpperCase()}${kept.slice(1)}.` };
  }
  const judged = `On your latest ${sizes.testItems} reviews, held out of the fit: defaults ${figures(result.default)}; fitted ${figures(result.fitted)}.`;
  if (better) {
    const due = changeParameters(ws, now, { fsrs: { w: result.w, fittedAt: now, reviews: ws.progress.progress.reviews, default: result.default, fitted: result.fitted }, fitOfferedAt: ws.progress.progress.reviews });
    return { ...base, ...sizes, outcome: 'adopted', default: result.default, fitted: result.fitted, adopted: true, parameters: result.w, inUse: 'fitted', message: `${judged} The fitted parameters predict your reviews better (a lower log loss, and the RMSE no more than half a point worse), so they are now in use; your card states were worked out again with them. ${due}` };
  }
  ws.settings.set({ fitOfferedAt: ws.progress.progress.reviews });
  const kept = ws.settings.get().fsrs ? 'your earlier fit stays in use' : 'the defaults stay in use';
  return { ...base, ...sizes, outcome: 'kept', default: result.default, fitted: result.fitted, adopted: false, parameters: result.w, inUse: using(), message: `${judged} The fit does not predict them better, so ${kept}.` };
}

/** Goes back to ts-fsrs's default parameters; the card states are worked out again with them. */
export function restoreDefaultParameters(ws: Workspace, now: number): string {
  if (!ws.settings.get().fsrs) return 'The default FSRS parameters are already in use.';
  const due = changeParameters(ws, now, { fsrs: null });
  return `The default FSRS parameters are in use again; your card states were worked out again with them (your review log is unchanged). ${due} A fit can be made again at any time.`;
}

/** The report as `optimize --json` prints it. */
function optimizeJson(report: OptimizeReport, inUseParameters: number[]): unknown {
  return {
    reviews: report.reviews,
    longTermReviews: report.longTermReviews,
    trainItems: report.trainItems,
    testItems: report.testItems,
    default: report.default,
    fitted: report.fitted,
    adopted: report.adopted,
    parameters: report.parameters,
    outcome: report.outcome,
    inUse: { source: report.inUse, parameters: inUseParameters },
    health: report.health,
    message: report.message,
  };
}

/** The parameters the scheduler uses now. */
function parametersInUse(ws: Workspace): number[] {
  return ws.settings.get().fsrs?.w ?? defaultParameters();
}

/** The report as text. */
function optimizeText(report: OptimizeReport): string {
  const health = report.health.length > 0 ? ['', 'Health check:', ...report.health.map((h) => `  - ${findingLine(h)}`)] : [];
  return [report.message, ...health].join('\n');
}

/** A bar on stderr while the fit runs, when stderr is a terminal, then what follows it; cleared at the end. */
function progressBar(stream: NodeJS.WriteStream): { update(done: number, total: number): void; stage(text: string): void; clear(): void } {
  if (!stream.isTTY) return { update: () => undefined, stage: () => undefined, clear: () => undefined };
  let shown = false;
  // One line that fits the terminal, so \r redraws it instead of scrolling a wrapped one.
  const line = (text: string): void => {
    stream.write(`\r\x1b[2K${text.slice(0, Math.max(1, (stream.columns ?? 80) - 1))}`);
    shown = true;
  };
  return {
    update(done, total) {
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 36));
      const filled = Math.round(share * width);
      line(`Fitting [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  Ctrl+C cancels`);
    },
    stage: line,
    clear() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

/** `keeper-prep optimize [--json] [--defaults]`: Ctrl+C during the fit cancels it and changes nothing. */
export async function optimizeCommand(ws: Workspace, now: number, options: { json?: boolean; defaults?: boolean }): Promise<string> {
  if (options.defaults) {
    const message = restoreDefaultParameters(ws, now);
    return options.json ? JSON.stringify({ inUse: { source: 'default', parameters: parametersInUse(ws) }, message }, null, 2) : message;
  }
  const controller = new AbortController();
  const cancel = (): void => controller.abort();
  process.once('SIGINT', cancel);
  const bar = progressBar(process.stderr);
  let report: OptimizeReport;
  try {
    report = await optimize(ws, now, {
      signal: controller.signal,
      onProgress: options.json ? undefined : (done, total) => bar.update(done, total),
      onStage: options.json ? undefined : (text) => bar.stage(text),
    });
  } finally {
    bar.clear();
    process.removeListener('SIGINT', cancel);
  }
  if (report.outcome === 'cancelled') process.exitCode = 130;
  else if (report.outcome === 'unavailable' || report.outcome === 'failed') process.exitCode = 1;
  return options.json ? JSON.stringify(optimizeJson(report, parametersInUse(ws)), null, 2) : optimizeText(report);
}
