// Writing or editing one STAR story: a title, the four parts as multi-line text, and the values it
// shows. Text is typed at the end of a field (Backspace takes back the last character), as the
// mock's notes are: no cursor to lose, and nothing the terminal could misdraw.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import wrapAnsi from 'wrap-ansi';
import { CULTURE_VALUES } from '../../core/culture-values.js';
import { cleanStoryText, newStoryId, STORY_PART_NAMES, STORY_PARTS, storyIdsWithHistory, storyProblems, storyValueNames, type Story, type StoryPart } from '../../core/stories.js';
import { useAppActions, useAppState } from '../app-context.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { BINDINGS, hint, useScreenInput, type Command } from '../keys.js';

type Field = 'title' | StoryPart | 'values' | 'save';
const FIELDS: readonly Field[] = ['title', ...STORY_PARTS, 'values', 'save'];
const LABEL_WIDTH = 12;
/** Title, four parts, values, save, and the status line: what shows when no field is open. */
const FIXED_LINES = 8;
const CHIP_WIDTH = Math.max(...CULTURE_VALUES.map((v) => v.name.length)) + 6;

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
    actions.saveStory(story);
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

  const body = bodyHeight(height);
  const room = Math.max(10, width - LABEL_WIDTH);
  const label = (f: Field, name: string) => (
    <Text color={field === f ? 'cyan' : undefined} bold={field === f}>
      {`${field === f ? '› ' : '  '}${name}`.padEnd(LABEL_WIDTH)}
    </Text>
  );
  const chipsPerLine = Math.max(1, Math.floor(room / CHIP_WIDTH));
  const chipLines = Math.ceil(CULTURE_VALUES.length / chipsPerLine);
  // The open part's label takes its row; its text gets every line the other rows leave.
  const textLines = Math.max(1, body - FIXED_LINES);
  const valueNames = storyValueNames({ ...draft, id: 'draft', createdAt: 0, updatedAt: 0 });

  const rows = FIELDS.map((f) => {
    if (f === 'title') {
      const shown = field === 'title' && draft.title.length + 1 > room ? `…${draft.title.slice(-(room - 2))}` : draft.title;
      return (
        <Text key={f} wrap="truncate-end">
          {label(f, 'Title')}
          {shown || field === 'title' ? <Text>{shown}</Text> : <Text dimColor>a few words, like "Shipped the pacing fix"</Text>}
          {field === 'title' ? <Text color="cyan">▌</Text> : null}
        </Text>
      );
    }
    if (f === 'values') {
      if (field !== 'values') {
        return (
          <Text key={f} wrap="truncate-end">
            {label(f, 'Values')}
            {valueNames.length > 0 ? <Text>{valueNames.join(', ')}</Text> : <Text dimColor>none yet</Text>}
          </Text>
        );
      }
      const lines = Array.from({ length: chipLines }, (_, line) => CULTURE_VALUES.slice(line * chipsPerLine, (line + 1) * chipsPerLine));
      return (
        <Box key={f} flexDirection="column">
          {lines.map((chips, line) => (
            <Text key={line} wrap="truncate-end">
              {line === 0 ? label(f, 'Values') : ' '.repeat(LABEL_WIDTH)}
              {chips.map((v) => {
                const index = CULTURE_VALUES.indexOf(v);
                const on = draft.values.includes(v.id);
                return (
                  <Text key={v.id} inverse={index === valueCursor} color={on ? 'green' : undefined}>
                    {`${on ? '[x]' : '[ ]'} ${v.name}`.padEnd(CHIP_WIDTH - 2)}
                  </Text>
                );
              }).flatMap((chip, i) => (i === 0 ? [chip] : [<Text key={`gap${i}`}>{'  '}</Text>, chip]))}
            </Text>
          ))}
        </Box>
      );
    }
    if (f === 'save') {
      return (
        <Text key={f} wrap="truncate-end">
          {' '.repeat(2)}
          <Text inverse={field === 'save'} bold>{' Save '}</Text>
          <Text dimColor>{'  Ctrl+S saves from any field'}</Text>
        </Text>
      );
    }
    const text = draft[f];
    if (field !== f) {
      const lines = text.split('\n');
      const more = lines.length > 1 ? ` (+${lines.length - 1} line${lines.length === 2 ? '' : 's'})` : '';
      return (
        <Text key={f} wrap="truncate-end">
          {label(f, STORY_PART_NAMES[f])}
          {text ? <Text>{lines[0]}</Text> : <Text dimColor>—</Text>}
          {more ? <Text dimColor>{more}</Text> : null}
        </Text>
      );
    }
    // The open part shows its end, so the line being written is always in view.
    const wrapped = wrapAnsi(`${text}▌`, Math.max(10, width - 4), { hard: true, trim: false }).split('\n');
    const hidden = Math.max(0, wrapped.length - textLines);
    const shown = hidden > 0 ? wrapped.slice(hidden + 1) : wrapped;
    return (
      <Box key={f} flexDirection="column">
        <Text wrap="truncate-end">
          {label(f, STORY_PART_NAMES[f])}
          <Text dimColor>Enter starts a new line</Text>
        </Text>
        <Box flexDirection="column" height={textLines} paddingLeft={4} overflow="hidden">
          {hidden > 0 ? <Text dimColor>{`… ${hidden + 1} lines above`}</Text> : null}
          {shown.map((line, i) => (
            <Text key={i} wrap="truncate-end">
              {line || ' '}
            </Text>
          ))}
        </Box>
      </Box>
    );
  });

  const status = confirmLeave ? (
    <Text color="yellow" wrap="truncate-end">Discard your changes? y discards · n keeps editing</Text>
  ) : error ? (
    <Text color="red" wrap="truncate-end">{error}</Text>
  ) : (
    <Text dimColor wrap="truncate-end">
      {field === 'values' ? '←→ choose a value, Space ticks it' : field === 'save' ? 'Enter saves the story' : original ? `Editing "${original.title}"` : 'The schedule follows the story, so edit it freely.'}
    </Text>
  );
  const footer = confirmLeave
    ? hint([['y', 'discard'], ['n', 'keep editing']])
    : textField
      ? 'Tab ↑↓ field · Ctrl+S save · Esc leave'
      : hint([['Tab ↑↓', 'field'], ...(field === 'values' ? ([['Space', 'tick']] as [string, string][]) : []), ['Ctrl+S', 'save'], ['Esc', 'leave']]);
  return (
    <Frame
      title={original ? 'Edit story' : 'New story'}
      commands={confirmLeave ? ['confirmYes', 'confirmNo'] : ['fieldNext', 'fieldPrevious', 'valuePrevious', 'valueNext', 'toggle', 'storySave', 'leaveEditor']}
      footer={footer}
    >
      <Box flexDirection="column" height={body - 1} overflow="hidden">
        {rows}
      </Box>
      {status}
    </Frame>
  );
}
