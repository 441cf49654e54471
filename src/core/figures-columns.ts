// The readiness figures (core/history-figures) as columns: the strings as JSON, and everything
// counted per card, per entry and per day as one block of doubles, every value exact. The file
// beside the card snapshot holds them (store/figures-store frames it and checks its bytes), and
// Readiness reads them where they lie (core/figure-rows): at ~97,000 reviews, making a record object and
// a map entry for each of ~12,000 cards and each of ~7,000 window entries, then looking each card
// up by its "deck/card" key in three maps, was most of the first Readiness's cost and its garbage.
// The maps and entries of HistoryFigures are made from the columns only when something asks for
// them: folding newer entries in, or a test.
import { BINS, emptyTrust, UNITS, type TrustCounts, type TrustPart } from './calibration.js';
import type { HistoryFigures, Tally, WindowEntry } from './history-figures.js';
import { LOG_VERSION, tickCounts, type CardRecord, type LogEntry, type Progress, type ReviewEntry, type TickCounts, type UndoEntry } from './progress.js';
import { isRecordAt, putRecord, RECORD_NUMBERS, recordAt, small } from './record-rows.js';
import { isRating } from './scheduler.js';
import { isTime, isWholeCount } from './progress-checks.js';

/** The layout of figuresToColumns; the file of another is built again from the log, never read. */
// 3: the file's checksum is CRC-32 (store/binary-file). 4: the calibration of past predictions and
// the health check's counts (core/calibration), with each window review's part in them.
export const FIGURES_VERSION = 4;

export interface FiguresColumns {
  text: FiguresText;
  numbers: Float64Array;
  /** Each key's place in text.keys (a key is there once). */
  places: ReadonlyMap<string, number>;
  /** As figuresToColumns lays the figures out, as the file holds them; false for columns made for reading (see ReadFigures). */
  canonical: boolean;
}

export interface FiguresText {
  timeZone: string;
  decay: number;
  model: string;
  /** Cards whose latest review was a Hard, or a Good, after a long gap (HistoryFigures.hard and good). */
  hard: string[];
  good: string[];
  lastAt: number | null;
  cutoff: number | null;
  /** Card keys: the base's in its order, then the others a window entry or a tally names. Rows name a key by its place here. */
  keys: string[];
  /** The window's entry ids, in its order. */
  ids: string[];
  undone: string[];
  /** How many rows the base, the window and the days have in `numbers`. */
  rows: { base: number; window: number; days: number };
}

// The parts of `numbers`, in this order: the totals (sure, guess, ticks; per calibration bin,
// reviews, recalled and predicted; long-term, good, hard after a gap, then again); the base, a record per
// key; the window, an entry per row; the tallies, reviews and passed for every key (0 for none);
// the days, day start and reviews. A record: as core/record-rows puts it. An entry: kind (0 review, 1 undo), key, at, rating, mark, correct (0 not said, 1 wrong, 2 right),
// counted, the tick counts (NaN for none), whether a record follows (an undo's may be null), the record
// (zeros for none), then its part in the calibration: predicted (NaN for none) and flags (-1 for no part).
const TRUST_AT = 6;
export const TOTALS = TRUST_AT + 3 * BINS + 6;
export const RECORD = RECORD_NUMBERS;
export const ENTRY = 12 + RECORD;
const PART = 10 + RECORD;
export const TALLY = 2;
const DAY = 2;
const MARKS = [undefined, 'sure', 'guess'] as const;

/** Where each part starts in `numbers`, and how long they are together. */
export function partsOf(rows: FiguresText['rows'], keys: number): { base: number; window: number; tallies: number; days: number; length: number } {
  const window = TOTALS + rows.base * RECORD;
  const tallies = window + rows.window * ENTRY;
  const days = tallies + keys * TALLY;
  return { base: TOTALS, window, tallies, days, length: days + rows.days * DAY };
}


