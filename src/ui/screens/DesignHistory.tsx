// Past attempts at one prompt (or all): date, duration, scores; Enter shows an attempt's notes.
import { Text } from 'ink';
import { useMemo, useState } from 'react';
import { formatDate, formatDateTime } from '../../core/day.js';
import { formatClock } from '../../core/mock.js';
import { RATING_NAMES } from '../../core/scheduler.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { Menu } from '../components/Menu.js';
import { NotesText } from '../components/mock/Notes.js';
import { hint, useKeys } from '../keys.js';
import { safeText } from '../../core/safe-text.js';

export function DesignHistory({ promptKey }: { promptKey?: string | undefined }) {
  const { ws } = useAppState();
  const actions = useAppActions();
  const attempts = useMemo(() => ws.attempts.history(promptKey).reverse(), [ws, promptKey]);
  const [open, setOpen] = useState<number | null>(null);
  useKeys({ back: () => (open === null ? actions.pop() : setOpen(null)) }, { isActive: true });
  const title = `History · ${promptKey?.split('/')[1] ?? 'all prompts'}`;

  const shown = open === null ? undefined : attempts[open];
  if (shown) {
    // The frame scrolls the whole attempt when it is taller than the screen.
    return (
      <Frame title={title} commands={['pageDown', 'pageUp', 'back']} footer={hint([['PgDn', 'scroll'], ['Esc', 'back to the list']])}>
        <Para bold text={`${formatDateTime(shown.finishedAt)} · ${formatClock(shown.durationMs)} · rated ${RATING_NAMES[shown.rating]}`} />
        {shown.scores.map((s, i) => (
          <Text key={i} wrap="truncate-end">{`  ${s.score}/4  ${safeText(s.dimension)}`}</Text>
        ))}
        <Para dim text={`  hints used: ${shown.hintsUsed} · phases: ${shown.phases.map((p) => `${p.name} ${formatClock(p.ms)}`).join(', ')}`} />
        <Text> </Text>
        <Text bold>Notes</Text>
        <NotesText notes={shown.notes} />
      </Frame>
    );
  }
  return (
    <Frame title={title} commands={['up', 'down', 'pageUp', 'pageDown', 'select', 'back']} footer={hint([['Enter', 'notes'], ['Esc', 'back']])} fixed>
      {attempts.length === 0 ? (
        <Text>No finished attempts yet.</Text>
      ) : (
        <AttemptList
          items={attempts.map((a, i) => {
            const mean = a.scores.length ? (a.scores.reduce((n, s) => n + s.score, 0) / a.scores.length).toFixed(1) : '-';
            return { label: `${formatDate(a.finishedAt)}  ${formatClock(a.durationMs).padStart(6)}  mean ${mean}/4  ${RATING_NAMES[a.rating].padEnd(5)}  ${promptKey ? '' : safeText(a.key.split('/')[1] ?? '')}`, value: String(i) };
          })}
          onSelect={(i) => setOpen(Number(i))}
        />
      )}
    </Frame>
  );
}

function AttemptList({ items, onSelect }: { items: { label: string; value: string }[]; onSelect: (value: string) => void }) {
  const room = useRoom();
  return <Menu rows={room.height} items={items} onSelect={onSelect} />;
}
