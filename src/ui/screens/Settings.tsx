// Role, interview date, target level, new cards per day, desired retention and confidence prompts; where progress is kept.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { daysUntil, formatDate, parseInterviewDate, startOfDay } from '../../core/day.js';
import { parametersLabel } from '../../core/fit-offer.js';
import { DEFAULT_LEVEL, LEVEL_NAMES, LEVELS, type Level } from '../../core/levels.js';
import { trackById } from '../../core/tracks.js';
import { DEFAULT_SETTINGS } from '../../store/settings.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';
import { InterviewDate } from './InterviewDate.js';
import { frameBudget } from '../layout.js';
import { wrapLines } from '../wrap-lines.js';

type Field = 'role' | 'interviewDate' | 'level' | 'newPerDay' | 'userDeckNewPerDay' | 'retention' | 'fsrs' | 'askConfidence';
type NumberField = 'newPerDay' | 'userDeckNewPerDay' | 'retention';
const FIELDS: Field[] = ['role', 'interviewDate', 'level', 'newPerDay', 'userDeckNewPerDay', 'retention', 'fsrs', 'askConfidence'];

const NEW_PER_DAY = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100];
const RETENTION = [0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 0.97];

const LABELS: Record<Field, string> = {
  role: 'Role',
  interviewDate: 'Interview date',
  level: 'Target level',
  newPerDay: 'New cards per day',
  userDeckNewPerDay: 'New per day, each own deck',
  retention: 'Desired retention',
  fsrs: 'FSRS parameters',
  askConfidence: 'Ask "sure or guess?" in cram',
};
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((l) => l.length));

