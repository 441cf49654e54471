// First run (and Settings): which role the candidate is preparing for. Under the list, the
// highlighted role's family and what its interview loop leans on, so the choice is an informed one.
// On first run the interview date is asked next (skippable), since the plan aims at it.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { TRACKS, trackById } from '../../core/tracks.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';
import { useNoticesShown } from '../hooks/use-notices-shown.js';
import { frameBudget } from '../layout.js';
import { wrapLines } from '../wrap-lines.js';
import { fitNotices } from './Home.js';
import { InterviewDate } from './InterviewDate.js';

export function RolePicker({ firstRun }: { firstRun: boolean }) {
  const { ws } = useAppState();
  const actions = useAppActions();
  const [askDate, setAskDate] = useState(false);
  const home = () => actions.reset({ name: 'home' });
  if (askDate) return <InterviewDate firstRun onDone={home} />;
  // A date given already (--interview on the first start, imported settings) is not asked again.
  const chosen = () => (!firstRun ? actions.pop() : ws.settings.get().interviewDate ? home() : setAskDate(true));
  return <RoleList firstRun={firstRun} onChosen={chosen} />;
}

function RoleList({ firstRun, onChosen }: { firstRun: boolean; onChosen: () => void }) {
  const { ws, width, height, notices } = useAppState();
  const actions = useAppActions();
  useNoticesShown();
  const current = ws.settings.get().role;
  const [highlighted, setHighlighted] = useState(current ?? TRACKS[0]!.id);
  useKeys(firstRun ? { quit: actions.quit } : { back: actions.pop });
  const choose = (id: string) => {
    if (actions.updateSettings({ role: id })) onChosen();
  };
  const budget = frameBudget(width, height);
  // On a first run after settings were found damaged, the notice comes before the question.
  const noticeLines = firstRun && notices.length > 0 ? fitNotices(notices, budget.width, Math.max(1, budget.height - TRACKS.length - 2)) : [];
  const room = { ...budget, height: budget.height - (noticeLines.length > 0 ? noticeLines.length + 1 : 0) };
  const track = trackById(highlighted);
  const about = track ? [...wrapLines(`Family: ${track.family}`, room.width, 2), ...wrapLines(`Leans on: ${track.focus}`, room.width, 2)] : [];
  const question = firstRun ? 'Which role are you interviewing for?' : 'Choose the role you are interviewing for.';
  const fullIntro = wrapLines(firstRun ? `${question} Your Skills decks follow it; you can change it in Settings.` : question, room.width);
  // On a short terminal the question alone, so the list keeps its roles in view.
  const intro = fullIntro.length + about.length + TRACKS.length <= room.height ? fullIntro : wrapLines(question, room.width);
  // Blank lines between the parts while the list keeps every role in view; none when it cannot.
  const gaps = room.height - intro.length - about.length - TRACKS.length >= 2 ? 1 : 0;
  const rows = Math.max(1, room.height - intro.length - about.length - 2 * gaps);
  return (
    <Frame
      title={firstRun ? 'Welcome' : 'Role'}
      commands={['up', 'down', 'select', firstRun ? 'quit' : 'back']}
      footer={hint([['↑↓', 'move'], ['Enter', 'choose'], ['q', firstRun ? 'quit' : 'back']])}
      fixed
    >
      {noticeLines.length > 0 ? (
        <Box flexDirection="column" flexShrink={0} marginBottom={1}>
          {noticeLines.map((line, i) => (
            <Text key={i} color="yellow" wrap="truncate-end">
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
      <Box flexDirection="column" flexShrink={0}>
        {intro.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
        {gaps ? <Text> </Text> : null}
      </Box>
      <Menu
        items={TRACKS.map((t) => ({ label: t.title + (t.id === current ? ' (current)' : ''), value: t.id }))}
        rows={rows}
        initialIndex={Math.max(0, TRACKS.findIndex((t) => t.id === current))}
        onSelect={choose}
        onHighlight={setHighlighted}
      />
      <Box flexDirection="column" flexShrink={0}>
        {gaps ? <Text> </Text> : null}
        {about.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>
    </Frame>
  );
}
