// The exercise screen's text as lines for a width: the task, the verdict after a pass, and the
// solution beside (or under) the user's answer after giving up. Pure, so the screen can count
// them before it shares its room.
import type { ExerciseCard } from '../../../core/deck.js';
import type { ExerciseCheck, TablePreview } from '../../../core/exercise.js';
import { safeText } from '../../../core/safe-text.js';
import { RATING_NAMES, type Rating } from '../../../core/scheduler.js';
import { MEASURE } from '../../layout.js';
import { wrapLines } from '../../wrap-lines.js';
import { checkLines, tablePreviewLines, type Line } from './output-lines.js';
import { wrapCode } from './wrap-code.js';

const BLANK: Line = { text: '' };

/** The title (when the card has one) and the prompt, wrapped. */
export function promptLines(card: ExerciseCard, width: number): Line[] {
  width = prose(width);
  return [...(card.title ? wrapLines(card.title, width).map((text) => ({ text, tone: 'bold' as const })) : []), ...wrapLines(card.prompt, width).map((text) => ({ text }))];
}

export function hintLines(card: ExerciseCard, shown: number, width: number): Line[] {
  const hints = card.hints ?? [];
  return hints.slice(0, shown).flatMap((hint, i) => wrapLines(`Hint ${i + 1} of ${hints.length}: ${hint}`, prose(width)).map((text) => ({ text, tone: 'dim' as const })));
}

/** The prompt cut to `rows` lines, the last saying where the rest is. */
export function cutTask(lines: readonly Line[], rows: number): Line[] {
  if (lines.length <= rows) return [...lines];
  return [...lines.slice(0, Math.max(0, rows - 1)), { text: '… t shows the whole task', tone: 'dim' }];
}

/** Everything about the task: prompt, the hints shown so far, and the tables with sample rows. */
export function taskLines(card: ExerciseCard, hints: number, tables: readonly TablePreview[] | null, width: number): Line[] {
  const shownHints = hintLines(card, hints, width);
  const data = card.type === 'sql' ? (tables ? tablePreviewLines(tables, width) : [{ text: 'Loading the tables…', tone: 'dim' as const }]) : [];
  return [...promptLines(card, width), ...(shownHints.length ? [BLANK, ...shownHints] : []), ...(data.length ? [BLANK, ...data] : [])];
}

/** Code as lines, indented under a heading and wrapped to the width; outside text (a kept attempt) made safe. */
export function codeBlock(heading: string, code: string, width: number): Line[] {
  const lines = code.replace(/\s+$/, '').split('\n');
  return [{ text: heading, tone: 'bold' }, ...(code.trim() ? lines.flatMap((line) => wrapCode(safeText(line.replace(/\t/g, '    ')), width, '  ').map((text) => ({ text }))) : [{ text: '  (empty)', tone: 'dim' as const }])];
}

/** Prose is read at MEASURE columns at most, however wide the screen. */
function prose(width: number): number {
  return Math.min(width, MEASURE);
}

/** Two columns of lines side by side with a rule between them (the frame check reads panels by it). */
export function sideBySide(left: readonly Line[], right: readonly Line[], leftWidth: number): Line[] {
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => {
    const l = left[i]?.text ?? '';
    const pad = ' '.repeat(Math.max(0, leftWidth - [...l].length));
    return { text: `${l}${pad} │ ${right[i]?.text ?? ''}`.replace(/\s+$/, '') };
  });
}

function explanation(card: ExerciseCard, width: number): Line[] {
  return card.explanation ? [BLANK, ...wrapLines(card.explanation, prose(width)).map((text) => ({ text }))] : [];
}

/** What makes a pass Hard, as counted so far: "2 hints", "1 failed submit"; none when nothing. */
export function usedParts(hints: number, failed: number): string[] {
  return [...(hints ? [`${hints} hint${hints === 1 ? '' : 's'}`] : []), ...(failed ? [`${failed} failed submit${failed === 1 ? '' : 's'}`] : [])];
}

function counted(hints: number, failed: number): string {
  const parts = usedParts(hints, failed);
  return parts.length ? `Right after ${parts.join(' and ')}` : 'Right on the first submit';
}

export interface Done {
  rating: Rating;
  /** When the rating brings the card back ("10m"). */
  again: string;
  hints: number;
  failed: number;
}

/** After a pass: the verdict, the rating given, the explanation, the answer and the card's own solution. */
export function passedLines(card: ExerciseCard, check: ExerciseCheck, answer: string, done: Done, width: number): Line[] {
  return [
    ...checkLines(check, width),
    ...wrapLines(`${counted(done.hints, done.failed)}: rated ${RATING_NAMES[done.rating]} (back in ${done.again}).`, prose(width)).map((text) => ({ text, tone: 'bold' as const })),
    ...explanation(card, width),
    BLANK,
    ...codeBlock('Your answer:', answer, width),
    BLANK,
    ...codeBlock("The card's solution:", card.solution, width),
  ];
}

/** After giving up: the solution beside the answer when there is room for both, else under it. */
export function gaveUpLines(card: ExerciseCard, answer: string, done: Done, width: number, wide: boolean): Line[] {
  const head: Line = { text: `Given up: rated ${RATING_NAMES[done.rating]} (back in ${done.again}).`, tone: 'wrong' };
  if (wide) {
    const half = Math.floor((width - 3) / 2);
    return [head, BLANK, ...sideBySide(codeBlock('Your answer:', answer, half), codeBlock('Solution:', card.solution, width - half - 3), half), ...explanation(card, width)];
  }
  return [head, BLANK, ...codeBlock('Solution:', card.solution, width), ...explanation(card, width), BLANK, ...codeBlock('Your answer:', answer, width)];
}
