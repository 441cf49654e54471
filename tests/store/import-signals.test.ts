// Ctrl+C and SIGTERM during a long import end it at once and leave nothing behind. The built
// command line, as a user runs it (needs `npm run build`).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/temp.js';

const BIN = join(REPO, 'bin/keeper-prep.js');

/** Some 8 MB of HTML rows: a few seconds of conversion, long enough to interrupt. */
function bigExport(dir: string): string {
  const rows = ['Front\tBack'];
  for (let i = 0; i < 30_000; i++) rows.push(`<div><b>question ${i}</b> ${'word '.repeat(40)}</div>\t<ul><li>answer ${i}</li></ul>`);
  const file = join(dir, 'big.tsv');
  writeFileSync(file, rows.join('\n'));
  return file;
}

describe.skipIf(!existsSync(join(REPO, 'dist/cli.js')))('a signal during an import', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} stops it at once, with no deck and no temp file written`, async () => {
      const dir = tempDir();
      const file = bigExport(dir);
      const home = tempDir();
      const child = spawn(process.execPath, [BIN, 'import', file], { env: { ...process.env, KEEPER_PREP_HOME: home }, stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, sig) => done({ code, signal: sig })));
      // Past start-up and reading, into the conversion.
      await new Promise((done) => setTimeout(done, 900));
      expect(child.exitCode, 'the import finished before the signal; make the file bigger').toBeNull();
      const sent = performance.now();
      child.kill(signal);
      const outcome = await exited;
      expect(performance.now() - sent).toBeLessThan(500);
      expect(outcome.signal).toBe(signal);
      const decks = join(home, 'decks');
      expect(existsSync(decks) ? readdirSync(decks) : []).toEqual([]);
    });
  }
});
