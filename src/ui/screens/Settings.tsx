// Role, interview date, new cards per day, desired retention and confidence prompts; where progress is kept.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { daysUntil, parseInterviewDate, startOfDay } from '../../core/day.js';
import { trackById } from '../../core/tracks.js';
import { DEFAULT_SETTINGS } from '../../store/settings.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys, useScreenInput } from '../keys.js';
import { TextField } from '../components/TextField.js';
import { useRoom } from '../components/Layout.js';
import { formatDate } from '../../core/day.js';

type Field = 'role' | 'interviewDate' | 'newPerDay' | 'retention' | 'askConfidence';
const FIELDS: Field[] = ['role', 'interviewDate', 'newPerDay', 'retention', 'askConfidence'];

const NEW_PER_DAY = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100];
const RETENTION = [0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 0.97];

export function Settings() {
  const { ws, clock } = useAppState();
  const actions = useAppActions();
  const [editing, setEditing] = useState<'newPerDay' | 'retention' | null>(null);
  const [editingDate, setEditingDate] = useState(false);
  // The menu comes back on the field just edited, not on the first one.
  const [lastField, setLastField] = useState<Field>('role');
  const settings = ws.settings.get();
  useKeys({ search: () => actions.push({ name: 'search' }), back: () => (editing ? setEditing(null) : actions.pop()) }, { isActive: !editingDate });

  if (editingDate) return <InterviewDateField current={settings.interviewDate} onDone={() => setEditingDate(false)} />;

  if (editing) {
    const options = editing === 'newPerDay' ? NEW_PER_DAY : RETENTION;
    const current = settings[editing];
    return (
      <Frame title="Settings" commands={['up', 'down', 'select', 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'set'], ['Esc', 'cancel']])}>
        <Box flexDirection="column">
          <Text>
            {editing === 'newPerDay'
              ? 'New cards per day: how many unseen cards each day may bring in.'
              : 'Desired retention: the chance of recall FSRS aims for when a card comes due. Higher means more reviews.'}
          </Text>
          <Text> </Text>
          <Menu
            items={options.map((v) => ({ label: `${editing === 'retention' ? `${Math.round(v * 100)}%` : v}${v === current ? ' (current)' : ''}${v === DEFAULT_SETTINGS[editing] ? ' (default)' : ''}`, value: String(v) }))}
            initialIndex={Math.max(0, options.indexOf(current))}
            onSelect={(v) => {
              actions.updateSettings({ [editing]: Number(v) });
              setEditing(null);
            }}
          />
        </Box>
      </Frame>
    );
  }
  return (
    <Frame title="Settings" commands={['up', 'down', 'select', 'search', 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'change'], ['Esc', 'back']])}>
      <Box flexDirection="column">
        <Menu<Field>
          items={[
            { label: `Role: ${trackById(settings.role)?.title ?? 'not chosen'}`, value: 'role' },
            { label: `Interview date: ${interviewLabel(settings.interviewDate, clock())}`, value: 'interviewDate' },
            { label: `New cards per day: ${settings.newPerDay}`, value: 'newPerDay' },
            { label: `Desired retention: ${Math.round(settings.retention * 100)}%`, value: 'retention' },
            { label: `Ask "sure or guess?" when cramming: ${settings.askConfidence ? 'on' : 'off'}`, value: 'askConfidence' },
          ]}
          initialIndex={FIELDS.indexOf(lastField)}
          onSelect={(field) => {
            setLastField(field);
            if (field === 'role') actions.push({ name: 'role' });
            else if (field === 'interviewDate') setEditingDate(true);
            else if (field === 'askConfidence') actions.updateSettings({ askConfidence: !settings.askConfidence });
            else setEditing(field);
          }}
        />
        <Text> </Text>
        <Text dimColor wrap="wrap">{`Progress and settings: ${ws.dataDir}`}</Text>
        <Text dimColor wrap="wrap">{`Your decks: ${ws.userDecksDir}`}</Text>
      </Box>
    </Frame>
  );
}

function interviewLabel(date: string | null, now: number): string {
  const at = date ? parseInterviewDate(date) : null;
  if (!date || at === null) return 'not set';
  const days = daysUntil(now, at);
  return `${date} (${at < startOfDay(now) ? 'past' : days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} left`})`;
}

/** Typing the date: YYYY-MM-DD, checked as you press Enter; empty clears it. */
function InterviewDateField({ current, onDone }: { current: string | null; onDone: () => void }) {
  const actions = useAppActions();
  const { clock } = useAppState();
  const room = useRoom();
  // A date two weeks out: an example a candidate could actually enter.
  const example = formatDate(clock() + 14 * 24 * 60 * 60 * 1000);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    actions.setTyping(true);
    return () => actions.setTyping(false);
  }, [actions]);
  useScreenInput((_input, key) => (key.escape ? onDone() : undefined));
  return (
    <Frame title="Settings" commands={['select', 'back']} footer="Enter set · Esc cancel · ? is typed here: Esc, then ? help">
      <Box flexDirection="column">
        <Text wrap="wrap">Interview date (YYYY-MM-DD). Readiness then predicts your recall for that day, and Home shows a daily plan. Leave it empty to clear it.</Text>
        <Text> </Text>
        <Box>
          <Box flexShrink={0}>
            <Text color="cyan">Date: </Text>
          </Box>
          <TextField
            initial={current ?? ''}
            width={room.width - 6}
            placeholder={example}
            onSubmit={(value) => {
              const text = value.trim();
              if (text === '') {
                actions.updateSettings({ interviewDate: null });
                onDone();
              } else if (parseInterviewDate(text) === null) {
                setError(`"${text}" is not a date like ${example} (YYYY-MM-DD)`);
              } else {
                actions.updateSettings({ interviewDate: text });
                onDone();
              }
            }}
          />
        </Box>
        {error ? <Text color="red">{error}</Text> : null}
      </Box>
    </Frame>
  );
}
