// A timed system-design mock: the prompt and its phases against a clock, hints on request, notes
// typed as you go (saved on every keystroke), then the key points, a rubric to score yourself on,
// and a rating that schedules the prompt like any card.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import wrapAnsi from 'wrap-ansi';
import { formatDate, formatDateTime } from '../../core/day.js';
import { formatClock, nextPhase, planPhases, startTimer, suggestDesignRating, timerView, togglePause, type MockTimer } from '../../core/mock.js';
import { RATING_NAMES, type Rating } from '../../core/scheduler.js';
import type { Attempt, Draft } from '../../store/attempts.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Bullet, Para, Source } from '../components/CardText.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { hint, useKeys, useScreenInput } from '../keys.js';

type Stage = 'ask' | 'run' | 'review' | 'score' | 'rate' | 'saved';
type Panel = 'brief' | 'notes' | 'hints';

interface Run {
  timer: MockTimer;
  hintsUsed: number;
  notes: string;
}

const RUN_COMMANDS = ['nextPhase', 'pause', 'hint', 'notes', 'brief', 'finish', 'pageDown', 'pageUp', 'back'] as const;

export function Mock({ promptKey, minutes }: { promptKey: string; minutes?: number | undefined }) {
  const { ws, clock, width, height } = useAppState();
  const actions = useAppActions();
  const prompt = useMemo(() => ws.designPrompts(clock()).find((p) => p.key === promptKey), [ws, clock, promptKey]);
  const [draft] = useState(() => ws.attempts.draft(promptKey, clock()));
  const [stage, setStage] = useState<Stage>(draft ? 'ask' : 'run');
  const [run, setRun] = useState<Run>(() => ({ timer: startTimer(clock()), hintsUsed: 0, notes: '' }));
  const [runMinutes, setRunMinutes] = useState<number | undefined>(minutes);
  const [panel, setPanel] = useState<Panel>('brief');
  const [typing, setTyping] = useState(false);
  const [scores, setScores] = useState<number[]>([]);
  const [saved, setSaved] = useState<{ rating: Rating; due: number } | null>(null);
  const [, setTick] = useState(0);

  const card = prompt?.card;
  const phases = useMemo(() => (card ? planPhases(card, runMinutes) : []), [card, runMinutes]);
  const totalMinutes = Math.round(phases.reduce((n, p) => n + p.ms, 0) / 60_000);

  // The clock is read from `clock()` on every render; this only asks for a render each second.
  useEffect(() => {
    if (stage !== 'run') return;
    const id = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(id);
  }, [stage]);

  // Every change to the attempt in progress is on disk before the next keystroke.
  useEffect(() => {
    if (stage !== 'run' || !card) return;
    const saving: Draft = { v: 1, key: promptKey, minutes: totalMinutes, timer: run.timer, hintsUsed: run.hintsUsed, notes: run.notes, savedAt: clock() };
    actions.saveDraft(saving);
  }, [run, stage, card, promptKey, totalMinutes, actions, clock]);

  useEffect(() => {
    actions.setTyping(typing);
    return () => actions.setTyping(false);
  }, [typing, actions]);

  const now = clock();
  const view = timerView(run.timer, phases, now);
  const hints = card?.hints ?? [];
  const rubric = card?.rubric ?? [];
  const suggested = suggestDesignRating(scores, run.hintsUsed);

  const finish = () => {
    setTyping(false);
    setStage('review');
  };
  const save = (rating: Rating) => {
    if (!card) return;
    const at = clock();
    const timer = view.finished ? run.timer : nextPhase(run.timer, phases.length, at);
    const attempt: Attempt = {
      v: 1,
      key: promptKey,
      startedAt: run.timer.startedAt,
      finishedAt: at,
      durationMs: timerView(timer, phases, at).elapsedMs,
      minutes: totalMinutes,
      phases: timer.phaseMs.map((ms, i) => ({ name: phases[i]?.name ?? `Phase ${i + 1}`, ms })),
      hintsUsed: run.hintsUsed,
      scores: rubric.map((r, i) => ({ dimension: r.dimension, score: scores[i] ?? 0 })),
      rating,
      notes: run.notes,
    };
    const result = actions.finishMock(attempt);
    setSaved({ rating, due: result.record.state.due });
    setStage('saved');
  };

  useKeys(
    {
      select: () => {
        if (!draft) return;
        setRun({ timer: draft.timer, hintsUsed: draft.hintsUsed, notes: draft.notes });
        setRunMinutes(draft.minutes === card?.minutes ? undefined : draft.minutes);
        setPanel(draft.notes ? 'notes' : 'brief');
        setStage('run');
      },
      fresh: () => {
        setRun({ timer: startTimer(clock()), hintsUsed: 0, notes: '' });
        setStage('run');
      },
      back: actions.pop,
    },
    { isActive: stage === 'ask' },
  );
  useKeys(
    {
      nextPhase: () => {
        const moved = nextPhase(run.timer, phases.length, clock());
        setRun({ ...run, timer: moved });
        if (moved.phase >= phases.length) finish();
      },
      pause: () => setRun({ ...run, timer: togglePause(run.timer, clock()) }),
      hint: () => {
        setPanel('hints');
        if (run.hintsUsed < hints.length) setRun({ ...run, hintsUsed: run.hintsUsed + 1 });
      },
      notes: () => {
        setPanel('notes');
        setTyping(true);
      },
      brief: () => setPanel('brief'),
      finish,
      back: actions.pop,
    },
    { isActive: stage === 'run' && !typing },
  );
  useScreenInput(
    (input, key) => {
      if (key.escape) setTyping(false);
      else if (key.return) setRun((r) => ({ ...r, notes: `${r.notes}\n` }));
      else if (key.backspace || key.delete) setRun((r) => ({ ...r, notes: r.notes.slice(0, -1) }));
      else if (input && !key.ctrl && !key.meta) setRun((r) => ({ ...r, notes: r.notes + input.replaceAll('\r', '\n') }));
    },
    { isActive: stage === 'run' && typing },
  );
  useKeys({ select: () => setStage(rubric.length > 0 ? 'score' : 'rate'), back: () => setStage('run') }, { isActive: stage === 'review' });
  useKeys(
    {
      pick: (input) => {
        const score = Number(input);
        if (score < 1 || score > 4) return;
        const next = [...scores, score];
        setScores(next);
        if (next.length >= rubric.length) setStage('rate');
      },
      back: () => (scores.length > 0 ? setScores(scores.slice(0, -1)) : setStage('review')),
    },
    { isActive: stage === 'score' },
  );
  useKeys(
    {
      select: () => save(suggested),
      again: () => save(1),
      hard: () => save(2),
      good: () => save(3),
      easy: () => save(4),
      back: () => {
        setScores(scores.slice(0, -1));
        setStage(rubric.length > 0 ? 'score' : 'review');
      },
    },
    { isActive: stage === 'rate' },
  );
  useKeys({ continue: actions.pop, back: actions.pop }, { isActive: stage === 'saved' });

  const title = `Mock · ${card?.title ?? promptKey}`;
  if (!card) {
    return (
      <Frame title="Mock" commands={['back']} footer={hint([['Esc', 'back']])}>
        <Text>{`No design prompt ${promptKey} is loaded.`}</Text>
      </Frame>
    );
  }
  const body = bodyHeight(height);

  if (stage === 'ask' && draft) {
    const left = timerView(draft.timer, planPhases(card, draft.minutes), now);
    return (
      <Frame title={title} commands={['select', 'fresh', 'back']} footer={hint([['Enter', 'resume'], ['n', 'start over'], ['Esc', 'back']])}>
        <Para bold text="You have an unfinished attempt at this prompt." />
        <Text> </Text>
        <Para text={`Started ${formatDateTime(draft.timer.startedAt)}; ${formatClock(left.elapsedMs)} in, phase ${Math.min(left.phase + 1, card.phases?.length ?? 1)}.`} />
        <Para text={`${draft.hintsUsed} hint${draft.hintsUsed === 1 ? '' : 's'} used · ${draft.notes.split('\n').filter(Boolean).length} lines of notes`} />
        <Text> </Text>
        <Para text="Enter resumes it with the clock where you left it (paused time is not counted); n starts over and replaces it." />
      </Frame>
    );
  }

  if (stage === 'review') {
    return (
      <Frame title={title} commands={['select', 'pageDown', 'pageUp', 'back']} footer={hint([['Enter', 'score yourself'], ['PgDn', 'scroll'], ['Esc', 'back to the interview']])}>
        <ScrollArea height={body}>
          <Para bold text="What a strong answer covers" />
          {(card.keyPoints ?? []).map((k, i) => (
            <Bullet key={`k${i}`} text={k} />
          ))}
          <Text> </Text>
          <Para bold text="Follow-ups an interviewer would ask" />
          {(card.followUps ?? []).map((f, i) => (
            <Bullet key={`f${i}`} text={f} />
          ))}
          <Text> </Text>
          <Para dim text={`Interview time ${formatClock(view.elapsedMs)} · hints used ${run.hintsUsed} of ${hints.length}. Compare with your notes, then score yourself honestly.`} />
        </ScrollArea>
      </Frame>
    );
  }

  if (stage === 'score') {
    const index = scores.length;
    const dimension = rubric[index]!;
    return (
      <Frame title={title} commands={['pick', 'back']} footer={hint([['1-4', 'score'], ['Esc', 'previous']])}>
        <Text dimColor>{`Rubric ${index + 1} of ${rubric.length}`}</Text>
        <Para bold text={dimension.dimension} />
        <Text> </Text>
        <ScrollArea height={body - 3}>
          {dimension.levels.map((level, i) => (
            <Para key={i} indent={4} text={`${i + 1}  ${level}`} />
          ))}
          <Text> </Text>
          <Para dim text="Which level did your answer reach? Press 1-4." />
        </ScrollArea>
      </Frame>
    );
  }

  if (stage === 'rate') {
    const mean = scores.length > 0 ? scores.reduce((n, s) => n + s, 0) / scores.length : null;
    return (
      <Frame title={title} commands={['select', 'again', 'hard', 'good', 'easy', 'back']} footer={hint([['Enter', `save as ${RATING_NAMES[suggested]}`], ['1-4', 'choose another'], ['Esc', 'back']])}>
        <ScrollArea height={body}>
          {rubric.map((r, i) => (
            <Text key={i} wrap="truncate-end">{`${String(scores[i] ?? '-').padStart(2)}/4  ${r.dimension}`}</Text>
          ))}
          <Text> </Text>
          <Para text={`${mean === null ? 'No rubric' : `Mean ${mean.toFixed(1)} of 4`} · ${run.hintsUsed} hint${run.hintsUsed === 1 ? '' : 's'} used${run.hintsUsed >= 2 ? ' (a step lower for every two)' : ''}.`} />
          <Para bold text={`Suggested rating: ${RATING_NAMES[suggested]}`} />
          <Text> </Text>
          <Para dim text="Enter saves it; 1 Again, 2 Hard, 3 Good, 4 Easy pick another. The prompt comes back when the rating says." />
        </ScrollArea>
      </Frame>
    );
  }

  if (stage === 'saved' && saved) {
    return (
      <Frame title={title} commands={['continue', 'back']} footer={hint([['Enter', 'go back']])}>
        <Text bold color="green">Attempt saved</Text>
        <Text> </Text>
        <Para text={`Rated ${RATING_NAMES[saved.rating]}. This prompt is due again ${formatDate(saved.due)}. Your notes and scores are in its history (h on the design list).`} />
      </Frame>
    );
  }

  const phase = phases[view.phase];
  const status = view.paused ? 'PAUSED' : '';
  const clockLine = `phase ${formatClock(view.phaseLeftMs)} · total ${formatClock(view.totalLeftMs)}`;
  const tabs: [Panel, string][] = [
    ['brief', 'b brief'],
    ['notes', `e notes${run.notes ? ` (${run.notes.split('\n').length})` : ''}`],
    ['hints', `h hints ${run.hintsUsed}/${hints.length}`],
  ];
  const panelHeight = Math.max(3, body - 4);
  return (
    <Frame
      title={title}
      commands={RUN_COMMANDS}
      footer={typing ? 'Typing notes (saved as you type) · Esc stop typing' : hint([['n', 'next phase'], ['p', status ? 'resume' : 'pause'], ['h', 'hint'], ['e', 'notes'], ['f', 'finish'], ['q', 'leave']])}
    >
      <Box justifyContent="space-between" width={width}>
        <Text bold wrap="truncate-end">{phase ? `Phase ${view.phase + 1}/${phases.length} · ${phase.name}` : 'All phases done'}</Text>
        <Text color={view.paused ? 'yellow' : view.phaseLeftMs < 0 || view.totalLeftMs < 0 ? 'red' : undefined}>{`${status ? `${status} ` : ''}${clockLine}`}</Text>
      </Box>
      <Box height={2} overflow="hidden">
        <Para dim text={phase?.guide || 'Press f to finish and score yourself.'} />
      </Box>
      <Text>
        {tabs.map(([id, label], i) => (
          <Text key={id} inverse={panel === id}>
            {`${i > 0 ? ' ' : ''}${label} `}
          </Text>
        ))}
        {view.phaseLeftMs < 0 && phase ? <Text color="red">{'  over time: n moves on'}</Text> : null}
      </Text>
      {panel === 'notes' ? (
        <Notes text={run.notes} typing={typing} height={panelHeight} width={width} />
      ) : (
        <ScrollArea height={panelHeight} key={panel}>
          {panel === 'brief' ? <Brief card={card} phases={phases} /> : <Hints hints={hints} used={run.hintsUsed} />}
        </ScrollArea>
      )}
    </Frame>
  );
}

