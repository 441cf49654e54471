// In-process figures: a 10,000-card deck (load and validate, index, search), recording one
// rating with 100,000 reviews stored, and a progress history for the start-up benchmark.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDeck } from '../../src/core/deck-parse.js';
import { LOG_VERSION, type ReviewEntry } from '../../src/core/progress.js';
import { createScheduler, type MemoryState, type Rating } from '../../src/core/scheduler.js';
import { buildSearchIndex } from '../../src/core/search.js';
import { LOG_FILE, ProgressStore } from '../../src/store/progress-store.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { readinessFor } from '../../src/commands/readiness-input.js';
import { seededRandom } from '../../tests/helpers/simulated-learner.js';
import { readinessReport } from '../../src/commands/report.js';
import type { Deck } from '../../src/core/deck.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

const WORDS = 'stream cache latency replica partition quorum artwork ranking experiment variance metric cohort churn encode bitrate region failover canary rollout guardrail retention playback device title member signal model feature label window join null aggregate'.split(' ');
function words(seed: number, n: number): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

export function bigDeck(cards: number, id = 'big'): string {
  const kinds = ['flashcard', 'choice', 'multi', 'open'] as const;
  return JSON.stringify({
    id,
    title: id === 'big' ? 'Big' : 'Imported',
    version: 1,
    cards: Array.from({ length: cards }, (_, i) => {
      const kind = kinds[i % 4]!;
      const base = { id: `card-${i}`, type: kind, tags: [WORDS[i % WORDS.length]!] };
      if (kind === 'flashcard') return { ...base, front: `${words(i, 14)}?`, back: words(i + 7, 40) };
      if (kind === 'choice') return { ...base, prompt: `${words(i, 18)}?`, choices: [words(i + 1, 6), words(i + 2, 6), words(i + 3, 6), words(i + 4, 6)], answer: i % 4, explanation: words(i + 5, 30) };
      if (kind === 'multi') return { ...base, prompt: `${words(i, 18)}?`, choices: [words(i + 1, 5), words(i + 2, 5), words(i + 3, 5), words(i + 4, 5)], answers: [0, 2], explanation: words(i + 5, 30) };
      return { ...base, prompt: `${words(i, 16)}?`, keyPoints: [words(i + 1, 8), words(i + 2, 8), words(i + 3, 8)], sample: words(i + 4, 40) };
    }),
  });
}

/** A review log of `reviews` ratings over `cards` cards, as the app would have written it. */
export function writeHistory(dir: string, reviews: number, cards: number, keyOf: (i: number) => string): void {
  mkdirSync(dir, { recursive: true });
  const scheduler = createScheduler({ retention: 0.9 });
  const states = new Map<string, { state: MemoryState; firstReview: number }>();
  let at = Date.now() - 120 * 86_400_000;
  const step = (120 * 86_400_000) / reviews;
  const lines: string[] = [];
  for (let i = 0; i < reviews; i++) {
    const key = keyOf(i % cards);
    const before = states.get(key);
    const rating = ((i * 7) % 10 < 1 ? 1 : (i * 7) % 10 < 2 ? 2 : 3) as Rating;
    const record = { state: scheduler.next(before?.state, at, rating), firstReview: before?.firstReview ?? at };
    states.set(key, record);
    const entry: ReviewEntry = { v: LOG_VERSION, t: 'review', id: `b${i}`, key, rating, at, ms: 4000, record };
    lines.push(JSON.stringify(entry));
    at += step;
  }
  writeFileSync(join(dir, LOG_FILE), `${lines.join('\n')}\n`);
}


/**
 * A data directory as a learner would leave it: `userCards` cards imported as a user deck, and
 * `reviews` ratings over `days` days by FSRS itself, the due cards each day first, then new ones,
 * then cards reviewed ahead to reach the day's share. Choice cards carry a confidence mark, and
 * one rating in 200 is taken back, as the app's undo writes it.
 */
