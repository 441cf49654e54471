// Checks a captured tmux screen against the frame every screen shares: title, rule, body, rule,
// footer, nothing wider than the terminal, and the lines the screen should show, each whole.
// Returns the problems as sentences (empty when the frame is right), so one assertion can print
// every problem of a capture along with the capture itself.

export interface Size {
  width: number;
  height: number;
}

/** Below this the app shows only "Terminal too small". */
export const MIN_SIZE: Size = { width: 50, height: 14 };

/** The sizes every screen is checked at: too small, small, short, classic, larger, huge. */
export const SIZES: readonly Size[] = [
  { width: 45, height: 14 },
  { width: 60, height: 20 },
  { width: 80, height: 18 },
  { width: 80, height: 24 },
  { width: 100, height: 30 },
  { width: 160, height: 45 },
];

/** A line as it reads on screen: a string is the whole line (trimmed, less a `› ` cursor); a RegExp is tested against that. */
export type LineSpec = string | RegExp;

export interface Expected {
  /** Line 1 reads `keeper-prep › <title>`, the role maybe right-aligned after it. */
  title: string | RegExp;
  /** Lines shown whole at every size. */
  lines?: readonly LineSpec[];
  /** Lines of a list or a long text: each one shown is whole; one not shown needs a "more" mark on screen. */
  items?: readonly LineSpec[];
  /** Text that must be somewhere on screen, within one line (for text that may wrap around it). */
  fragments?: readonly (string | RegExp)[];
  /** Text that must not be on screen. */
  absent?: readonly (string | RegExp)[];
  /** The footer (the last line) starts with this. */
  footer?: string;
}

/** A visible sign that there is more than fits: ▼, or the word "more". */
export const MORE = /▼|\bmore\b/i;

const RULE = '─';

/** Columns a line takes: one per code point (box, block and arrow glyphs are one column wide). */
export function displayWidth(line: string): number {
  return [...line].length;
}

export function tooSmallText(size: Size): string {
  return `Terminal too small: ${size.width}x${size.height}, needs ${MIN_SIZE.width}x${MIN_SIZE.height}`;
}

export function isTooSmall(size: Size): boolean {
  return size.width < MIN_SIZE.width || size.height < MIN_SIZE.height;
}

/** The screen as its rows: tmux prints one line per row, each ending in a newline. */
export function rows(screen: string): string[] {
  return screen.replace(/\n$/, '').split('\n');
}

/** How a line reads for matching: trimmed, without the `› ` of a highlighted entry. */
function plain(line: string): string {
  return line.trim().replace(/^› /, '');
}

/**
 * A row as the pieces it may hold: the whole row, and on wide screens each panel's part of it
 * (panels are set apart by a │ rule or a wide gutter of spaces).
 */
function cells(line: string): string[] {
  const parts = line.split(line.includes('│') ? /\s*│\s*/ : /\s{6,}/).map(plain).filter(Boolean);
  return [plain(line), ...parts];
}

function matchesLine(line: string, spec: LineSpec): boolean {
  return cells(line).some((text) => (typeof spec === 'string' ? text === spec : spec.test(text)));
}

/**
 * The start of a line spec, to find the row it went to when it is not whole ("Quit" in "Quitings"):
 * a string's first words, or the literal text a RegExp starts with.
 */
function head(spec: LineSpec): string | null {
  const text = typeof spec === 'string' ? spec : literalStart(spec);
  return text.length >= 4 ? text.slice(0, 16) : null;
}

/** The literal text at the start of a RegExp: /^Your decks \(\d+/ gives "Your decks (". */
function literalStart(re: RegExp): string {
  let out = '';
  const source = re.source.replace(/^\^/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[a-zA-Z0-9]/.test(next)) break;
      out += next;
      i++;
    } else if ('.*+?()[]{}|$^'.includes(c)) {
      // A quantifier makes the character before it optional or repeated.
      if ('*+?{'.includes(c)) out = out.slice(0, -1);
      break;
    } else out += c;
  }
  return out;
}

function isBroken(line: string, spec: LineSpec): boolean {
  const start = head(spec);
  return start !== null && cells(line).some((text) => text.startsWith(start)) && !matchesLine(line, spec);
}

function describe(spec: LineSpec | string): string {
  return typeof spec === 'string' ? JSON.stringify(spec) : String(spec);
}

