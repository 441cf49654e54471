// The published package works with npx: packed, installed into an empty directory, run.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ankiPackage, BASIC } from '../helpers/anki-fixture.js';
import { REPO, tempDir } from '../helpers/temp.js';

describe('npm pack', () => {
  it('gives a tarball whose keeper-prep runs under npx with its built-in decks, imports, and its one runtime dependency, the FSRS optimizer', async () => {
    // An Anki package built here, so the installed copy's WebAssembly SQLite is exercised even without ../shared.
    const apkg = join(tempDir(), 'smoke.apkg');
    writeFileSync(apkg, await ankiPackage([BASIC], [{ typeId: BASIC.id, fields: ['Front', 'Back'] }]));
    const result = spawnSync('bash', [join(REPO, 'scripts/pack-smoke.sh')], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, APKG: apkg } });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toMatchObject({ status: 0, stdout: expect.stringContaining('pack smoke ok') });
  }, 120_000);
});