export function Settings() {
  const { ws, clock, width, height, menuMemory } = useAppState();
  const actions = useAppActions();
  const [editing, setEditing] = useState<NumberField | 'level' | null>(null);
  const [editingDate, setEditingDate] = useState(false);
  // The menu comes back on the field just edited, not on the first one.
  // Kept by the app too, so coming back from a screen this one opened (role, FSRS parameters) lands there.
  const [lastField, setLastField] = useState<Field>(() => (FIELDS as string[]).includes(menuMemory.settings ?? '') ? (menuMemory.settings as Field) : 'role');
  const settings = ws.settings.get();
  const room = frameBudget(width, height);
  useKeys({ search: () => actions.push({ name: 'search' }), back: () => (editing ? setEditing(null) : actions.pop()) }, { isActive: !editingDate });

  if (editingDate) return <InterviewDate firstRun={false} onDone={() => setEditingDate(false)} />;

  if (editing === 'level') {
    return (
      <PickValue
        about="Target level: the design and culture rubrics show this level's bar beside each dimension, so you score yourself against the right one."
        items={LEVELS.map((level) => ({ label: `${levelTitle(level)}${level === settings.level ? ' (current)' : ''}${level === DEFAULT_LEVEL ? ' (default)' : ''}`, value: level }))}
        initialIndex={LEVELS.indexOf(settings.level)}
        onSelect={(level) => {
          actions.updateSettings({ level });
          setEditing(null);
        }}
      />
    );
  }

  if (editing) {
    const current = settings[editing];
    // The value in use is always a choice, in its place: one set elsewhere (Readiness's retentions,
    // a hand-edited file) must not make Enter here put another one in without a word.
    const listed = editing === 'retention' ? RETENTION : NEW_PER_DAY;
    const options = listed.includes(current) ? listed : [...listed, current].sort((a, b) => a - b);
    return (
      <PickValue
        about={
          editing === 'newPerDay'
            ? "New cards per day: how many unseen cards of your role's decks each day may bring in. An interview date raises it to what the plan needs."
            : editing === 'userDeckNewPerDay'
              ? 'New cards per day from each deck you imported or wrote, on top of the role\'s: a new deck can be studied the day it arrives.'
              : 'Desired retention: the chance of recall FSRS aims for when a card comes due. Higher means more reviews.'
        }
        items={options.map((v) => ({ label: `${editing === 'retention' ? `${Math.round(v * 100)}%` : v}${v === current ? ' (current)' : ''}${v === DEFAULT_SETTINGS[editing] ? ' (default)' : ''}`, value: String(v) }))}
        initialIndex={Math.max(0, options.indexOf(current))}
        onSelect={(v) => {
          actions.updateSettings({ [editing]: Number(v) });
          setEditing(null);
        }}
      />
    );
  }
  const values: Record<Field, string> = {
    role: trackById(settings.role)?.title ?? 'not chosen',
    interviewDate: interviewLabel(settings.interviewDate, clock()),
    level: levelTitle(settings.level),
    newPerDay: newPerDayValue(settings.newPerDay, ws.dayPlan(clock()).newLimit.today, settings.interviewDate),
    userDeckNewPerDay: String(settings.userDeckNewPerDay),
    retention: `${Math.round(settings.retention * 100)}%`,
    fsrs: parametersLabel({ reviews: ws.progress.progress.reviews, fitOfferedAt: settings.fitOfferedAt, fsrs: settings.fsrs }, formatDate),
    askConfidence: settings.askConfidence ? 'on' : 'off',
  };
  // A table when it fits (the cursor's 2 columns too); "Label: value" lines when it does not.
  const aligned = 2 + LABEL_WIDTH + 2 + Math.max(...Object.values(values).map((v) => v.length)) <= room.width;
  // Where things are kept: under the list, as many lines as the room leaves.
  const paths = [...wrapLines(`Progress and settings: ${ws.dataDir}`, room.width, 2), ...wrapLines(`Your decks: ${ws.userDecksDir}`, room.width, 2)];
  const menuRows = Math.min(FIELDS.length, room.height);
  const below = room.height - menuRows - 1;
  return (
    <Frame title="Settings" commands={['up', 'down', 'select', 'search', 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'change'], ['Esc', 'back']])} fixed>
      <Menu<Field>
        items={FIELDS.map((field) => ({ label: aligned ? `${LABELS[field].padEnd(LABEL_WIDTH)}  ${values[field]}` : `${LABELS[field]}: ${values[field]}`, value: field }))}
        rows={menuRows}
        initialIndex={FIELDS.indexOf(lastField)}
        onSelect={(field) => {
          setLastField(field);
          actions.rememberMenu('settings', field);
          if (field === 'role') actions.push({ name: 'role' });
          else if (field === 'interviewDate') setEditingDate(true);
          else if (field === 'fsrs') actions.push({ name: 'optimize' });
          else if (field === 'askConfidence') actions.updateSettings({ askConfidence: !settings.askConfidence });
          else setEditing(field);
        }}
      />
      {below > 0 ? (
        <Box flexDirection="column" flexShrink={0}>
          <Text> </Text>
          {paths.slice(0, below).map((line, i) => (
            <Text key={i} dimColor wrap="truncate-end">
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
    </Frame>
  );
}

function interviewLabel(date: string | null, now: number): string {
  const at = date ? parseInterviewDate(date) : null;
  if (!date || at === null) return 'not set';
  const days = daysUntil(now, at);
  return `${date} (${at < startOfDay(now) ? 'past' : days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} left`})`;
}

/** The setting, and what the interview plan raises it to today, so the row says what Home does. */
function newPerDayValue(setting: number, today: number, date: string | null): string {
  // The field's explanation says why: the interview plan raises it until the date.
  return today > setting && date ? `${setting} (plan: ${today})` : String(setting);
}

/** "Intern or new graduate", "Mid-level": the names as a menu shows them. */
function levelTitle(level: Level): string {
  const name = LEVEL_NAMES[level];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** One setting's values to pick from, under what the setting does. */
function PickValue<T extends string>({ about, items, initialIndex, onSelect }: { about: string; items: MenuItem<T>[]; initialIndex: number; onSelect: (value: T) => void }) {
  const { width, height } = useAppState();
  const room = frameBudget(width, height);
  const lines = wrapLines(about, room.width);
  const gap = room.height - lines.length - items.length >= 1 ? 1 : 0;
  return (
    <Frame title="Settings" commands={['up', 'down', 'select', 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'set'], ['Esc', 'cancel']])} fixed>
      <Box flexDirection="column" flexShrink={0}>
        {lines.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
        {gap ? <Text> </Text> : null}
      </Box>
      <Menu<T> items={items} rows={Math.max(1, room.height - lines.length - gap)} initialIndex={initialIndex} onSelect={onSelect} />
    </Frame>
  );
}

