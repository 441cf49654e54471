// FSRS parameters: which are in use, a fit to the user's own reviews (with its progress, Esc to
// cancel), the health check that comes with it, and the way back to the defaults. The work is
// commands/optimize's, as `keeper-prep optimize` does it.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { optimize, restoreDefaultParameters, type OptimizeReport } from '../../commands/optimize.js';
import { formatDate } from '../../core/day.js';
import { FIRST_OFFER_REVIEWS, nextOfferAt } from '../../core/fit-offer.js';
import type { FittedParameters } from '../../core/fsrs-params.js';
import { findingLine, HEALTHY } from '../../core/prediction-trust.js';
import { safeText } from '../../core/safe-text.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { Menu } from '../components/Menu.js';
import { hint, useKeys } from '../keys.js';
import { frameBudget } from '../layout.js';
import { wrapLines } from '../wrap-lines.js';

type Phase =
  | { kind: 'idle'; said?: string }
  /** committed: the fit is being adopted, and can no longer be cancelled. */
  | { kind: 'working'; text: string; share: number | null; committed?: boolean }
  | { kind: 'done'; report: OptimizeReport }
  | { kind: 'failed'; message: string };

type Choice = 'fit' | 'defaults' | 'back';

const ABOUT =
  'FSRS predicts when you would forget each card. Its default parameters are the medians of many learners; a fit tunes them to how you remember. The fit is judged on your latest reviews, held out of it, and used only if it predicts them better.';

function inUse(fsrs: FittedParameters | null): string {
  if (!fsrs) return 'In use: the FSRS defaults.';
  const f = (x: number) => x.toFixed(4);
  return `In use: fitted on ${formatDate(fsrs.fittedAt)} to ${fsrs.reviews.toLocaleString('en-US')} reviews. On the reviews held out: log loss ${f(fsrs.default.logLoss)} with the defaults, ${f(fsrs.fitted.logLoss)} fitted; RMSE ${f(fsrs.default.rmse)}, ${f(fsrs.fitted.rmse)}.`;
}

