// Readiness drawn as plain text for the terminal and for `stats`: shapes and glyphs carry the
// meaning, never colour, and every line fits in 76 columns so an 80x24 terminal shows it whole.
import { plot } from 'asciichart';
import type { Forecast, Heatmap, Topic } from './readiness.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const SHADES = ['·', '░', '▒', '▓', '█'];

/** 0.734 → "73%"; null → "-". */
export function percent(value: number | null): string {
  return value === null ? '-' : `${Math.round(value * 100)}%`;
}

/** "Java: generics"; an untagged group is named after its deck, and is said once. */
export function topicLabel(topic: Pick<Topic, 'name' | 'deckTitle'>): string {
  return topic.name === topic.deckTitle ? topic.name : `${topic.deckTitle}: ${topic.name}`;
}

/** A 0-to-1 series as block glyphs, one a value: the shape of a trend in a table cell. */
export function sparkline(values: readonly number[]): string {
  return values.map((v) => SPARKS[Math.min(SPARKS.length - 1, Math.max(0, Math.floor(v * SPARKS.length)))]).join('');
}

/** How much a 0-to-1 series moved from first to last, in points: "+12", "-3", "±0". */
export function trendChange(values: readonly number[]): string {
  const points = Math.round(((values.at(-1) ?? 0) - (values[0] ?? 0)) * 100);
  return points === 0 ? '±0' : points > 0 ? `+${points}` : `${points}`;
}

