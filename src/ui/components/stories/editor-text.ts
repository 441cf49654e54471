// What the story editor says around its fields: examples for empty fields (written "e.g. …", so
// they never pass for typed text, colour or not), the status line, and a footer that is true for
// the field in focus and fits the width.
import type { StoryPart } from '../../../core/stories.js';
import { hint } from '../../keys.js';
import { fitFooter } from '../../wrap-lines.js';

export type Field = 'title' | StoryPart | 'values' | 'save';

export const EXAMPLES: Record<'title' | StoryPart, string> = {
  title: 'e.g. Shipped the pacing fix',
  situation: 'e.g. Ads overspent every night and nobody knew why.',
  task: 'e.g. Find the cause before the quarter closed.',
  action: 'e.g. I shadowed ad ops for a week and traced it to a time-zone bug.',
  result: 'e.g. Overspend fell 12%, and the replay test now guards it.',
};

export function editorStatus(field: Field, editing: string | null): string {
  if (field === 'values') return '←→ choose a value, Space ticks it';
  if (field === 'save') return 'Enter saves the story';
  if (field === 'title') return 'Enter goes on to Situation';
  return editing ? `Editing "${editing}"` : 'The schedule follows the story, so edit it freely.';
}

export function editorFooter(field: Field, confirmLeave: boolean, width: number): string {
  if (confirmLeave) return fitFooter(width, hint([['y', 'discard'], ['n Esc', 'keep editing']]), hint([['y', 'discard'], ['n', 'keep']]));
  if (field === 'values') {
    return fitFooter(
      width,
      hint([['←→', 'value'], ['Space', 'tick'], ['Tab ↑↓', 'field'], ['Ctrl+S', 'save'], ['Esc', 'leave']]),
      hint([['←→', 'value'], ['Space', 'tick'], ['Tab', 'field'], ['Esc', 'leave']]),
      hint([['←→ Space', 'tick'], ['Tab', 'field'], ['Esc', 'leave']]),
    );
  }
  if (field === 'save') return fitFooter(width, hint([['Enter', 'save'], ['Tab ↑↓', 'field'], ['Esc', 'leave']]));
  // In a text field "?" is a character: help is one Tab away, on Values or Save.
  return fitFooter(
    width,
    'Tab ↑↓ field · Ctrl+S save · Esc leave · ? is typed: on Values/Save, ? help',
    'Tab ↑↓ field · Ctrl+S save · Esc leave · on Save, ? help',
    'Tab field · Ctrl+S save · Esc leave · on Save, ? help',
    'Tab field · ^S save · Esc leave · on Save, ? help',
  );
}
