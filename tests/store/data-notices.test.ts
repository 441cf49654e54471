// Damage found by one run is told once and reaches the app's first screen: a subcommand prints it
// on stderr and leaves it waiting in the data directory until the app has shown it. And a repair is
// done once, not on every start.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCommandLine } from '../../src/command-line.js';
import { NOTICES_FILE } from '../../src/store/notices.js';
import { LOG_FILE, SNAPSHOT_FILE } from '../../src/store/progress-store.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

async function open(dir: string, now = T0): Promise<Workspace> {
  return openWorkspace({ dataDir: dir, env: {}, builtinDir: tempDir(), now });
}

async function seeded(cards: number): Promise<string> {
  const dir = tempDir();
  const ws = await open(dir);
  for (let i = 0; i < cards; i++) ws.rate(`d/card-${i}`, 3, T0 + i, 1000);
  ws.close();
  return dir;
}

describe('repairs are done once', () => {
  it('a damaged line after the snapshot: one copy and one notice over five starts', async () => {
    const dir = await seeded(5);
    appendFileSync(join(dir, LOG_FILE), 'not a review\n');
    const found: string[] = [];
    for (let run = 0; run < 5; run++) {
      const ws = await open(dir, T0 + 1000 + run);
      found.push(...ws.foundNotices);
      expect(ws.progress.progress.cards.size).toBe(5);
      ws.close();
    }
    expect(found).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${LOG_FILE}.damaged-`))).toHaveLength(1);
  });

  it('an emptied log: the next rating does not replace the snapshot with one card', async () => {
    const dir = await seeded(30);
    writeFileSync(join(dir, LOG_FILE), '');
    const ws = await open(dir, T0 + 1000);
    expect(ws.foundNotices[0]).toMatch(/shorter than your card states file/);
    ws.rate('d/new', 3, T0 + 2000, 1000);
    ws.close();
    const again = await open(dir, T0 + 3000);
    expect(again.progress.progress.cards.size).toBe(31);
    expect(again.progress.progress.reviews).toBe(31);
    expect(again.foundNotices).toEqual([]);
  });

  it('bytes inserted before the snapshot offset: the reviews counted are the real ones', async () => {
    const dir = await seeded(40);
    const log = readFileSync(join(dir, LOG_FILE));
    const at = Math.floor(log.length / 3);
    writeFileSync(join(dir, LOG_FILE), Buffer.concat([log.subarray(0, at), Buffer.from('inserted by a sync tool\n'.repeat(30)), log.subarray(at)]));
    const ws = await open(dir, T0 + 1000);
    expect(ws.progress.progress.reviews).toBe(40);
    expect(ws.progress.progress.cards.size).toBe(40);
    expect(ws.foundNotices.join('\n')).toMatch(/has changed in the part your card states file/);
    expect(existsSync(join(dir, `${SNAPSHOT_FILE}.damaged-${T0 + 1000}`))).toBe(true);
  });
});

describe('notices wait in the data directory until the app shows them', () => {
  it('found by one run, shown by the next, then cleared', async () => {
    const dir = await seeded(2);
    writeFileSync(join(dir, 'cram.jsonl'), 'garbage\n');
    const first = await open(dir, T0 + 1);
    expect(first.foundNotices).toHaveLength(1);
    first.close();
    expect(existsSync(join(dir, NOTICES_FILE))).toBe(true);

    const second = await open(dir, T0 + 2);
    expect(second.foundNotices).toEqual([]);
    expect(second.notices).toEqual([expect.stringMatching(/cram answers log/)]);
    second.noticesShown();
    second.close();
    expect(existsSync(join(dir, NOTICES_FILE))).toBe(false);
    expect((await open(dir, T0 + 3)).notices).toEqual([]);
  });

  it('a subcommand prints the notice once on stderr; the app still gets it', async () => {
    const dir = await seeded(2);
    writeFileSync(join(dir, 'settings.json'), 'null');
    const paths = { builtinDir: tempDir(), builtinBundle: join(tempDir(), 'none.json'), sqlWasm: join(tempDir(), 'none.wasm') };
    const run = async (...args: string[]) => {
      let err = '';
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
      try {
        await runCommandLine(['node', 'keeper-prep', ...args], paths, '0.0.0-test');
        return err;
      } finally {
        stdout.mockRestore();
        stderr.mockRestore();
        process.exitCode = undefined;
      }
    };
    expect(await run('--data-dir', dir, 'stats')).toMatch(/^keeper-prep: Your settings file held null, not settings; it was moved to .*settings\.json\.damaged-\d+\. Defaults are in use\.\n$/);
    expect(await run('--data-dir', dir, 'stats')).toBe('');
    const app = await open(dir);
    expect(app.notices).toEqual([expect.stringMatching(/^Your settings file held null/)]);
  });

  it('another process\'s notice added after this one read them is kept when this one clears', async () => {
    const dir = await seeded(1);
    writeFileSync(join(dir, 'cram.jsonl'), 'garbage\n');
    const ws = await open(dir, T0 + 1);
    writeFileSync(join(dir, 'attempts.jsonl'), 'garbage\n');
    (await open(dir, T0 + 2)).close();
    ws.noticesShown();
    const next = await open(dir, T0 + 3);
    expect(next.notices).toEqual([expect.stringMatching(/mock attempts log/)]);
  });
});
