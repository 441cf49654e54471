// Settings are read once for all code running at one time (store/settings.ts): a screen asks for
// them dozens of times as it draws. What another process writes meanwhile, and what this one sets,
// must still be seen.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSettings } from '../../src/store/settings.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'kp-settings-'));
  dirs.push(dir);
  const notices: string[] = [];
  const settings = openSettings(dir, Date.now(), { push: (...texts: string[]) => notices.push(...texts) });
  return { dir, settings };
}

describe('settings read once per run of code', () => {
  it('gives the same read to every get in one run, and a fresh one after', async () => {
    const { settings } = open();
    settings.set({ newPerDay: 15 });
    const first = settings.get();
    expect(settings.get()).toBe(first);
    // Another process changes the file: seen once the code running now has finished.
    const file = settings.file;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...raw, newPerDay: 35 }));
    await Promise.resolve();
    expect(settings.get().newPerDay).toBe(35);
  });

  it('returns and then gives what was just set, within the same run', () => {
    const { settings } = open();
    expect(settings.get().newPerDay).toBe(20);
    expect(settings.set({ newPerDay: 30 }).newPerDay).toBe(30);
    expect(settings.get().newPerDay).toBe(30);
    expect(settings.set({ retention: 0.85 })).toMatchObject({ newPerDay: 30, retention: 0.85 });
  });
});
