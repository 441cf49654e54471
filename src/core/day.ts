// The study day in the user's local time. Clock readings are passed in, never read here.

export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function endOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment readiness predicts recall for: noon, local time, on the interview day (interviews
 * run in the daytime, and a fixed hour keeps predictions stable through the day). Null when the
 * text is not a real YYYY-MM-DD date.
 */
export function parseInterviewDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 12, 0, 0, 0);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date.getTime() : null;
}

/** Whole study days from today until the interview day, counting today and not the interview day (0 on the day). */
export function daysUntil(now: number, interviewAt: number): number {
  return Math.max(0, Math.round((startOfDay(interviewAt) - startOfDay(now)) / DAY_MS));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A moment as the user reads dates everywhere in the app and its commands: local YYYY-MM-DD.
 * One format, not the locale's, so a date reads the same in a table, a report and a screen.
 */
export function formatDate(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** A moment with its time of day, local YYYY-MM-DD HH:MM (24-hour). */
export function formatDateTime(at: number): string {
  const d = new Date(at);
  return `${formatDate(at)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
