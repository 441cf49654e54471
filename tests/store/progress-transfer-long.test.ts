// The history of years of daily study: export-progress writes it a line at a time and
// import-progress reads it a line at a time, past the 50 MB that version 1 files were limited to.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import type { ReviewEntry } from '../../src/core/progress.js';
import { PROGRESS_V1_LIMIT } from '../../src/core/progress-transfer.js';
import { createScheduler, type Rating } from '../../src/core/scheduler.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const open = (dataDir: string): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now: T0 });

async function withOpen<T>(dir: string, run: (ws: Workspace) => T): Promise<T> {
  const ws = await open(dir);
  try {
    return run(ws);
  } finally {
    ws.close();
  }
}

describe('a long history', () => {
  it('exports and imports 200,000 reviews (past the old 50 MB limit) without holding the file whole', async () => {
    const COUNT = 200_000;
    const DAY = 86_400_000;
    const source = tempDir();
    const ws = await open(source);
    // Written straight to the log, as years of rating would have: rating one by one syncs each line.
    const state = createScheduler({ retention: 0.9 }).next(undefined, T0, 3);
    const entries: ReviewEntry[] = [];
    for (let i = 0; i < COUNT; i++) {
      const at = T0 + i * 60_000;
      entries.push({ v: 1, t: 'review', id: `r${i}`, key: `big/card-${i % 5000}`, rating: ((i % 4) + 1) as Rating, at, ms: 1000, record: { state: { ...state, due: at + DAY, lastReview: at }, firstReview: T0 } });
    }
    ws.progress.appendEntries(entries);
    entries.length = 0;
    ws.close();
    const file = join(tempDir(), 'big.json');
    const started = Date.now();
    expect(await withOpen(source, (w) => exportProgressCommand(w, file, T0))).toBe(`Exported 200000 reviews of 5000 cards, 0 design attempts, 0 cram answers, 0 stories and your settings to ${file}.`);
    expect(statSync(file).size).toBeGreaterThan(PROGRESS_V1_LIMIT);
    const target = tempDir();
    expect(await withOpen(target, (w) => importProgressCommand(w, file))).toBe(`Imported 200000 reviews and 0 design attempts from ${file}. 5000 cards are new here.`);
    const [there, here] = [await open(source), await open(target)];
    expect(here.progress.progress.reviews).toBe(COUNT);
    expect(here.progress.progress.cards).toEqual(there.progress.progress.cards);
    there.close();
    here.close();
    // About 12 s here; the bound catches a slowdown of another order (a quadratic merge), not noise.
    expect(Date.now() - started).toBeLessThan(40_000);
  }, 60_000);
});
