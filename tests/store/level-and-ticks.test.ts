// The target level (settings, --level) and the tick counts stored with an open answer's rating:
// on disk, through a reopen (figures kept and rebuilt), and through export and import.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCommandLine } from '../../src/command-line.js';
import { readinessFor } from '../../src/commands/readiness-input.js';
import { exportProgressCommand, importProgressCommand } from '../../src/commands/progress-transfer.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { LOG_FILE } from '../../src/store/progress-store.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const open = (dataDir: string): Promise<Workspace> => openWorkspace({ dataDir, deckArgs: [MINI_DECK], env: {}, builtinDir: tempDir(), now: T0 });
const paths = { builtinDir: tempDir(), builtinBundle: join(tempDir(), 'none.json'), sqlWasm: join(tempDir(), 'none.wasm') };

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    await runCommandLine(['node', 'keeper-prep', ...args], paths, '0.0.0-test');
    return { out, err, code: Number(process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}

describe('target level', () => {
  it('is mid-level by default, kept across starts, and a damaged value goes back to the default with a notice', async () => {
    const dir = tempDir();
    let ws = await open(dir);
    expect(ws.settings.get().level).toBe('mid');
    ws.settings.set({ level: 'staff' });
    ws.close();
    ws = await open(dir);
    expect(ws.settings.get().level).toBe('staff');
    ws.close();
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), level: 'principal', newPerDay: 7 }));
    ws = await open(dir);
    expect(ws.settings.get()).toMatchObject({ level: 'mid', newPerDay: 7 });
    expect(ws.foundNotices.join('\n')).toContain('Back to the default: target level');
    ws.close();
  });

  it('--level sets and remembers it; an unknown level is a one-line reason and exit 1', async () => {
    const dir = tempDir();
    expect((await run('--data-dir', dir, '--deck', MINI_DECK, '--level', 'new-grad', 'stats')).code).toBe(0);
    expect(await (async () => {
      const ws = await open(dir);
      const level = ws.settings.get().level;
      ws.close();
      return level;
    })()).toBe('entry');
    const bad = await run('--data-dir', dir, '--level', 'principal', 'stats');
    expect(bad.code).toBe(1);
    // The reason on one line (commander's usage hint follows it, as for every bad option).
    expect(bad.err.split('\n')[0]).toMatch(/^keeper-prep: option '--level <level>' argument 'principal' is invalid\. must be one of entry, mid, senior, staff/);
  });
});

describe('tick counts with a rating', () => {
  it('are on disk with the review, counted in readiness after a reopen, and carried by export and import', async () => {
    const dir = tempDir();
    let ws = await open(dir);
    ws.rate('mini/cap-theorem', 3, T0, 1000, { ticks: { evidenced: 2, unevidenced: 1 } });
    ws.rate('mini/cap-theorem', 2, T0 + 60_000, 1000, { ticks: { evidenced: 0, unevidenced: 2 } });
    const undone = ws.rate('mini/cap-theorem', 4, T0 + 120_000, 1000, { ticks: { evidenced: 0, unevidenced: 3 } });
    ws.undo(undone.reviewId, 'mini/cap-theorem', undone.restore, T0 + 130_000);
    ws.rate('mini/capital', 3, T0 + 180_000, 1000);
    const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]!.ticks).toEqual({ evidenced: 2, unevidenced: 1 });
    expect(lines[4]).not.toHaveProperty('ticks');
    expect(readinessFor(ws, T0 + HOURS).calibration.ticks).toEqual({ ticked: 5, unevidenced: 3 });
    ws.close();
    ws = await open(dir);
    expect(readinessFor(ws, T0 + HOURS).calibration.ticks).toEqual({ ticked: 5, unevidenced: 3 });
    const file = join(tempDir(), 'progress.json');
    exportProgressCommand(ws, file, T0 + HOURS);
    ws.close();

    const other = await open(tempDir());
    importProgressCommand(other, file);
    expect(readinessFor(other, T0 + HOURS).calibration.ticks).toEqual({ ticked: 5, unevidenced: 3 });
    other.close();
  });
});

const HOURS = 3 * 3_600_000;

describe('tick counts in stats and report', () => {
  it('are said beside calibration once there are any, and not before', async () => {
    const dir = tempDir();
    const ws = await open(dir);
    ws.close();
    expect((await run('--data-dir', dir, '--deck', MINI_DECK, 'stats')).out).not.toContain('without evidence');
    const again = await open(dir);
    again.rate('mini/cap-theorem', 3, T0, 1000, { ticks: { evidenced: 1, unevidenced: 2 } });
    again.close();
    expect((await run('--data-dir', dir, '--deck', MINI_DECK, 'stats')).out).toContain('Open answers: ticked without evidence 2 of 3.');
    const json = JSON.parse((await run('--data-dir', dir, '--deck', MINI_DECK, 'stats', '--json')).out) as { readiness?: { calibration?: { ticks?: unknown } }; calibration?: { ticks?: unknown } };
    expect((json.readiness ?? json).calibration?.ticks).toEqual({ ticked: 3, unevidenced: 2 });
    expect((await run('--data-dir', dir, '--deck', MINI_DECK, 'report')).out).toMatch(/## Calibration[\s\S]*ticked without evidence\s+in\s+the\s+answer:\s+2\s+of\s+3\./);
  });
});
