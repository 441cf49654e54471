// One listener on ink's input for the whole app, routing each key to the handlers that are active
// now. Two things ink's own useInput gets wrong for us:
// - each useInput attaches in a passive effect, so a key that arrives while a screen mounts (Enter
//   then j, typed quickly) reaches nobody; handlers here register in a layout effect, in the same
//   commit that draws the screen, and the router itself never unmounts;
// - ink hands a burst of plain text (a paste, fast typing, two Backspaces in one read over SSH) to
//   handlers as one string such as "ab\x7f\x7f"; here control characters in a burst become keys of
//   their own, so Backspace deletes and Enter submits whatever else arrived with them; and Esc
//   followed at once by a letter (which ink reads as Alt+letter) is Esc, then the letter.
import { useInput, type Key } from 'ink';
import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export type RawHandler = (input: string, key: Key) => void;

interface Entry {
  handler: { current: RawHandler };
  /** Inside an open KeyModal: while any such entry is active, only those get keys. */
  modal: boolean;
}

const RouterContext = createContext<Set<Entry> | null>(null);

/** How long a key waits for the screen to redraw after the key before it, when nothing redraws. */
const SETTLE_MS = 50;

/**
 * Keys that arrive together wait their turn: each is handed over once React has committed what
 * the key before it did (handlers are refreshed in a layout effect, so a commit is seen there), or
 * after SETTLE_MS when that key changed nothing. Without this, "33" in one read rates the card on
 * screen twice: React commits ink's updates some milliseconds later, after the second key has
 * reached the same, stale handlers.
 */
class Pace {
  private commits = 0;
  private waiting: { since: number; run: () => void; timer: NodeJS.Timeout }[] = [];

  committed(): void {
    this.commits++;
    const ready = this.waiting;
    this.waiting = [];
    for (const w of ready) {
      clearTimeout(w.timer);
      // Not inside React's commit: the next key starts a render of its own.
      setImmediate(w.run);
    }
  }

  afterCommit(run: () => void): void {
    const waiter = { since: this.commits, run, timer: setTimeout(() => this.release(waiter), SETTLE_MS) };
    this.waiting.push(waiter);
  }

  private release(waiter: { run: () => void }): void {
    this.waiting = this.waiting.filter((w) => w !== waiter);
    waiter.run();
  }
}

const PaceContext = createContext<Pace | null>(null);

/** Whether a text field has focus, as the app knows it: the router then keeps typed runs whole. */
const TypingContext = createContext<{ current: boolean } | null>(null);

/**
 * Tells the router whether a text field has focus. Without one, a run of letters in one read
 * ("33", "jj") is that many keys, each handed over in its turn; with one, it is text to insert.
 */
export function useTypingForKeys(typing: boolean): void {
  const ref = useContext(TypingContext);
  useLayoutEffect(() => {
    if (ref) ref.current = typing;
  }, [ref, typing]);
}

/** Whether the text that has focus takes several lines (the exercise editor): a paste then arrives whole. */
const WholePasteContext = createContext<{ current: boolean } | null>(null);

/**
 * Tells the router a multi-line editor has focus: a burst of text whose only control characters
 * are line ends and tabs (a paste) is handed over as one string, so the editor inserts it as it
 * is, instead of as lines and Enters (each indented again by the editor, one render per key).
 */
