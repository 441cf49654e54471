// The day's plan, worked out in one place: the new-card limits in force (the setting raised to what
// the interview plan needs, and each of the user's own decks a limit of its own on top), what is due
// and new today, the plan line and its advice. Home, Readiness, `stats` and `report` all say what
// this says, so no two of them can disagree, and none asks the user to raise a limit the plan raises.
import type { Deck } from './deck.js';
import { daysUntil, endOfDay, startOfDay } from './day.js';
import { overview, type Overview } from './overview.js';
import type { CardRecord } from './progress.js';
import { deckFacts } from './deck-facts.js';
import { talliesFor, type Tallies } from './deck-tally.js';
import { roomLeft, type NewLimits, type NewRoom } from './queue.js';
import { dailyPlan, planLine, type DailyPlan } from './readiness.js';
import type { MemoryState, Scheduler } from './scheduler.js';
import type { Track } from './tracks.js';

/** How many days before the interview cards start coming in ahead of their due date. */
export const REVIEW_AHEAD_DAYS = 7;

export interface DayPlanInput {
  /** The study decks: the role's, or those chosen with --deck. */
  decks: readonly Deck[];
  /** Every loaded deck of the user's (imported, written, or passed as a file): each has a daily limit of its own. */
  ownDecks: readonly Deck[];
  records: ReadonlyMap<string, CardRecord>;
  scheduler: Scheduler;
  now: number;
  /** parseInterviewDate's moment, or null without a date. */
  interviewAt: number | null;
  retention: number;
  /** The new-cards-a-day setting for the role's decks. */
  newPerDay: number;
  /** The new-cards-a-day setting for each of the user's decks. */
  ownNewPerDay: number;
  track?: Track | undefined;
  /** Today's "learn N more" cards: on top of the limits. */
  granted?: ReadonlySet<string> | undefined;
}

export interface DayLimits {
  /** Null without an interview date. */
  plan: DailyPlan | null;
  /**
   * The limit the plan steers, as set and as it stands today (raised to what the plan needs): the
   * role's decks', or the user's decks' when only those are studied.
   */
  newLimit: { setting: number; today: number };
  /** Whether the plan covers the user's own decks (only they are studied) rather than the role's. */
  planCoversOwn: boolean;
  /** How many of the study decks are the user's own. */
  studiedOwn: number;
  limits: NewLimits;
  room: NewRoom;
  /** In the last week before the interview: the moment and target that bring weak cards in early. */
  ahead: { at: number; target: number } | undefined;
  /** What the room was counted from, for the day's figures to use again. */
  tallies: Tallies;
}

export interface DayPlan extends DayLimits {
  /** Due, ahead and new today over the study decks, overall and per deck. */
  figures: Overview;
  /** "12 days left: 25 new + ~40 reviews a day"; null without a date. */
  planLine: string | null;
  /** What the plan asks beside the plan line, one sentence a line. */
  advice: string[];
}

/** The decks the interview plan covers: the role's; the user's own come on top, unless they are all there is. */
export function plannedDecks(decks: readonly Deck[], ownIds: ReadonlySet<string>): { planned: readonly Deck[]; planCoversOwn: boolean } {
  const roleDecks = decks.filter((d) => !ownIds.has(d.id));
  const cardsIn = (list: readonly Deck[]) => list.reduce((n, d) => n + deckFacts(d).keys.length, 0);
  const planCoversOwn = cardsIn(roleDecks) === 0 && cardsIn(decks) > 0;
  return { planned: planCoversOwn ? decks : roleDecks, planCoversOwn };
}

