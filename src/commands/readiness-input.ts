// The readiness figures for a workspace: its study decks, records, log, attempts and settings
// gathered for core/readiness. The app's screens call this too, so it imports no charting code.
import { standingCram } from '../core/cram.js';
import { valuesWithoutStory } from '../core/stories.js';
import { readiness, type DailyPlan, type Readiness } from '../core/readiness.js';
import { trackById } from '../core/tracks.js';
import type { Workspace } from '../store/workspace.js';

/** `plan`: the day's plan when the caller has it (Workspace.dayPlan); its plan is the one every output shows. */
export function readinessFor(ws: Workspace, now: number, plan: DailyPlan | null = ws.plan(now)): Readiness {
  const settings = ws.settings.get();
  const scheduler = ws.scheduler();
  return readiness({
    decks: ws.studyDecks(),
    records: ws.progress.progress.cards,
    history: ws.progress.figures.current(undefined, scheduler.decay),
    entries: () => ws.progress.entries(),
    attempts: ws.attempts.history(),
    scheduler,
    now,
    interviewAt: ws.interviewAt(),
    targetRetention: settings.retention,
    newPerDay: settings.newPerDay,
    track: trackById(settings.role),
    practice: standingCram(ws.cram.entries()),
    plan,
  });
}

/** The story bank's part of readiness: how many stories, and which culture values none shows yet. */
export function storyCoverage(ws: Workspace): { stories: number; valuesWithoutStory: string[] } {
  const stories = ws.stories.list();
  return { stories: stories.length, valuesWithoutStory: valuesWithoutStory(stories).map((v) => v.name) };
}

export function storyLine(coverage: { stories: number; valuesWithoutStory: string[] }): string {
  const count = `${coverage.stories} ${coverage.stories === 1 ? 'story' : 'stories'}`;
  return coverage.valuesWithoutStory.length === 0 ? `Stories: ${count}; every culture value has one.` : `Stories: ${count}; no story yet for ${coverage.valuesWithoutStory.join(', ')}.`;
}
