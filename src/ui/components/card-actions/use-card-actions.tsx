// Acting on the card a screen shows: x suspends (or unsuspends), f flags it with a note, v edits it
// in the user's editor. One hook for every screen that shows a card, so the keys, their footer
// hints and what they say back are the same in review, in the card view and in search.
import { Box, Text } from 'ink';
import { useLayoutEffect, useState, type ReactElement } from 'react';
import { markGlyphs } from '../../../core/card-marks.js';
import { safeText } from '../../../core/safe-text.js';
import { editable } from '../../../store/card-edit.js';
import { useAppActions, useAppState } from '../../app-context.js';
import { KeyModal } from '../../input.js';
import { BINDINGS, useKeys, useScreenInput, type Command } from '../../keys.js';
import type { KeyHint } from '../footer.js';
import { useRoom } from '../Layout.js';
import { TextField } from '../TextField.js';

export interface ActedCard {
  key: string;
  deckId: string;
  card: { id: string };
}

export interface CardActionsView {
  /** For the footer, after the screen's own keys (dropped first on a narrow terminal). */
  keys: KeyHint[];
  commands: Command[];
  /** "⊘ " suspended, "⚑ " flagged, or "": put before the card's label. */
  glyph: string;
  /** The flag's note, when the card has one. */
  note: string | null;
  suspended: boolean;
  /** What the last action did, for the footer's lead. */
  notice: string | null;
  /** The note field while a flag is being written: takes every key until Enter or Esc. */
  prompt: ReactElement | null;
  /** The footer while the note field is open. */
  promptFooter: string | null;
}

export interface CardActionOptions {
  isActive?: boolean;
  /** The card was suspended: a session drops it. */
  onSuspended?: (key: string) => void;
}

const ACTION_COMMANDS: Command[] = ['suspendCard', 'flagCard', 'editCard'];

export const FLAG_FOOTER = 'Enter save (empty clears) · Esc cancel';

export function useCardActions(item: ActedCard | null, { isActive = true, onSuspended }: CardActionOptions = {}): CardActionsView {
  const { ws, clock } = useAppState();
  const actions = useAppActions();
  const [flagging, setFlagging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const marks = ws.marks.current();
  const key = item?.key ?? '';
  const suspended = item !== null && marks.suspended.has(key);
  const flag = item ? (marks.flags.get(key) ?? null) : null;
  const canEdit = item !== null && editable(ws.library, item.deckId);

  useLayoutEffect(() => {
    if (!flagging) return;
    actions.setTyping(true);
    return () => actions.setTyping(false);
  }, [flagging, actions]);
  // A notice answers one key press: the next other key clears it (an action key says its own).
  useScreenInput((input, key) => (ACTION_COMMANDS.some((c) => BINDINGS[c].test(input, key)) ? undefined : setNotice(null)), { isActive: notice !== null && !flagging });

  const suspend = () => {
    if (!item) return;
    const on = !suspended;
    if (actions.write(() => ws.marks.suspend(key, on, clock())) === null) return;
    setNotice(on ? 'Suspended: Decks, then m, lists it' : 'Unsuspended');
    if (on) onSuspended?.(key);
  };
  const saveFlag = (note: string) => {
    setFlagging(false);
    if (!item) return;
    const text = note.trim();
    if (!text && !flag) return;
    if (actions.write(() => ws.marks.flag(key, text ? text : null, clock())) === null) return;
    setNotice(text ? '⚑ Flagged: keeper-prep flags lists it' : 'Flag cleared');
  };
  const edit = () => {
    if (!item || editing) return;
    setEditing(true);
    void actions.editCard(item.deckId, item.card.id).then((outcome) => {
      setEditing(false);
      if (outcome.kind === 'reloaded' && outcome.cardKept) setNotice('Saved and reloaded');
      else if (outcome.kind === 'unchanged') setNotice('No change');
    });
  };
  useKeys({ suspendCard: suspend, flagCard: () => setFlagging(true), editCard: edit }, { isActive: isActive && item !== null && !flagging && !editing });

  const keys: KeyHint[] = item ? [[canEdit ? 'x f v' : 'x f', `${suspended ? 'unsuspend' : 'suspend'}, flag${canEdit ? ', edit' : ''}`]] : [];
  return {
    keys,
    commands: item ? ACTION_COMMANDS : [],
    glyph: item ? markGlyphs(marks, key) : '',
    note: flag?.note ?? null,
    suspended,
    notice,
    prompt: flagging && item ? <FlagPrompt initial={flag?.note ?? ''} onSave={saveFlag} onCancel={() => setFlagging(false)} /> : null,
    promptFooter: flagging ? FLAG_FOOTER : null,
  };
}

const LABEL = '⚑ Flag note: ';

/** One line: the note field, over a screen that stays mounted under it. */
export function FlagPrompt({ initial, onSave, onCancel }: { initial: string; onSave: (note: string) => void; onCancel: () => void }) {
  return (
    <KeyModal open>
      <FlagField initial={initial} onSave={onSave} onCancel={onCancel} />
    </KeyModal>
  );
}

function FlagField({ initial, onSave, onCancel }: { initial: string; onSave: (note: string) => void; onCancel: () => void }) {
  const room = useRoom();
  useScreenInput((_input, key) => (key.escape ? onCancel() : undefined));
  const width = Math.max(2, room.width - LABEL.length);
  return (
    <Box flexShrink={0} width={room.width}>
      <Box flexShrink={0}>
        <Text color="yellow">{LABEL}</Text>
      </Box>
      <Box width={width} flexShrink={0}>
        <TextField initial={safeText(initial)} width={width} placeholder="answer B is wrong" onSubmit={onSave} />
      </Box>
    </Box>
  );
}
