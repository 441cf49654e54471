// Role, new cards per day and desired retention; where progress is kept.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { trackById } from '../../core/tracks.js';
import { DEFAULT_SETTINGS } from '../../store/settings.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';

type Field = 'role' | 'newPerDay' | 'retention';
const FIELDS: Field[] = ['role', 'newPerDay', 'retention'];

const NEW_PER_DAY = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100];
const RETENTION = [0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 0.97];

export function Settings() {
  const { ws } = useAppState();
  const actions = useAppActions();
  const [editing, setEditing] = useState<'newPerDay' | 'retention' | null>(null);
  // The menu comes back on the field just edited, not on the first one.
  const [lastField, setLastField] = useState<Field>('role');
  const settings = ws.settings.get();
  useKeys({ search: () => actions.push({ name: 'search' }), back: () => (editing ? setEditing(null) : actions.pop()) });

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
            { label: `New cards per day: ${settings.newPerDay}`, value: 'newPerDay' },
            { label: `Desired retention: ${Math.round(settings.retention * 100)}%`, value: 'retention' },
          ]}
          initialIndex={FIELDS.indexOf(lastField)}
          onSelect={(field) => {
            setLastField(field);
            if (field === 'role') actions.push({ name: 'role' });
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
