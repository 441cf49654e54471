import { describe, expect, it } from 'vitest';
import { applyEntry, emptyProgress, type CardRecord, type LogEntry, type Progress, type ReviewEntry } from '../../src/core/progress.js';
import { exportLines, parseProgressLines } from '../../src/core/progress-lines.js';
import { buildExport, changedCards, effectiveReviews, knownProgress, parseProgressFile, planMerge, type ProgressExport } from '../../src/core/progress-transfer.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import type { Attempt } from '../../src/store/attempts.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/store/settings.js';
import type { CramEntry } from '../../src/core/cram.js';
import type { Story } from '../../src/core/stories.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const HOUR = 3_600_000;
const scheduler = createScheduler({ retention: 0.9 });

/** One machine's log in memory, rating the way Workspace.rate does. */
class Machine {
  readonly log: LogEntry[] = [];
  readonly progress: Progress = emptyProgress();
  attempts: Attempt[] = [];
  private next = 0;

  constructor(private readonly name: string) {}

  rate(key: string, rating: Rating, at: number): ReviewEntry {
    const before = this.progress.cards.get(key);
    const record: CardRecord = { state: scheduler.next(before?.state, at, rating), firstReview: before?.firstReview ?? at };
    const entry: ReviewEntry = { v: 1, t: 'review', id: `${this.name}-${this.next++}`, key, rating, at, ms: 1000, record };
    this.append([entry]);
    return entry;
  }

  undo(review: ReviewEntry, restore: CardRecord | null, at: number): void {
    this.append([{ v: 1, t: 'undo', id: review.id, key: review.key, at, restore }]);
  }

  append(entries: readonly LogEntry[]): void {
    for (const entry of entries) {
      this.log.push(entry);
      applyEntry(this.progress, entry);
    }
  }

  export(at: number): ProgressExport {
    return buildExport({ entries: this.log, attempts: this.attempts, cram: [], stories: [], settings: DEFAULT_SETTINGS }, at);
  }

  /** What import-progress does, minus the disk: text through the parser, then the merge plan. */
  import(file: ProgressExport): { reviews: number; skipped: number; attempts: number } {
    const parsed = parseProgressLines([...exportLines(file)].join(''));
    if (typeof parsed === 'string') throw new Error(parsed);
    const plan = planMerge(knownProgress(this.log, this.attempts), parsed);
    this.append(plan.reviews);
    this.attempts = [...this.attempts, ...plan.attempts];
    return { reviews: plan.reviews.length, skipped: plan.skippedReviews, attempts: plan.attempts.length };
  }
}

const attempt = (finishedAt: number, notes = 'n'): Attempt => ({
  v: 1, key: 'design/cdn', startedAt: finishedAt - 600_000, finishedAt, durationMs: 600_000, minutes: 10,
  phases: [{ name: 'Clarify', ms: 600_000 }], hintsUsed: 0, scores: [{ dimension: 'Scale', score: 3 }], rating: 3, notes,
});

/** A version 1 file (one JSON document, reviews and attempts), as keeper-prep before format 2 wrote it. */
function exportText(patch: (data: Record<string, unknown>) => void): string {
  const a = new Machine('a');
  a.rate('d/one', 3, T0);
  const { reviews, attempts } = a.export(T0);
  const data: Record<string, unknown> = JSON.parse(JSON.stringify({ format: 'keeper-prep-progress', version: 1, exportedAt: T0, reviews, attempts }));
  patch(data);
  return JSON.stringify(data);
}

function errorOf(text: string): string {
  const parsed = parseProgressFile(text);
  expect(parsed.ok).toBe(false);
  const error = parsed.ok ? '' : parsed.error;
  expect(error).not.toContain('\n');
  return error;
}

