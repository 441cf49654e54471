// Everything a command or the app needs from disk, opened in one place: settings, decks and
// progress, plus the one action that writes progress (rating a card, and taking a rating back).
import { existsSync } from 'node:fs';
import { makeDirs } from './safe-write.js';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardKey, type Deck } from '../core/deck.js';
import { deckFacts } from '../core/deck-facts.js';
import { endOfDay, parseInterviewDate } from '../core/day.js';
import { dayLimits, dayPlan, type DayLimits, type DayPlan, type DayPlanInput } from '../core/day-plan.js';
import type { DesignCard } from '../core/mock.js';
import { orderPrompts, suitsRole } from '../core/design-prompts.js';
import { overview, todaysQueue, type Overview } from '../core/overview.js';
import { studyItems, studyItemsForTrack, type StudyItem } from '../core/queue.js';
import { customItems, inScope, modeLabel, scopeLabel, type StudyMode, type StudyScope } from '../core/custom-study.js';
import { isWalkthroughDeck, walkthrough, type Walkthrough } from '../core/walkthrough.js';
import type { DailyPlan } from '../core/readiness.js';
import { deckInTrack, trackById } from '../core/tracks.js';
import { orphanedCards, type CardRecord, type TickCounts } from '../core/progress.js';
import { createScheduler, type Rating, type Scheduler } from '../core/scheduler.js';
import { fitTag, parametersTag } from '../core/fsrs-params.js';
import { shellArg } from '../core/shell.js';
import { ensureSchemaCopy } from './deck-schema.js';
import { isDeckPath, loadDecks, type DeckLibrary } from './deck-files.js';
import { ProgressStore } from './progress-store.js';
import { AttemptStore, type Attempt } from './attempts.js';
import { StoryStore } from './stories.js';
import { RoundStore } from './round-attempts.js';
import { isStoryKey } from '../core/stories.js';
import { CramLog } from './cram-log.js';
import { ExtraNewStore } from './extra-new.js';
import { defaultDataDir, openSettings, type SettingsStore } from './settings.js';
import { checkDataDir } from './data-dir-check.js';
import { NoticeBoard, type NoticeSink } from './notices.js';
import { checkDrafts } from './attempts.js';
import { checkCramLog } from './cram-log.js';
import { CardMarkStore, checkMarksLog } from './card-marks.js';
import { withoutSuspended } from '../core/card-marks.js';
import { codeExerciseCount, runnableDecks } from '../core/exercise.js';
import { ExerciseAttemptStore } from './exercise-attempts.js';
import { createExerciseService, type ExerciseRunner } from './exercise-service.js';
import { findPython, NO_PYTHON } from './python.js';
import type { SqlRunnerPaths } from './sql-run.js';

export interface WorkspaceOptions {
  dataDir?: string | undefined;
  /** --deck values: deck ids or file paths. */
  deckArgs?: readonly string[];
  env: NodeJS.ProcessEnv;
  builtinDir: string;
  builtinBundle?: string | undefined;
  now: number;
  /** SQLite for SQL exercises (the install's sql-wasm.wasm and worker); from source, node_modules'. */
  exercisePaths?: SqlRunnerPaths | undefined;
}

/** What an answer adds to its rating: a choice answer's, for calibration; a typed open answer's ticks. */
export interface AnswerNote {
  confidence?: 'sure' | 'guess' | undefined;
  correct?: boolean | undefined;
  /** Key points ticked with the matcher's evidence and without. */
  ticks?: TickCounts | undefined;
}

export interface RatingResult {
  reviewId: string;
  record: CardRecord;
  /** The record before this rating, for undo. */
  restore: CardRecord | null;
}