/** The figures as strings and numbers, for the file beside the card snapshot. */
export function figuresToColumns(figures: HistoryFigures): FiguresColumns {
  const keys: string[] = [];
  const records: CardRecord[] = [];
  for (const [key, record] of figures.base) {
    keys.push(key);
    records.push(record);
  }
  const places = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) places.set(keys[i]!, i);
  const place = (key: string): number => {
    let i = places.get(key);
    if (i === undefined) {
      i = keys.push(key) - 1;
      places.set(key, i);
    }
    return i;
  };
  for (const { entry } of figures.window) place(entry.key);
  // The tallied keys not placed yet, sorted: the same figures make the same file, however the
  // reviews that made them interleaved. (Sorting only those: ~10,000 keys took milliseconds.)
  const unplaced: string[] = [];
  for (const key of figures.retention.keys()) if (!places.has(key)) unplaced.push(key);
  for (const key of unplaced.sort()) place(key);
  const rows = { base: records.length, window: figures.window.length, days: figures.days.size };
  const n = new Float64Array(partsOf(rows, keys.length).length);
  putTotals(n, figures);
  let at = TOTALS;
  for (const record of records) {
    putRecord(n, at, record);
    at += RECORD;
  }
  const ids: string[] = [];
  for (const { entry, counted, part } of figures.window) {
    ids.push(entry.id);
    putEntry(n, at, place(entry.key), entry, counted, part);
    at += ENTRY;
  }
  for (const [key, t] of figures.retention) {
    const i = at + places.get(key)! * TALLY;
    n[i] = t.reviews;
    n[i + 1] = t.passed;
  }
  at += keys.length * TALLY;
  putDays(n, at, figures.days);
  return { text: { timeZone: figures.timeZone, decay: figures.decay, model: figures.model, hard: [...figures.hard].sort(), good: [...figures.good].sort(), lastAt: figures.lastAt, cutoff: figures.cutoff, keys, ids, undone: [...figures.undone], rows }, numbers: n, places, canonical: true };
}

/** A window entry at `at` (in a block of zeros), its key at `place`. */
function putEntry(n: Float64Array, at: number, place: number, entry: LogEntry, counted: boolean, part: TrustPart | null): void {
  putPart(n, at, part);
  n[at + 1] = place;
  n[at + 2] = entry.at;
  const record = entry.t === 'undo' ? entry.restore : entry.record;
  if (entry.t === 'undo') n[at] = 1;
  else {
    const ticks = tickCounts(entry.ticks);
    n[at + 3] = entry.rating;
    n[at + 4] = MARKS.indexOf(entry.confidence);
    n[at + 5] = typeof entry.correct === 'boolean' ? Number(entry.correct) + 1 : 0;
    n[at + 6] = Number(counted);
    n[at + 7] = ticks ? ticks.evidenced : NaN;
    n[at + 8] = ticks ? ticks.unevidenced : NaN;
  }
  if (record) {
    n[at + 9] = 1;
    putRecord(n, at + 10, record);
  }
}

function putPart(n: Float64Array, at: number, part: TrustPart | null): void {
  n[at + PART] = part ? part.predicted : NaN;
  n[at + PART + 1] = part ? part.flags : -1;
}

function putTotals(n: Float64Array, figures: HistoryFigures): void {
  const t = figures.trust;
  n.set([figures.sure.n, figures.sure.right, figures.guess.n, figures.guess.right, figures.ticks.evidenced, figures.ticks.unevidenced, ...t.reviews, ...t.recalled, ...t.predicted, t.longTerm, t.good, t.hardAfterGap, t.thenAgain, t.goodAfterGap, t.goodThenAgain]);
}

function trustAt(n: Float64Array): TrustCounts {
  const trust = emptyTrust();
  for (let b = 0; b < BINS; b++) {
    trust.reviews[b] = n[TRUST_AT + b]!;
    trust.recalled[b] = n[TRUST_AT + BINS + b]!;
    trust.predicted[b] = n[TRUST_AT + 2 * BINS + b]!;
  }
  const at = TRUST_AT + 3 * BINS;
  return { ...trust, longTerm: n[at]!, good: n[at + 1]!, hardAfterGap: n[at + 2]!, thenAgain: n[at + 3]!, goodAfterGap: n[at + 4]!, goodThenAgain: n[at + 5]! };
}

/** The calibration totals as they can be: whole counts, recalled within reviews, predictions summed within 0 to 1 each. */
function isTrustAt(n: Float64Array): boolean {
  for (let b = 0; b < BINS; b++) {
    const reviews = n[TRUST_AT + b]!;
    const predicted = n[TRUST_AT + 2 * BINS + b]!;
    if (!isPairAt2(n, TRUST_AT + b, TRUST_AT + BINS + b) || !isWholeCount(predicted) || predicted > reviews * UNITS) return false;
  }
  const at = TRUST_AT + 3 * BINS;
  return isPairAt2(n, at, at + 1) && isPairAt2(n, at + 2, at + 3) && isPairAt2(n, at + 4, at + 5);
}