describe('export', () => {
  it('holds the reviews that count, in log order, and leaves undone ones out', () => {
    const a = new Machine('a');
    const first = a.rate('d/one', 3, T0);
    const kept = a.progress.cards.get('d/one')!;
    const second = a.rate('d/one', 1, T0 + HOUR);
    a.undo(second, kept, T0 + HOUR + 1000);
    const third = a.rate('d/two', 4, T0 + 2 * HOUR);
    expect(effectiveReviews(a.log).map((r) => r.id)).toEqual([first.id, third.id]);
    const data = a.export(T0 + 3 * HOUR);
    expect(data).toMatchObject({ format: 'keeper-prep-progress', version: 2, exportedAt: T0 + 3 * HOUR });
    expect(data.reviews.map((r) => r.id)).toEqual([first.id, third.id]);
  });

  it('writes one entry per line and reads back to the same data', () => {
    const a = new Machine('a');
    a.rate('d/one', 3, T0);
    a.rate('d/two', 2, T0 + 1000);
    a.attempts = [attempt(T0)];
    const data = a.export(T0 + HOUR);
    const text = [...exportLines(data)].join('');
    expect(text.split('\n').filter((l) => l.startsWith('{"review":{"v":1') || l.startsWith('{"attempt":{"v":1'))).toHaveLength(3);
    expect(parseProgressLines(text)).toEqual(data);
  });
});