export function useWholePaste(active: boolean): void {
  const ref = useContext(WholePasteContext);
  useLayoutEffect(() => {
    if (!ref) return;
    ref.current = active;
    return () => {
      ref.current = false;
    };
  }, [ref, active]);
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const PASTE_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * A burst as a multi-line editor takes it: plain text with line ends or tabs (a paste) in one
 * piece, or null when it is not one (Backspace, Esc or a Ctrl key in it: split as usual). Line
 * ends at either edge stay Enter keys: "\rx" is Enter then x typed fast, which indents as typed.
 */
export function wholePaste(input: string, key: Key): [string, Key][] | null {
  const plain = !Object.entries(key).some(([name, on]) => on === true && name !== 'shift');
  if (!plain || input.length <= 1 || !/[^\r\n\t]/.test(input) || PASTE_CONTROL.test(input)) return null;
  const [, before = '', text = '', after = ''] = /^([\r\n]*)([\s\S]*?)([\r\n]*)$/.exec(input) ?? [];
  const enters = (breaks: string): [string, Key][] => breaks.replace(/\r\n/g, '\n').split('').map((): [string, Key] => ['', { ...NO_KEY, return: true }]);
  return [...enters(before), [text, key], ...enters(after)];
}

/** Routers with keys still to hand over, and who waits for none to be left (tests). */
const pending = new Set<object>();
const idleWaiters: (() => void)[] = [];

/** Resolves once every key received so far has been handed over and its screen has caught up. */
export function keysSettled(): Promise<void> {
  return pending.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
}

/** Runs `run` once the screen has redrawn after the key being handled now (see Pace). */
export function useAfterCommit(): (run: () => void) => void {
  const pace = useContext(PaceContext);
  if (!pace) throw new Error('useAfterCommit must be used inside <InputRouter>');
  return useCallback((run: () => void) => pace.afterCommit(run), [pace]);
}
const ModalContext = createContext(false);

/**
 * A prompt over a screen that stays mounted (a note typed over a card in review): while `open`,
 * keys go only to the handlers inside it, so the screen's own letter keys do not fire under it.
 */
export function KeyModal({ open, children }: { open: boolean; children: ReactNode }) {
  return <ModalContext.Provider value={open}>{children}</ModalContext.Provider>;
}

export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

function controlKey(char: string): [string, Key] {
  switch (char) {
    case '\r':
    case '\n':
      return ['', { ...NO_KEY, return: true }];
    case '\t':
      return ['', { ...NO_KEY, tab: true }];
    case '\b':
      return ['', { ...NO_KEY, backspace: true }];
    case '\x7f':
      return ['', { ...NO_KEY, delete: true }];
    default:
      // Ctrl+letter, as ink reports it when it arrives alone.
      return [String.fromCharCode(char.charCodeAt(0) + 96), { ...NO_KEY, ctrl: true }];
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * A burst of plain input as the keys it stands for: runs of printable text stay whole (a paste is
 * one insert), each control character is a key of its own.
 */
export function splitBurst(input: string, key: Key): [string, Key][] {
  // Esc and a letter in one read (typed fast, or over SSH) reach ink as Alt+letter; the app binds
  // no Alt keys, so, as vim does, they are the two keys they were.
  const others = Object.entries(key).some(([name, on]) => on === true && name !== 'meta' && name !== 'shift');
  if (key.meta && !others && [...input].length === 1) return [['', { ...NO_KEY, escape: true, meta: true }], ...splitBurst(input, NO_KEY)];
  const plain = !Object.entries(key).some(([name, on]) => on === true && name !== 'shift');
  if (!plain || input.length <= 1 || !CONTROL.test(input)) return [[input, key]];
  const keys: [string, Key][] = [];
  let run = '';
  for (const char of input) {
    if (CONTROL.test(char)) {
      if (run) keys.push([run, NO_KEY]);
      run = '';
      keys.push(controlKey(char));
    } else run += char;
  }
  if (run) keys.push([run, NO_KEY]);
  return keys;
}

/**
 * The one ink input listener; everything below it uses useRawInput or useKeys. Keys ink reads
 * together are handed over one at a time, each after the screen has caught up with the one
 * before (see Pace).
 */
export function InputRouter({ children }: { children: ReactNode }) {
  const [entries] = useState(() => new Set<Entry>());
  const [pace] = useState(() => new Pace());
  const queue = useRef({ keys: [] as [string, Key][], busy: false, recent: false });
  const typing = useRef(false);
  const wholePasteOn = useRef(false);
  // Stable, so ink never re-subscribes it (its effect would leave a gap where keys are lost).
  const route = useCallback(
    (input: string, key: Key) => {
      const q = queue.current;
      const deliver = ([i, k]: [string, Key]) => {
        // A snapshot: a screen opened by this key must not receive the same key.
        const snapshot = [...entries];
        const modal = snapshot.some((entry) => entry.modal);
        for (const entry of snapshot) {
          if (entries.has(entry) && (!modal || entry.modal)) entry.handler.current(i, k);
        }
      };
      const next = () => {
        const key = q.keys.shift();
        if (!key) {
          q.busy = false;
          pending.delete(q);
          if (pending.size === 0) for (const resolve of idleWaiters.splice(0)) resolve();
          return;
        }
        deliver(key);
        // A key ink hands over in the same turn (a second event from one read) waits too.
        q.recent = true;
        setImmediate(() => {
          q.recent = false;
        });
        if (q.keys.length > 0) pace.afterCommit(next);
        else next();
      };
      // Not typing: every letter is a key of its own, in the one queue that keeps their order.
      const whole = typing.current && wholePasteOn.current ? wholePaste(input, key) : null;
      const split = whole ?? splitBurst(input, key).flatMap(([i, k]): [string, Key][] => (!typing.current && i.length > 1 && !k.ctrl && !k.meta ? [...i].map((c): [string, Key] => [c, k]) : [[i, k]]));
      q.keys.push(...split);
      if (q.busy) return;
      q.busy = true;
      pending.add(q);
      if (q.recent) pace.afterCommit(next);
      else next();
    },
    [entries, pace],
  );
  useInput(route);
  return (
    <PaceContext.Provider value={pace}>
      <TypingContext.Provider value={typing}>
        <WholePasteContext.Provider value={wholePasteOn}>
          <RouterContext.Provider value={entries}>{children}</RouterContext.Provider>
        </WholePasteContext.Provider>
      </TypingContext.Provider>
    </PaceContext.Provider>
  );
}

/** Every key while active, as ink reports it (after burst splitting). */
export function useRawInput(handler: RawHandler, options: { isActive?: boolean } = {}): void {
  const entries = useContext(RouterContext);
  if (!entries) throw new Error('useRawInput must be used inside <InputRouter>');
  const ref = useRef(handler);
  const pace = useContext(PaceContext);
  useLayoutEffect(() => {
    ref.current = handler;
    pace?.committed();
  });
  const active = options.isActive ?? true;
  const modal = useContext(ModalContext);
  useLayoutEffect(() => {
    if (!active) return;
    const entry: Entry = { handler: ref, modal };
    entries.add(entry);
    return () => {
      entries.delete(entry);
    };
  }, [active, entries, modal]);
}
