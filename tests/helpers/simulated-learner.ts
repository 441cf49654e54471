// Simulated learners for the FSRS optimizer (issue "FSRS fitted to you"): review logs of someone
// whose memory follows known FSRS-6 parameters that are not the defaults, scheduled as keeper-prep
// schedules (ts-fsrs at its default parameters, retention 0.9, no fuzz, short-term steps). A fit
// on such a log has a right answer to move towards, and must predict the held-out reviews better
// than the defaults do. The tests import this directly; the bench bundles it (scripts/bench/fsrs.ts).
//
// Two memories per card: the one the scheduler believes (the app's record, default parameters,
// which decides when the card comes back) and the true one (ts-fsrs run with the learner's true
// parameters on what really happened), from which each outcome is drawn.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyCard, dateDiffInDays, fsrs, forgetting_curve, generatorParameters, Rating as FsrsRating, State, type Card as FsrsCard, type FSRS } from 'ts-fsrs';
import { LOG_VERSION, type CardRecord, type LogEntry, type ReviewEntry } from '../../src/core/progress.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import { defaultParameters } from '../../src/core/fsrs-params.js';
import { LOG_FILE } from '../../src/store/progress-store.js';

export interface LearnerProfile {
  name: string;
  /** What is different about this learner's memory, for the bench's table. */
  about: string;
  /** The learner's true FSRS-6 parameters. */
  w: number[];
  /** The first rating of a new card: Again, Hard, Good, Easy shares. */
  first: [number, number, number, number];
  /** A recalled card's rating: Hard, Good, Easy shares. */
  recalled: [number, number, number];
  /** New cards a day. */
  newPerDay: number;
  /**
   * Hard pressed for a forgotten card (the memory lapses all the same) on this share of the
   * reviews a week or more after the one before that were forgotten.
   */
  hardMisuse?: number;
  seed: number;
}

const with_ = (changes: Record<number, number>): number[] => defaultParameters().map((x, i) => changes[i] ?? x);

/** Three learners, each far from the defaults in its own way; the third misuses Hard. */
export const LEARNERS: readonly LearnerProfile[] = [
  {
    name: 'strong-start',
    about: 'initial stabilities 3x the defaults, stability grows faster',
    w: with_({ 0: 0.212 * 3, 1: 1.2931 * 3, 2: 2.3065 * 3, 3: 8.2956 * 3, 6: 1.5, 8: 2.6 }),
    first: [0.15, 0.1, 0.6, 0.15],
    recalled: [0.1, 0.8, 0.1],
    newPerDay: 8,
    seed: 11,
  },
  {
    name: 'fast-forgetter',
    about: 'decay w20 0.5 (steeper curve), stability grows half as fast',
    w: with_({ 8: 1.2, 10: 0.5, 20: 0.5 }),
    first: [0.3, 0.15, 0.5, 0.05],
    recalled: [0.2, 0.75, 0.05],
    newPerDay: 8,
    seed: 22,
  },
  {
    name: 'hard-material',
    about: 'initial difficulty 8, little kept after a lapse, steeper curve; presses Hard for half the cards forgotten after a week',
    w: with_({ 4: 8, 11: 0.2, 14: 1.0, 20: 0.4 }),
    first: [0.35, 0.2, 0.4, 0.05],
    recalled: [0.03, 0.9, 0.07],
    newPerDay: 10,
    hardMisuse: 0.5,
    seed: 33,
  },
];

/** A small deterministic generator (mulberry32), so a learner is the same on every run. */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FSRS_RATING = [FsrsRating.Again, FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy] as const;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A day's session goes on while some card is due within this long (learning steps of 1 and 10 minutes). */
const SESSION_REACH = 3 * HOUR;
export const SIM_DECK = 'sim';

interface SimCard {
  key: string;
  record: CardRecord | undefined;
  /** The true memory: ts-fsrs with the learner's parameters. */
  truth: FsrsCard;
  due: number;
}

/** A min-heap of cards by due time: a day's session takes the card due first, again and again. */
class DueHeap {
  private items: SimCard[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): SimCard | undefined {
    return this.items[0];
  }
  push(card: SimCard): void {
    const a = this.items;
    a.push(card);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]!.due <= a[i]!.due) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): SimCard | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.due < a[m]!.due) m = l;
        if (r < a.length && a[r]!.due < a[m]!.due) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

export interface SimulatedLog {
  entries: LogEntry[];
  /** Reviews kept (not undone). */
  reviews: number;
  cards: number;
  days: number;
  /** Forgotten cards logged as Hard. */
  misusedHard: number;
}

export interface SimulateOptions {
  /** Reviews to stop at (not counting the ones undone). */
  reviews: number;
  /** Midnight UTC of the first day; a fixed date by default, so every run is the same. */
  start?: number;
  /** Share of ratings taken back and made again, as the app's undo writes it. */
  undoShare?: number;
}

/**
 * The learner's review log, entries as the app writes them (records from the app's own scheduler),
 * day after day: each day the cards due that day in due order, new cards among them, and the
 * learning steps the same day, in one session starting between 07:00 and 10:00 UTC.
 */
