// The first screen tells the user what was found damaged: the role picker on a first run (a torn
// settings file lost the role), Home otherwise, including what a subcommand found earlier.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTICES_FILE } from '../../src/store/notices.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { renderApp } from '../helpers/render-app.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

describe('notices about the data directory on the first screen', () => {
  it('a torn settings file: the notice shows above the role question, then stops waiting on disk', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"newPerDay": 5, "ro');
    const app = await renderApp({ dataDir: dir, role: null, height: 30 });
    expect(app.frame()).toMatch(/settings file was damaged \(cut short or torn\)/);
    expect(app.frame()).toContain('Which role are you interviewing for?');
    expect(existsSync(join(dir, NOTICES_FILE))).toBe(false);
    await app.unmount();
  });

  it('Home shows what an earlier run (a subcommand) found', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cram.jsonl'), 'garbage\n');
    const earlier = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: Date.now() });
    earlier.close();
    expect(existsSync(join(dir, NOTICES_FILE))).toBe(true);
    const app = await renderApp({ dataDir: dir });
    expect(app.frame()).toMatch(/cram answers log \(cram\.jsonl\)/);
    expect(existsSync(join(dir, NOTICES_FILE))).toBe(false);
    await app.unmount();
  });
});
