// The FSRS parameters screen's keys in a real terminal: Enter fits, Esc leaves the result, the
// Settings row says what is in use, and going back to the defaults from it; `optimize` on the
// command line in a terminal draws its bar on one line and Ctrl+C cancels it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/temp.js';
import { Terminal } from '../helpers/tmux.js';
import { LEARNERS, writeLearnerDir } from '../helpers/simulated-learner.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.close();
});

function learnerHome(reviews: number): string {
  const home = tempDir();
  writeLearnerDir(home, LEARNERS[1]!, reviews);
  return home;
}

const settingsOf = (home: string) => JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')) as { fsrs?: { w: number[] } | null };

describe('FSRS parameters in a terminal', () => {
  it('Settings row → Enter opens it; Enter fits; Esc comes back to the row, now fitted; the defaults again from the screen', async () => {
    const home = learnerHome(4000);
    const term = new Terminal([], { width: 80, height: 24, env: { KEEPER_PREP_HOME: home } });
    open.push(term);
    await term.select('Settings');
    await term.pressUntil('Enter', /FSRS parameters +defaults \(ready to fit\)/);
    await term.select('FSRS parameters');
    await term.pressUntil('Enter', 'Fit to my reviews now');
    const result = await term.pressUntil('Enter', 'Health check', 20_000);
    expect(result).toMatch(/now in use/);
    expect(settingsOf(home).fsrs?.w).toHaveLength(21);
    // Back on the row it was opened from.
    await term.pressUntil('Escape', /› FSRS parameters +fitted \d{4}-\d\d-\d\d/);
    await term.pressUntil('Enter', 'Go back to the default parameters');
    await term.select('Go back to the default parameters');
    await term.pressUntil('Enter', 'In use: the FSRS defaults.');
    expect(settingsOf(home).fsrs).toBeNull();
  });

  it('keeper-prep optimize: the bar on one line at 60 columns, and Ctrl+C cancels with nothing changed', async () => {
    const home = learnerHome(60_000);
    const term = new Terminal(['optimize'], { width: 60, height: 20, env: { KEEPER_PREP_HOME: home } });
    open.push(term);
    const bar = await term.waitFor(/Fitting \[[#.]+\] +\d+%/, 30_000);
    const line = bar.split('\n').find((l) => l.startsWith('Fitting'))!;
    expect([...line].length).toBeLessThanOrEqual(60);
    term.press('C-c');
    await term.waitFor('No fit: the fit was cancelled', 10_000);
    await term.waitFor('[exited 130]');
    expect(settingsOf(home).fsrs ?? null).toBeNull();
  });

  it('a machine the optimizer has no build for: one line saying so, exit 1, no warning, nothing changed', () => {
    const home = learnerHome(3000);
    // The addon's loader tries this path first and, when it fails, only the WebAssembly build, which is not installed.
    const run = spawnSync(process.execPath, ['bin/keeper-prep.js', 'optimize'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, KEEPER_PREP_HOME: home, NAPI_RS_NATIVE_LIBRARY_PATH: '/nonexistent.node' } });
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toMatch(/^No fit: the FSRS optimizer \(@open-spaced-repetition\/binding\) has no build that loads on \S+ here \(.*\), so fitting is not available on this machine\. The default parameters are still in use\.$/);
    expect(run.stderr).toBe('');
    expect(settingsOf(home).fsrs ?? null).toBeNull();
  });
});
