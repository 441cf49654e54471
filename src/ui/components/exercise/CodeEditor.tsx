// The exercise editor: several lines, a dim gutter of line numbers, the view following the cursor
// down and across. Edits come through the app's input router (never ink's useInput); a paste
// arrives whole while the editor has focus (useWholePaste). Keys that are not edits (Esc, Ctrl+R)
// are left to the screen.
import { Box, Text } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import { safeText } from '../../../core/safe-text.js';
import { codeText, editCode, followLeft, followTop, type CodeState } from '../../code-edit.js';
import { useWholePaste } from '../../input.js';
import { useScreenInput } from '../../keys.js';

export interface CodeEditorProps {
  state: CodeState;
  onEdit: (next: CodeState) => void;
  rows: number;
  width: number;
  isActive: boolean;
  /** Shown dimmed as "e.g. …" while the editor is empty. */
  placeholder?: string | undefined;
}

const CURSOR = '▌';

/** The gutter's width for a text of `count` lines: the numbers and one blank. */
export function gutterWidth(count: number): number {
  return Math.max(2, String(count).length) + 1;
}

export function CodeEditor({ state, onEdit, rows, width, isActive, placeholder }: CodeEditorProps) {
  // The keys of one burst arrive before React re-renders: each edit builds on the last.
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  useWholePaste(isActive);
  const [view, setView] = useState({ top: 0, left: 0 });
  useScreenInput(
    (input, key) => {
      const next = editCode(latest.current, input, key, { page: Math.max(1, rows - 1) });
      if (!next || next === latest.current) return;
      latest.current = next;
      onEdit(next);
    },
    { isActive },
  );
  const gutter = gutterWidth(state.lines.length);
  const textWidth = Math.max(2, width - gutter);
  const top = followTop(view.top, state.row, rows, state.lines.length);
  // Worked out again at every render: a resize, or moving to a line that fits, brings it back to 0.
  const left = followLeft(view.left, state.col, textWidth, [...(state.lines[state.row] ?? '')].length);
  // Kept for the next render, so the view moves only as far as the cursor makes it.
  if (top !== view.top || left !== view.left) setView({ top, left });
  const shown = state.lines.slice(top, top + rows);
  if (codeText(state) === '') {
    return (
      <Box flexDirection="column" height={rows} flexShrink={0}>
        <Text wrap="truncate-end">
          <Text dimColor>{'1'.padStart(gutter - 1)} </Text>
          {isActive ? CURSOR : ''}
          {placeholder ? <Text dimColor>{`e.g. ${placeholder}`}</Text> : null}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={rows} flexShrink={0}>
      {shown.map((line, i) => {
        const row = top + i;
        return (
          <Text key={row} wrap="truncate-end">
            <Text dimColor>{String(row + 1).padStart(gutter - 1)} </Text>
            {visibleLine(line, left, textWidth, isActive && row === state.row ? state.col : null)}
          </Text>
        );
      })}
    </Box>
  );
}

/**
 * One line cut to the view's columns, the cursor drawn as a glyph (it shows without colour), and
 * "…" where the line goes on past either edge: every line with text starts with "…" while the view
 * is shifted, even one too short to reach the view (it would look empty). An attempt kept on disk
 * is outside text: made safe.
 */
export function visibleLine(line: string, left: number, width: number, cursor: number | null): string {
  // Each character made safe on its own, so an escape shown for one still counts as one column of the cursor's.
  const chars = [...line].map((c) => safeText(c));
  const room = cursor === null ? width : width - 1;
  let part = chars.slice(left, left + room);
  if (cursor !== null) part.splice(cursor - left, 0, CURSOR);
  if (left > 0 && chars.length > 0 && part[0] !== CURSOR) part = ['…', ...part.slice(1)];
  if (chars.length > left + room && part.length > 0) part = [...part.slice(0, -1), '…'];
  return part.join('');
}
