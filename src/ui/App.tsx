// The app's one owner of state: the screen stack, help, and the actions screens call. Rating
// and settings changes go to the workspace (and so to disk) here, never from a screen.
import { Box, Text, useApp } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Workspace } from '../store/workspace.js';
import { WriteError } from '../store/safe-write.js';
import { AppActionsContext, AppStateContext, type AppActions, type AppState, type Screen } from './app-context.js';
import { useWindowSize } from './hooks/use-window-size.js';
import { Home } from './screens/Home.js';
import { editCard, runEditor } from '../store/card-edit.js';
import { finishRound } from '../store/round-attempts.js';
import { InputRouter, useRawInput, useTypingForKeys } from './input.js';
import { frameBudget, MIN_HEIGHT, tooSmallMessage } from './layout.js';
import { wrapLines } from './wrap-lines.js';
import type { ExerciseService } from '../core/exercise.js';

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
  /** Runs and grades exercises (tests give a fake one); without it, the workspace's (store/exercise-service.ts). */
  exercises?: ExerciseService;
}

/**
 * Every screen but Home is in other-screens.tsx, imported once Home's first frame is drawn: the
 * start neither runs their modules nor those only they use. The first screen being another
 * (the role picker on a first run, a launch into a session) is loaded before the first frame
 * (run.tsx awaits loadScreens), and so are the screens of tests (tests/helpers).
 */
let screens: typeof import('./other-screens.js') | null = null;
let loading: Promise<void> | null = null;

export function loadScreens(): Promise<void> {
  return (loading ??= import('./other-screens.js').then((module) => {
    screens = module;
  }));
}

function ScreenView({ screen, stackSize }: { screen: Screen; stackSize: number }) {
  const [, setLoaded] = useState(screens !== null);
  useEffect(() => {
    if (!screens) void loadScreens().then(() => setLoaded(true));
  }, []);
  if (screen.name === 'home') return <Home />;
  // A key pressed in the few ms before they have loaded opens its screen as soon as they have.
  return screens ? <screens.OtherScreen screen={screen} stackSize={stackSize} /> : null;
}

export function App(props: AppProps) {
  return (
    <InputRouter>
      <AppBody {...props} />
    </InputRouter>
  );
}

function AppBody({ ws, clock, initial = [], size, onRated = () => undefined, editor, exercises = ws.exercises }: AppProps) {
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
      changed: bump,
      fitOffered: () => {
        try {
          ws.settings.set({ fitOfferedAt: ws.progress.progress.reviews });
        } catch {
          // Offered again at the next start: nothing else depends on it.
        }
      },
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
