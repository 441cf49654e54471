// The app's one owner of state: the screen stack, help, and the actions screens call. Rating
// and settings changes go to the workspace (and so to disk) here, never from a screen.
import { Box, Text, useApp } from 'ink';
import { useCallback, useMemo, useState } from 'react';
import type { Workspace } from '../store/workspace.js';
import { WriteError } from '../store/safe-write.js';
import { AppActionsContext, AppStateContext, type AppActions, type AppState, type Screen } from './app-context.js';
import { useWindowSize } from './hooks/use-window-size.js';
import { CardView } from './screens/CardView.js';
import { Decks } from './screens/Decks.js';
import { Home } from './screens/Home.js';
import { Review } from './screens/Review.js';
import { RolePicker } from './screens/RolePicker.js';
import { Search } from './screens/Search.js';
import { Settings } from './screens/Settings.js';
import { Readiness } from './screens/Readiness.js';
import { Walkthrough } from './screens/Walkthrough.js';
import { DesignList } from './screens/DesignList.js';
import { DesignHistory } from './screens/DesignHistory.js';
import { Mock } from './screens/Mock.js';
import { StoryBank } from './screens/StoryBank.js';
import { StoryEdit } from './screens/StoryEdit.js';
import { Cram } from './screens/Cram.js';
import { CardMarks } from './screens/CardMarks.js';
import { editCard, runEditor } from '../store/card-edit.js';
import { StudyNow } from './screens/StudyNow.js';
import { CultureRound } from './screens/CultureRound.js';
import { finishRound } from '../store/round-attempts.js';
import { InputRouter, useRawInput, useTypingForKeys } from './input.js';
import { frameBudget, MIN_HEIGHT, tooSmallMessage } from './layout.js';
import { wrapLines } from './wrap-lines.js';
import type { ExerciseService } from '../core/exercise.js';
import { NO_EXERCISE_RUNNER } from './components/exercise/no-runner.js';

/** The most lines a failed write's message takes from the screen above it. */
const PROBLEM_LINES = 4;

const NOT_RATED = 'The card stays, not counted.';

export interface AppProps {
  ws: Workspace;
  clock: () => number;
  /** Screens to open on top of Home (or of the role picker on first run). */
  initial?: Screen[];
  /** Fixed size for tests; otherwise the terminal's. */
  size?: { width: number; height: number };
  /** Told of every rating stored or undone, for the line printed on exit. */
  onRated?: (change: 1 | -1) => void;
  /** Where $VISUAL/$EDITOR come from, and how the app gives the terminal to the editor and takes it back. */
  editor?: { env: Readonly<Record<string, string | undefined>>; handOver: <T>(run: () => T) => T };
  /** Runs and grades exercises (tests give a fake one); without it exercises say they cannot run. */
  exercises?: ExerciseService;
}

function ScreenView({ screen, stackSize }: { screen: Screen; stackSize: number }) {
  switch (screen.name) {
    case 'role':
      return <RolePicker firstRun={stackSize === 1} />;
    case 'home':
      return <Home />;
    case 'review':
      return <Review title={screen.title} items={screen.items} once={screen.once ?? false} cram={screen.cram} askConfidence={screen.askConfidence ?? false} scope={screen.scope} />;
    case 'cram':
      return <Cram />;
    case 'study-now':
      return <StudyNow scope={screen.scope} mode={screen.mode} />;
    case 'walkthrough':
      return <Walkthrough />;
    case 'designs':
      return <DesignList />;
    case 'mock':
      return <Mock promptKey={screen.key} minutes={screen.minutes} />;
    case 'design-history':
      return <DesignHistory promptKey={screen.key} />;
    case 'search':
      return <Search />;
    case 'card':
      return <CardView item={screen.item} />;
    case 'decks':
      return <Decks />;
    case 'card-marks':
      return <CardMarks />;
    case 'readiness':
      return <Readiness />;
    case 'settings':
      return <Settings />;
    case 'stories':
      return <StoryBank />;
    case 'story-edit':
      return <StoryEdit storyId={screen.id} />;
    case 'culture-round':
      return <CultureRound questions={screen.questions} minutes={screen.minutes} />;
  }
}

export function App(props: AppProps) {
  return (
    <InputRouter>
      <AppBody {...props} />
    </InputRouter>
  );
}

