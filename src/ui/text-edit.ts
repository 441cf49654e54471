// A one-line text field's state and every edit to it, pure so bursts of keys (a paste, fast
// Backspaces) are tested without a terminal.
import type { Key } from 'ink';

export interface TextState {
  value: string;
  /** Code-point index the next character goes before. */
  cursor: number;
}

export const EMPTY_TEXT: TextState = { value: '', cursor: 0 };

export function textState(value: string): TextState {
  return { value, cursor: [...value].length };
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f]/g;

/**
 * The field after one key, or null when the key is not an edit (Enter, Esc, arrows up and down
 * are for the screen). Control characters never enter the value.
 */
export function editText(state: TextState, input: string, key: Key): TextState | null {
  const chars = [...state.value];
  const at = Math.min(state.cursor, chars.length);
  if (key.return || key.escape || key.upArrow || key.downArrow || key.tab || key.pageUp || key.pageDown) return null;
  if (key.leftArrow) return { value: state.value, cursor: Math.max(0, at - 1) };
  if (key.rightArrow) return { value: state.value, cursor: Math.min(chars.length, at + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { value: state.value, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { value: state.value, cursor: chars.length };
  // Terminals send DEL (0x7f) for Backspace, which ink names "delete": both erase to the left.
  if (key.backspace || key.delete) {
    if (at === 0) return state;
    chars.splice(at - 1, 1);
    return { value: chars.join(''), cursor: at - 1 };
  }
  if (key.ctrl && input === 'u') return { value: chars.slice(at).join(''), cursor: 0 };
  if (key.ctrl && input === 'w') {
    const before = chars.slice(0, at).join('').replace(/\S*\s*$/, '');
    return { value: before + chars.slice(at).join(''), cursor: [...before].length };
  }
  if (key.ctrl || key.meta) return null;
  const text = input.replace(/\r\n?|\n/g, ' ').replace(CONTROL, '');
  if (!text) return null;
  const added = [...text];
  chars.splice(at, 0, ...added);
  return { value: chars.join(''), cursor: at + added.length };
}

/**
 * The part of the value shown in `width` columns, keeping the cursor in view, with the cursor
 * drawn as a glyph (so it shows without colour).
 */
export function visibleText(state: TextState, width: number): { before: string; after: string } {
  const chars = [...state.value];
  const room = Math.max(2, width - 1);
  const start = Math.max(0, Math.min(state.cursor - room + 1, chars.length - room));
  const end = Math.min(chars.length, Math.max(start, 0) + room);
  const from = Math.max(0, start);
  return { before: chars.slice(from, state.cursor).join(''), after: chars.slice(state.cursor, end).join('') };
}