export function simulateLearner(profile: LearnerProfile, options: SimulateOptions): SimulatedLog {
  const rand = seededRandom(profile.seed);
  const scheduler = createScheduler({ retention: 0.9 });
  const truth: FSRS = fsrs(generatorParameters({ w: profile.w, request_retention: 0.9, enable_fuzz: false, enable_short_term: true }));
  const decay = profile.w[20]!;
  const start = options.start ?? Date.UTC(2026, 0, 5);
  const undoShare = options.undoShare ?? 0.003;
  const pick = (shares: readonly number[]): number => {
    let u = rand();
    for (let i = 0; i < shares.length; i++) if ((u -= shares[i]!) < 0) return i;
    return shares.length - 1;
  };
  const cards: SimCard[] = [];
  const entries: LogEntry[] = [];
  let reviews = 0;
  let misusedHard = 0;
  let ids = 0;
  let day = 0;
  for (; reviews < options.reviews; day++) {
    const midnight = start + day * DAY;
    const dayEnd = midnight + DAY;
    let clock = midnight + 7 * HOUR + Math.floor(rand() * 3 * HOUR);
    for (let n = 0; n < profile.newPerDay; n++) {
      const key = `${SIM_DECK}/card-${cards.length}`;
      cards.push({ key, record: undefined, truth: createEmptyCard(new Date(clock)), due: clock });
    }
    const heap = new DueHeap();
    for (const card of cards) if (card.due < dayEnd) heap.push(card);
    while (heap.size > 0 && reviews < options.reviews) {
      const card = heap.peek()!;
      if (card.due > clock + SESSION_REACH || card.due >= dayEnd) break;
      heap.pop();
      clock = Math.max(clock + 10_000 + Math.floor(rand() * 30_000), card.due);
      const at = clock;
      const before = card.record;
      let shown: Rating;
      let real: Rating;
      if (card.truth.state === State.New) {
        shown = real = (pick(profile.first) + 1) as Rating;
      } else {
        const last = card.truth.last_review!;
        const days = dateDiffInDays(last, new Date(at));
        // Whole days, as FSRS counts them, for a review on a later day; within the day, the hours
        // (the curve at whole days would say every learning step is recalled).
        const elapsed = days >= 1 ? days : (at - last.getTime()) / DAY;
        const recalled = rand() < forgetting_curve(decay, elapsed, card.truth.stability);
        real = recalled ? ((pick(profile.recalled) + 2) as Rating) : 1;
        shown = real;
        if (!recalled && profile.hardMisuse !== undefined && days >= 7 && rand() < profile.hardMisuse) {
          shown = 2;
          misusedHard++;
        }
      }
      const record: CardRecord = { state: scheduler.next(before?.state, at, shown), firstReview: before?.firstReview ?? at };
      const ms = 3000 + Math.floor(rand() * 12_000);
      if (rand() < undoShare) {
        // Rated, taken back a few seconds later, and rated again the same way.
        const id = `sim-${(ids++).toString(36)}`;
        entries.push({ v: LOG_VERSION, t: 'review', id, key: card.key, rating: shown, at, ms, record } satisfies ReviewEntry);
        entries.push({ v: LOG_VERSION, t: 'undo', id, key: card.key, at: at + 2000, restore: before ?? null });
      }
      entries.push({ v: LOG_VERSION, t: 'review', id: `sim-${(ids++).toString(36)}`, key: card.key, rating: shown, at, ms, record } satisfies ReviewEntry);
      reviews++;
      card.record = record;
      card.truth = truth.next(card.truth, new Date(at), FSRS_RATING[real]).card;
      card.due = record.state.due;
      if (card.due < dayEnd) heap.push(card);
    }
  }
  return { entries, reviews, cards: cards.length, days: day, misusedHard };
}

/** The same log moved by whole days: UTC days between reviews, and so everything FSRS reads, stay the same. */
export function shiftDays(entries: readonly LogEntry[], days: number): LogEntry[] {
  const by = days * DAY;
  const moveRecord = (r: CardRecord): CardRecord => ({
    firstReview: r.firstReview + by,
    state: { ...r.state, due: r.state.due + by, lastReview: r.state.lastReview === null ? null : r.state.lastReview + by },
  });
  return entries.map((e) => (e.t === 'review' ? { ...e, at: e.at + by, record: moveRecord(e.record) } : { ...e, at: e.at + by, restore: e.restore ? moveRecord(e.restore) : null }));
}

/**
 * A data directory the app opens: the log ending yesterday, a deck holding every card it names
 * (so none is an orphan), and settings. Returns the simulation's figures.
 */
export function writeLearnerDir(dir: string, profile: LearnerProfile, reviews: number, now = Date.now()): SimulatedLog {
  const log = simulateLearner(profile, { reviews });
  const first = Date.UTC(2026, 0, 5);
  const today = Math.floor(now / DAY) * DAY;
  const entries = shiftDays(log.entries, Math.round((today - first) / DAY) - log.days);
  mkdirSync(join(dir, 'decks'), { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ role: 'software-engineer' }));
  const deck = {
    id: SIM_DECK,
    title: `Simulated learner: ${profile.name}`,
    version: 1,
    cards: Array.from({ length: log.cards }, (_, i) => ({ id: `card-${i}`, type: 'flashcard', front: `Simulated question ${i}?`, back: `Simulated answer ${i}.`, tags: ['simulated'] })),
  };
  writeFileSync(join(dir, 'decks', `${SIM_DECK}.json`), JSON.stringify(deck));
  writeFileSync(join(dir, LOG_FILE), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return { ...log, entries };
}