function AppBody({ ws, clock, initial = [], size, onRated = () => undefined, editor, exercises = NO_EXERCISE_RUNNER }: AppProps) {
  const { exit } = useApp();
  const terminal = useWindowSize();
  const { width, height: fullHeight } = size ?? terminal;
  const tooSmall = frameBudget(width, fullHeight).tooSmall;
  const [problem, setProblem] = useState<string | null>(null);
  // The message takes lines from the screen's body rather than drawing over it (the frame draws
  // it above the footer); on a short terminal one.
  const problemLines = problem ? wrapLines(`! ${problem}`, width, 2).slice(0, Math.max(1, Math.min(PROBLEM_LINES, fullHeight - MIN_HEIGHT))) : [];
  const height = fullHeight - problemLines.length;
  const [stack, setStack] = useState<Screen[]>(() => [ws.settings.get().role ? { name: 'home' } : { name: 'role' }, ...initial]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [typing, setTypingState] = useState(false);
  useTypingForKeys(typing);
  const [revision, setRevision] = useState(0);
  const [menuMemory, setMenuMemory] = useState<Record<string, string>>({});
  const [notices, setNotices] = useState<readonly string[]>(() => [...ws.notices]);
  const bump = useCallback(() => setRevision((r) => r + 1), []);
  /**
   * Runs a write. A disk that refuses it (full, read-only, no permission) is not a crash: the
   * message, with what the screen keeps, stays at the foot of the screen, and the caller gets null.
   */
  const stored = useCallback(<T,>(write: () => T, after = ''): T | null => {
    try {
      const value = write();
      setProblem(null);
      return value;
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      setProblem(`${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}${after ? ` ${after}` : ''}`);
      return null;
    }
  }, []);

  const actions: AppActions = useMemo(
    () => ({
      push: (screen) => {
        setNotices([]);
        setProblem(null);
        setStack((s) => [...s, screen]);
      },
      pop: () => {
        setProblem(null);
        setStack((s) => {
          if (s.length <= 1) {
            exit();
            return s;
          }
          return s.slice(0, -1);
        });
      },
      reset: (screen) => {
        setProblem(null);
        setStack([screen]);
      },
      quit: () => exit(),
      rate: (item, rating, ms, answer) => {
        const result = stored(() => ws.rate(item.key, rating, clock(), ms, answer), NOT_RATED);
        if (!result) return null;
        onRated(1);
        bump();
        return result;
      },
      cramRate: (item, rating, ms, answer) => {
        const result = stored(() => ws.cramRate(item.key, rating, clock(), ms, answer), NOT_RATED);
        if (!result) return null;
        onRated(1);
        bump();
        return result;
      },
      cramUndo: (id, key) => {
        if (!stored(() => (ws.cram.undo(id, key, clock()), true))) return false;
        onRated(-1);
        bump();
        return true;
      },
      preview: (item) => ws.scheduler().preview(ws.progress.progress.cards.get(item.key)?.state, clock()),
      undo: (reviewId, key, restore) => {
        if (!stored(() => (ws.undo(reviewId, key, restore, clock()), true))) return false;
        onRated(-1);
        bump();
        return true;
      },
      updateSettings: (patch) => {
        if (!stored(() => ws.settings.set(patch))) return false;
        bump();
        return true;
      },
      saveDraft: (draft) => {
        stored(() => ws.attempts.saveDraft(draft));
      },
      noticesShown: () => ws.noticesShown(),
      finishMock: (attempt) => {
        const result = stored(() => ws.finishMock(attempt, clock()), 'Your scores stay here: save again once that is done.');
        if (result) bump();
        return result;
      },
      saveRoundDraft: (draft) => {
        stored(() => ws.rounds.saveDraft(draft));
      },
      finishRound: (attempt) => {
        const result = stored(() => finishRound(ws.rounds, ws, attempt, clock()), 'Your scores stay here: save again once that is done.');
        if (result) bump();
        return result;
      },
      saveStory: (story) => {
        if (!stored(() => (ws.stories.save(story), true), 'Your text stays in the editor.')) return false;
        bump();
        return true;
      },
      removeStory: (id) => {
        if (!stored(() => (ws.stories.remove(id), true))) return false;
        bump();
        return true;
      },
      setTyping: (value) => setTypingState(value),
      rememberMenu: (menu, value) => setMenuMemory((m) => ({ ...m, [menu]: value })),
      write: (run) => {
        const value = stored(run);
        if (value !== null) bump();
        return value;
      },
      editCard: async (deckId, cardId) => {
        // Without a terminal to hand over (a test rendering the app) no editor is run.
        const outcome = await editCard(ws.library, deckId, cardId, editor?.env ?? {}, (argv) => (editor ? editor.handOver(() => runEditor(argv)) : { status: null, error: Object.assign(new Error('no terminal'), { code: 'no terminal' }) }));
        // What went wrong, or a reload that lost the card, stays at the foot like a refused write.
        setProblem(outcome.kind === 'unchanged' || (outcome.kind === 'reloaded' && outcome.cardKept) ? null : outcome.message);
        bump();
        return outcome;
      },
      exercises,
    }),
    [ws, clock, exit, bump, onRated, stored, editor, exercises],
  );

  // The help overlay's own keys: '?' is a character while a text field has focus.
  useRawInput(
    (input, key) => {
      if (input === '?' && !typing) setHelpOpen((open) => !open);
      else if (helpOpen && (key.escape || input === 'q')) setHelpOpen(false);
    },
    { isActive: !tooSmall },
  );

  const state: AppState = { ws, clock, helpOpen, typing, revision, width, height, menuMemory, notices, tooSmall, problem, problemLines };
  const screen = stack[stack.length - 1]!;
  // Too small: the screens stay mounted (hidden), so a session in progress comes back whole.
  return (
    <AppStateContext.Provider value={state}>
      <AppActionsContext.Provider value={actions}>
        {tooSmall ? (
          <Box width={width} height={fullHeight} alignItems="center" justifyContent="center">
            <Text wrap="wrap">{tooSmallMessage(width, fullHeight)}</Text>
          </Box>
        ) : null}
        <Box display={tooSmall ? 'none' : 'flex'} flexDirection="column">
          <ScreenView key={stack.length} screen={screen} stackSize={stack.length} />
        </Box>
      </AppActionsContext.Provider>
    </AppStateContext.Provider>
  );
}
