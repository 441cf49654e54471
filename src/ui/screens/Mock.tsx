// A timed system-design mock: the prompt and its phases against a clock, hints on request, notes
// typed as you go (saved on every keystroke), then the key points beside the notes, a rubric to
// score yourself on, and a rating that schedules the prompt like any card. This file holds the
// state and the keys; what each stage draws is in components/mock/.
import { Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { nextPhase, planPhases, runNotice, runState, startTimer, suggestDesignRating, timerView, togglePause, type MockTimer } from '../../core/mock.js';
import type { Rating } from '../../core/scheduler.js';
import type { Attempt, Draft } from '../../store/attempts.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { KeyPoints, RateAttempt, Resume, Saved, ScoreDimension } from '../components/mock/Finish.js';
import { firstFitting, fitFooter } from '../components/mock/footer.js';
import { maxNotesBack, wrapNotes } from '../components/mock/Notes.js';
import { runFooter, runLayout, RunView, type PanelId } from '../components/mock/RunView.js';
import { hint, useKeys, useScreenInput } from '../keys.js';

type Stage = 'ask' | 'run' | 'review' | 'score' | 'rate' | 'saved';

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
  const [panel, setPanel] = useState<PanelId>('brief');
  const [side, setSide] = useState<'brief' | 'hints'>('brief');
  const [typing, setTyping] = useState(false);
  // Lines scrolled up from the end of the notes; 0 follows the line being typed.
  const [notesBack, setNotesBack] = useState(0);
  const [scores, setScores] = useState<number[]>([]);
  // The score given to the current dimension before going back to it, to show as chosen.
  const [earlier, setEarlier] = useState<number | undefined>(undefined);
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
  const state = runState(view, phases.length);
  const notice = runNotice(view, phases.length);
  const hints = card?.hints ?? [];
  const rubric = card?.rubric ?? [];
  const suggested = suggestDesignRating(scores, run.hintsUsed);
  const layout = runLayout(width, height, phases[view.phase]?.guide || 'Press f to finish and score yourself.', notice !== null);
  const notesPage = Math.max(1, layout.panelHeight - 2);
  const scrollNotes = (lines: number) => {
    const most = maxNotesBack(wrapNotes(run.notes, typing, layout.right).length, layout.panelHeight);
    setNotesBack((back) => Math.min(most, Math.max(0, back + lines)));
  };

  // The interview ends at f: the clock stops while the answer is compared and scored (and runs
  // again if Esc goes back to the interview), so the time saved is the time spent designing.
  const [stoppedClock, setStoppedClock] = useState(false);
  const finish = () => {
    setTyping(false);
    setStoppedClock(run.timer.pausedAt === null);
    setRun((r) => (r.timer.pausedAt === null ? { ...r, timer: togglePause(r.timer, clock()) } : r));
    setStage('review');
  };
  const resume = () => {
    if (stoppedClock) setRun((r) => ({ ...r, timer: togglePause(r.timer, clock()) }));
    setStoppedClock(false);
    setStage('run');
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
    // Not saved: the scores stay on screen, and the app says why at its foot.
    if (!result) return;
    setSaved({ rating, due: result.record.state.due });
    setStage('saved');
  };
  const scoreAgain = () => {
    setEarlier(scores[scores.length - 1]);
    setScores(scores.slice(0, -1));
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
        setSide('hints');
        if (run.hintsUsed < hints.length) setRun({ ...run, hintsUsed: run.hintsUsed + 1 });
      },
      notes: () => {
        setPanel('notes');
        setNotesBack(0);
        setTyping(true);
      },
      brief: () => {
        setPanel('brief');
        setSide('brief');
      },
      finish,
      back: actions.pop,
    },
    { isActive: stage === 'run' && !typing },
  );
  // Below WIDE the notes panel scrolls itself; from WIDE PgUp/PgDn scroll the brief until typing.
  useKeys({ pageUp: () => scrollNotes(notesPage), pageDown: () => scrollNotes(-notesPage) }, { isActive: stage === 'run' && !typing && !layout.wide && panel === 'notes' });
  /** An edit brings the view back to the end, where it happens. */
  const type = (edit: (notes: string) => string) => {
    setNotesBack(0);
    setRun((r) => ({ ...r, notes: edit(r.notes) }));
  };
  useScreenInput(
    (input, key) => {
      // Alt+letter is Esc and a letter that arrived together (a slow link): stop typing either way.
      if (key.escape || key.meta) setTyping(false);
      else if (key.pageUp) scrollNotes(notesPage);
      else if (key.pageDown) scrollNotes(-notesPage);
      else if (key.return) type((notes) => `${notes}\n`);
      else if (key.backspace || key.delete) type((notes) => notes.slice(0, -1));
      else if (input && !key.ctrl && !key.meta) type((notes) => notes + input.replaceAll('\r', '\n'));
    },
    { isActive: stage === 'run' && typing },
  );
  useKeys({ select: () => setStage(rubric.length > 0 ? 'score' : 'rate'), back: resume }, { isActive: stage === 'review' });
  useKeys(
    {
      pick: (input) => {
        const score = Number(input);
        if (score < 1 || score > 4) return;
        const next = [...scores, score];
        setScores(next);
        setEarlier(undefined);
        if (next.length >= rubric.length) setStage('rate');
      },
      back: () => (scores.length > 0 ? scoreAgain() : setStage('review')),
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
        scoreAgain();
        setStage(rubric.length > 0 ? 'score' : 'review');
      },
    },
    { isActive: stage === 'rate' },
  );
  useKeys({ continue: actions.pop, back: actions.pop }, { isActive: stage === 'saved' });

  const title = `Mock · ${card?.title ?? promptKey}`;
  if (!card || !prompt) {
    return (
      <Frame title="Mock" commands={['back']} footer={hint([['Esc', 'back']])}>
        <Text>{`No design prompt ${promptKey} is loaded.`}</Text>
      </Frame>
    );
  }

  if (stage === 'ask' && draft) {
    const left = timerView(draft.timer, planPhases(card, draft.minutes), now);
    return (
      <Resume
        title={title}
        startedAt={draft.timer.startedAt}
        elapsedMs={left.elapsedMs}
        phase={Math.min(left.phase + 1, card.phases?.length ?? 1)}
        hintsUsed={draft.hintsUsed}
        noteLines={draft.notes.split('\n').filter(Boolean).length}
      />
    );
  }
  if (stage === 'review') return <KeyPoints title={title} card={card} notes={run.notes} elapsedMs={view.elapsedMs} hintsUsed={run.hintsUsed} />;
  if (stage === 'score') return <ScoreDimension title={title} card={card} index={scores.length} earlier={earlier} notes={run.notes} />;
  if (stage === 'rate') {
    const preview = actions.preview({ key: promptKey, deckId: prompt.deckId, deckTitle: '', card });
    return <RateAttempt title={title} card={card} scores={scores} hintsUsed={run.hintsUsed} suggested={suggested} preview={preview} now={now} />;
  }
  if (stage === 'saved' && saved) return <Saved title={title} rating={saved.rating} due={saved.due} now={now} />;

  const footer = typing
    ? firstFitting(['Typing notes (saved as you type) · Esc stops typing, then ? help', 'Typing notes · Esc stops typing, then ? help'], width)
    : fitFooter(runFooter({ state, paused: view.paused, hints: hints.length, hintsUsed: run.hintsUsed, wide: layout.wide, showing: layout.wide ? side : panel }), width);
  return (
    <Frame title={title} commands={RUN_COMMANDS} footer={footer} measure={layout.measure} fixed>
      <RunView layout={layout} card={card} phases={phases} view={view} notice={notice} hintsUsed={run.hintsUsed} notes={run.notes} panel={panel} side={side} typing={typing} notesBack={notesBack} />
    </Frame>
  );
}