/** The limits and plan alone, without the day's figures: what a queue needs. */
export function dayLimits(input: DayPlanInput): DayLimits {
  const ownIds = new Set(input.ownDecks.map((d) => d.id));
  const roleDecks = input.decks.filter((d) => !ownIds.has(d.id));
  const { planned, planCoversOwn } = plannedDecks(input.decks, ownIds);
  let plan: DailyPlan | null = null;
  const setting = planCoversOwn ? input.ownNewPerDay : input.newPerDay;
  if (input.interviewAt !== null) {
    const seen: { key: string; state: MemoryState }[] = [];
    const dayStart = startOfDay(input.now);
    let cards = 0;
    let firstSeenToday = 0;
    for (const deck of planned) {
      const { keys } = deckFacts(deck);
      cards += keys.length;
      for (const key of keys) {
        const record = input.records.get(key);
        if (!record) continue;
        seen.push({ key, state: record.state });
        if (record.firstReview >= dayStart) firstSeenToday++;
      }
    }
    plan = dailyPlan({ cards, seen, scheduler: input.scheduler, now: input.now, interviewAt: input.interviewAt, targetRetention: input.retention, newPerDay: setting, firstSeenToday });
  }
  const today = Math.max(setting, plan?.newPerDay ?? 0);
  const limits: NewLimits = { shared: planCoversOwn ? input.newPerDay : today, own: ownIds, ownLimit: planCoversOwn ? today : input.ownNewPerDay, granted: input.granted };
  const at = input.interviewAt;
  const ahead = at !== null && at >= input.now && daysUntil(input.now, at) <= REVIEW_AHEAD_DAYS ? { at, target: input.retention } : undefined;
  // Every user deck's cards count against its own limit, studied from the role's set or on its own.
  const counted = [...roleDecks, ...input.ownDecks];
  const tallies = talliesFor(counted, { records: input.records, dayStart: startOfDay(input.now), dayEnd: endOfDay(input.now), scheduler: input.scheduler, ahead, granted: input.granted });
  const room = roomLeft(counted.filter((deck) => deckFacts(deck).keys.length > 0).map((deck) => [deck.id, tallies.byDeck.get(deck)!.firstToday] as const), limits);
  return { plan, newLimit: { setting, today }, planCoversOwn, studiedOwn: input.decks.filter((d) => ownIds.has(d.id)).length, limits, room, ahead, tallies };
}

/** "the plan raises your 20 new a day to 38", or null when the setting is enough. */
export function raisedText(day: Pick<DayLimits, 'newLimit' | 'planCoversOwn'>): string | null {
  const { setting, today } = day.newLimit;
  if (today <= setting) return null;
  return `the plan raises your ${setting} new a day${day.planCoversOwn ? ' per deck' : ''} to ${today}`;
}

function adviceLines(day: DayLimits): string[] {
  const { plan } = day;
  const lines: string[] = [];
  if (plan && plan.status === 'ahead') {
    const raised = raisedText(day);
    lines.push(plan.unseen === 0 ? `All ${plan.cards} cards seen at least once.` : `${plan.unseen} of ${plan.cards} cards still new${raised ? `; ${raised}` : ''}.`);
  }
  if (plan && plan.status !== 'past' && plan.pullForward.length > 0) {
    lines.push(`${plan.pullForward.length} card${plan.pullForward.length === 1 ? '' : 's'} would slip below your target by the day: the last week brings them back early.`);
  }
  if (day.studiedOwn > 0 && !day.planCoversOwn) {
    const base = plan && plan.status === 'ahead' ? 'the plan' : `the role's ${day.limits.shared}`;
    lines.push(`Your own deck${day.studiedOwn === 1 ? '' : 's'}: up to ${day.limits.ownLimit} new cards a day${day.studiedOwn === 1 ? '' : ' each'}, on top of ${base}.`);
  }
  return lines;
}

/** The whole day: limits, plan, the figures of today's queue, and what to say about them; `day` when the caller has the limits for this input already. */
export function dayPlan(input: DayPlanInput, day: DayLimits = dayLimits(input)): DayPlan {
  const figures = overview(input.decks, input.records, input.now, { room: day.room, scheduler: input.scheduler, track: input.track, ahead: day.ahead, tallies: day.tallies });
  return { ...day, figures, planLine: day.plan ? planLine(day.plan) : null, advice: adviceLines(day) };
}