function writeLearner(dir: string, reviews: number, days: number, userCards: number, builtinBundle: string): void {
  mkdirSync(join(dir, 'decks'), { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ role: 'software-engineer' }));
  const keys: { key: string; choice: boolean }[] = [];
  if (userCards > 0) {
    writeFileSync(join(dir, 'decks', 'imported.json'), bigDeck(userCards, 'imported'));
    for (let i = 0; i < userCards; i++) keys.push({ key: `imported/card-${i}`, choice: i % 4 === 1 || i % 4 === 2 });
  }
  // The bundle's lines: an index of the decks, then each deck's cards.
  const [index, ...cardLines] = readFileSync(builtinBundle, 'utf8').trimEnd().split('\n');
  const bundle = JSON.parse(index!) as { decks: { head: [string, unknown][] }[] };
  bundle.decks.forEach(({ head }, d) => {
    const id = head.find(([key]) => key === 'id')![1] as string;
    for (const card of (JSON.parse(cardLines[d]!) as Deck).cards) if (card.type !== 'design') keys.push({ key: `${id}/${card.id}`, choice: card.type === 'choice' || card.type === 'multi' });
  });
  const choiceKeys = new Set(keys.filter((k) => k.choice).map((k) => k.key));
  const rnd = seededRandom(reviews);
  const scheduler = createScheduler({ retention: 0.9 });
  const states = new Map<string, { state: MemoryState; firstReview: number }>();
  const perDay = reviews / days;
  const newPerDay = Math.ceil(keys.length / (days * 0.85));
  const dayMs = 86_400_000;
  // Whole days that ended before today, so a rating made now comes after every one of them.
  const start = Math.floor(Date.now() / dayMs) * dayMs - (days + 1) * dayMs;
  const lines: string[] = [];
  let next = 0;
  let written = 0;
  for (let day = 0; day < days && written < reviews; day++) {
    const dayStart = start + day * dayMs + 8 * 3_600_000;
    const quota = Math.round(perDay * (day + 1)) - written;
    const due = [...states.entries()].filter(([, r]) => r.state.due < dayStart + 12 * 3_600_000).map(([k]) => k);
    const today: string[] = due.slice(0, quota);
    for (let n = 0; n < newPerDay && next < keys.length && today.length < quota; n++) today.push(keys[next++]!.key);
    const seen = [...states.keys()];
    while (today.length < quota && seen.length > 0) today.push(seen[Math.floor(rnd() * seen.length)]!);
    const step = (12 * 3_600_000) / Math.max(1, today.length);
    today.forEach((key, i) => {
      const at = Math.round(dayStart + i * step);
      const before = states.get(key);
      const roll = rnd();
      const rating = (roll < 0.1 ? 1 : roll < 0.2 ? 2 : roll < 0.92 ? 3 : 4) as Rating;
      const record = { state: scheduler.next(before?.state, at, rating), firstReview: before?.firstReview ?? at };
      const choice = choiceKeys.has(key);
      const id = `l${written}`;
      const entry: ReviewEntry = { v: LOG_VERSION, t: 'review', id, key, rating, at, ms: 4000 + Math.round(rnd() * 8000), record, ...(choice ? { confidence: rnd() < 0.6 ? 'sure' : 'guess', correct: rating > 1 } : {}) };
      lines.push(JSON.stringify(entry));
      written++;
      if (rnd() < 0.005) {
        lines.push(JSON.stringify({ v: LOG_VERSION, t: 'undo', id, key, at: at + 1000, restore: before ?? null }));
        if (before) states.set(key, before);
        else states.delete(key);
      } else {
        states.set(key, record);
      }
    });
  }
  writeFileSync(join(dir, LOG_FILE), `${lines.join('\n')}\n`);
}

