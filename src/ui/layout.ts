// The frame's budget: how many lines and columns a screen's body may use at a given terminal
// size. Pure, so the arithmetic is tested without a terminal.

/** Below this the app shows one message instead of a screen it cannot draw whole. */
export const MIN_WIDTH = 50;
export const MIN_HEIGHT = 14;
/** Prose wider than this is hard to read; wider terminals centre it or add a side panel. */
export const MEASURE = 100;
/** From this width a screen may put two panels side by side. */
export const WIDE = 120;
/** Lines the frame itself takes: title, two rules, footer. */
export const FRAME_LINES = 4;

export interface Budget {
  tooSmall: boolean;
  /** Lines the body may draw. */
  height: number;
  /** Columns the body may draw. */
  width: number;
  /** Blank columns left of the body, centring it. */
  indent: number;
}

/**
 * measure: the widest body the screen wants (prose screens MEASURE, side-by-side screens the
 * whole terminal).
 */
export function frameBudget(width: number, height: number, measure: number = MEASURE): Budget {
  const tooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
  const bodyWidth = Math.max(1, Math.min(width, measure));
  return {
    tooSmall,
    height: Math.max(1, height - FRAME_LINES),
    width: bodyWidth,
    indent: Math.floor((width - bodyWidth) / 2),
  };
}

export function tooSmallMessage(width: number, height: number): string {
  return `Terminal too small: ${width}x${height}, needs ${MIN_WIDTH}x${MIN_HEIGHT}`;
}

/** Two panels side by side: the left one's width and the right one's, with a 3-column gutter. */
export function splitColumns(width: number, leftShare = 0.5): [number, number] {
  const gutter = 3;
  const left = Math.floor((width - gutter) * leftShare);
  return [left, width - gutter - left];
}

export interface ListWindow {
  /** Index of the first entry drawn. */
  top: number;
  /** Entries drawn. */
  shown: number;
  /** Entries hidden above and below (each takes a "more" line when non-zero). */
  above: number;
  below: number;
  /** Lines drawn: the entries and any "more" lines. */
  lines: number;
}

/** The "more" lines a list draws: none when it has no room for them (fewer than 3 rows). */
export function moreLines(w: ListWindow, rows: number): { above: boolean; below: boolean } {
  return rows >= 3 ? { above: w.above > 0, below: w.below > 0 } : { above: false, below: false };
}

/**
 * Which entries of a list fit in `rows` lines with the cursor in view. "More" lines count
 * against the rows, so the whole list never draws more than `rows` lines.
 */
export function listWindow(count: number, cursor: number, rows: number): ListWindow {
  const room = Math.max(1, rows);
  if (count <= room) return { top: 0, shown: count, above: 0, below: 0, lines: count };
  const window = (top: number, shown: number): ListWindow => {
    const w = { top, shown, above: top, below: count - top - shown, lines: shown };
    const more = moreLines(w, room);
    return { ...w, lines: shown + (more.above ? 1 : 0) + (more.below ? 1 : 0) };
  };
  // Too little room for indicators: entries win.
  if (room < 3) return window(Math.min(Math.max(0, cursor - room + 1), count - room), room);
  const middle = room - 2;
  const top = Math.min(Math.max(0, cursor - Math.floor((middle - 1) / 2)), count - middle);
  // At either end one "more" line is enough, and its row goes back to the entries.
  if (top === 0) return window(0, room - 1);
  if (top + middle >= count) return window(count - room + 1, room - 1);
  return window(top, middle);
}
