// A timed culture round, like a real culture interview: a few behavioural questions, each against
// a countdown (shown, not enforced), answered by typing or aloud; after each, the evidence for its
// key points and how it was told; at the end a self-score on the behavioural rubric, a rating per
// question, and the round saved. Every change is in a draft on disk, so a killed round resumes.
// This file holds the state and the keys; what each stage draws is in components/round/.
import { Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { behaviouralPrompts, DEFAULT_MINUTES, DEFAULT_QUESTIONS, pickQuestions, resumeTimer, ROUND_RUBRIC, suggestRoundRating } from '../../core/culture-round.js';
import { elapsed, startTimer, togglePause } from '../../core/mock.js';
import type { Rating } from '../../core/scheduler.js';
import { cleanStoryText } from '../../core/stories.js';
import type { RoundAttempt, RoundDraft } from '../../store/round-attempts.js';
import { useAppActions, useAppState } from '../app-context.js';
import { Frame } from '../components/Frame.js';
import { firstFitting, fitFooter } from '../components/mock/footer.js';
import { FeedbackView } from '../components/round/Feedback.js';
import { useAnswerFeedback } from '../components/round/use-answer-feedback.js';
import { RateView, ResumeView, SavedView, ScoreView, valueName, type RateRow } from '../components/round/Finish.js';
import { questionLayout, QuestionView } from '../components/round/Question.js';
import { Para } from '../components/CardText.js';
import { hint, useKeys, useScreenInput, type Command } from '../keys.js';
import { frameBudget } from '../layout.js';
import { formatClock } from '../../core/mock.js';

const TITLE = 'Culture round';
const MINUTE = 60_000;
const NO_POINTS: readonly string[] = [];

// A round in progress is its draft without the version and the save time.
type Run = Omit<RoundDraft, 'v' | 'savedAt'>;

/** Questions scored so far, and where the next score goes. */
function scoring(run: Run): { question: number; dimension: number; given: number } {
  const question = run.keys.findIndex((_k, i) => (run.scores[i]?.length ?? 0) < ROUND_RUBRIC.length);
  const given = run.scores.reduce((n, s) => n + s.length, 0);
  return { question: question < 0 ? run.keys.length : question, dimension: question < 0 ? 0 : (run.scores[question]?.length ?? 0), given };
}

export function CultureRound({ questions = DEFAULT_QUESTIONS, minutes = DEFAULT_MINUTES }: { questions?: number | undefined; minutes?: number | undefined }) {
  const { ws, clock, width, height } = useAppState();
  const actions = useAppActions();
  const prompts = useMemo(() => behaviouralPrompts(ws.decks()), [ws]);
  const byKey = useMemo(() => new Map(prompts.map((p) => [p.key, p])), [prompts]);
  // A draft whose questions are no longer all loaded (a deck removed) cannot be resumed.
  const [draft] = useState<RoundDraft | null>(() => {
    const d = ws.rounds.draft();
    return d && d.keys.every((k) => byKey.has(k)) ? d : null;
  });
  const fresh = (): Run => {
    const now = clock();
    const keys = pickQuestions(prompts, ws.progress.progress.cards, ws.stories.list(), questions, now).map((q) => q.key);
    return { startedAt: now, minutes, keys, stage: 'answer', answers: [], timer: startTimer(now), mode: 'typed', text: '', scores: [] };
  };
  const [asking, setAsking] = useState(draft !== null);
  const [run, setRun] = useState<Run>(fresh);
  const [typing, setTyping] = useState(false);
  const [earlier, setEarlier] = useState<number | undefined>(undefined);
  // One state, so a burst of keys (↓ then 3) rates the question the cursor moved to.
  const [{ ratings, cursor }, setRate] = useState<{ ratings: (Rating | undefined)[]; cursor: number }>({ ratings: [], cursor: 0 });
  const [saved, setSaved] = useState<Map<string, number> | null>(null);
  const [, setTick] = useState(0);

  const qs = run.keys.map((k) => byKey.get(k)!);
  const count = qs.length;
  const stage = run.stage;
  const live = !asking && !saved && count > 0;

  // The clock is read on every render; this only asks for one each second.
  useEffect(() => {
    if (!live || stage !== 'answer') return;
    const id = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(id);
  }, [live, stage]);

  // Every change to the round is on disk before the next keystroke.
  useEffect(() => {
    if (!live) return;
    const { startedAt, minutes: m, keys, stage: s, answers, timer, mode, text, scores } = run;
    actions.saveRoundDraft({ v: 1, startedAt, minutes: m, keys, stage: s, answers, timer, mode, text, scores, savedAt: clock() });
  }, [run, live, actions, clock]);

  useEffect(() => {
    actions.setTyping(live && (typing || stage === 'summary'));
    return () => actions.setTyping(false);
  }, [typing, stage, live, actions]);

  const shownIndex = run.answers.length - 1;
  const shownAnswer = run.answers[shownIndex];
  const feedback = useAnswerFeedback(live && stage === 'feedback' && shownAnswer ? `${run.startedAt}:${shownIndex}` : null, shownAnswer?.text ?? '', (shownAnswer && byKey.get(shownAnswer.key)?.card.keyPoints) ?? NO_POINTS);

  const now = clock();
  const answering = stage === 'answer' || stage === 'summary';
  const index = answering ? run.answers.length : Math.max(0, shownIndex);
  const question = qs[index];
  const spent = elapsed(run.timer, now);
  const leftMs = run.minutes * MINUTE - spent;
  const paused = run.timer.pausedAt !== null;
  const score = scoring(run);
  const rows: RateRow[] = qs.map((q, i) => {
    const scores = run.scores[i] ?? [];
    const suggested = suggestRoundRating(scores);
    return { question: q, scores, suggested, rating: ratings[i] ?? suggested, preview: actions.preview({ key: q.key, deckId: q.deckId, deckTitle: '', card: q.card }) };
  });

  const finishAnswer = (text: string) => {
    setTyping(false);
    setRun((r) => {
      const key = r.keys[r.answers.length];
      if (!key) return r;
      return { ...r, answers: [...r.answers, { key, mode: r.mode, text, ms: elapsed(r.timer, clock()) }], stage: 'feedback', text: '' };
    });
  };
  const done = () => {
    if (run.mode === 'aloud') setRun((r) => ({ ...r, stage: 'summary', timer: r.timer.pausedAt === null ? togglePause(r.timer, clock()) : r.timer }));
    else finishAnswer(run.text);
  };
  const next = () => {
    if (run.answers.length < count) setRun((r) => ({ ...r, stage: 'answer', timer: startTimer(clock()), mode: 'typed', text: '' }));
    else setRun((r) => ({ ...r, stage: 'score', scores: r.keys.map(() => []) }));
  };
  const pickScore = (input: string) => {
    const value = Number(input);
    if (value < 1 || value > 4) return;
    setEarlier(undefined);
    // From the state as it is now, not as last drawn: keys typed fast arrive before the next render.
    setRun((r) => {
      const at = scoring(r).question;
      if (r.stage !== 'score' || at >= r.keys.length) return r;
      const scores = r.keys.map((_k, i) => (i === at ? [...(r.scores[i] ?? []), value] : [...(r.scores[i] ?? [])]));
      const all = scores.every((s) => s.length >= ROUND_RUBRIC.length);
      return { ...r, scores, stage: all ? 'rate' : 'score' };
    });
  };
  const scoreBack = () => {
    const last = run.scores.map((s) => s.length > 0).lastIndexOf(true);
    if (last < 0) {
      actions.pop();
      return;
    }
    setEarlier(run.scores[last]![run.scores[last]!.length - 1]);
    setRun((r) => ({ ...r, stage: 'score', scores: r.scores.map((s, i) => (i === last ? s.slice(0, -1) : s)) }));
  };
  const rateAs = (rating: Rating) => setRate((r) => ({ ...r, ratings: qs.map((_q, i) => (i === r.cursor ? rating : r.ratings[i])) }));
  const save = () => {
    const at = clock();
    const attempt: RoundAttempt = {
      v: 1,
      startedAt: run.startedAt,
      finishedAt: at,
      minutes: run.minutes,
      questions: run.answers.map((a, i) => ({ ...a, value: qs[i]!.value, scores: ROUND_RUBRIC.map((d, j) => ({ dimension: d.name, score: run.scores[i]?.[j] ?? 0 })), rating: rows[i]!.rating })),
    };
    const due = actions.finishRound(attempt);
    // Not saved: the ratings stay on screen, and the app says why at its foot.
    if (due) setSaved(due);
  };

  useKeys(
    {
      select: () => {
        if (!draft) return;
        const { startedAt, minutes: m, keys, stage: s, answers, timer, mode, text, scores } = draft;
        // A draft is a file like any other: what it holds is cleaned before it is shown or edited.
        const clean = cleanStoryText(text);
        const cleanAnswers = answers.map((a) => ({ ...a, text: cleanStoryText(a.text) }));
        setRun({ startedAt, minutes: m, keys, stage: s, answers: cleanAnswers, timer: s === 'answer' ? resumeTimer(timer, draft.savedAt, clock()) : timer, mode, text: s === 'summary' ? clean.replace(/[\n\t]+/g, ' ') : clean, scores });
        setAsking(false);
      },
      fresh: () => {
        setRun(fresh());
        setAsking(false);
      },
      back: actions.pop,
    },
    { isActive: asking },
  );
  useKeys(
    {
      typeAnswer: () => {
        setRun((r) => ({ ...r, mode: 'typed' }));
        setTyping(true);
      },
      roundAloud: () => setRun((r) => ({ ...r, mode: 'aloud' })),
      roundDone: done,
      pause: () => setRun((r) => ({ ...r, timer: togglePause(r.timer, clock()) })),
      back: actions.pop,
    },
    { isActive: live && stage === 'answer' && !typing },
  );
  useScreenInput(
    (input, key) => {
      // Alt+letter is Esc and a letter that arrived together (a slow link): stop typing either way.
      if (key.escape || key.meta) setTyping(false);
      else if (key.return) setRun((r) => ({ ...r, text: `${r.text}\n` }));
      else if (key.backspace || key.delete) setRun((r) => ({ ...r, text: r.text.slice(0, -1) }));
      else if (input && !key.ctrl && !key.meta && !key.pageUp && !key.pageDown && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.tab) setRun((r) => ({ ...r, text: r.text + input.replaceAll('\r', '\n') }));
    },
    { isActive: live && stage === 'answer' && typing },
  );
  useKeys({ roundNext: next, back: actions.pop }, { isActive: live && stage === 'feedback' });
  useKeys({ pick: pickScore, back: scoreBack }, { isActive: live && stage === 'score' });
  useKeys(
    {
      up: () => setRate((r) => ({ ...r, cursor: Math.max(0, r.cursor - 1) })),
      down: () => setRate((r) => ({ ...r, cursor: Math.min(count - 1, r.cursor + 1) })),
      again: () => rateAs(1),
      hard: () => rateAs(2),
      good: () => rateAs(3),
      easy: () => rateAs(4),
      select: save,
      back: scoreBack,
    },
    { isActive: live && stage === 'rate' },
  );
  useKeys({ continue: actions.pop, back: actions.pop }, { isActive: !!saved });

  if (count === 0) {
    return (
      <Frame title={TITLE} commands={['back']} footer={hint([['Esc', 'back']])}>
        <Para text="No behavioural prompts are loaded: the culture deck has them (open cards tagged behavioural and a culture value)." />
      </Frame>
    );
  }
  if (asking && draft) {
    return (
      <Frame title={TITLE} commands={['select', 'fresh', 'back']} footer={fitFooter([['Enter', 'resume', 3], ['n', 'new round', 2], ['Esc', 'back', 1]], width)}>
        <ResumeView startedAt={draft.startedAt} answered={draft.answers.length} count={draft.keys.length} stage={draft.stage} />
      </Frame>
    );
  }
  if (saved) {
    return (
      <Frame title={TITLE} commands={['continue', 'back']} footer={fitFooter([['Enter', 'done', 1]], width)}>
        <SavedView rows={rows} due={saved} now={now} />
      </Frame>
    );
  }
  if (stage === 'rate') {
    const commands: Command[] = ['select', 'up', 'down', 'again', 'hard', 'good', 'easy', 'pageDown', 'pageUp', 'back'];
    return (
      <Frame title={`${TITLE} · ratings`} commands={commands} footer={fitFooter([['Enter', 'save the round', 4, 'save'], ['↑↓', 'question', 2], ['1-4', 'its rating', 3, 'rate'], ['Esc', 'back', 1]], width)}>
        <RateView rows={rows} cursor={cursor} now={now} level={ws.settings.get().level} />
      </Frame>
    );
  }
  if (stage === 'score') {
    const q = qs[score.question];
    const answer = run.answers[score.question];
    if (!q || !answer) return null;
    return (
      <Frame title={`${TITLE} · score ${score.question + 1} of ${count} · ${valueName(q.value)}`} commands={['pick', 'pageDown', 'pageUp', 'back']} footer={fitFooter([['1-4', 'score', 3], ['PgDn', 'scroll', 1], ['Esc', score.given > 0 ? 'previous' : 'leave', 2]], width)}>
        <ScoreView question={q} answer={answer} dimension={score.dimension} earlier={earlier} level={ws.settings.get().level} />
      </Frame>
    );
  }
  if (stage === 'feedback') {
    const answer = run.answers[shownIndex];
    const q = qs[shownIndex];
    if (!answer || !q) return null;
    const last = run.answers.length >= count;
    return (
      <Frame title={`${TITLE} · ${shownIndex + 1} of ${count} · feedback`} commands={['roundNext', 'pageDown', 'pageUp', 'back']} footer={fitFooter([['Enter', last ? 'score the round' : 'next question', 3, last ? 'score' : 'next'], ['PgDn', 'scroll', 1], ['q', 'leave', 2]], width)}>
        <Text bold wrap="truncate-end">{`Question ${shownIndex + 1} of ${count} · ${valueName(q.value)} · ${answer.mode === 'aloud' ? 'aloud' : 'typed'} in ${formatClock(answer.ms)}`}</Text>
        <Para dim text={q.card.prompt} />
        <Text> </Text>
        {feedback && 'error' in feedback ? (
          <Para text={`! Feedback could not be worked out (${feedback.error}). Your answer is kept; score it yourself at the end.`} />
        ) : (
          <FeedbackView feedback={feedback} answer={answer} />
        )}
      </Frame>
    );
  }

  // Answering: the countdown is shown, never enforced.
  const notice = paused && stage === 'answer' ? 'paused: p resumes' : leftMs < 0 && stage === 'answer' ? '! over time (not enforced): Enter when done' : null;
  const body = frameBudget(width, height);
  const layout = questionLayout(body, question?.card.prompt ?? '', notice !== null);
  const footer =
    stage === 'summary'
      ? firstFitting(['One-line summary of what you said · Enter done', 'Summary · Enter done'], width)
      : typing
        ? firstFitting(['Typing your answer (saved as you type) · Esc stops typing, then Enter done', 'Typing · Esc stops, then Enter done'], width)
        : run.mode === 'aloud'
          ? fitFooter([['Enter', 'done', 6], ['p', paused ? 'resume' : 'pause', 5], ['e', 'type instead', 3, 'type'], ['q', 'leave', 1]], width)
          : fitFooter([['e', 'type', 6], ['a', 'aloud', 5], ['Enter', 'done', 4], ['p', paused ? 'resume' : 'pause', 3], ['q', 'leave', 1]], width);
  const commands: Command[] = stage === 'summary' ? ['select'] : ['typeAnswer', 'roundAloud', 'roundDone', 'pause', 'back'];
  return (
    <Frame title={`${TITLE} · ${index + 1} of ${count}`} commands={commands} footer={footer} fixed>
      <QuestionView
        layout={layout}
        index={index}
        count={count}
        valueName={valueName(question?.value ?? '')}
        leftMs={leftMs}
        elapsedMs={spent}
        paused={paused}
        notice={notice}
        mode={run.mode}
        stage={stage === 'summary' ? 'summary' : 'answer'}
        text={run.text}
        typing={typing}
        onSummaryChange={(text) => setRun((r) => ({ ...r, text }))}
        onSummarySubmit={finishAnswer}
      />
    </Frame>
  );
}