/** Opening, Readiness and report as the app and the commands do them, timed in this process. */
async function figures(dir: string, repo: string): Promise<Record<string, number>> {
  const now = Date.now();
  const env = { ...process.env, KEEPER_PREP_HOME: dir };
  const open = performance.now();
  const ws = await openWorkspace({ env, builtinDir: join(repo, 'decks'), builtinBundle: join(repo, 'dist', 'builtin-decks.jsonl'), now });
  const opened = performance.now() - open;
  // CPU time beside the wall clock: on a machine shared with other work, it is the steadier of the two.
  const cpu = (fn: () => void) => {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  let readinessCpu = 0;
  const readinessFirst = time(() => (readinessCpu = cpu(() => readinessFor(ws, now))));
  const readinessAgain = median(Array.from({ length: 5 }, () => time(() => readinessFor(ws, now))));
  let reportCpu = 0;
  const report = time(() => (reportCpu = cpu(() => readinessReport(ws, now))));
  const scheduler = ws.scheduler();
  const records: number[] = [];
  for (let i = 0; i < 30; i++) {
    const key = [...ws.progress.progress.cards.keys()][i]!;
    const at = Date.now();
    records.push(
      time(() => {
        const before = ws.progress.progress.cards.get(key);
        ws.progress.record(key, 3, { state: scheduler.next(before?.state, at, 3), firstReview: before?.firstReview ?? at }, at, 1000);
      }),
    );
  }
  ws.close();
  return {
    'open the workspace (ms)': opened,
    'Readiness, first time (ms)': readinessFirst,
    'Readiness, first time, CPU (ms)': readinessCpu,
    'Readiness, again (ms)': readinessAgain,
    'report (ms)': report,
    'report, CPU (ms)': reportCpu,
    'record one rating (ms)': median(records),
    'peak memory (MB)': process.resourceUsage().maxRSS / 1024,
  };
}

async function main() {
  const [command, dir] = process.argv.slice(2);
  if (command === 'learner') {
    const [reviews, days, userCards, bundle] = process.argv.slice(4);
    writeLearner(dir!, Number(reviews), Number(days), Number(userCards), bundle!);
    return;
  }
  if (command === 'figures') {
    process.stdout.write(JSON.stringify(await figures(dir!, process.argv[4]!)));
    return;
  }
  if (command === 'history') {
    // N reviews (10,000 by default) over 2,000 cards, 24 of them built-in cards the Home screen counts.
    writeHistory(dir!, Number(process.argv[4] ?? 10_000), 2_000, (i) => (i < 24 ? `culture/${i}` : `history/card-${i}`));
    return;
  }
  if (command === 'prepare') {
    // Made in a process of its own, so generating the data does not count in the figures.
    mkdirSync(dir!, { recursive: true });
    writeFileSync(join(dir!, 'big.json'), bigDeck(10_000));
    writeHistory(join(dir!, 'progress'), 100_000, 10_000, (i) => `big/card-${i}`);
    return;
  }
  if (command === 'memory') {
    // What the app holds at most: the 10k-card deck loaded and indexed, one search, the 100k
    // history replayed from the log, one rating recorded.
    const deck = parseDeck(readFileSync(join(dir!, 'big.json'), 'utf8'), 'big.json');
    if (!deck.ok) throw new Error('the generated deck did not validate');
    buildSearchIndex([deck.deck]).search('partition quorum');
    const store = ProgressStore.open(join(dir!, 'fresh-progress'), Date.now(), []);
    store.close();
    const replayed = ProgressStore.open(join(dir!, 'progress'), Date.now(), []);
    const now = Date.now();
    replayed.record('big/card-1', 3, { state: createScheduler({ retention: 0.9 }).next(undefined, now, 3), firstReview: now }, now, 1000);
    replayed.close();
    process.stdout.write(JSON.stringify({ 'peak memory: 10k-card deck indexed + 100k reviews replayed (MB)': process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const results: Record<string, number> = {};
  const text = readFileSync(join(dir!, 'big.json'), 'utf8');
  const loads: number[] = [];
  let deck: ReturnType<typeof parseDeck> | undefined;
  for (let i = 0; i < 7; i++) loads.push(time(() => (deck = parseDeck(text, 'big.json'))));
  if (!deck?.ok) throw new Error('the generated deck did not validate');
  results['10k-card deck: load and validate (ms)'] = median(loads);
  const builds: number[] = [];
  let index = buildSearchIndex([deck.deck]);
  for (let i = 0; i < 7; i++) builds.push(time(() => (index = buildSearchIndex([deck!.ok ? deck!.deck : (undefined as never)]))));
  results['10k-card deck: build search index (ms)'] = median(builds);
  const searches: number[] = [];
  for (const q of ['partition quorum', 'artwork', 'latncy', 'guardrail retention', 'window join null', 'canary', 'bitrate ladder', 'member churn']) {
    searches.push(time(() => index.search(q, 50)));
  }
  results['10k-card deck: one search, median of 8 queries (ms)'] = median(searches);
  results['10k-card deck: slowest of those searches (ms)'] = Math.max(...searches);

  const progressDir = join(dir!, 'progress');
  results['100k reviews: open and rebuild the snapshot from the log (ms)'] = time(() => ProgressStore.open(progressDir, Date.now(), []).close());
  results['100k reviews: open with a snapshot (ms)'] = time(() => ProgressStore.open(progressDir, Date.now(), []));
  const store = ProgressStore.open(progressDir, Date.now(), []);
  const scheduler = createScheduler({ retention: 0.9 });
  const records: number[] = [];
  for (let i = 0; i < 50; i++) {
    const key = `big/card-${i}`;
    const now = Date.now();
    records.push(
      time(() => {
        const before = store.progress.cards.get(key);
        store.record(key, 3, { state: scheduler.next(before?.state, now, 3), firstReview: before?.firstReview ?? now }, now, 1000);
      }),
    );
  }
  store.close();
  results['100k reviews: record one rating, durable (ms)'] = median(records);
  process.stdout.write(JSON.stringify(results));
}

if (process.argv[1]?.endsWith("inproc.mjs")) await main();