describe('reading a version 1 progress file', () => {
  it('says what is wrong in one line', () => {
    expect(errorOf('{"format": "something-else", "version": 1}')).toBe('not a keeper-prep progress file (no "format": "keeper-prep-progress")');
    expect(errorOf('[1, 2]')).toMatch(/^not a keeper-prep progress file/);
    expect(errorOf(exportText((d) => (d.version = 3)))).toBe('written by a newer keeper-prep (progress format 3; this version reads up to 2); update keeper-prep to import it');
    expect(errorOf(exportText((d) => (d.version = '1')))).toBe('no readable format version ("version" should be 2)');
    expect(errorOf(exportText((d) => ((d.reviews as Record<string, unknown>[])[0]!.rating = 7)))).toBe('reviews[0]: not a valid review ("rating" should be 1, 2, 3 or 4)');
    expect(errorOf(exportText((d) => ((d.reviews as Record<string, unknown>[])[0]!.record = { state: {} })))).toBe('reviews[0]: not a valid review ("record" is not a card record)');
    expect(errorOf(exportText((d) => ((d.reviews as unknown[])[1] = { v: 1, t: 'undo', id: 'x', key: 'd/one', at: T0, restore: null })))).toBe('reviews[1]: not a valid review ("t" should be "review")');
    expect(errorOf(exportText((d) => (d.attempts = [{ ...attempt(T0), scores: 'high' }])))).toBe('attempts[0]: not a valid design attempt ("scores" should be a list of { dimension, score })');
    expect(errorOf(exportText((d) => delete d.reviews))).toBe('"reviews" is missing or not a list');
  });

  it('refuses prototype keys anywhere, as own keys the way JSON.parse makes them', () => {
    const text = exportText(() => undefined);
    expect(errorOf(text.replace('"record":{', '"record":{"__proto__":{"polluted":true},'))).toBe('reviews[0].record: the key "__proto__" is not allowed');
    expect(errorOf(text.replace('{"format"', '{"constructor":{},"format"'))).toBe('the top level: the key "constructor" is not allowed');
    expect(errorOf(text.replace('"attempts":[]', '"attempts":[],"x":{"prototype":1}'))).toBe('x: the key "prototype" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('points at the line and column of a syntax error, and calls a cut-off file cut off', () => {
    const text = exportText(() => undefined);
    expect(errorOf(text.slice(0, text.length - 20))).toBe('not valid JSON: it ends too early (was the file cut short?)');
    expect(errorOf('{"format": "keeper-prep-progress",\n  "version": 1 "reviews": []}')).toBe('not valid JSON: expected "," between items at line 2, column 16');
    expect(errorOf('')).toBe('the file is empty');
    expect(errorOf('{"format":"keeper-prep-progress","version":1,"exportedAt":1e999,"reviews":[],"attempts":[]}')).toBe('exportedAt: a number too large to store');
  });

  it('keeps only known fields of each review and attempt', () => {
    const text = exportText((d) => {
      (d.reviews as Record<string, unknown>[])[0]!.extra = 'x'.repeat(1000);
      d.attempts = [{ ...attempt(T0), extra: true }];
    });
    const parsed = parseProgressFile(text);
    expect(parsed.ok && JSON.stringify(parsed.data)).not.toContain('extra');
  });
});

describe('merging', () => {
  it('plans to append only reviews and attempts not already here, counting the rest as skipped', () => {
    const a = new Machine('a');
    const known = a.rate('d/one', 3, T0);
    const undone = a.rate('d/two', 3, T0 + 1000);
    a.undo(undone, null, T0 + 2000);
    a.attempts = [attempt(T0)];
    const b = new Machine('b');
    const fresh = b.rate('d/three', 3, T0);
    const plan = planMerge(knownProgress(a.log, a.attempts), { reviews: [known, undone, fresh, fresh], attempts: [attempt(T0, 'same attempt, edited'), attempt(T0 + HOUR)] });
    expect(plan.reviews.map((r) => r.id)).toEqual([fresh.id]);
    expect(plan.skippedReviews).toBe(3);
    expect(plan.attempts.map((x) => x.finishedAt)).toEqual([T0 + HOUR]);
    expect(plan.skippedAttempts).toBe(1);
  });

  it('keeps the newer state whichever order reviews are folded in, and the earliest first review', () => {
    const a = new Machine('a');
    const older = a.rate('d/one', 3, T0);
    const b = new Machine('b');
    b.rate('d/one', 1, T0 + HOUR);
    const newer = b.rate('d/one', 3, T0 + 2 * HOUR);

    const newerFirst = emptyProgress();
    applyEntry(newerFirst, newer);
    applyEntry(newerFirst, older);
    expect(newerFirst.cards.get('d/one')).toEqual({ state: newer.record.state, firstReview: T0 });
    expect(newerFirst.reviews).toBe(2);

    const olderFirst = emptyProgress();
    applyEntry(olderFirst, older);
    applyEntry(olderFirst, newer);
    expect(olderFirst.cards.get('d/one')).toEqual({ state: newer.record.state, firstReview: T0 });
    // The entry's own record is left alone: the app may hold it for undo.
    expect(newer.record.firstReview).toBe(T0 + HOUR);
  });

  it('lets two machines import each other and end with the same records and review count', () => {
    const a = new Machine('a');
    const b = new Machine('b');
    a.rate('d/shared', 3, T0);
    b.rate('d/shared', 1, T0 + HOUR);
    a.rate('d/shared', 4, T0 + 2 * HOUR);
    b.rate('d/shared', 3, T0 + 3 * HOUR);
    a.rate('d/a-only', 3, T0 + 4 * HOUR);
    const kept = b.rate('d/b-only', 3, T0 + 5 * HOUR);
    const takenBack = b.rate('d/b-only', 1, T0 + 6 * HOUR);
    b.undo(takenBack, kept.record, T0 + 6 * HOUR + 1000);
    a.attempts = [attempt(T0)];
    b.attempts = [attempt(T0 + HOUR)];
    const fromA = a.export(T0 + 7 * HOUR);
    const fromB = b.export(T0 + 7 * HOUR);

    expect(a.import(fromB)).toEqual({ reviews: 3, skipped: 0, attempts: 1 });
    expect(b.import(fromA)).toEqual({ reviews: 3, skipped: 0, attempts: 1 });
    expect(a.progress.cards).toEqual(b.progress.cards);
    expect(a.progress.reviews).toBe(6);
    expect(b.progress.reviews).toBe(6);
    // The newest review of the shared card was B's, at T0 + 3h.
    expect(a.progress.cards.get('d/shared')).toMatchObject({ firstReview: T0, state: { lastReview: T0 + 3 * HOUR } });
    expect(a.progress.cards.get('d/b-only')).toEqual(kept.record);
    expect(a.attempts).toHaveLength(2);

    // Again, and round trips of what each now holds: nothing counts twice.
    expect(a.import(fromB)).toEqual({ reviews: 0, skipped: 3, attempts: 0 });
    expect(b.import(a.export(T0 + 8 * HOUR))).toEqual({ reviews: 0, skipped: 6, attempts: 0 });
    expect(a.progress.reviews).toBe(6);
    expect(b.progress.reviews).toBe(6);
  });

  it('does not bring back a review undone here after the file was exported', () => {
    const a = new Machine('a');
    const review = a.rate('d/one', 3, T0);
    const exported = a.export(T0 + 1000);
    a.undo(review, null, T0 + 2000);
    expect(a.import(exported)).toEqual({ reviews: 0, skipped: 1, attempts: 0 });
    expect(a.progress.cards.has('d/one')).toBe(false);
  });

  it('counts cards new here and cards whose state changed, not those that only gained an earlier first review', () => {
    const a = new Machine('a');
    a.rate('d/one', 3, T0 + HOUR);
    a.rate('d/three', 3, T0);
    const before = new Map(a.progress.cards);
    const b = new Machine('b');
    b.rate('d/one', 3, T0);
    b.rate('d/two', 3, T0);
    b.rate('d/three', 2, T0 + 2 * HOUR);
    a.import(b.export(T0 + 3 * HOUR));
    expect(a.progress.cards.get('d/one')!.firstReview).toBe(T0);
    expect(changedCards(before, a.progress.cards)).toEqual({ added: 1, replaced: 1 });
  });
});

const story = (id: string, updatedAt: number, action = 'I did it.'): Story => ({
  id, title: `Story ${id}`, situation: 'Once.', task: 'A task.', action, result: 'It worked.', values: ['judgment'], createdAt: T0, updatedAt,
});
const cram = (id: string, at: number): CramEntry => ({ v: 1, t: 'cram', id, key: 'd/one', at, rating: 3, ms: 500 });

/** A version 2 file from a machine with one of everything. */
function fullExport(): ProgressExport {
  const a = new Machine('a');
  a.rate('d/one', 3, T0);
  a.rate('d/two', 2, T0 + 1000);
  a.attempts = [attempt(T0)];
  return buildExport({ entries: a.log, attempts: a.attempts, cram: [cram('c1', T0), cram('c2', T0 + 1)], stories: [story('first', T0)], settings: { ...DEFAULT_SETTINGS, role: 'backend', interviewDate: '2026-12-24' } }, T0 + HOUR);
}

function linesOf(data: ProgressExport): string[] {
  return [...exportLines(data)];
}

function lineError(lines: readonly string[]): string {
  const parsed = parseProgressLines(lines.join(''));
  expect(typeof parsed).toBe('string');
  expect(parsed).not.toContain('\n');
  return parsed as string;
}

describe('reading a version 2 progress file', () => {
  it('carries reviews, attempts, cram answers, stories and settings, and reads back to the same data', () => {
    const data = fullExport();
    const lines = linesOf(data);
    expect(lines).toHaveLength(1 + 2 + 1 + 2 + 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ version: 2, counts: { review: 2, attempt: 1, cram: 2, story: 1 }, settings: { role: 'backend', interviewDate: '2026-12-24' } });
    expect(parseProgressLines(lines.join(''))).toEqual(data);
  });

  it('refuses control characters and text-direction overrides with the line, entry and field', () => {
    const edit = (index: number, patch: (entry: Record<string, unknown>) => void): string[] => {
      const lines = linesOf(fullExport());
      const wrapper = JSON.parse(lines[index]!) as Record<string, Record<string, unknown>>;
      patch(Object.values(wrapper)[0]!);
      lines[index] = `${JSON.stringify(wrapper)}\n`;
      return lines;
    };
    expect(lineError(edit(2, (r) => (r.key = 'd/\u001b]52;c;aGk=\u0007two')))).toBe('line 3, reviews[1].key: contains a control character or text-direction override (U+001B)');
    expect(lineError(edit(3, (a) => (a.notes = 'fine\nthen \u202Eevil')))).toBe('line 4, attempts[0].notes: contains a control character or text-direction override (U+202E)');
    expect(lineError(edit(3, (a) => ((a.scores as { dimension: string }[])[0]!.dimension = 'Sca\u009ble')))).toBe('line 4, attempts[0].scores[0].dimension: contains a control character or text-direction override (U+009B)');
    expect(lineError(edit(3, (a) => ((a.phases as { name: string }[])[0]!.name = 'Two\nlines')))).toBe('line 4, attempts[0].phases[0].name: contains a control character or text-direction override (U+000A)');
    expect(lineError(edit(5, (c) => (c.key = 'd/\u2067x')))).toBe('line 6, cram[1].key: contains a control character or text-direction override (U+2067)');
    expect(lineError(edit(6, (s) => (s.result = 'ok \u001b[2J')))).toBe('line 7, stories[0].result: contains a control character or text-direction override (U+001B)');
    expect(lineError(edit(6, (s) => (s['evil\u202Ename'] = 1)))).toBe('line 7, stories[0]: a field name contains a control character or text-direction override (U+202E)');
    // Several lines are allowed where a person writes them: notes and the STAR parts.
    expect(typeof parseProgressLines(edit(6, (s) => (s.action = 'First.\n\tThen.')).join(''))).toBe('object');
  });

  it('says what is wrong with the header, an entry, or a file cut short, by line', () => {
    const lines = linesOf(fullExport());
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const withHeader = (patch: (h: Record<string, unknown>) => void): string[] => {
      const h = structuredClone(header);
      patch(h);
      return [`${JSON.stringify(h)}\n`, ...lines.slice(1)];
    };
    expect(lineError(withHeader((h) => (h.version = 3)))).toBe('line 1: written by a newer keeper-prep (progress format 3; this version reads up to 2); update keeper-prep to import it');
    expect(lineError(withHeader((h) => ((h.settings as Settings).role = 'back\u202Eend')))).toBe('line 1: settings.role: contains a control character or text-direction override (U+202E)');
    expect(lineError(withHeader((h) => ((h.settings as Settings).retention = 2)))).toBe('line 1: "settings": "retention" should be from 0.7 to 0.99');
    expect(lineError(withHeader((h) => ((h.counts as Record<string, number>).review = 1)))).toBe('line 3, reviews[1]: more reviews than the 1 the first line counts');
    expect(lineError(lines.slice(0, 4))).toBe('the file ends after 0 of its 2 cram answers (was it cut short?)');
    expect(lineError([...lines.slice(0, 2), lines[2]!.slice(0, 40)])).toBe('line 3: it ends too early (was the file cut short?)');
    expect(lineError([...lines.slice(0, 2), `${lines[2]!.slice(0, 40)}\n`, ...lines.slice(3)])).toMatch(/^line 3: not valid JSON: .* at column \d+$/);
    expect(lineError([...lines.slice(0, 2), '{"review":{},"attempt":{}}\n'])).toBe('line 3: not an entry (expected one of "review", "attempt", "cram", "story", "mark", "round", "exercise" as its only field)');
    expect(lineError([...lines.slice(0, 2), '{"__proto__":{}}\n'])).toMatch(/^line 3: not an entry/);
    expect(lineError(lines.map((l) => l.replace('"rating":2', '"rating":0')))).toBe('line 3, reviews[1]: not a valid review ("rating" should be 1, 2, 3 or 4)');
    expect(lineError(lines.map((l) => l.replace('"id":"first"', '"id":"Not An Id"')))).toBe('line 7, stories[0]: not a valid story ("id" should use lowercase letters, digits and single hyphens)');
    expect(lineError([])).toBe('the file is empty');
  });
});

describe('merging cram answers and stories', () => {
  it('adds cram answers not here (undone ones stay out), new stories, and newer edits of stories here', () => {
    const localCram: CramEntry[] = [cram('c1', T0), { v: 1, t: 'undo', id: 'c2', key: 'd/one', at: T0 + 5 }];
    const known = knownProgress([], [], localCram, [story('first', T0 + 10, 'Mine, newer'), story('second', T0, 'Old')]);
    const plan = planMerge(known, {
      reviews: [],
      attempts: [],
      cram: [cram('c1', T0), cram('c2', T0 + 1), cram('c3', T0 + 2), cram('c3', T0 + 2)],
      stories: [story('first', T0 + 5, 'Theirs, older'), story('second', T0 + 20, 'New edit'), story('third', T0), story('second', T0)],
    });
    expect(plan.cram.map((c) => c.id)).toEqual(['c3']);
    expect(plan.skippedCram).toBe(3);
    expect(plan.storiesAdded.map((s) => s.id)).toEqual(['third']);
    expect(plan.storiesUpdated).toEqual([story('second', T0 + 20, 'New edit')]);
    expect(plan.skippedStories).toBe(2);
  });
});
