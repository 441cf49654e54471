// A record read back from a block of doubles (cards.bin, figures.bin) has the very hidden class
// JSON.parse gives the record of a log line: otherwise a start that reads both kinds generalises
// the class they share and deprecates every record parsed from the log, each moved to a new class
// when next touched. Only V8 can tell, so it is asked in a node of its own (--allow-natives-syntax).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/temp.js';

const ENTRY = `
import { parseLogLine } from './src/core/progress.ts';
import { putRecord, recordAt } from './src/core/record-rows.ts';
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
const state = (lastReview, phase) => ({ due: 1803639455304, stability: 82.11706804, difficulty: 8.17164131, scheduledDays: 82, learningSteps: 0, reps: 13, lapses: 1, phase, lastReview });
const parsed = [state(1796554655304, 'review'), state(null, 'new')].map((s, i) =>
  parseLogLine(JSON.stringify({ v: 1, t: 'review', id: 'r' + i, key: 'd/c' + i, rating: 3, at: 1796554655304, ms: 1000, record: { state: s, firstReview: 1787908320000 } })).record);
const n = new Float64Array(10);
const read = parsed.map((record) => {
  putRecord(n, 0, record);
  return recordAt(n, 0);
});
const all = [...parsed, ...read];
console.log(all.every((r) => sameMap(r, all[0]) && sameMap(r.state, all[0].state)) ? 'one class' : 'classes differ');
`;

describe('card records', () => {
  it('read from doubles have the hidden class of records parsed from the log', async () => {
    const outfile = join(tempDir(), 'record-shape.mjs');
    await build({ stdin: { contents: ENTRY, resolveDir: REPO, loader: 'js' }, bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
    const result = spawnSync(process.execPath, ['--allow-natives-syntax', outfile], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('one class');
  });
});