export interface Workspace {
  dataDir: string;
  userDecksDir: string;
  settings: SettingsStore;
  library: DeckLibrary;
  /** Deck ids chosen with --deck; null means all decks. */
  selected: string[] | null;
  progress: ProgressStore;
  attempts: AttemptStore;
  /** The user's STAR stories; their rehearsals are in the review log under stories/<id>. */
  stories: StoryStore;
  /** Culture rounds: the finished ones and the one in progress. */
  rounds: RoundStore;
  /** Things the user must be told: files moved aside (also those an earlier run found), deck id clashes. */
  notices: string[];
  /** Damage to the data directory found by this run, for a subcommand to print once on stderr. */
  foundNotices: readonly string[];
  /** The app has shown the notices: those about the data directory stop waiting on disk. */
  noticesShown(): void;
  decks(): Deck[];
  /** The decks to study: those chosen with --deck, otherwise those of the user's role. */
  studyDecks(): Deck[];
  scheduler(): Scheduler;
  /**
   * Works every card's state out again from its ratings with the parameters in settings, and the
   * readiness figures with them (after a fit, a return to the defaults, or reviews imported from
   * elsewhere while a fit is in use). The log is not touched.
   */
  restateCards(): void;
  /**
   * The quiz cards a custom-study scope covers: across every loaded deck for a deck, skill, tag or
   * search; the study decks for 'all'. Search results keep their rank order.
   */
  scopeItems(scope: StudyScope): StudyItem[];
  scopeTitle(scope: StudyScope): string;
  /**
   * A custom study session: its title, cards, and whether answers are practice (kept off the
   * schedule). Call it to start the session: "learn N more" grants its cards for today, on top of
   * the day's new-card limit.
   */
  customStudy(scope: StudyScope, mode: StudyMode, now: number): { title: string; items: StudyItem[]; practice: boolean };
  /** Today's cards from these decks: due first, then new ones up to the daily limits. */
  queueFor(decks: readonly Deck[], now: number, limit?: number): StudyItem[];
  /** Today's cards of a custom-study scope, due first, then new ones within the daily limits. */
  scopeQueue(scope: StudyScope, now: number): StudyItem[];
  /** Cards, due and new today, overall and per deck. */
  overviewFor(decks: readonly Deck[], now: number): Overview;
  /**
   * The day's plan, limits and advice for the study decks: the one source Home, Readiness, `stats`
   * and `report` say them from.
   */
  dayPlan(now: number): DayPlan;
  /** With an interview date: the new cards and reviews a day that cover the role's decks by then. */
  plan(now: number): DailyPlan | null;
  /** Whether a deck is the user's own (imported, written, or passed as a file): it has a new-card limit of its own. */
  isOwnDeck(deckId: string): boolean;
  /** The moment readiness predicts for (local noon on the interview day), or null without a date. */
  interviewAt(): number | null;
  /** The culture walkthrough among the study decks, with where the user stands; null without one. */
  walkthrough(): Walkthrough | null;
  /** The cards of a walkthrough section not yet answered, in teaching order. */
  sectionQueue(walk: Walkthrough, section: number): StudyItem[];
  /**
   * Stores a rating. Throws WriteError (store/safe-write) when the disk refuses it: then nothing
   * is stored, the card keeps its state, and the error's message says why and what to do.
   */
  rate(key: string, rating: Rating, now: number, ms: number, answer?: AnswerNote): RatingResult;
  /** A cram answer: logged for practice figures, and the card's schedule left alone. Throws WriteError as rate does. */
  cramRate(key: string, rating: Rating, now: number, ms: number, answer?: AnswerNote): RatingResult;
  cram: CramLog;
  /** Suspended and flagged cards. Suspended ones are left out of decks() and all that is built on it. */
  marks: CardMarkStore;
  /** Running, grading and keeping exercises (the exercise screen and `exercise check`). */
  exercises: ExerciseRunner;
  /** The last attempt at each exercise, as export-progress and import-progress carry them. */
  exerciseAttempts: ExerciseAttemptStore;
  /** Every design prompt of the loaded decks: the role's first, then due ones, then the rest. */
  designPrompts(now: number): DesignPrompt[];
  /**
   * Saves a finished mock: schedules the prompt with its rating, logs the attempt, drops the draft.
   * Throws WriteError when either could not be stored; then the draft stays, and the rating is
   * taken back unless the disk refuses that too (it then counts as a review without an attempt).
   */
  finishMock(attempt: Attempt, now: number): RatingResult;
  /** Throws WriteError when the undo could not be stored: the rating then still counts. */
  undo(reviewId: string, key: string, restore: CardRecord | null, now: number): void;
  /** Cards with history that no loaded deck has now, per deck id (their history is kept). */
  orphans(): Map<string, number>;
  close(): void;
}

