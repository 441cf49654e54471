// A study session as a pure reducer: what shows next, learning steps inside the session, and
// undo. The caller records each rating to disk before dispatching it here.
import type { StudyItem } from './queue.js';
import type { CardRecord } from './progress.js';
import type { Rating } from './scheduler.js';

interface Relearn {
  item: StudyItem;
  due: number;
}

interface Undoable {
  /** The session as it was before the rating. */
  before: SessionCore;
  reviewId: string;
  key: string;
  restore: CardRecord | null;
}

interface SessionCore {
  current: StudyItem | null;
  queue: StudyItem[];
  /** Cards rated this session that are due again before it would end (learning steps). */
  again: Relearn[];
  rated: number;
  lapses: number;
}

export interface SessionState extends SessionCore {
  startedAt: number;
  /** When the last card was rated, so the summary's time stays put while it is read. */
  lastRatedAt: number;
  /** Latest first. */
  undo: Undoable[];
}

export type SessionAction =
  | { type: 'rated'; item: StudyItem; rating: Rating; record: CardRecord; reviewId: string; restore: CardRecord | null; now: number; sessionEnd: number }
  | { type: 'undone'; now: number }
  /** The card was suspended: it leaves the session, wherever it is in it. */
  | { type: 'removed'; key: string; now: number };

function pick(core: Omit<SessionCore, 'current'>, now: number): SessionCore {
  const again = [...core.again].sort((a, b) => a.due - b.due);
  const ready = again[0] && again[0].due <= now ? again.shift() : undefined;
  if (ready) return { ...core, current: ready.item, again };
  const [next, ...queue] = core.queue;
  if (next) return { ...core, current: next, queue, again };
  // Nothing else left: show the next learning step early rather than make the user wait.
  const early = again.shift();
  return { ...core, current: early ? early.item : null, again };
}

export function startSession(items: readonly StudyItem[], now: number): SessionState {
  return { ...pick({ queue: [...items], again: [], rated: 0, lapses: 0 }, now), startedAt: now, lastRatedAt: now, undo: [] };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'rated': {
      const { startedAt: _s, lastRatedAt: _l, undo, ...before } = state;
      const again = action.record.state.due < action.sessionEnd && action.record.state.phase !== 'review'
        ? [...state.again, { item: action.item, due: action.record.state.due }]
        : state.again;
      const core = pick({ queue: state.queue, again, rated: state.rated + 1, lapses: state.lapses + (action.rating === 1 ? 1 : 0) }, action.now);
      return { ...core, startedAt: state.startedAt, lastRatedAt: action.now, undo: [{ before, reviewId: action.reviewId, key: action.item.key, restore: action.restore }, ...undo] };
    }
    case 'undone': {
      const [last, ...rest] = state.undo;
      if (!last) return state;
      return { ...last.before, startedAt: state.startedAt, lastRatedAt: state.lastRatedAt, undo: rest };
    }
    case 'removed': {
      const keep = (item: StudyItem) => item.key !== action.key;
      const core = { queue: state.queue.filter(keep), again: state.again.filter((r) => keep(r.item)), rated: state.rated, lapses: state.lapses };
      const next = state.current && keep(state.current) ? { ...core, current: state.current } : pick(core, action.now);
      return { ...state, ...next };
    }
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

export interface SessionProgress {
  /** Ratings given this session (a card that came back and was rated again counts twice). */
  done: number;
  /**
   * What is queued right now: the card showing, the cards still to come, and the learning steps
   * waiting to come back. A step joins this count when its card is rated, so it never grows a
   * total the user was already shown.
   */
  left: number;
  /** Of `left`, the learning steps due back later in the session. */
  learning: number;
  /** How full the bar is: done / (done + left); 1 when there was nothing to do. */
  share: number;
}

export function sessionProgress(state: SessionState): SessionProgress {
  const left = state.queue.length + state.again.length + (state.current ? 1 : 0);
  const all = state.rated + left;
  return { done: state.rated, left, learning: state.again.length, share: all === 0 ? 1 : state.rated / all };
}
