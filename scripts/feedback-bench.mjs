// The feedback matcher's precision and recall on the labelled answers (issue 16's targets:
// precision >= 0.9, recall >= 0.7). The blind set was written without seeing the matcher; the
// dev set is the one the matcher was tuned on. FEEDBACK_MISSES=1 lists the wrong calls.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { sharedOptions } from './build.mjs';

const repo = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'keeper-prep-feedback-bench-'));
try {
  const out = join(work, 'score.mjs');
  await build({ ...sharedOptions, entryPoints: [join(repo, 'scripts/bench/feedback-score.ts')], outfile: out, splitting: false });
  const { scoreFile } = await import(out);
  console.log('Feedback matcher (targets: precision >= 0.90, recall >= 0.70)');
  for (const [name, file] of [
    ['blind set', 'tests/fixtures/feedback-answers.json'],
    ['dev set', 'tests/fixtures/feedback-dev.json'],
    ['blind set 2', 'tests/fixtures/feedback-dev2.json'],
    ['blind set 3', 'tests/fixtures/feedback-dev3.json'],
  ]) {
    const path = join(repo, file);
    if (!existsSync(path)) {
      console.log(`  ${name.padEnd(10)} (no ${file})`);
      continue;
    }
    const s = scoreFile(path, join(repo, 'decks'));
    console.log(`  ${name.padEnd(10)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (${s.answers} answers, ${s.points} key points: ${s.tp} TP, ${s.fp} FP, ${s.fn} FN${s.skipped.length ? `; ${s.skipped.length} skipped` : ''})`);
    if (process.env.FEEDBACK_MISSES) for (const m of s.misses) console.log(`    ${m.expected ? 'FN' : 'FP'} ${m.key}: ${m.point}${m.evidence ? `\n       "${m.evidence}"` : ''}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
