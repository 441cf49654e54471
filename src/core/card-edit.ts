// Editing a card in the user's own editor: where the card starts in its deck file, and the
// command line that opens the editor there.
import { parseTree, type Node } from 'jsonc-parser';
import { lineColumn } from './json-position.js';

/** The 1-based line where the card with this id starts in a deck file's text; null when not found. */
export function cardLine(text: string, cardId: string): number | null {
  const root = parseTree(text);
  const cards = root?.type === 'object' ? root.children?.find((p) => p.children?.[0]?.value === 'cards')?.children?.[1] : undefined;
  if (cards?.type !== 'array') return null;
  const card = cards.children?.find((c: Node) => c.type === 'object' && c.children?.some((p) => p.children?.[0]?.value === 'id' && p.children?.[1]?.value === cardId));
  return card ? lineColumn(text, card.offset).line : null;
}

/** Editors that open at a line given as `+LINE file`. */
const PLUS_LINE = new Set(['vi', 'vim', 'nvim', 'gvim', 'view', 'nano', 'pico', 'emacs', 'emacsclient', 'micro', 'joe', 'jed', 'mg', 'ne', 'kak', 'gedit', 'kate']);
/** Editors that take `-g file:line` (VS Code and its builds). */
const GOTO_FLAG = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor']);
/** Editors that take `file:line`. */
const COLON_LINE = new Set(['subl', 'zed', 'hx', 'helix']);

/**
 * Splits $VISUAL or $EDITOR into words the way a shell would for the common cases: spaces
 * separate, single and double quotes group ("code --wait", "'/Applications/My Editor' -w").
 */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  let started = false;
  for (const char of command) {
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started || word) words.push(word);
      word = '';
      started = false;
    } else word += char;
  }
  if (started || word) words.push(word);
  return words;
}

/** The editor the user asked for: $VISUAL first (the full-screen one), then $EDITOR, else vi, as git does. */
export function chosenEditor(env: Readonly<Record<string, string | undefined>>): string {
  return [env.VISUAL, env.EDITOR].find((e) => e !== undefined && e.trim() !== '') ?? 'vi';
}

/** The program and its arguments to open `file` at `line` (an editor not known here just gets the file). */
export function editorArgs(editor: string, file: string, line: number | null): string[] {
  const words = splitCommand(editor);
  const program = words[0] ?? 'vi';
  const name = (program.split(/[\\/]/).pop() ?? program).replace(/\.(exe|cmd|bat)$/i, '').toLowerCase();
  if (line === null) return [...words, file];
  if (PLUS_LINE.has(name)) return [...words, `+${line}`, file];
  if (GOTO_FLAG.has(name)) return [...words, '-g', `${file}:${line}`];
  if (COLON_LINE.has(name)) return [...words, `${file}:${line}`];
  return [...words, file];
}