export interface DesignPrompt {
  key: string;
  deckId: string;
  card: DesignCard;
  /** Due today: attempted before and scheduled for now or earlier today. */
  due: boolean;
  /** When it is next due; null if never attempted. */
  dueAt: number | null;
  /** Tagged with the user's role (★). */
  forRole: boolean;
}

export { REVIEW_AHEAD_DAYS } from '../core/day-plan.js';

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const dir = flag ?? env.KEEPER_PREP_HOME;
  return dir ? resolve(dir) : defaultDataDir();
}

/** Why a --deck value chooses no deck; its message is the one line the command line prints. */
export class DeckChoiceError extends Error {}

function loadLibrary(options: WorkspaceOptions, dataDir: string): Promise<DeckLibrary> {
  const flagFiles = (options.deckArgs ?? []).filter(isDeckPath);
  return loadDecks({ builtinDir: options.builtinDir, builtinBundle: options.builtinBundle, userDir: join(dataDir, 'decks'), envList: options.env.KEEPER_PREP_DECKS, flagFiles, cacheDir: dataDir, trustStat: options.env.KEEPER_PREP_TRUST_STAT !== '0' });
}

/**
 * The deck ids --deck chooses, or null without --deck. A value that names no deck, or a file
 * that did not load, throws DeckChoiceError: studying other decks than asked for, or none,
 * without a word is worse than stopping.
 */
export async function chooseDecks(library: DeckLibrary, deckArgs: readonly string[]): Promise<string[] | null> {
  if (deckArgs.length === 0) return null;
  const selected: string[] = [];
  for (const arg of deckArgs) {
    if (!isDeckPath(arg)) {
      if (library.decks.some((d) => d.deck.id === arg)) {
        selected.push(arg);
        continue;
      }
      const { nearbyIds } = await import('../core/search.js');
      const near = nearbyIds(arg, library.decks.map((d) => d.deck.id));
      const quoted = near.map((id) => `"${id}"`);
      const guess = quoted.length > 0 ? ` (did you mean ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0]}?)` : '';
      throw new DeckChoiceError(`no deck has the id "${arg}"${guess}; \`keeper-prep decks\` lists them`);
    }
    const file = resolve(arg);
    const loaded = library.decks.find((d) => d.file === file);
    if (loaded) {
      selected.push(loaded.deck.id);
      continue;
    }
    const broken = library.broken.find((d) => d.file === file);
    if (!broken || !existsSync(file)) {
      const winner = library.decks.find((d) => d.replaced?.file === file);
      throw new DeckChoiceError(winner ? `--deck ${arg}: ${winner.file} has the same deck id ("${winner.deck.id}"); pass one of them` : `--deck ${arg}: no such file`);
    }
    const { formatDeckError } = await import('../core/deck-parse.js');
    const more = broken.errors.length - 1;
    const rest = more > 0 ? ` (and ${more} more; \`keeper-prep validate ${shellArg(arg)}\` lists them all)` : '';
    throw new DeckChoiceError(`--deck ${arg} does not load: ${formatDeckError(broken.errors[0]!)}${rest}`);
  }
  return selected;
}

/** Checks --deck values without opening anything else, for when the app cannot start anyway. */
export async function checkDeckArgs(options: WorkspaceOptions): Promise<void> {
  const dataDir = resolveDataDir(options.dataDir, options.env);
  await chooseDecks(await loadLibrary(options, dataDir), options.deckArgs ?? []);
}