/** Two counts, the second no more than the first. */
function isPairAt2(n: Float64Array, of: number, right: number): boolean {
  return isWholeCount(n[of]!) && isWholeCount(n[right]!) && n[right]! <= n[of]!;
}

/** A window entry's part as the file holds it: none, or a prediction (NaN, or whole units within 0 to 1) and flags. */
function partAt(n: Float64Array, at: number): TrustPart | null | undefined {
  const predicted = n[at + PART]!;
  const flags = n[at + PART + 1]!;
  if (flags === -1) return Number.isNaN(predicted) ? null : undefined;
  if (!(flags >= 0 && flags < 256 && flags % 1 === 0)) return undefined;
  if (!Number.isNaN(predicted) && !(predicted >= 0 && predicted <= UNITS && predicted % 1 === 0)) return undefined;
  return { predicted, flags };
}

function putDays(n: Float64Array, at: number, days: ReadonlyMap<number, number>): void {
  for (const [dayStart, count] of days) {
    n[at] = dayStart;
    n[at + 1] = count;
    at += DAY;
  }
}

/**
 * The figures' columns for reading (Readiness): the file's while nothing was folded in since; when
 * entries were only appended (see ReadFigures.appended), the file's with those added; else made
 * from the maps (built from the log, or a day moved into the base).
 */
export function columnsOf(figures: HistoryFigures): FiguresColumns {
  return (figures.columns ??= figures instanceof ReadFigures ? figures.appended() : figuresToColumns(figures));
}

