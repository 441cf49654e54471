// The published package works with npx: packed, installed into an empty directory, run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp.js';

describe('npm pack', () => {
  it('gives a tarball whose keeper-prep runs under npx with its built-in decks and no runtime dependencies', () => {
    const result = spawnSync('bash', [join(REPO, 'scripts/pack-smoke.sh')], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toMatchObject({ status: 0, stdout: expect.stringContaining('pack smoke ok') });
  }, 120_000);
});
