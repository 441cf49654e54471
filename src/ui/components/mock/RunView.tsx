// The mock while it runs: the phase and its clocks, what the clocks mean (paused, over time), the
// phase's guide, then the brief, hints and notes. From WIDE columns the brief (or the hints) and
// the notes stand side by side, so writing never hides the requirements; below that they take
// turns in one panel. Every line is laid out to the frame's budget here, never left to yoga.
import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { formatCountdown, type DesignCard, type PlannedPhase, type RunState, type TimerView } from '../../../core/mock.js';
import { frameBudget, MEASURE, splitColumns, WIDE } from '../../layout.js';
import { Panel } from '../Layout.js';
import { ScrollArea } from '../ScrollArea.js';
import { Brief, Hints } from './Brief.js';
import type { FooterPart } from './footer.js';
import { LiveNotes } from './Notes.js';
import { safeText } from '../../../core/safe-text.js';

export type PanelId = 'brief' | 'notes' | 'hints';

export interface RunLayout {
  wide: boolean;
  /** For the Frame: the whole terminal when wide, the readable measure otherwise. */
  measure: number;
  width: number;
  /** The guide as drawn, cut to fit with an ellipsis (the brief lists it whole). */
  guide: string[];
  /** A blank line above the panels when there is room to spare. */
  gap: boolean;
  /** Lines for a panel's contents, under its title or tab line. */
  panelHeight: number;
  /** Wide: the brief's and the notes' widths. Narrow: both the body's. */
  left: number;
  right: number;
}

const GUTTER = 3;

export function runLayout(width: number, height: number, guide: string, notice: boolean): RunLayout {
  const wide = width >= WIDE;
  const measure = wide ? width : MEASURE;
  const body = frameBudget(width, height, measure);
  const maxGuide = body.height >= 20 ? 3 : 2;
  const wrapped = guide ? wrapAnsi(guide, Math.max(10, body.width), { hard: true, trim: true }).split('\n') : [];
  const cut = wrapped.length > maxGuide;
  const lines = cut ? [...wrapped.slice(0, maxGuide - 1), `${wrapped[maxGuide - 1]!.slice(0, body.width - 1)}…`] : wrapped;
  const gap = body.height >= 16;
  const fixed = 1 + (notice ? 1 : 0) + lines.length + (gap ? 1 : 0) + 1;
  const [left, right] = wide ? splitColumns(body.width, 0.5) : [body.width, body.width];
  return { wide, measure, width: body.width, guide: lines, gap, panelHeight: Math.max(1, body.height - fixed), left, right };
}

/** The keys that do something now, most useful first to survive a narrow footer. */
export function runFooter({ state, paused, hints, hintsUsed, wide, showing }: { state: RunState; paused: boolean; hints: number; hintsUsed: number; wide: boolean; showing: PanelId }): FooterPart[] {
  const parts: FooterPart[] = [];
  // In the last phase n and f both end the interview.
  if (!state.done) parts.push(state.lastPhase ? ['n/f', 'finish', 6] : ['n', 'next phase', 6, 'next']);
  // Paused, the way back to the clock matters most.
  parts.push(paused ? ['p', 'resume', 8] : ['p', 'pause', 5]);
  if (hints > 0) parts.push(['h', hintsUsed < hints ? 'hint' : 'hints', 3]);
  parts.push(['e', wide ? 'type notes' : 'notes', 7, 'notes']);
  if (showing !== 'brief') parts.push(['b', 'brief', 4]);
  if (!state.lastPhase) parts.push(['f', 'finish', 5]);
  parts.push(['q', 'leave', 1]);
  return parts;
}

export interface RunViewProps {
  layout: RunLayout;
  card: DesignCard;
  phases: readonly PlannedPhase[];
  view: TimerView;
  notice: string | null;
  hintsUsed: number;
  notes: string;
  /** What the one panel shows below WIDE. */
  panel: PanelId;
  /** What the left panel shows from WIDE. */
  side: 'brief' | 'hints';
  typing: boolean;
  notesBack: number;
}