export function frameProblems(screen: string, size: Size, expected: Expected): string[] {
  const lines = rows(screen);
  const problems: string[] = [];
  if (lines.length !== size.height) problems.push(`the capture has ${lines.length} rows, not ${size.height}: is the window ${size.width}x${size.height}?`);
  lines.forEach((line, i) => {
    if (displayWidth(line) > size.width) problems.push(`row ${i + 1} is ${displayWidth(line)} columns wide, more than ${size.width}`);
  });

  if (isTooSmall(size)) {
    const text = tooSmallText(size);
    const shown = lines.map((line, row) => ({ line, row })).filter(({ line }) => line.trim() !== '');
    if (shown.length !== 1 || shown[0]!.line.trim() !== text) {
      problems.push(`only ${JSON.stringify(text)} should be on screen, but these rows are: ${JSON.stringify(shown.map((s) => s.line.trim()))}`);
    } else {
      const { line, row } = shown[0]!;
      const left = line.length - line.trimStart().length;
      if (Math.abs(2 * left - (size.width - text.length)) > 2) problems.push(`${JSON.stringify(text)} starts at column ${left + 1}: not centred across ${size.width} columns`);
      if (Math.abs(2 * row - (size.height - 1)) > 2) problems.push(`${JSON.stringify(text)} is on row ${row + 1}: not centred down ${size.height} rows`);
    }
    return problems;
  }

  const rule = RULE.repeat(size.width);
  const title = lines[0] ?? '';
  const titleText = title.replace(/^keeper-prep › /, '').split(/ {2,}/)[0]!.trimEnd();
  const titleOk = title.startsWith('keeper-prep › ') && (typeof expected.title === 'string' ? titleText === expected.title : expected.title.test(titleText));
  if (!titleOk) problems.push(`row 1 should read "keeper-prep › ${String(expected.title)}" (then maybe the role), but reads ${JSON.stringify(title)}`);
  if (lines[1] !== rule) problems.push(`row 2 should be a rule of ${size.width} ─, but reads ${JSON.stringify(lines[1])}`);
  if (lines[size.height - 2] !== rule) problems.push(`row ${size.height - 1} (second to last) should be a rule of ${size.width} ─, but reads ${JSON.stringify(lines[size.height - 2])}`);
  const footer = lines[size.height - 1] ?? '';
  if (footer.trim() === '') problems.push(`the last row should be the footer of key hints, but is blank`);
  else if (expected.footer && !footer.startsWith(expected.footer)) problems.push(`the footer should start ${JSON.stringify(expected.footer)}, but reads ${JSON.stringify(footer)}`);
  // A rule anywhere else is the frame drawn a row off, or left from a frame of another size.
  lines.forEach((line, i) => {
    if (i !== 1 && i !== size.height - 2 && /^─{8,}\s*$/.test(line)) problems.push(`row ${i + 1} is a rule: only rows 2 and ${size.height - 1} should be (a frame a row off, or left from another size)`);
  });

  const body = lines.slice(2, size.height - 2);
  const more = body.some((line) => MORE.test(line)) || MORE.test(footer);
  const whole = (spec: LineSpec, required: boolean) => {
    if (body.some((line) => matchesLine(line, spec))) return;
    const broken = body.find((line) => isBroken(line, spec));
    if (broken !== undefined) problems.push(`${describe(spec)} is not whole: its row reads ${JSON.stringify(broken.trim())}`);
    else if (required) problems.push(`${describe(spec)} is not on screen`);
    else if (!more) problems.push(`${describe(spec)} is not on screen, and nothing says there is more`);
  };
  for (const spec of expected.lines ?? []) whole(spec, true);
  for (const spec of expected.items ?? []) whole(spec, false);
  for (const fragment of expected.fragments ?? []) {
    const found = typeof fragment === 'string' ? lines.some((line) => line.includes(fragment)) : lines.some((line) => fragment.test(line));
    if (!found) problems.push(`${describe(fragment)} is not on screen`);
  }
  for (const fragment of expected.absent ?? []) {
    const found = typeof fragment === 'string' ? screen.includes(fragment) : fragment.test(screen);
    if (found) problems.push(`${describe(fragment)} should not be on screen`);
  }
  return problems;
}