function addDays(at: number, n: number): Date {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

/** The upper bounds of the four shades: quartiles of the days that had any reviews. */
function quartiles(counts: readonly number[]): [number, number, number] {
  const busy = counts.filter((c) => c > 0).sort((a, b) => a - b);
  const at = (p: number) => busy[Math.max(0, Math.ceil(p * busy.length) - 1)] ?? 0;
  return [at(0.25), at(0.5), at(0.75)];
}

/**
 * The month names over the heatmap's columns: each month over the week its 1st falls in (up to
 * today), so the current month is named as soon as it starts, even when its 1st is not a Monday.
 * The first column is named after its own month when no month starts close enough to it.
 */
function monthLabels(start: number, firstMonday: number, weeks: number, today: number): string {
  const labels: { week: number; month: number }[] = [];
  for (let week = 0; week < weeks; week++) {
    for (let day = firstMonday + week * 7; day < firstMonday + week * 7 + 7 && day <= today; day++) {
      const date = addDays(start, day);
      if (date.getDate() === 1) labels.push({ week, month: date.getMonth() });
    }
  }
  // A label is 3 columns and a week 2: the leading one needs the next month to start 2 weeks on.
  if ((labels[0]?.week ?? weeks) >= 2) labels.unshift({ week: 0, month: addDays(start, firstMonday).getMonth() });
  let line = '';
  for (const { week, month } of labels) line = `${line.padEnd(4 + week * 2)}${MONTHS[month]}`;
  return line;
}

/**
 * Reviews a day as a grid: a row per weekday (Mon to Sun), a column per week, the latest week on
 * the right (days still to come blank), shaded by quartile of the busy days, with a legend.
 */
export function heatmapChart(heatmap: Heatmap): string {
  const weeks = Math.floor(heatmap.days.length / 7);
  const today = heatmap.days.length - 1;
  const todayWeekday = (addDays(heatmap.start, today).getDay() + 6) % 7;
  // Day index (into heatmap.days) of the Monday that starts the first column.
  const firstMonday = today - todayWeekday - (weeks - 1) * 7;
  const [q1, q2, q3] = quartiles(heatmap.days);
  const shade = (count: number) => SHADES[count === 0 ? 0 : count <= q1 ? 1 : count <= q2 ? 2 : count <= q3 ? 3 : 4]!;

  const months = monthLabels(heatmap.start, firstMonday, weeks, today);
  const rows = WEEKDAYS.map((name, weekday) => {
    const cells: string[] = [];
    for (let week = 0; week < weeks; week++) {
      const day = firstMonday + week * 7 + weekday;
      cells.push(day < 0 || day > today ? ' ' : shade(heatmap.days[day] ?? 0));
    }
    return `${name} ${cells.join(' ')}`.trimEnd();
  });
  const legend = [`${SHADES[0]} none`];
  let from = 1;
  const max = Math.max(0, ...heatmap.days);
  [q1, q2, q3, max].forEach((upper, i) => {
    if (upper >= from) legend.push(`${SHADES[i + 1]} ${from === upper ? from : `${from}-${upper}`}`);
    from = Math.max(from, upper + 1);
  });
  return [months, ...rows, max === 0 ? `    ${SHADES[0]} no reviews yet` : `    ${legend.join('  ')} ${max === 1 ? 'review' : 'reviews'} a day`].join('\n');
}

/** Columns per day in the line charts: wide enough for the day labels under them. */
const STRETCH = 3;
const LABEL_WIDTH = 5;

// asciichart's own set, but with a plain tick where it puts ┼: it draws that on the row of the
// first value and on the top row, which reads as a value that is not there.
const SYMBOLS: [string, string, string, string, string, string, string, string, string, string] = ['┤', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'];

/** The smallest 1-2-5 step that splits 0..top into at most `rows` rows, so the labels are round numbers. */
function niceStep(top: number, rows: number): number {
  for (let scale = 1; ; scale *= 10) {
    for (const step of [1, 2, 5]) if (step * scale * rows >= top) return step * scale;
  }
}

function lineChart(values: readonly number[], max: number, height: number, format: (value: number) => string): string[] {
  const stretched = values.flatMap((v) => new Array<number>(STRETCH).fill(v));
  const chart = plot(stretched, {
    min: 0,
    max,
    height,
    format: (value: number) => format(value).padStart(LABEL_WIDTH),
    symbols: SYMBOLS,
  });
  return chart.split('\n').map((line) => line.trimEnd());
}

/** A label row under a stretched chart: `labels` at the day columns given. */
function axis(labels: readonly [number, string][]): string {
  // The series starts one column after the label and the axis glyph.
  let line = '';
  for (const [day, text] of labels) {
    const column = LABEL_WIDTH + 1 + day * STRETCH;
    line = `${line.padEnd(Math.max(column, line.length + 1))}${text}`;
  }
  return line;
}

/** Cards due on each of the next 14 days (overdue ones today), as a line chart. */
export function forecastChart(forecast: Forecast): string {
  const top = Math.max(...forecast.days);
  if (top === 0) return 'Nothing is due in the next 14 days.';
  const step = niceStep(top, 6);
  const rows = Math.ceil(top / step);
  const chart = lineChart(forecast.days, rows * step, rows, (v) => String(Math.round(v)));
  const last = forecast.days.length - 1;
  // The exact counts under their days (the chart's rows are too coarse to read them off), each
  // ending at its day's last column. Counts too wide to keep a space between neighbours go on two
  // rows, alternate days on each, so 458 and 204 never read as 458204.
  const texts = forecast.days.map((n) => (n > 999 ? '999+' : String(n)));
  const staggered = texts.some((text) => text.length >= STRETCH);
  const countRow = (parity: number | null): string =>
    texts.reduce((line, text, day) => (parity === null || day % 2 === parity ? `${line.padEnd(LABEL_WIDTH + (day + 1) * STRETCH - text.length)}${text}` : line), '');
  const counts = staggered ? [countRow(0), countRow(1)] : [countRow(null)];
  return [...chart, ...counts, axis([[0, 'today'], [7, '+7'], [last, `+${last}`]])].join('\n');
}

/** Predicted recall on the day (0 to 100%) as it stood at the end of each of the last 14 days. */
export function trendChart(trend: readonly number[]): string {
  const percents = trend.map((v) => v * 100);
  // Always 0 to 100%: a fixed scale keeps a small rise from looking like a leap.
  const chart = lineChart(percents, 100, 5, (v) => `${Math.round(v)}%`);
  const last = trend.length - 1;
  return [...chart, axis([[0, `-${last}d`], [last, 'today']])].join('\n');
}
