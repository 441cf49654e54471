// An SQL or code exercise in a study session: write in the editor, run as often as you like (runs
// do not count), submit to be graded by running. Right at once is Good, right after hints or
// failed submits Hard, given up Again, stored through `record` like a choice card's grade.
// While the editor has focus letters are typed: only Ctrl keys act (Ctrl+R run, Ctrl+S submit);
// Esc leaves it for the letter keys, the session's and help.
import { Box } from 'ink';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ExerciseCard } from '../../../core/deck.js';
import { exerciseRating, type ExerciseCheck, type ExerciseRun, type TablePreview } from '../../../core/exercise.js';
import type { StudyItem } from '../../../core/queue.js';
import { formatInterval, type Rating } from '../../../core/scheduler.js';
import { useAppActions, useAppState } from '../../app-context.js';
import { codeState, codeText, type CodeState } from '../../code-edit.js';
import { KeyModal } from '../../input.js';
import { BINDINGS, useKeys, useScreenInput, type Command } from '../../keys.js';
import { frameBudget, splitColumns, WIDE } from '../../layout.js';
import type { KeyHint } from '../footer.js';
import { SESSION_HEAD_LINES, type QuizProps } from '../quiz/types.js';
import { CodeEditor, gutterWidth } from './CodeEditor.js';
import { cutTask, gaveUpLines, hintLines, passedLines, promptLines, taskLines, usedParts, type Done } from './exercise-lines.js';
import { LinesView, scrollCount, useLinesScroll } from './LinesView.js';
import { checkLines, runLines, tablePreviewLines, tableSummary, type Line } from './output-lines.js';

type Phase = 'typing' | 'keys' | 'passed' | 'gaveUp';
type Output = { kind: 'run'; run: ExerciseRun } | { kind: 'check'; check: ExerciseCheck } | { kind: 'hint' } | null;

const PLACEHOLDER = { sql: 'SELECT … FROM …', code: 'def solve(…):' } as const;
/** The fewest lines the editor shows beside a result on a narrow screen. */
const EDITOR_ROWS = 3;
/** The narrowest editor beside the side panel on a wide screen. */
const EDITOR_MIN_WIDTH = 40;

/**
 * The editor's width on a wide screen: as wide as its longest line wants, in steps of 20 (so the
 * panels do not shift at every key), at least EDITOR_MIN_WIDTH and at most 55%; the tables and the
 * result get the rest. `least`: the width it had, which it keeps (a line cut short again must not
 * make the panels jump back).
 */
function editorWidth(width: number, lines: readonly string[], least: number): number {
  const [most] = splitColumns(width, 0.55);
  const longest = Math.max(0, ...lines.map((line) => [...line].length));
  const wants = Math.ceil((longest + gutterWidth(lines.length) + 2) / 20) * 20;
  return Math.min(most, Math.max(EDITOR_MIN_WIDTH, wants, least));
}

/** Parts joined by " · " on as few lines as fit the width, each part whole ("1 failed submit" never split). */
function joinParts(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && [...last].length + 3 + [...part].length <= width) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines;
}

export interface ExerciseCounts {
  hints: number;
  failed: number;
}