function Brief({ card, phases }: { card: NonNullable<Parameters<typeof planPhases>[0]>; phases: ReturnType<typeof planPhases> }) {
  return (
    <Box flexDirection="column">
      <Para text={card.prompt} />
      {card.requirements?.length ? (
        <>
          <Text> </Text>
          <Text bold>Requirements</Text>
          {card.requirements.map((r, i) => (
            <Bullet key={i} text={r} />
          ))}
        </>
      ) : null}
      {card.scale?.length ? (
        <>
          <Text> </Text>
          <Text bold>Scale to estimate from</Text>
          {card.scale.map((s, i) => (
            <Bullet key={i} text={s} />
          ))}
        </>
      ) : null}
      <Text> </Text>
      <Text bold>Phases</Text>
      {phases.map((p, i) => (
        <Text key={i} wrap="truncate-end">{`  ${i + 1}. ${p.name} (${formatClock(p.ms)})`}</Text>
      ))}
      <Source url={card.source} />
    </Box>
  );
}

function Hints({ hints, used }: { hints: readonly string[]; used: number }) {
  if (hints.length === 0) return <Text dimColor>This prompt has no hints.</Text>;
  return (
    <Box flexDirection="column">
      {hints.slice(0, used).map((h, i) => (
        <Bullet key={i} indent={0} mark={`${i + 1}.`} text={h} />
      ))}
      {used < hints.length ? <Para dim text={`h reveals hint ${used + 1} of ${hints.length}. Using hints lowers the suggested rating.`} /> : <Para dim text="No more hints." />}
    </Box>
  );
}

/** The notes, showing their end while typing so the line being written is always in view. */
function Notes({ text, typing, height, width }: { text: string; typing: boolean; height: number; width: number }) {
  const lines = wrapAnsi(`${text}${typing ? '▌' : ''}`, Math.max(10, width), { hard: true, trim: false }).split('\n');
  if (!text && !typing) return <Text dimColor>No notes yet. Press e to write; notes are saved as you type.</Text>;
  const more = !typing && lines.length > height;
  const shown = typing ? lines.slice(-height) : lines.slice(0, more ? height - 1 : height);
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((line, i) => (
        <Text key={i}>{line || ' '}</Text>
      ))}
      {more ? <Text dimColor>{`… ${lines.length - shown.length} more lines (e shows the end)`}</Text> : null}
    </Box>
  );
}
