// The readiness figures for a workspace: its study decks, records, log, attempts and settings
// gathered for core/readiness. The app's screens call this too, so it imports no charting code.
import { standingCram } from '../core/cram.js';
import { parseInterviewDate } from '../core/day.js';
import { readiness, type Readiness } from '../core/readiness.js';
import { trackById } from '../core/tracks.js';
import type { Workspace } from '../store/workspace.js';

export function readinessFor(ws: Workspace, now: number): Readiness {
  const settings = ws.settings.get();
  return readiness({
    decks: ws.studyDecks(),
    records: ws.progress.progress.cards,
    entries: ws.progress.entries(),
    attempts: ws.attempts.history(),
    scheduler: ws.scheduler(),
    now,
    interviewAt: settings.interviewDate === null ? null : parseInterviewDate(settings.interviewDate),
    targetRetention: settings.retention,
    newPerDay: settings.newPerDay,
    track: trackById(settings.role),
    practice: standingCram(ws.cram.entries()),
  });
}
