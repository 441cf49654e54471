// Writing or editing one STAR story: a title, the four parts as multi-line text, and the values it
// shows. Text is typed at the end of a field (Backspace takes back the last character), as the
// mock's notes are: no cursor to lose, and nothing the terminal could misdraw. The open field
// gets the lines the others leave; on a terminal too short for every row, the rows farthest from
// the focus are left out rather than squashed.
import { Box, Text } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import { CULTURE_VALUES } from '../../core/culture-values.js';
import { cleanStoryText, newStoryId, STORY_PART_NAMES, STORY_PARTS, storyIdsWithHistory, storyProblems, storyValueNames, type Story, type StoryPart } from '../../core/stories.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { editorFooter, editorStatus, EXAMPLES, type Field } from '../components/stories/editor-text.js';
import { LABEL_WIDTH, OpenPart, PartRow, rowsInView, SaveRow, TitleRow, ValuesRow } from '../components/stories/EditorRows.js';
import { chipLayout } from '../components/stories/ValueChips.js';
import { BINDINGS, useScreenInput, type Command } from '../keys.js';
import { frameBudget } from '../layout.js';

const FIELDS: readonly Field[] = ['title', ...STORY_PARTS, 'values', 'save'];

/** The story's fields the editor changes; id and times are the store's. */
type Draft = Pick<Story, 'title' | StoryPart | 'values'>;

const EMPTY: Draft = { title: '', situation: '', task: '', action: '', result: '', values: [] };

function draftOf(story: Story | undefined): Draft {
  return story ? { title: story.title, situation: story.situation, task: story.task, action: story.action, result: story.result, values: [...story.values] } : EMPTY;
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.title === b.title && STORY_PARTS.every((p) => a[p] === b[p]) && [...a.values].sort().join() === [...b.values].sort().join();
}

const is = (command: Command, input: string, key: Parameters<(typeof BINDINGS)[Command]['test']>[1]) => BINDINGS[command].test(input, key);

