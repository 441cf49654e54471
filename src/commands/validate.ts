import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { formatDeckError } from '../core/deck-parse.js';
import { parseDeck } from '../core/deck-parse.js';
import { safeJson, safeText } from '../core/safe-text.js';
import { readDeckFile } from '../store/deck-files.js';

function expand(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    existsSync(p) && statSync(p).isDirectory()
      ? readdirSync(p).filter((n) => extname(n) === '.json' && !n.endsWith('.schema.json')).sort().map((n) => join(p, n))
      : [p],
  );
}

export function validateCommand(paths: readonly string[], json: boolean): { output: string; ok: boolean } {
  const results = expand(paths).map((file) => readDeckFile(file, 'flag', parseDeck));
  const ok = results.every((r) => 'deck' in r);
  if (json) {
    return {
      ok,
      output: safeJson(results.map((r) => ('deck' in r ? { file: r.file, ok: true, id: r.deck.id, cards: r.deck.cards.length } : { file: r.file, ok: false, errors: r.errors }))),
    };
  }
  const lines = results.flatMap((r) =>
    'deck' in r ? [`ok    ${safeText(r.file)} (deck "${r.deck.id}", ${r.deck.cards.length} cards)`] : r.errors.map(formatDeckError),
  );
  if (results.length === 0) lines.push('No deck files found.');
  return { ok: ok && results.length > 0, output: lines.join('\n') };
}
