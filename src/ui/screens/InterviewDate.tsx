// The interview date: asked once on first run, right after the role (skippable), and typed again
// from Settings. The daily plan and the readiness figures aim at it, so it is worth one screen.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { formatDate, parseInterviewDate, startOfDay } from '../../core/day.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { TextField } from '../components/TextField.js';
import { useScreenInput } from '../keys.js';
import { fitFooter } from '../wrap-lines.js';

const LABEL = 'Date: ';
const DAY_MS = 24 * 60 * 60 * 1000;
export const DATE_EFFECT = 'The daily plan and the readiness figures aim at this day; without it they predict for today.';

/**
 * First run: Enter saves a date, an empty Enter or Esc skips (nothing is stored). From Settings:
 * an empty Enter clears the date, Esc keeps it. Either way `onDone` leaves the screen.
 */
export function InterviewDate({ firstRun, onDone }: { firstRun: boolean; onDone: () => void }) {
  const actions = useAppActions();
  const { clock, ws, width } = useAppState();
  const current = ws.settings.get().interviewDate;
  // A date two weeks out: an example a candidate could actually enter.
  const example = formatDate(clock() + 14 * DAY_MS);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    actions.setTyping(true);
    return () => actions.setTyping(false);
  }, [actions]);
  useScreenInput((_input, key) => (key.escape ? onDone() : undefined));

  const submit = (value: string) => {
    const text = value.trim();
    if (text === '') {
      if (!firstRun) actions.updateSettings({ interviewDate: null });
      onDone();
      return;
    }
    const at = parseInterviewDate(text);
    if (at === null) setError(`"${text}" is not a date like ${example} (YYYY-MM-DD)`);
    else if (at < startOfDay(clock())) setError(`${text} has passed: give the day of the interview, today or later`);
    else if (actions.updateSettings({ interviewDate: text })) onDone();
  };
  return firstRun ? (
    <Frame title="Welcome" commands={['select']} footer={fitFooter(width, 'Enter save · Esc skip (so does an empty Enter)', 'Enter save · Esc skip')}>
      <Box flexDirection="column">
        <Text wrap="wrap">When is your interview? (YYYY-MM-DD)</Text>
        <Text> </Text>
        <DateField current={null} example={example} onSubmit={submit} />
        {error ? <Text color="red" wrap="wrap">{`! ${error}`}</Text> : null}
        <Text> </Text>
        <Text wrap="wrap">{DATE_EFFECT}</Text>
        <Text dimColor wrap="wrap">
          Not fixed yet? Esc skips; Settings can set it later.
        </Text>
      </Box>
    </Frame>
  ) : (
    <Frame title="Settings" commands={['select', 'back']} footer={fitFooter(width, 'Enter set (empty clears) · Esc cancel · ? is typed here: Esc, then ? help', 'Enter set (empty clears) · Esc cancel · ? is typed: Esc, then ? help', 'Enter set · Esc cancel · help: Esc, then ?')}>
      <Box flexDirection="column">
        <Text wrap="wrap">Interview date (YYYY-MM-DD). Leave it empty to clear it.</Text>
        <Text> </Text>
        <DateField current={current} example={example} onSubmit={submit} />
        {error ? <Text color="red" wrap="wrap">{`! ${error}`}</Text> : null}
        <Text> </Text>
        <Text wrap="wrap">{DATE_EFFECT}</Text>
      </Box>
    </Frame>
  );
}

function DateField({ current, example, onSubmit }: { current: string | null; example: string; onSubmit: (value: string) => void }) {
  const room = useRoom();
  return (
    <Box flexShrink={0}>
      <Box flexShrink={0}>
        <Text color="cyan">{LABEL}</Text>
      </Box>
      <TextField initial={current ?? ''} width={Math.max(2, room.width - LABEL.length)} placeholder={example} onSubmit={onSubmit} />
    </Box>
  );
}