export function RunView(props: RunViewProps) {
  const { layout, view, notice, card, phases, hintsUsed, notes, panel, side, typing, notesBack } = props;
  const hints = card.hints ?? [];
  const noteCount = notes ? notes.split('\n').length : 0;
  const notesLabel = `e notes${noteCount ? ` (${noteCount})` : ''}${typing ? ' · typing' : ''}`;
  const hintsLabel = `h hints ${hintsUsed}/${hints.length}`;
  const sideContent = (shown: 'brief' | 'hints') => (shown === 'brief' ? <Brief card={card} phases={phases} current={view.phase} /> : <Hints hints={hints} used={hintsUsed} />);
  return (
    <Box flexDirection="column" width={layout.width}>
      <Box flexDirection="column" flexShrink={0}>
        <ClockLine view={view} phases={phases} width={layout.width} />
        {notice ? (
          <Text color={view.paused ? 'yellow' : 'red'} wrap="truncate-end">
            {notice}
          </Text>
        ) : null}
        {layout.guide.map((line, i) => (
          <Text key={i} dimColor wrap="truncate-end">
            {line}
          </Text>
        ))}
        {layout.gap ? <Text> </Text> : null}
      </Box>
      {layout.wide ? (
        <Box flexDirection="row" flexShrink={0} height={layout.panelHeight + 1}>
          <Panel width={layout.left} height={layout.panelHeight + 1}>
            <Tabs tabs={[['brief', 'b brief'], ['hints', hintsLabel]]} current={side} />
            <ScrollArea height={layout.panelHeight} key={side} isActive={!typing}>
              {sideContent(side)}
            </ScrollArea>
          </Panel>
          <Box width={GUTTER} flexShrink={0} />
          <Panel width={layout.right} height={layout.panelHeight + 1}>
            <Tabs tabs={[['notes', notesLabel]]} current={typing ? 'notes' : null} />
            <LiveNotes text={notes} typing={typing} height={layout.panelHeight} back={notesBack} />
          </Panel>
        </Box>
      ) : (
        <Box flexDirection="column" flexShrink={0} height={layout.panelHeight + 1}>
          <Tabs tabs={[['brief', 'b brief'], ['notes', notesLabel], ['hints', hintsLabel]]} current={panel} />
          {panel === 'notes' ? (
            <LiveNotes text={notes} typing={typing} height={layout.panelHeight} back={notesBack} />
          ) : (
            <ScrollArea height={layout.panelHeight} key={panel}>
              {sideContent(panel)}
            </ScrollArea>
          )}
        </Box>
      )}
    </Box>
  );
}

/** "Phase 2/5 · Estimate" and the clocks, the name cut first so the clocks always show. */
function ClockLine({ view, phases, width }: { view: TimerView; phases: readonly PlannedPhase[]; width: number }) {
  const phase = phases[view.phase];
  const clocks = `${view.paused ? 'PAUSED ' : ''}${phase ? `phase ${formatCountdown(view.phaseLeftMs)} · ` : ''}total ${formatCountdown(view.totalLeftMs)}`;
  const label = phase ? `Phase ${view.phase + 1}/${phases.length} · ${safeText(phase.name)}` : 'All phases done';
  const room = Math.max(1, width - clocks.length - 2);
  const over = view.phaseLeftMs < 0 || view.totalLeftMs < 0;
  return (
    <Box justifyContent="space-between" width={width} height={1}>
      <Text bold>{label.length > room ? `${label.slice(0, room - 1)}…` : label}</Text>
      <Text color={view.paused ? 'yellow' : over ? 'red' : undefined}>{clocks}</Text>
    </Box>
  );
}

/** Tab labels, the current one in brackets as well as inverse (NO_COLOR drops inverse). */
function Tabs({ tabs, current }: { tabs: readonly [PanelId, string][]; current: PanelId | null }) {
  return (
    <Text wrap="truncate-end">
      {tabs.map(([id, label], i) => (
        <Text key={id}>
          {i > 0 ? ' ' : ''}
          <Text inverse={id === current} bold={id === current}>{id === current ? `[${label}]` : ` ${label} `}</Text>
        </Text>
      ))}
    </Text>
  );
}
