// "Retention for the days left" on the Readiness screen: for each desired retention, the reviews a
// day it costs (a bar) against the recall it leaves on the interview day, the advised one marked;
// and the picker that sets the retention from these rows. A text chart rather than a line chart:
// eight rows read at 60x20, and each bar sits beside the figures it stands for.
import { Box, Text } from 'ink';
import { isCurrent, perDayText, type RetentionAdviceFigures } from '../../commands/retention-input.js';
import { SAME_LOAD, type RetentionRow } from '../../core/retention-sim.js';
import { hint, useKeys } from '../keys.js';
import { frameBudget } from '../layout.js';
import { wrapLines } from '../wrap-lines.js';
import { useAppState } from '../app-context.js';
import { Frame } from './Frame.js';
import { Menu } from './Menu.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const pct = (x: number) => `${Math.round(x * 100)}%`;

function bar(value: number, max: number, width: number): string {
  const eighths = max > 0 ? Math.round((value / max) * width * 8) : 0;
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * One row as a line of `width` columns at most: "▶ 0.87   ~41  91% ██████▍ yours". The bar comes
 * last and unpadded: no run of spaces inside a row (a wide screen's panels are told apart by one).
 */
export function adviceRowText(row: RetentionRow, advice: RetentionAdviceFigures, width: number): string {
  const max = Math.max(...advice.rows.map((r) => r.reviewsPerDay));
  const mark = row.retention === advice.recommended ? '▶' : ' ';
  const yours = isCurrent(row, advice) ? ' yours' : '';
  const head = `${mark} ${row.retention.toFixed(2)} ${`~${perDayText(row.reviewsPerDay)}`.padStart(5)} ${pct(row.recallOnDay).padStart(4)}`;
  const barWidth = Math.max(0, Math.min(24, width - head.length - 1 - ' yours'.length));
  const drawn = barWidth > 0 ? bar(row.reviewsPerDay, max, barWidth) : '';
  return `${head}${drawn ? ` ${drawn}` : ''}${yours}`;
}

// Why these rows' reviews a day differ from the plan's "~N reviews a day" above: the plan counts
// every answer Good (core/readiness dailyPlan); the simulation forgets as often as FSRS predicts.
const SIMULATED = "Simulated day by day, with cards forgotten as often as FSRS predicts (the plan's estimate above counts every answer as Good).";

function caption(advice: RetentionAdviceFigures): string {
  return `${
    advice.reached
      ? `▶ ${advice.recommended.toFixed(2)}: the fewest reviews reaching ${pct(advice.target)} recall on the day (loads within ${Math.round(SAME_LOAD * 100)}% count as the same; the lowest retention of those).`
      : `No retention reaches ${pct(advice.target)} recall on the day; ▶ ${advice.recommended.toFixed(2)} comes closest.`
  } ${SIMULATED}`;
}

/** The section: null advice (no date ahead) draws nothing; undefined is still being worked out. */
export function RetentionAdvice({ advice, width }: { advice: RetentionAdviceFigures | null | undefined; width: number }) {
  if (advice === null) return null;
  const days = advice ? `${advice.daysLeft} day${advice.daysLeft === 1 ? '' : 's'} left` : 'days left';
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold wrap="truncate-end">{`Retention for the ${days} (r: choose)`}</Text>
      {advice === undefined ? <Text dimColor>Simulating the days to the interview…</Text> : null}
      {advice ? (
        <>
          <Text dimColor wrap="truncate-end">{'  retention, reviews a day, recall on the day'}</Text>
          {advice.rows.map((row) => (
            <Text key={row.retention} wrap="truncate-end" bold={row.retention === advice.recommended} color={row.retention === advice.recommended ? 'cyan' : undefined}>
              {adviceRowText(row, advice, width)}
            </Text>
          ))}
          {wrapLines(caption(advice), width).map((line) => (
            <Text key={line} dimColor wrap="truncate-end">
              {line}
            </Text>
          ))}
        </>
      ) : null}
      <Text> </Text>
    </Box>
  );
}

/** The rows as a list to choose from: Enter sets the desired retention, Esc leaves it as it is. */
export function RetentionPicker({ advice, onChoose, onCancel }: { advice: RetentionAdviceFigures; onChoose: (retention: number) => void; onCancel: () => void }) {
  const { width, height } = useAppState();
  const room = frameBudget(width, height);
  useKeys({ back: onCancel });
  const full = wrapLines(
    `Desired retention for the ${advice.daysLeft} days left: FSRS brings a card back when its predicted recall falls to it. Simulated reviews a day and recall on the interview day; ▶ advised.`,
    room.width,
  );
  // On a short terminal the rows come first: a line that still says what they are.
  const about = full.length + advice.rows.length + 1 <= room.height ? full : wrapLines('Reviews a day, recall on the day; ▶ advised.', room.width);
  const shown = about.slice(0, Math.max(0, room.height - advice.rows.length - 1));
  const gap = room.height - shown.length - advice.rows.length >= 1 ? 1 : 0;
  const current = advice.rows.findIndex((r) => isCurrent(r, advice));
  return (
    <Frame title="Readiness · retention" commands={['up', 'down', 'select', 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'set'], ['Esc', 'cancel']])} fixed>
      <Box flexDirection="column" flexShrink={0}>
        {shown.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
        {gap ? <Text> </Text> : null}
      </Box>
      <Menu<string>
        items={advice.rows.map((row) => ({ label: adviceRowText(row, advice, room.width - 2), value: String(row.retention) }))}
        rows={Math.max(1, room.height - shown.length - gap)}
        initialIndex={current >= 0 ? current : advice.rows.findIndex((r) => r.retention === advice.recommended)}
        onSelect={(value) => onChoose(Number(value))}
      />
    </Frame>
  );
}