export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const dataDir = resolveDataDir(options.dataDir, options.env);
  checkDataDir(dataDir);
  const userDecksDir = join(dataDir, 'decks');
  const library = await loadLibrary(options, dataDir);
  // Before settings or progress are touched: a wrong --deck stops the command with nothing opened.
  const selected = await chooseDecks(library, options.deckArgs ?? []);
  try {
    makeDirs(dataDir);
  } catch {
    // Opening settings says what is wrong with the directory.
  }
  const board = new NoticeBoard(dataDir, options.now);
  const notices: string[] = [...board.earlier];
  // Damage the stores find is shown now and waits on disk until the app has shown it.
  const damage: NoticeSink = { push: (...texts) => (notices.push(...texts), board.push(...texts)) };
  const settings = openSettings(dataDir, options.now, damage);
  notices.push(...library.notices);
  // Before the scheduler below exists: the records must match the parameters in settings (a fit
  // adopted or given up since the snapshot was saved), and replaying them needs only a scheduler.
  const opening = settings.get();
  const progress = ProgressStore.open(dataDir, options.now, damage, {
    tag: fitTag(opening.fsrs),
    scheduler: () => createScheduler({ retention: opening.retention, w: opening.fsrs?.w ?? null }),
  });
  try {
    ensureSchemaCopy(dataDir, options.builtinDir);
  } catch {
    // Only editors read the copy; a data directory it cannot be written to must not stop the app.
  }
  const attempts = new AttemptStore(dataDir, damage, options.now);
  checkDrafts(dataDir, options.now, damage);
  const stories = new StoryStore(dataDir, options.now, damage);
  const rounds = new RoundStore(dataDir, damage, options.now);
  checkCramLog(dataDir, options.now, damage);
  checkMarksLog(dataDir, options.now, damage);
  const marks = new CardMarkStore(dataDir);
  const exerciseAttempts = new ExerciseAttemptStore(dataDir, damage);
  exerciseAttempts.check(options.now);
  // Looked up on PATH, no process started; without python3 code exercises leave every queue, said once.
  const canRunCode = codeExerciseCount(library.decks.map((d) => d.deck)) === 0 || findPython(options.env) !== null;
  if (!canRunCode) notices.push(`${NO_PYTHON}, so code exercises are left out of your queues.`);
  let scheduler: Scheduler | null = null;
  let schedulerKey = '';
  const currentScheduler = (): Scheduler => {
    const { retention, fsrs } = settings.get();
    const key = `${retention} ${parametersTag(fsrs?.w ?? null)}`;
    if (!scheduler || key !== schedulerKey) {
      const made = createScheduler({ retention, w: fsrs?.w ?? null });
      scheduler = made;
      schedulerKey = key;
      // Parameters changed under this process (a fit made in another window): the records held
      // here are the old parameters' until worked out again; a tag compare when they are not.
      progress.matchParameters({ tag: fitTag(fsrs), scheduler: () => made });
    }
    return scheduler;
  };
  const restateCards = (): void => {
    const { fsrs } = settings.get();
    const revision = progress.revision;
    // Other parameters than the records': the scheduler for them works the states out already.
    const current = currentScheduler();
    if (progress.revision === revision) progress.restate(parametersTag(fsrs?.w ?? null), current);
    // The readiness figures' predictions follow the new records: counted again now, while the
    // user waits on this anyway, not at the next open of Readiness (about a second at 100k reviews).
    progress.figures.current(undefined, current.decay);
  };
  /**
   * The loaded decks, narrowed to those chosen with --deck when there are any, without suspended
   * cards (and code exercises when python3 is missing): every queue, count and practice set is
   * built on this, so this is where they drop out.
   */
  const loadedDecks = (): Deck[] => withoutSuspended(runnableDecks(library.decks.map((d) => d.deck).filter((d) => !selected || selected.includes(d.id)), canRunCode), marks.current().suspended);
  const exercises = createExerciseService({
    decks: () => library.decks.map((d) => d.deck),
    attempts: exerciseAttempts,
    paths: options.exercisePaths ?? { sqlWasm: fileURLToPath(new URL('../../node_modules/sql.js/dist/sql-wasm.wasm', import.meta.url)) },
    env: options.env,
  });
  const rate = (key: string, rating: Rating, now: number, ms: number, answer?: AnswerNote): RatingResult => {
    progress.refresh();
    const restore = progress.progress.cards.get(key) ?? null;
    const state = currentScheduler().next(restore?.state, now, rating);
    const record: CardRecord = { state, firstReview: restore?.firstReview ?? now };
    const entry = progress.record(key, rating, record, now, ms, answer);
    return { reviewId: entry.id, record, restore };
  };
  const cram = new CramLog(dataDir);
  const extraNew = new ExtraNewStore(dataDir);
  const interviewAt = (): number | null => {
    const date = settings.get().interviewDate;
    return date ? parseInterviewDate(date) : null;
  };
  const ownDeckIds = new Set(library.decks.filter((d) => d.origin !== 'built-in').map((d) => d.deck.id));
  const dayInput = (now: number): DayPlanInput => {
    const current = settings.get();
    return {
      decks: studyDecks(),
      ownDecks: loadedDecks().filter((d) => ownDeckIds.has(d.id)),
      records: progress.progress.cards,
      scheduler: currentScheduler(),
      now,
      interviewAt: interviewAt(),
      retention: current.retention,
      newPerDay: current.newPerDay,
      ownNewPerDay: current.userDeckNewPerDay,
      track: trackById(current.role),
      granted: extraNew.granted(now),
    };
  };
  // A start asks for the day's limits several times (Home's figures, each queue, the plan), and each
  // runs the scheduler forward over every seen card: kept while moment, records and settings are.
  let held: { key: string; day: DayLimits } | null = null;
  const limitsFor = (input: DayPlanInput): DayLimits => {
    const key = JSON.stringify([input.now, progress.revision, settings.get(), input.decks.map((d) => d.id), [...(input.granted ?? [])]]);
    if (held?.key !== key) held = { key, day: dayLimits(input) };
    return held.day;
  };
  const queueOf = (items: readonly StudyItem[], now: number): StudyItem[] => {
    const day = limitsFor(dayInput(now));
    const queue = todaysQueue(items, progress.progress.cards, now, { room: day.room, scheduler: currentScheduler(), ahead: day.ahead });
    return [...queue.due, ...queue.ahead, ...queue.fresh];
  };
  const studyDecks = (): Deck[] => {
    const decks = loadedDecks();
    return selected ? decks : decks.filter((d) => deckInTrack(d, settings.get().role));
  };
  const scopeItems = (scope: StudyScope): StudyItem[] => {
    if (scope.kind === 'all') return studyItemsForTrack(studyDecks(), trackById(settings.get().role));
    const skills = new Map(library.decks.map(({ deck }) => [deck.id, deck.skill]));
    const items = studyItems(loadedDecks()).filter((item) => inScope(scope, item, (id) => skills.get(id)));
    if (scope.kind !== 'search') return items;
    const rank = new Map(scope.keys.map((key, i) => [key, i]));
    return items.sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  };
  const scopeTitle = (scope: StudyScope): string => {
    const titles = new Map(library.decks.map(({ deck }) => [deck.id, deck.title]));
    return scopeLabel(scope, (id) => titles.get(id));
  };
  return {
    dataDir,
    userDecksDir,
    settings,
    library,
    selected,
    progress,
    attempts,
    stories,
    rounds,
    notices,
    foundNotices: board.found,
    noticesShown: () => board.shown(),
    decks: loadedDecks,
    scheduler: currentScheduler,
    restateCards,
    studyDecks,
    scopeItems,
    scopeTitle,
    customStudy(scope, mode, now) {
      // Culture's walkthrough teaches its cards in order: "all" never brings them in as plain new cards.
      const scoped = scope.kind === 'all' && mode.kind === 'new' ? scopeItems(scope).filter((i) => !i.guided) : scopeItems(scope);
      const items = customItems(scoped, progress.progress.cards, mode, now, currentScheduler());
      if (mode.kind === 'new') {
        try {
          extraNew.grant(items.map((i) => i.key), now);
        } catch {
          // Only the limit stays as it was: these cards then count against it, and nothing is lost.
        }
      }
      return { title: `Study now · ${scopeTitle(scope)} · ${modeLabel(mode)}`, items, practice: mode.kind === 'practice' };
    },
    queueFor(decks, now, limit) {
      const items = queueOf(studyItemsForTrack(decks, trackById(settings.get().role)), now);
      return limit ? items.slice(0, limit) : items;
    },
    scopeQueue(scope, now) {
      return queueOf(scopeItems(scope), now);
    },
    overviewFor(decks, now) {
      const day = limitsFor(dayInput(now));
      return overview(decks, progress.progress.cards, now, { room: day.room, scheduler: currentScheduler(), track: trackById(settings.get().role), ahead: day.ahead, tallies: day.tallies });
    },
    dayPlan(now) {
      const input = dayInput(now);
      return dayPlan(input, limitsFor(input));
    },
    interviewAt,
    plan(now) {
      return limitsFor(dayInput(now)).plan;
    },
    isOwnDeck: (deckId) => ownDeckIds.has(deckId),
    walkthrough() {
      const deck = studyDecks().find(isWalkthroughDeck);
      return deck ? walkthrough(deck, progress.progress.cards) : null;
    },
    sectionQueue(walk, section) {
      const deck = loadedDecks().find((d) => d.id === walk.deckId);
      const keys = new Set(walk.sections[section]?.keys ?? []);
      return deck ? studyItems([deck]).filter((i) => keys.has(i.key) && !progress.progress.cards.has(i.key)) : [];
    },
    designPrompts(now) {
      const dayEnd = endOfDay(now);
      // A deck without design prompts (the facts know) is passed over unread: a large deck's cards load lazily.
      const prompts = loadedDecks().flatMap((deck) =>
        (deckFacts(deck).designKeys.length === 0 ? [] : deck.cards).flatMap((card): DesignPrompt[] => {
          if (card.type !== 'design') return [];
          const key = cardKey(deck.id, card.id);
          const record = progress.progress.cards.get(key);
          return [{ key, deckId: deck.id, card, due: !!record && record.state.due < dayEnd, dueAt: record ? record.state.due : null, forRole: suitsRole(card.tags, settings.get().role) }];
        }),
      );
      return orderPrompts(prompts);
    },
    finishMock(attempt, now) {
      const result = rate(attempt.key, attempt.rating, now, attempt.durationMs);
      try {
        attempts.record(attempt);
      } catch (error) {
        // The attempt and its rating count together or not at all: the rating is taken back (a
        // disk that refused the attempt may refuse this too; then the rating stays, as a review).
        try {
          progress.undo(result.reviewId, attempt.key, result.restore, now);
        } catch {
          // the error that matters is the attempt's
        }
        throw error;
      }
      try {
        attempts.dropDraft(attempt.key);
      } catch {
        // The attempt is saved; a draft that could not be removed only offers to resume it.
      }
      return result;
    },
    rate,
    cram,
    marks,
    exercises,
    exerciseAttempts,
    cramRate(key, rating, now, ms, answer) {
      const held = progress.progress.cards.get(key) ?? null;
      const entry = cram.record({ key, at: now, rating, ms: Math.round(ms), ...(answer?.confidence ? { confidence: answer.confidence } : {}), ...(answer?.correct !== undefined ? { correct: answer.correct } : {}) });
      // What the rating would have done, for the session's own flow; never stored.
      const record: CardRecord = { state: currentScheduler().next(held?.state, now, rating), firstReview: held?.firstReview ?? now };
      return { reviewId: entry.id, record, restore: held };
    },
    undo(reviewId, key, restore, now) {
      progress.undo(reviewId, key, restore, now);
    },
    orphans() {
      // Every card's key, from the facts: a large deck's cards are never read for this.
      const keys = new Set(library.decks.flatMap(({ deck }) => [...deckFacts(deck).keys, ...deckFacts(deck).designKeys]));
      const live = { has: (key: string) => keys.has(key) };
      // Story rehearsals belong to no deck, so they are never reported as cards missing from one,
      // not even a removed story's (the story bank is where stories come and go): they count as
      // live here, so the records need no filtered copy.
      return orphanedCards(progress.progress.cards, { has: (key) => isStoryKey(key) || live.has(key) });
    },
    close() {
      exercises.close();
      progress.close();
    },
  };
}
