// The settings a progress file carries: import-progress asks nothing, so it changes the user's
// role, interview date and the rest only when told to with --settings, and otherwise says what the
// file's settings were and how to apply them.
import { trackById } from '../core/tracks.js';
import type { TransferSettings as Settings } from '../store/settings.js';
import type { Workspace } from '../store/workspace.js';

const FIELDS = ['role', 'interviewDate', 'newPerDay', 'userDeckNewPerDay', 'retention', 'askConfidence'] as const;

function describe(field: (typeof FIELDS)[number], s: Settings): string {
  switch (field) {
    case 'role':
      return `role ${s.role ?? 'not chosen'}`;
    case 'interviewDate':
      return `interview date ${s.interviewDate ?? 'not set'}`;
    case 'newPerDay':
      return `${s.newPerDay} new cards a day`;
    case 'userDeckNewPerDay':
      return `${s.userDeckNewPerDay} new cards a day from each of your decks`;
    case 'retention':
      return `retention ${s.retention}`;
    case 'askConfidence':
      return `confidence ${s.askConfidence ? 'asked' : 'not asked'}`;
  }
}

/** What happened to the file's settings, as one line, or null when there is nothing to say. */
export function settingsLine(ws: Workspace, file: string, incoming: Settings | null, apply: boolean): string | null {
  if (!incoming) return apply ? `${file} holds no settings (it was written by an older keeper-prep); yours are unchanged.` : null;
  const here = ws.settings.get();
  const differ = FIELDS.filter((f) => here[f] !== incoming[f]);
  if (differ.length === 0) return apply ? 'The settings in the file are the same as yours.' : null;
  const text = differ.map((f) => describe(f, incoming)).join(', ');
  if (!apply) return `The file's settings were not applied (${text}); to use them, run import-progress again with --settings.`;
  // A role from a newer keeper-prep would leave the app with no track to show: the one here stays.
  if (incoming.role !== null && !trackById(incoming.role)) {
    const rest = differ.filter((f) => f !== 'role');
    ws.settings.set({ ...incoming, role: here.role });
    const taken = rest.length > 0 ? `Settings from the file are now yours: ${rest.map((f) => describe(f, incoming)).join(', ')}. ` : '';
    return `${taken}Its role ${incoming.role} is not one this version knows, so yours (${here.role ?? 'not chosen'}) is kept.`;
  }
  ws.settings.set({ ...incoming });
  return `Settings from the file are now yours: ${text}.`;
}
