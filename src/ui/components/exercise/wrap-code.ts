// Code wrapped to a width so every character can be read (a solution cut with "…" hides the part
// that matters): a long line goes on under its own indentation, each continuation marked "↪ " so it
// is not read as a line of its own (a glyph, so it shows without colour).
const MARK = '↪ ';

/** One line of code (already safe, tabs as spaces) as lines of at most `width` columns, each after `prefix`. */
export function wrapCode(line: string, width: number, prefix = ''): string[] {
  const chars = [...line];
  const first = Math.max(1, width - [...prefix].length);
  if (chars.length <= first) return [`${prefix}${line}`];
  // Continuations hang under the line's indentation, but never so deep they leave no room.
  const lead = Math.min(/^ */.exec(line)![0].length, Math.floor(first / 3));
  const hang = `${prefix}${' '.repeat(lead)}${MARK}`;
  const room = Math.max(1, width - [...hang].length);
  const out: string[] = [];
  let rest = chars;
  let limit = first;
  while (rest.length > limit) {
    // Break after a space when there is one in the latter half, so words and names stay whole.
    const space = rest.slice(0, limit + 1).lastIndexOf(' ');
    const at = space > limit / 2 ? space + 1 : limit;
    const part = rest.slice(0, at).join('').replace(/ +$/, '');
    out.push(out.length === 0 ? `${prefix}${part}` : `${hang}${part}`);
    rest = rest.slice(at);
    limit = room;
  }
  if (rest.length > 0) out.push(`${hang}${rest.join('')}`);
  return out;
}