export function StoryEdit({ storyId }: { storyId?: string | undefined }) {
  const { ws, clock, width, height, helpOpen } = useAppState();
  const actions = useAppActions();
  const [original] = useState(() => (storyId ? ws.stories.get(storyId) : undefined));
  const [draft, setDraft] = useState<Draft>(() => draftOf(original));
  const [focus, setFocus] = useState(0);
  const [valueCursor, setValueCursor] = useState(0);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = FIELDS[focus]!;
  const textField = field !== 'values' && field !== 'save';
  const dirty = !sameDraft(draft, draftOf(original));

  // Letters are text while a text field has focus; on Values and Save, ? opens the help.
  useEffect(() => {
    actions.setTyping(textField && !confirmLeave);
    return () => actions.setTyping(false);
  }, [textField, confirmLeave, actions]);

  const save = () => {
    const now = clock();
    const taken = [...ws.stories.list().map((s) => s.id), ...storyIdsWithHistory(ws.progress.progress.cards.keys())];
    const tidy = (text: string) => text.replace(/\s+$/, '');
    // Values in memo order, keeping any id a newer version wrote that this one does not know.
    const known = CULTURE_VALUES.map((v) => v.id).filter((id) => draft.values.includes(id));
    const story: Story = {
      id: original?.id ?? newStoryId(draft.title, taken),
      title: draft.title.trim(),
      situation: tidy(draft.situation),
      task: tidy(draft.task),
      action: tidy(draft.action),
      result: tidy(draft.result),
      values: [...known, ...draft.values.filter((id) => !known.includes(id))],
      createdAt: original?.createdAt ?? now,
      updatedAt: now,
    };
    const problems = storyProblems(story);
    if (problems.length > 0) {
      setError(problems[0]!);
      if (!story.title) setFocus(0);
      else if (STORY_PARTS.every((p) => !story[p])) setFocus(1);
      return;
    }
    // Not saved: the editor stays open with the text, and the app says why at its foot.
    if (!actions.saveStory(story)) return;
    actions.rememberMenu('stories', story.id);
    actions.pop();
  };
  const move = (by: number) => {
    setFocus((f) => (f + by + FIELDS.length) % FIELDS.length);
    setError(null);
  };
  const edit = (change: (text: string) => string) => {
    if (!textField) return;
    setDraft((d) => ({ ...d, [field]: change(d[field]) }));
    setError(null);
  };
  const toggleValue = () => {
    const id = CULTURE_VALUES[valueCursor]!.id;
    setDraft((d) => ({ ...d, values: d.values.includes(id) ? d.values.filter((v) => v !== id) : [...d.values, id] }));
  };

  useScreenInput(
    (input, key) => {
      if (confirmLeave) {
        if (is('confirmYes', input, key)) actions.pop();
        else if (is('confirmNo', input, key)) setConfirmLeave(false);
        return;
      }
      if (is('storySave', input, key)) return save();
      if (is('leaveEditor', input, key)) return dirty ? setConfirmLeave(true) : actions.pop();
      if (is('fieldNext', input, key)) return move(1);
      if (is('fieldPrevious', input, key)) return move(-1);
      if (field === 'values') {
        if (is('valuePrevious', input, key)) setValueCursor((c) => (c - 1 + CULTURE_VALUES.length) % CULTURE_VALUES.length);
        else if (is('valueNext', input, key)) setValueCursor((c) => (c + 1) % CULTURE_VALUES.length);
        else if (is('toggle', input, key) || key.return) toggleValue();
        return;
      }
      if (field === 'save') {
        if (key.return) save();
        return;
      }
      if (key.return) {
        if (field === 'title') move(1);
        else edit((t) => `${t}\n`);
      } else if (key.backspace || key.delete) {
        edit((t) => t.slice(0, -1));
      } else if (input && !key.ctrl && !key.meta) {
        const text = cleanStoryText(input);
        edit((t) => t + (field === 'title' ? text.replace(/\s*[\n\t]\s*/g, ' ') : text));
      }
    },
    { isActive: !helpOpen },
  );

  const room = frameBudget(width, height);
  const textRoom = Math.max(10, room.width - LABEL_WIDTH);
  const openPart = textField && field !== 'title';
  const heights = FIELDS.map((f) => (f !== field ? 1 : f === 'values' ? chipLayout(textRoom).lines : openPart ? 2 : 1));
  // The status line takes the last row; the open part's text gets every line the rows leave.
  const rowsRoom = room.height - 1;
  const textLines = Math.max(1, rowsRoom - (heights.reduce((a, b) => a + b, 0) - 1));
  if (openPart) heights[focus] = 1 + textLines;
  const valueNames = storyValueNames({ ...draft, id: 'draft', createdAt: 0, updatedAt: 0 });
  const row = (f: Field): ReactNode => {
    if (f === 'title') return <TitleRow key={f} title={draft.title} focused={field === 'title'} width={textRoom} />;
    if (f === 'values') return <ValuesRow key={f} names={valueNames} ticked={draft.values} cursor={valueCursor} open={field === 'values'} width={textRoom} />;
    if (f === 'save') return <SaveRow key={f} focused={field === 'save'} />;
    return field === f ? (
      <OpenPart key={f} name={STORY_PART_NAMES[f]} text={draft[f]} example={EXAMPLES[f]} lines={textLines} width={room.width} />
    ) : (
      <PartRow key={f} name={STORY_PART_NAMES[f]} text={draft[f]} />
    );
  };

  const status = confirmLeave ? (
    <Text color="yellow" wrap="truncate-end">Discard your changes? y discards · n keeps editing</Text>
  ) : error ? (
    <Text color="red" wrap="truncate-end">{`! ${error}`}</Text>
  ) : (
    <Text dimColor wrap="truncate-end">{editorStatus(field, original?.title ?? null)}</Text>
  );
  return (
    <Frame
      title={original ? 'Edit story' : 'New story'}
      commands={confirmLeave ? ['confirmYes', 'confirmNo'] : ['fieldNext', 'fieldPrevious', 'valuePrevious', 'valueNext', 'toggle', 'storySave', 'leaveEditor']}
      footer={editorFooter(field, confirmLeave, room.width)}
      fixed
    >
      <Box flexDirection="column" height={rowsRoom} overflow="hidden">
        <Box flexDirection="column" flexShrink={0}>
          {rowsInView(heights, focus, rowsRoom).map((i) => row(FIELDS[i]!))}
        </Box>
      </Box>
      <Box flexShrink={0}>{status}</Box>
    </Frame>
  );
}
