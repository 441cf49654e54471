// The footer of a screen on one line of any width: what must be said (a notice, a verdict)
// first, then the keys that work right now, as many as fit. The help overlay lists them all, so
// "? help" is never the one dropped.

/** "Space" + "reveal": one key and what it does. */
export type KeyHint = readonly [keys: string, does: string];

const SEPARATOR = ' · ';

function columns(text: string): number {
  return [...text].length;
}

/**
 * lead: always shown. keys: the screen's own keys, most important first. always: keys that work
 * in every state (undo, end), dropped only once the screen's own extras are gone. help: the last
 * part, "? help", or how to reach help while a text field has focus.
 */
export function fitFooter(width: number, lead: readonly string[], keys: readonly KeyHint[], always: readonly KeyHint[] = [], help = '? help'): string {
  const shown = new Set<KeyHint>([...keys, ...always]);
  // The first of the screen's own keys is the one to press next: it goes last.
  const dropOrder = [...keys.slice(1).reverse(), ...[...always].reverse(), ...keys.slice(0, 1)];
  const line = () => [...lead, ...[...keys, ...always].filter((k) => shown.has(k)).map(([k, d]) => `${k} ${d}`), help].filter(Boolean).join(SEPARATOR);
  for (const hint of dropOrder) {
    if (columns(line()) <= width) break;
    shown.delete(hint);
  }
  return line();
}