export function Optimize() {
  const { ws, clock, width, height } = useAppState();
  const actions = useAppActions();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  // Past the fit, adopting it: Esc then waits for the result rather than claim a cancel.
  const committed = useRef(false);
  // Leaving the screen (or the app) mid-fit cancels it: nothing is changed until a fit completes.
  useEffect(() => () => running.current?.abort(), []);
  const room = frameBudget(width, height);
  const settings = ws.settings.get();

  const start = () => {
    const controller = new AbortController();
    running.current = controller;
    committed.current = false;
    setPhase({ kind: 'working', text: 'Reading your reviews...', share: null });
    // After the frame that says so is drawn: reading the log takes a moment at a long history.
    setTimeout(() => {
      optimize(ws, clock(), {
        signal: controller.signal,
        // Progress still arrives for a moment after Esc: the screen has moved on by then.
        onProgress: (done, total) => controller.signal.aborted || setPhase({ kind: 'working', text: 'Fitting to your reviews', share: total > 0 ? done / total : 0 }),
        onStage: (text) => controller.signal.aborted || setPhase({ kind: 'working', text, share: null, committed: committed.current }),
        onCommit: () => {
          committed.current = true;
          setPhase((p) => (p.kind === 'working' ? { ...p, committed: true } : p));
        },
      })
        .then((report) => {
          running.current = null;
          if (controller.signal.aborted && report.outcome === 'cancelled') return;
          setPhase({ kind: 'done', report });
          // Every figure reads the records and settings again.
          actions.changed();
        })
        .catch((error: unknown) => {
          running.current = null;
          setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        });
    }, 0);
  };

  const cancel = () => {
    // Keys queued behind the work that adopted the fit arrive after it finished: no cancel to claim.
    if (!running.current || committed.current) return;
    running.current.abort();
    running.current = null;
    setPhase({ kind: 'idle', said: 'The fit was cancelled; nothing changed.' });
  };

  const working = phase.kind === 'working';
  useKeys({ back: working ? cancel : actions.pop });

  if (phase.kind === 'idle') {
    const items = [
      { label: 'Fit to my reviews now', value: 'fit' as Choice },
      ...(settings.fsrs ? [{ label: 'Go back to the default parameters', value: 'defaults' as Choice }] : []),
      { label: 'Back', value: 'back' as Choice },
    ];
    const offer = { reviews: ws.progress.progress.reviews, fitOfferedAt: settings.fitOfferedAt, fsrs: settings.fsrs };
    const more = nextOfferAt(offer) - offer.reviews;
    // Before the first fit is worth making, how far it is; after that the fit itself says whether the reviews are enough.
    const log = `Your log holds ${offer.reviews.toLocaleString('en-US')} review${offer.reviews === 1 ? '' : 's'}.${more > 0 && offer.reviews < FIRST_OFFER_REVIEWS ? ` A fit is worth trying after about ${more} more.` : ''}`;
    const textRows = Math.max(0, room.height - items.length - 1);
    const said = phase.said ? [...wrapLines(phase.said, room.width), ''] : [];
    const state = [...wrapLines(inUse(settings.fsrs), room.width), ...wrapLines(log, room.width)];
    const about = [...wrapLines(ABOUT, room.width), ''];
    // What is in use first; what a fit is, when the terminal has the room for it.
    const text = [...said, ...(said.length + about.length + state.length <= textRows ? about : []), ...state];
    return (
      <Frame title="FSRS parameters" commands={['up', 'down', 'select', 'back']} footer={hint([['↑↓', 'move'], ['Enter', 'choose'], ['Esc', 'back']])} fixed>
        <Box flexDirection="column" flexShrink={0}>
          {text.slice(0, textRows).map((line, i) => (
            <Text key={i} wrap="truncate-end">
              {line || ' '}
            </Text>
          ))}
          {textRows > 0 ? <Text> </Text> : null}
        </Box>
        <Menu<Choice>
          items={items}
          rows={Math.max(1, Math.min(items.length, room.height - Math.min(text.length, textRows) - (textRows > 0 ? 1 : 0)))}
          onSelect={(choice) => {
            if (choice === 'back') actions.pop();
            else if (choice === 'fit') start();
            else {
              setPhase({ kind: 'working', text: 'Working out your card states with the default parameters...', share: null });
              setTimeout(() => {
                // A disk that refuses the settings says so at the screen's foot; nothing changed then.
                const said = actions.write(() => restoreDefaultParameters(ws, clock()));
                setPhase({ kind: 'idle', said: said ?? 'Nothing changed.' });
              }, 0);
            }
          }}
        />
      </Frame>
    );
  }

  if (phase.kind === 'working') {
    const barWidth = Math.max(10, room.width - 6);
    const filled = phase.share === null ? 0 : Math.round(Math.min(1, phase.share) * barWidth);
    return (
      <Frame title="FSRS parameters" commands={phase.committed ? [] : ['back']} footer={phase.committed ? 'Adopting the fit: a moment' : hint([['Esc', 'cancel']])}>
        <Text wrap="truncate-end">{phase.text}</Text>
        {phase.share === null ? null : (
          <Text wrap="truncate-end">
            <Text color="green">{'█'.repeat(filled)}</Text>
            <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>
            {` ${String(Math.round(phase.share * 100)).padStart(3)}%`}
          </Text>
        )}
      </Frame>
    );
  }

  const lines =
    phase.kind === 'failed'
      ? wrapLines(`The fit could not be finished: ${safeText(phase.message)}. Nothing changed.`, room.width)
      : [
          ...wrapLines(phase.report.message, room.width),
          ...(phase.report.health.length > 0 ? ['', 'Health check:', ...phase.report.health.flatMap((h) => wrapLines(`- ${findingLine(h)}`, room.width, 2))] : ['', ...wrapLines(HEALTHY, room.width)]),
        ];
  return (
    <Frame title="FSRS parameters" commands={['back']} footer={hint([['PgUp PgDn', 'scroll'], ['Esc', 'back']])}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Frame>
  );
}