/** The columns as the file holds them: the figures' own when they are laid out so, else made (and kept for reading). */
export function canonicalColumns(figures: HistoryFigures): FiguresColumns {
  return figures.columns?.canonical ? figures.columns : (figures.columns = figuresToColumns(figures));
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Two counts at `at`, the second no more than the first (of n, how many right). */
function isPairAt(n: Float64Array, at: number): boolean {
  return isWholeCount(n[at]!) && isWholeCount(n[at + 1]!) && n[at + 1]! <= n[at]!;
}


/** Figures read from columns: the base, the tallies and the window made from them when first asked for. */
class ReadFigures implements HistoryFigures {
  timeZone: string;
  decay: number;
  model: string;
  trust: TrustCounts;
  hard: Set<string>;
  good: Set<string>;
  lastAt: number | null;
  cutoff: number | null;
  undone = new Set<string>();
  days = new Map<number, number>();
  sure: { n: number; right: number };
  guess: { n: number; right: number };
  ticks: TickCounts;
  replay: Progress | null = null;
  columns: FiguresColumns | null;
  private heldBase: Map<string, CardRecord> | null = null;
  private heldRetention: Map<string, Tally> | null = null;
  private heldWindow: WindowEntry[] | null = null;

  constructor(private readonly source: FiguresColumns) {
    const { text, numbers: n } = source;
    this.timeZone = text.timeZone;
    this.decay = text.decay;
    this.model = text.model;
    this.hard = new Set(text.hard);
    this.good = new Set(text.good);
    this.trust = trustAt(n);
    this.lastAt = text.lastAt;
    this.cutoff = text.cutoff;
    this.sure = { n: small(n[0]!), right: small(n[1]!) };
    this.guess = { n: small(n[2]!), right: small(n[3]!) };
    this.ticks = { evidenced: small(n[4]!), unevidenced: small(n[5]!) };
    this.columns = source;
  }

  get base(): Map<string, CardRecord> {
    if (!this.heldBase) {
      const { text, numbers } = this.source;
      const base = new Map<string, CardRecord>();
      for (let i = 0, at = TOTALS; i < text.rows.base; i++, at += RECORD) base.set(text.keys[i]!, recordAt(numbers, at)!);
      this.heldBase = base;
    }
    return this.heldBase;
  }

  get retention(): Map<string, Tally> {
    if (!this.heldRetention) {
      const { text, numbers: n } = this.source;
      const retention = new Map<string, Tally>();
      for (let i = 0, at = partsOf(text.rows, text.keys.length).tallies; i < text.keys.length; i++, at += TALLY) if (n[at] !== 0) retention.set(text.keys[i]!, { reviews: small(n[at]!), passed: small(n[at + 1]!) });
      this.heldRetention = retention;
    }
    return this.heldRetention;
  }

  get window(): WindowEntry[] {
    if (!this.heldWindow) {
      const { text, numbers: n } = this.source;
      const window: WindowEntry[] = [];
      for (let i = 0, at = partsOf(text.rows, text.keys.length).window; i < text.rows.window; i++, at += ENTRY) {
        const key = text.keys[n[at + 1]! | 0]!;
        const record = n[at + 9] === 1 ? recordAt(n, at + 10)! : null;
        const id = text.ids[i]!;
        if (n[at] === 1) {
          const entry: UndoEntry = { v: LOG_VERSION, t: 'undo', id, key, at: n[at + 2]!, restore: record };
          window.push({ entry, counted: false, part: null });
          continue;
        }
        const mark = n[at + 4]!;
        const correct = n[at + 5]!;
        const evidenced = n[at + 7]!;
        const value: Record<string, unknown> = { v: LOG_VERSION, t: 'review', id, key, at: n[at + 2]!, rating: small(n[at + 3]!), ms: 0, record };
        if (mark) value.confidence = MARKS[mark | 0];
        if (correct) value.correct = correct === 2;
        if (!Number.isNaN(evidenced)) value.ticks = tickCounts({ evidenced: small(evidenced), unevidenced: small(n[at + 8]!) });
        window.push({ entry: value as unknown as ReviewEntry, counted: n[at + 6] === 1, part: partAt(n, at) ?? null });
      }
      this.heldWindow = window;
    }
    return this.heldWindow;
  }

  /**
   * The columns after entries were folded in on top of the file's, when they were only appended
   * (the base as it was, the cutoff where it was): the file's rows copied, the new entries and
   * keys added at the end, and the tallies those entries moved. Most starts after a day of study
   * fold a few dozen ratings in: laying ~12,000 records out again cost more than the fold.
   * Not the file's layout (a new key comes after the tallied keys): saving lays them out anew.
   */
  appended(): FiguresColumns {
    const window = this.heldWindow;
    const { text: was, numbers: old, places: oldPlaces } = this.source;
    if (!window || this.cutoff !== was.cutoff || window.length < was.rows.window) return figuresToColumns(this);
    const added = window.slice(was.rows.window);
    const keys = was.keys.slice();
    const places = new Map(oldPlaces);
    const placeOf = added.map(({ entry }) => {
      let i = places.get(entry.key);
      if (i === undefined) places.set(entry.key, (i = keys.push(entry.key) - 1));
      return i;
    });
    const rows = { base: was.rows.base, window: window.length, days: this.days.size };
    const from = partsOf(was.rows, was.keys.length);
    const to = partsOf(rows, keys.length);
    const n = new Float64Array(to.length);
    putTotals(n, this);
    // The base and the earlier entries lie where they did; an entry's `counted` moves when a later undo takes it back.
    n.set(old.subarray(from.base, from.tallies), to.base);
    for (let e = 0, at = to.window; e < was.rows.window; e++, at += ENTRY) {
      const w = window[e]!;
      if (w.entry.t !== 'review') continue;
      n[at + 6] = Number(w.counted);
      putPart(n, at, w.part);
    }
    added.forEach(({ entry, counted, part }, k) => putEntry(n, to.window + (was.rows.window + k) * ENTRY, placeOf[k]!, entry, counted, part));
    n.set(old.subarray(from.tallies, from.days), to.tallies);
    if (this.heldRetention) {
      // A tally moves only for an entry folded in since, or a review one of them took back.
      const moved = new Set(added.map(({ entry }) => entry.key));
      const undone = new Set(added.flatMap(({ entry }) => (entry.t === 'undo' ? [entry.id] : [])));
      if (undone.size > 0) for (const { entry } of window) if (undone.has(entry.id)) moved.add(entry.key);
      for (const key of moved) {
        const t = this.heldRetention.get(key);
        const at = to.tallies + places.get(key)! * TALLY;
        n[at] = t?.reviews ?? 0;
        n[at + 1] = t?.passed ?? 0;
      }
    }
    putDays(n, to.days, this.days);
    const text = { timeZone: this.timeZone, decay: this.decay, model: this.model, hard: [...this.hard].sort(), good: [...this.good].sort(), lastAt: this.lastAt, cutoff: this.cutoff, keys, ids: was.ids.concat(added.map(({ entry }) => entry.id)), undone: [...this.undone], rows };
    return { text, numbers: n, places, canonical: false };
  }
}

/**
 * Figures back from their columns, or null when they are not as figuresToColumns makes them. The
 * file's bytes are checked whole by the store (a checksum), so this checks only what would read as
 * something else than a number: a key, a phase, a kind of entry or mark out of range, a part of
 * the wrong length, the window out of order, a count that is no count. Every row is checked here,
 * though its objects are made only when first asked for.
 */
export function figuresFromColumns(text: unknown, n: Float64Array): HistoryFigures | null {
  if (!text || typeof text !== 'object') return null;
  const v = text as Record<string, unknown>;
  const rows = v.rows as Record<string, unknown> | null;
  if (typeof v.decay !== 'number' || !Number.isFinite(v.decay) || typeof v.model !== 'string' || !isStrings(v.hard) || !isStrings(v.good)) return null;
  if (typeof v.timeZone !== 'string' || !(v.lastAt === null || isTime(v.lastAt)) || !(v.cutoff === null || isTime(v.cutoff)) || (v.lastAt === null) !== (v.cutoff === null)) return null;
  if (!isStrings(v.keys) || !isStrings(v.ids) || !isStrings(v.undone) || !rows || typeof rows !== 'object') return null;
  if (!isWholeCount(rows.base) || !isWholeCount(rows.window) || !isWholeCount(rows.days)) return null;
  const keys = v.keys;
  const counts = { base: rows.base, window: rows.window, days: rows.days };
  const parts = partsOf(counts, keys.length);
  if (rows.window !== v.ids.length || counts.base > keys.length || n.length !== parts.length) return null;
  if (!isPairAt(n, 0) || !isPairAt(n, 2) || !isWholeCount(n[4]!) || !isWholeCount(n[5]!) || !isTrustAt(n)) return null;
  const places = new Map<string, number>();
  for (let i = 0, count = keys.length; i < count; i++) places.set(keys[i]!, i);
  if (places.size !== keys.length) return null;
  for (let at = parts.base, end = parts.window; at < end; at += RECORD) if (!isRecordAt(n, at)) return null;
  for (let at = parts.tallies, end = parts.days; at < end; at += TALLY) {
    const reviews = n[at]!;
    const passed = n[at + 1]!;
    // No reviews, nothing passed: a passed count alone would add to an area's retention.
    if (reviews === 0) {
      if (passed !== 0) return null;
      continue;
    }
    // isPairAt, written out: this runs for every card.
    if (!(reviews > 0 && passed >= 0 && passed <= reviews && reviews <= Number.MAX_SAFE_INTEGER && reviews % 1 === 0 && passed % 1 === 0)) return null;
  }
  const cutoff = v.cutoff;
  const lastAt = v.lastAt;
  let previous = -Infinity;
  for (let at = parts.window, end = parts.tallies; at < end; at += ENTRY) {
    // Indexes made small integers (| 0) before use: an array indexed by a double takes V8's slow path.
    const place = n[at + 1]!;
    const when = n[at + 2]!;
    if (keys[place | 0] === undefined || place !== (place | 0) || !(when >= previous) || (cutoff !== null && when < cutoff) || (lastAt !== null && when > lastAt)) return null;
    previous = when;
    const hasRecord = n[at + 9]!;
    if (hasRecord === 1 ? !isRecordAt(n, at + 10) : hasRecord !== 0) return null;
    const part = partAt(n, at);
    if (part === undefined || (part !== null && n[at] === 1)) return null;
    if (n[at] === 1) continue;
    const mark = n[at + 4]!;
    const correct = n[at + 5]!;
    const counted = n[at + 6]!;
    const evidenced = n[at + 7]!;
    if (n[at] !== 0 || hasRecord !== 1 || !isRating(n[at + 3]) || (mark !== 0 && mark !== 1 && mark !== 2) || (correct !== 0 && correct !== 1 && correct !== 2) || (counted !== 0 && counted !== 1)) return null;
    if (!Number.isNaN(evidenced) && !tickCounts({ evidenced: small(evidenced), unevidenced: small(n[at + 8]!) })) return null;
  }
  const figures = new ReadFigures({ text: { timeZone: v.timeZone, decay: v.decay, model: v.model, hard: v.hard, good: v.good, lastAt, cutoff, keys, ids: v.ids, undone: v.undone, rows: counts }, numbers: n, places, canonical: true });
  for (let i = 0, at = parts.days; i < counts.days; i++, at += DAY) {
    const day = n[at]!;
    if (!isTime(day) || !isWholeCount(n[at + 1]!) || n[at + 1] === 0 || figures.days.has(day)) return null;
    figures.days.set(day, n[at + 1]!);
  }
  for (const id of v.undone) figures.undone.add(id);
  return figures;
}
