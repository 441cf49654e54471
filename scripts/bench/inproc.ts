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

export function bigDeck(cards: number): string {
  const kinds = ['flashcard', 'choice', 'multi', 'open'] as const;
  return JSON.stringify({
    id: 'big',
    title: 'Big',
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

function main() {
  const [command, dir] = process.argv.slice(2);
  if (command === 'history') {
    // 10,000 reviews over 2,000 cards, 44 of them the built-in cards the Home screen counts.
    writeHistory(dir!, 10_000, 2_000, (i) => (i < 24 ? `culture/${i}` : `history/card-${i}`));
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

if (process.argv[1]?.endsWith("inproc.mjs")) main();