export function ExerciseQuiz({ card, item, record, advance, skip, preview, now, layout, counts: kept }: QuizProps<ExerciseCard> & { item: StudyItem; counts?: Map<string, ExerciseCounts> | undefined }) {
  const { setTyping, exercises } = useAppActions();
  const { width: terminalWidth, height: terminalHeight } = useAppState();
  // The room the session gives a filling card, counted here: this component draws the frame around it.
  const budget = frameBudget(terminalWidth, terminalHeight, terminalWidth);
  const room = { width: budget.width, height: Math.max(1, budget.height - SESSION_HEAD_LINES) };
  const [unavailable] = useState(() => exercises.unavailable(item));
  const [first] = useState(() => exercises.lastAttempt(item.key) ?? (card.type === 'code' ? card.starter : ''));
  const [code, setCode] = useState<CodeState>(() => codeState(first));
  const text = useRef(first);
  const saved = useRef(first);
  const [phase, setPhase] = useState<Phase>(unavailable ? 'keys' : 'typing');
  const [confirming, setConfirming] = useState(false);
  const [showTask, setShowTask] = useState(false);
  const [busy, setBusy] = useState<'run' | 'check' | null>(null);
  const busyRef = useRef(false);
  const [output, setShownOutput] = useState<Output>(null);
  // Counts the outputs shown, so each new one starts at its top (see useLinesScroll's view).
  const [outputs, setOutputs] = useState(0);
  const setOutput = (next: Output) => {
    setShownOutput(next);
    setOutputs((n) => n + 1);
  };
  // Read in a run's callback, which may come after more hints or submits: refs, not render state.
  const [before] = useState(() => kept?.get(item.key) ?? { hints: 0, failed: 0 });
  const counts = useRef({ ...before, done: false });
  const [hints, setHints] = useState(before.hints);
  const [failed, setFailed] = useState(before.failed);
  const keep = () => kept?.set(item.key, { hints: counts.current.hints, failed: counts.current.failed });
  const [done, setDone] = useState<(Done & { check?: ExerciseCheck }) | null>(null);
  const [tables, setTables] = useState<TablePreview[] | null>(null);
  const [notSaved, setNotSaved] = useState(false);
  const mounted = useRef(true);
  const [widest, setWidest] = useState(0);
  const hintCount = card.hints?.length ?? 0;

  const typing = phase === 'typing' && !confirming && !showTask;
  // In the same commit as the editor, so a key typed as the card appears is a character.
  useLayoutEffect(() => {
    setTyping(typing);
    return () => setTyping(false);
  }, [typing, setTyping]);

  useEffect(() => {
    mounted.current = true;
    if (card.type === 'sql' && !unavailable) {
      exercises.preview(item).then(
        (t) => mounted.current && setTables(t),
        () => mounted.current && setTables([]),
      );
    }
    return () => {
      mounted.current = false;
      // Leaving (next card, end of the session): the attempt is kept for next time.
      if (text.current !== saved.current) exercises.saveAttempt(item.key, text.current);
    };
  }, [card.type, exercises, item, unavailable]);

  const save = () => {
    if (text.current === saved.current) return;
    const ok = exercises.saveAttempt(item.key, text.current);
    if (ok) saved.current = text.current;
    setNotSaved(!ok);
  };
  const edit = (next: CodeState) => {
    text.current = codeText(next);
    setCode(next);
  };
  const finish = (rating: Rating, check?: ExerciseCheck) => {
    counts.current.done = true;
    const { hints: h, failed } = counts.current;
    setDone({ rating, again: formatInterval(now, preview[rating]), hints: h, failed, ...(check ? { check } : {}) });
    setPhase(rating === 1 ? 'gaveUp' : 'passed');
    setConfirming(false);
    record(rating, { correct: rating !== 1 });
  };
  /** Runs or grades the text as it is now. Keys stay live meanwhile; another run or submit is ignored until it is back (the footer says Running…). */
  const start = (kind: 'run' | 'check') => {
    if (busyRef.current || counts.current.done) return;
    save();
    busyRef.current = true;
    setBusy(kind);
    const answer = text.current;
    const settle = () => {
      busyRef.current = false;
      setBusy(null);
      scroll.reset();
    };
    if (kind === 'run') {
      void exercises.run(item, answer).then((run) => {
        if (!mounted.current) return;
        settle();
        setOutput({ kind: 'run', run });
      });
      return;
    }
    void exercises.check(item, answer).then((check) => {
      // Given up meanwhile: that stands.
      if (!mounted.current || counts.current.done) return;
      settle();
      if (check.passed) {
        // Right: kept as such, so it is not handed back ready to resubmit when the card returns.
        if (exercises.saveAttempt(item.key, answer, true)) saved.current = answer;
        finish(exerciseRating({ passed: true, gaveUp: false, hintsUsed: counts.current.hints, failedSubmits: counts.current.failed }), check);
        return;
      }
      counts.current.failed++;
      keep();
      setFailed(counts.current.failed);
      setOutput({ kind: 'check', check });
    });
  };
  /** The whole task, or back: each starts at its top. */
  const view = (task: boolean) => {
    setShowTask(task);
    scroll.reset();
  };
  const nextHint = () => {
    if (counts.current.hints >= hintCount) return;
    counts.current.hints++;
    keep();
    setHints(counts.current.hints);
    setOutput({ kind: 'hint' });
    scroll.reset();
  };

  // Layout: the room is counted here, so the editor and the output share it exactly.
  const wide = terminalWidth >= WIDE;
  const leftWidth = wide ? editorWidth(room.width, code.lines, widest) : room.width;
  const rightWidth = wide ? Math.max(1, room.width - leftWidth - 3) : 0;
  if (wide && leftWidth !== widest) setWidest(leftWidth);
  const height = room.height;
  const outputWidth = wide ? rightWidth : room.width;
  const shownOutput: Line[] = !output ? [] : output.kind === 'run' ? runLines(output.run, outputWidth) : output.kind === 'check' ? checkLines(output.check, outputWidth) : hintLines(card, hints, outputWidth);
  // The old result gives way while a run is in flight: a ✓ or ✗ above would read as this run's.
  const outputOf = (): Line[] => (busy ? [{ text: busy === 'run' ? 'Running…' : 'Running and grading…', tone: 'dim' }] : shownOutput);

  let body: (offset: number) => ReactNode;
  let scrollLines: number;
  let scrollRows: number;
  if (showTask) {
    const lines = taskLines(card, hints, tables, room.width);
    scrollLines = scrollCount(lines, height);
    scrollRows = height;
    body = (offset: number) => <LinesView lines={lines} rows={height} offset={offset} />;
  } else if (done) {
    const lines = phase === 'passed' && done.check ? passedLines(card, done.check, codeText(code), done, room.width) : gaveUpLines(card, codeText(code), done, room.width, wide);
    scrollLines = lines.length;
    scrollRows = height;
    body = (offset: number) => <LinesView lines={lines} rows={height} offset={offset} />;
  } else if (unavailable) {
    const lines: Line[] = [...cutTask(promptLines(card, room.width), Math.max(1, height - 3)), { text: '' }, { text: `✗ ${unavailable}`, tone: 'wrong' }, { text: 'Enter skips it: it stays unrated.', tone: 'dim' }];
    scrollLines = 0;
    scrollRows = height;
    body = () => <LinesView lines={lines} rows={height} />;
  } else {
    // The task fixes the columns and rounding a submit is graded on: give it a third of the room.
    const taskRows = Math.max(1, Math.floor(height / 3));
    const task = cutTask(promptLines(card, leftWidth), taskRows);
    const summary: Line[] = !wide && card.type === 'sql' ? [{ text: tables ? `${tableSummary(tables)} · t shows them` : 'Loading the tables…', tone: 'dim' }] : [];
    // What will make a pass Hard, said where the user looks while writing (the footer has no room for it).
    const counted = [...usedParts(0, failed), ...usedParts(hints, 0).map((part) => `${part} used`), ...(notSaved ? ['! not saved'] : [])];
    // Wrapped, not cut: the counts at its end are what a narrow editor column would lose.
    const label: Line[] = joinParts([`${card.type === 'sql' ? 'Your query' : 'Your code'} · line ${code.row + 1} of ${code.lines.length}`, ...counted], leftWidth).map((text) => ({ text, tone: 'dim' }));
    const rest = Math.max(1, height - task.length - summary.length - label.length);
    if (wide) {
      const result = outputOf();
      const data: Line[] = card.type === 'sql' ? (tables ? tablePreviewLines(tables, rightWidth) : [{ text: 'Loading the tables…', tone: 'dim' }]) : [];
      const side = result.length ? [...result, ...(data.length ? [{ text: '' }, ...data] : [])] : data.length ? data : [{ text: "Ctrl+R runs your code with the card's tests; the result shows here.", tone: 'dim' as const }];
      scrollLines = scrollCount(side, height);
      scrollRows = height;
      body = (offset: number) => (
        <Box flexDirection="row" height={height}>
          <Box flexDirection="column" width={leftWidth} flexShrink={0}>
            <LinesView lines={[...task, ...summary, ...label]} rows={task.length + summary.length + label.length} />
            <CodeEditor state={code} onEdit={edit} rows={rest} width={leftWidth} isActive={typing} placeholder={PLACEHOLDER[card.type]} />
          </Box>
          <Box width={3} flexShrink={0} />
          <Box flexDirection="column" width={rightWidth} flexShrink={0}>
            <LinesView lines={side} rows={height} offset={offset} scrollKey={typing ? 'Esc, then PgDn' : 'PgDn'} />
          </Box>
        </Box>
      );
    } else {
      const out = outputOf();
      // The editor keeps a spare line under short code (at least EDITOR_ROWS); the output gets the
      // rest, right under the code, and never less than half when the code is long.
      const editorWants = Math.max(code.lines.length + 1, EDITOR_ROWS);
      const outRows = out.length ? Math.min(rest - 1, Math.max(2, rest - editorWants, Math.floor(rest / 2))) : 0;
      const editorRows = Math.max(1, rest - outRows);
      scrollLines = scrollCount(out, outRows);
      scrollRows = outRows;
      body = (offset: number) => (
        <Box flexDirection="column" height={height}>
          <LinesView lines={[...task, ...summary, ...label]} rows={task.length + summary.length + label.length} />
          <CodeEditor state={code} onEdit={edit} rows={editorRows} width={room.width} isActive={typing} placeholder={PLACEHOLDER[card.type]} />
          {outRows > 0 ? <LinesView lines={out} rows={outRows} offset={offset} scrollKey={typing ? 'Esc, then PgDn' : 'PgDn'} /> : null}
        </Box>
      );
    }
  }
  const scrollView = showTask ? 'task' : done ? 'done' : busy ? 'busy' : `output ${outputs}`;
  const scroll = useLinesScroll(scrollLines, scrollRows, !typing && !confirming && !showTask, scrollView);

  // While typing: only Ctrl keys act, and Esc leaves the editor.
  useScreenInput(
    (input, key) => {
      if (key.escape) {
        save();
        setPhase('keys');
      } else if (key.ctrl && BINDINGS.exerciseRun.test(input, key)) start('run');
      else if (key.ctrl && BINDINGS.exerciseSubmit.test(input, key)) start('check');
    },
    { isActive: typing },
  );
  useKeys(
    unavailable
      ? { exerciseSkip: () => skip?.(), exerciseTask: () => view(true) }
      : {
          exerciseEdit: () => setPhase('typing'),
          exerciseRun: () => start('run'),
          exerciseSubmit: () => start('check'),
          hint: nextHint,
          exerciseTask: () => view(true),
          exerciseGiveUp: () => setConfirming(true),
        },
    { isActive: phase === 'keys' && !confirming && !showTask },
  );
  useKeys({ continue: advance }, { isActive: done !== null && !showTask });

  const more: KeyHint[] = scroll.overflow ? [['PgDn', 'more']] : [];
  const moreCommands: Command[] = scroll.overflow ? ['pageDown', 'pageUp'] : [];
  // The verdict of a submit is the output's first line, always in view; only a run in flight is said here.
  const status = busy ? 'Running…' : undefined;
  const drawn = (
    <>
      {body(scroll.offset)}
      <KeyModal open={confirming}>
        <ConfirmKeys active={confirming} onYes={() => finish(1)} onNo={() => setConfirming(false)} />
      </KeyModal>
      <KeyModal open={showTask}>
        <TaskKeys active={showTask} onClose={() => view(false)} onDown={scroll.down} onUp={scroll.up} />
      </KeyModal>
    </>
  );
  if (showTask) return layout({ body: drawn, fill: true, modal: true, keys: [['t Esc', 'back to the exercise'], ...more], commands: ['exerciseTask', ...moreCommands] });
  if (confirming) return layout({ body: drawn, fill: true, modal: true, status: 'Give up and see the solution? It is rated Again.', keys: [['y', 'give up'], ['n', 'keep trying']], commands: ['confirmYes', 'confirmNo'] });
  if (done) return layout({ body: drawn, fill: true, status: phase === 'passed' ? '✓ right' : '✗ given up', keys: [['Enter', 'next'], ...more], commands: ['continue', ...moreCommands] });
  if (unavailable) return layout({ body: drawn, fill: true, keys: [['Enter', 'skip'], ['t', 'task']], commands: ['exerciseSkip', 'exerciseTask'] });
  if (typing) return layout({ body: drawn, fill: true, status, keys: [['Ctrl+R', 'run'], ['Ctrl+S', 'submit'], ['Esc', 'other keys']], commands: ['exerciseRun', 'exerciseSubmit', 'stopTyping'], typing: 'Esc, then ? help' });
  const hintKey: KeyHint[] = hints < hintCount ? [['h', 'hint']] : [];
  return layout({
    body: drawn,
    fill: true,
    status,
    ownKeysFirst: true,
    // Short, so the keys fit 80 columns beside undo and end; t is dropped first (help lists it).
    keys: [['e', 'edit'], ['r s', 'run, submit'], ...hintKey, ['g', 'give up'], ['t', 'task'], ...more],
    commands: ['exerciseEdit', 'exerciseRun', 'exerciseSubmit', ...(hintCount ? (['hint'] as const) : []), 'exerciseTask', 'exerciseGiveUp', ...moreCommands],
  });
}

/** Keys of the give-up question, alone while it is asked (Esc must not end the session under it). */
function ConfirmKeys({ active, onYes, onNo }: { active: boolean; onYes: () => void; onNo: () => void }) {
  useKeys({ confirmYes: onYes, confirmNo: onNo }, { isActive: active });
  return null;
}

/** Keys of the whole-task view, alone while it shows (its Esc goes back, not out of the session). */
function TaskKeys({ active, onClose, onDown, onUp }: { active: boolean; onClose: () => void; onDown: () => void; onUp: () => void }) {
  useKeys({ exerciseTask: onClose, stopTyping: onClose, pageDown: onDown, pageUp: onUp }, { isActive: active });
  return null;
}
