// A one-line text field. Edits come through the app's input router, so a paste or two Backspaces
// in one read are each applied (ink hands them over as one string), and `onChange` runs for an
// edit, never on render. The cursor and the placeholder read without colour.
import { Text } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import { useScreenInput } from '../keys.js';
import { editText, textState, visibleText } from '../text-edit.js';

export interface TextFieldProps {
  initial?: string;
  /** Shown dimmed as "e.g. …" while the field is empty. */
  placeholder?: string;
  width: number;
  onChange?: (value: string) => void;
  onSubmit?: (value: string) => void;
  isActive?: boolean;
}

export function TextField({ initial = '', placeholder, width, onChange, onSubmit, isActive = true }: TextFieldProps) {
  const [state, setState] = useState(() => textState(initial));
  // The keys of one burst arrive before React re-renders: each edit builds on the last.
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  useScreenInput(
    (input, key) => {
      const now = latest.current;
      if (key.return) {
        onSubmit?.(now.value);
        return;
      }
      const next = editText(now, input, key);
      if (!next || (next.value === now.value && next.cursor === now.cursor)) return;
      latest.current = next;
      setState(next);
      if (next.value !== now.value) onChange?.(next.value);
    },
    { isActive },
  );
  const cursor = isActive ? '▌' : '';
  if (!state.value) {
    return (
      <Text wrap="truncate-end">
        {cursor}
        {placeholder ? <Text dimColor>{`e.g. ${placeholder}`}</Text> : null}
      </Text>
    );
  }
  const { before, after } = visibleText(state, width);
  return (
    <Text wrap="truncate-end">
      {before}
      {cursor}
      {after}
    </Text>
  );
}
