// Generates decks/datasets/streaming.sql: the fictional streaming-service database the SQL
// exercises (decks/sql.json, type "sql") run against. Deterministic: a seeded PRNG and fixed
// dates, so running it again writes the same file byte for byte. Nothing here is real data.
//
//   node scripts/gen-streaming-dataset.mjs            writes the file
//   node scripts/gen-streaming-dataset.mjs --check    exits 1 when the committed file differs
//
// Changing the generator changes the data, and so the expected results of every exercise: run
// scripts/check-sql-exercises.mjs afterwards.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const OUT = new URL('../decks/datasets/streaming.sql', import.meta.url).pathname;

// ---------------------------------------------------------------- randomness (mulberry32)
let seed = 0x5eed1e55;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
function weighted(pairs) {
  const total = pairs.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs.at(-1)[0];
}
function shuffle(xs) {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

// ---------------------------------------------------------------- time (all UTC, epoch seconds)
const DAY = 86400;
const at = (y, m, d, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s) / 1000;
const iso = (t) => new Date(t * 1000).toISOString().slice(0, 19) + 'Z';
const dateOf = (t) => new Date(t * 1000).toISOString().slice(0, 10);
const END = at(2024, 10, 1); // data runs to 2024-09-30 23:59:59 UTC

// ---------------------------------------------------------------- reference tables
// Fixed offsets (no daylight saving) keep "local day" questions exact.
const COUNTRIES = [
  // code, name, utc offset minutes, currency, usd per unit (fictional), weight of members
  ['US', 'United States', -300, 'USD', 1.0, 30],
  ['BR', 'Brazil', -180, 'BRL', 0.2, 14],
  ['MX', 'Mexico', -360, 'MXN', 0.055, 9],
  ['GB', 'United Kingdom', 0, 'GBP', 1.25, 12],
  ['DE', 'Germany', 60, 'EUR', 1.1, 11],
  ['IN', 'India', 330, 'INR', 0.012, 12],
  ['JP', 'Japan', 540, 'JPY', 0.0068, 7],
  ['AU', 'Australia', 600, 'AUD', 0.66, 5],
];
const PLANS = [
  // plan_id, name, has_ads, max_streams, max_quality
  ['basic_ads', 'Basic with ads', 1, 2, '1080p'],
  ['standard', 'Standard', 0, 2, '1080p'],
  ['premium', 'Premium', 0, 4, '4K'],
];
// Monthly prices in local currency: made up, deliberately not any streaming service's real list
// prices (an earlier version copied public price points; do not reintroduce them).
const PRICES = {
  US: [7.25, 14.5, 21.75], BR: [21, 42, 58], MX: [105, 205, 285], GB: [5.25, 10.5, 15.75],
  DE: [5.75, 11.5, 17.25], IN: [159, 429, 579], JP: [820, 1380, 1850], AU: [8.5, 16, 23.5],
};

const GENRES = ['Drama', 'Comedy', 'Thriller', 'Documentary', 'Kids', 'Sci-Fi', 'Romance', 'Crime'];
const ADJ = ['Quiet', 'Glass', 'Hollow', 'Crimson', 'Silver', 'Last', 'Hidden', 'Northern', 'Broken', 'Golden', 'Paper', 'Midnight', 'Salt', 'Winter', 'Electric', 'Lost'];
const NOUN = ['Harbor', 'Orchard', 'Signal', 'Kingdom', 'River', 'Archive', 'Circus', 'Frontier', 'Lantern', 'Garden', 'Engine', 'Island', 'Verdict', 'Summer', 'Atlas', 'Choir'];

// ---------------------------------------------------------------- titles
const titles = [];
{
  const names = shuffle(ADJ.flatMap((a) => NOUN.map((n) => `The ${a} ${n}`)));
  for (let i = 1; i <= 140; i++) {
    const type = chance(0.45) ? 'series' : 'movie';
    const genre = pick(GENRES);
    const kids = genre === 'Kids';
    const rating = kids ? pick(['all', '7+']) : weighted([['7+', 1], ['13+', 4], ['16+', 4], ['18+', 2]]);
    let release;
    if (i > 132) release = at(2024, 11, int(1, 28)); // announced, not out yet: no plays
    else if (chance(0.22)) release = at(2024, int(1, 8), int(1, 28)); // new this year
    else release = at(int(2016, 2023), int(1, 12), int(1, 28));
    titles.push({
      title_id: i,
      name: names[i - 1],
      type,
      genre,
      release_date: dateOf(release),
      release,
      maturity_rating: rating,
      runtime_minutes: type === 'movie' ? int(80, 150) : null, // series: NULL (episodes vary)
      episode_minutes: type === 'series' ? pick([22, 30, 45, 50, 60]) : null,
      popularity: rand() ** 2.2,
    });
  }
  // A handful with no date yet: in production, announced without a release date.
  for (const t of titles.slice(-3)) {
    t.release_date = null;
    t.release = at(2025, 6, 1);
  }
}

// Availability windows by country: most titles everywhere, some not licensed in some countries,
// some with a window that ends during 2024 (licence expiry).
const availability = [];
for (const t of titles) {
  for (const [code] of COUNTRIES) {
    if (!chance(0.86)) continue;
    const from = t.release + (chance(0.8) ? 0 : int(30, 200) * DAY);
    let until = null;
    if (chance(0.12)) until = at(2024, int(3, 12), int(1, 28));
    if (until !== null && until <= from) until = null;
    if (t.release_date === null) continue; // no window before a release date exists
    availability.push({ title_id: t.title_id, country: code, available_from: dateOf(from), available_until: until === null ? null : dateOf(until), from, until });
  }
}
const windowOf = new Map(availability.map((a) => [`${a.title_id}|${a.country}`, a]));
const availableAt = (titleId, country, t) => {
  const w = windowOf.get(`${titleId}|${country}`);
  return Boolean(w) && w.from <= t && (w.until === null || t < w.until);
};

// ---------------------------------------------------------------- members
const members = [];
{
  const countryPairs = COUNTRIES.map((c) => [c[0], c[5]]);
  for (let id = 1; id <= 450; id++) {
    const country = weighted(countryPairs);
    // Cohorts: signups January to June 2024, more in some months.
    const month = weighted([[1, 20], [2, 14], [3, 16], [4, 13], [5, 17], [6, 20]]);
    const signup = at(2024, month, int(1, month === 2 ? 29 : 30));
    const plan = weighted([['basic_ads', 38], ['standard', 40], ['premium', 22]]);
    const engagement = 0.12 + rand() * 0.75; // viewing sessions per week, roughly
    let cancelled = null;
    if (chance(0.3)) {
      cancelled = signup + int(12, 200) * DAY + int(0, DAY - 1);
      if (cancelled >= END) cancelled = null;
    }
    // A referrer signed up before the member they referred and was still a member that day. (The
    // draw is made as before and kept when it fits, else mapped onto those members, so the rest of
    // the data is unchanged.)
    const draw = id > 40 && chance(0.28) ? int(1, id - 1) : null;
    const referrers = draw === null ? [] : members.filter((r) => r.signup < signup && (r.cancelled === null || r.cancelled > signup));
    const referredBy = referrers.length === 0 ? null : referrers.some((r) => r.member_id === draw) ? draw : referrers[(draw - 1) % referrers.length].member_id;
    members.push({ member_id: id, country, signup, signup_date: dateOf(signup), plan_id: plan, referred_by: referredBy, cancelled, engagement });
  }
}
const offsetOf = Object.fromEntries(COUNTRIES.map((c) => [c[0], c[2]]));

// ---------------------------------------------------------------- experiments and assignments
const experiments = [
  { experiment_id: 1, name: 'row-artwork-v2', started_on: '2024-07-01', ended_on: '2024-07-31', start: at(2024, 7, 1), end: at(2024, 8, 1), audience: 'all members', variants: [['control', 0.5], ['treatment', 0.5]] },
  { experiment_id: 2, name: 'autoplay-previews-off', started_on: '2024-08-01', ended_on: '2024-08-31', start: at(2024, 8, 1), end: at(2024, 9, 1), audience: 'all members', variants: [['control', 0.5], ['treatment', 0.5]] },
  { experiment_id: 3, name: 'ad-load-test', started_on: '2024-08-15', ended_on: null, start: at(2024, 8, 15), end: END, audience: 'members on an ad plan', variants: [['control', 0.5], ['light', 0.25], ['heavy', 0.25]] },
];
const assignments = [];
const variantOf = new Map(); // `${exp}|${member}` -> variant (the first one)
const activeDuring = (m, t0) => m.signup < t0 && (m.cancelled === null || m.cancelled > t0);
for (const e of experiments) {
  const eligible = members.filter((m) => activeDuring(m, e.start) && (e.experiment_id !== 3 || m.plan_id === 'basic_ads') && chance(0.85)); // the rest never opened the app in the window
  shuffle(eligible);
  // The platform splits eligible members by the intended shares (hashing, in real life).
  let from = 0;
  e.variants.forEach(([variant, share], k) => {
    const to = k === e.variants.length - 1 ? eligible.length : from + Math.round(share * eligible.length);
    for (const m of eligible.slice(from, to)) {
      // Experiment 2's treatment lost about 45% of its assignments to one app version's broken
      // logging: a sample-ratio mismatch for the exercises to find.
      if (e.experiment_id === 2 && variant === 'treatment' && chance(0.45)) continue;
      const assignedAt = e.start + int(0, 9 * DAY - 1);
      assignments.push({ member_id: m.member_id, experiment_id: e.experiment_id, variant, assigned_at: assignedAt });
      variantOf.set(`${e.experiment_id}|${m.member_id}`, variant);
    }
    from = to;
  });
}
{
  // Experiment 1: a few members were assigned twice, once to each variant (a cache bug).
  const e1 = assignments.filter((a) => a.experiment_id === 1);
  for (const a of shuffle([...e1]).slice(0, 7)) {
    assignments.push({ member_id: a.member_id, experiment_id: 1, variant: a.variant === 'control' ? 'treatment' : 'control', assigned_at: a.assigned_at + int(2, 12) * DAY });
  }
}
assignments.sort((a, b) => a.assigned_at - b.assigned_at || a.member_id - b.member_id);

// ---------------------------------------------------------------- playbacks
const DEVICES = [['tv', 45], ['mobile', 25], ['web', 17], ['tablet', 9], [null, 4]];
const playable = titles.filter((t) => t.release_date !== null);
function chooseTitle(country, t) {
  for (let tries = 0; tries < 30; tries++) {
    // Popular titles come up more often; new releases get a bump in their first weeks.
    const title = rand() < 0.5 ? pick(playable) : weighted(playable.map((x) => [x, x.popularity + (t - x.release < 45 * DAY && t >= x.release ? 1.5 : 0)]));
    if (availableAt(title.title_id, country, t)) return title;
  }
  return null;
}
const playbacks = [];
for (const m of members) {
  const stop = m.cancelled ?? END;
  let t = m.signup;
  let first = chance(0.8); // most members start watching within a few days of signing up
  while (t < stop) {
    let rate = m.engagement * (chance(0.5) ? 1 : 0.6);
    // Engagement fades with tenure for some members (it gives retention curves a shape).
    rate *= Math.max(0.35, 1 - (t - m.signup) / (300 * DAY));
    if (variantOf.get(`1|${m.member_id}`) === 'treatment' && t >= experiments[0].start && t < experiments[0].end) rate *= 1.35;
    const gapDays = first ? rand() * 4 : Math.max(0.2, -Math.log(1 - rand()) * (7 / rate) * 0.9);
    first = false;
    t += Math.round(gapDays * DAY);
    if (t >= stop) break;
    // A viewing session starts in the member's local evening mostly: local hour to UTC.
    const localHour = weighted([[7, 1], [12, 2], [17, 3], [19, 6], [20, 7], [21, 7], [22, 5], [23, 3], [0, 1]]);
    const localDayStart = Math.floor((t + offsetOf[m.country] * 60) / DAY) * DAY;
    let cursor = localDayStart + localHour * 3600 + int(0, 3599) - offsetOf[m.country] * 60;
    if (cursor < m.signup || cursor >= stop) continue;
    const device = weighted(DEVICES);
    const title = chooseTitle(m.country, cursor);
    if (!title) continue;
    const plays = title.type === 'series' ? weighted([[1, 3], [2, 3], [3, 2], [4, 1], [5, 1]]) : weighted([[1, 6], [2, 1]]);
    let current = title;
    for (let k = 0; k < plays && cursor < stop; k++) {
      const full = current.type === 'series' ? current.episode_minutes * 60 : current.runtime_minutes * 60;
      const seconds = chance(0.25) ? int(30, Math.floor(full * 0.4)) : int(Math.floor(full * 0.6), full);
      playbacks.push({ member_id: m.member_id, title_id: current.title_id, started: cursor, seconds_watched: seconds, device, country: m.country });
      // Next play: a short pause (same viewing session) or, rarely, a long one (a new session).
      cursor += seconds + (chance(0.85) ? int(10, 25 * 60) : int(35 * 60, 3 * 3600));
      if (current.type === 'movie' || chance(0.15)) {
        const other = chooseTitle(m.country, cursor);
        if (other) current = other;
      }
    }
    t = Math.max(t, cursor);
  }
}
// Planted: plays in a country where the title had no licence at that moment (a VPN, or a stale catalogue).
{
  let planted = 0;
  for (const p of shuffle([...playbacks])) {
    if (planted >= 12) break;
    const outside = titles.find((x) => x.release_date !== null && x.release < p.started && !availableAt(x.title_id, p.country, p.started) && chance(0.1));
    if (outside) {
      p.title_id = outside.title_id;
      planted++;
    }
  }
}
playbacks.sort((a, b) => a.started - b.started || a.member_id - b.member_id);
// Double-logged: a client retry wrote about 3% of plays twice, with a new id and the same content.
const playbackRows = [];
for (const p of playbacks) {
  p.playback_id = playbackRows.length + 1;
  playbackRows.push(p);
  if (chance(0.03)) playbackRows.push({ ...p, playback_id: playbackRows.length + 1, duplicate: true });
}

// ---------------------------------------------------------------- playback errors
const ERRORS = [['NET-1001', 40], ['DRM-2204', 12], ['DEC-3100', 15], ['CDN-4004', 20], ['APP-5002', 13]];
const playbackErrors = [];
for (const p of playbackRows) {
  if (p.duplicate) continue;
  const pErr = p.device === 'web' ? 0.09 : p.device === null ? 0.12 : 0.045;
  if (!chance(pErr)) continue;
  const n = weighted([[1, 7], [2, 2], [3, 1]]);
  let t = p.started + int(0, Math.max(1, Math.min(p.seconds_watched, 1200)));
  const code = weighted(ERRORS);
  for (let k = 0; k < n; k++) {
    playbackErrors.push({ playback_id: p.playback_id, error_code: k === 0 ? code : weighted(ERRORS), occurred_at: t, member_id: p.member_id });
    t += int(5, 240);
  }
}
playbackErrors.sort((a, b) => a.occurred_at - b.occurred_at || a.playback_id - b.playback_id);
playbackErrors.forEach((e, i) => (e.error_id = i + 1));

// ---------------------------------------------------------------- ad impressions
const adImpressions = [];
{
  const adMembers = new Set(members.filter((m) => m.plan_id === 'basic_ads').map((m) => m.member_id));
  for (const p of playbackRows) {
    if (p.duplicate || !adMembers.has(p.member_id)) continue;
    const variant = p.started >= experiments[2].start ? variantOf.get(`3|${p.member_id}`) : undefined;
    const perHour = variant === 'heavy' ? 2.4 : variant === 'light' ? 0.8 : 1.6;
    const n = Math.round((p.seconds_watched / 3600) * perHour * (0.6 + rand() * 0.8));
    const ctr = variant === 'heavy' ? 0.012 : variant === 'light' ? 0.03 : 0.02;
    for (let k = 0; k < n; k++) {
      const shown = p.started + int(0, Math.max(0, p.seconds_watched - 1));
      // Click tracking failed for some impressions: clicked is NULL (unknown), not 0.
      const clicked = chance(0.05) ? null : chance(ctr * 2.2) ? 1 : 0;
      adImpressions.push({ member_id: p.member_id, shown_at: shown, ad_id: `AD-${String(int(1, 24)).padStart(3, '0')}`, clicked });
    }
  }
  // Planted: impressions served to members on ad-free plans (a policy breach to find).
  const adFree = members.filter((m) => m.plan_id !== 'basic_ads' && m.cancelled === null);
  for (const m of shuffle([...adFree]).slice(0, 5)) {
    const own = playbackRows.filter((p) => p.member_id === m.member_id && !p.duplicate);
    if (own.length === 0) continue;
    const p = pick(own);
    for (let k = 0, n = int(1, 3); k < n; k++) adImpressions.push({ member_id: m.member_id, shown_at: p.started + int(0, 600), ad_id: `AD-${String(int(1, 24)).padStart(3, '0')}`, clicked: 0 });
  }
}
// A play that starts late on 30 September can run past midnight: keep the impressions inside the
// data's range (shown before 2024-10-01 UTC), as the header promises.
for (let i = adImpressions.length - 1; i >= 0; i--) if (adImpressions[i].shown_at >= END) adImpressions.splice(i, 1);
adImpressions.sort((a, b) => a.shown_at - b.shown_at || a.member_id - b.member_id);
adImpressions.forEach((x, i) => (x.impression_id = i + 1));

// ---------------------------------------------------------------- support contacts
const REASONS = [['billing', 25], ['playback_issue', 22], ['account_access', 18], ['maturity_rating', 8], ['ad_complaint', 7], ['cancellation', 12], ['content_request', 8]];
const contacts = [];
{
  const errorsByMember = new Map();
  for (const e of playbackErrors) (errorsByMember.get(e.member_id) ?? errorsByMember.set(e.member_id, []).get(e.member_id)).push(e);
  const push = (m, t, reason) => {
    if (t >= END || t < m.signup) return;
    const channel = weighted([['chat', 50], ['phone', 25], ['email', 25]]);
    const openForever = chance(channel === 'email' ? 0.12 : 0.05);
    const hours = channel === 'phone' ? rand() * 2 : channel === 'chat' ? rand() * 10 : 4 + rand() * 90;
    const resolvedAt = openForever ? null : t + Math.round(hours * 3600);
    const csat = resolvedAt === null || !chance(0.45) ? null : weighted([[1, 1], [2, 1], [3, 2], [4, 4], [5, 5]]);
    contacts.push({ member_id: m.member_id, contacted_at: t, channel, reason, resolved_at: resolvedAt !== null && resolvedAt < END ? resolvedAt : null, csat });
    // Unresolved or slow contacts come back within days sometimes (repeat contact).
    if (chance(resolvedAt === null ? 0.5 : 0.12)) push(m, t + int(1, 9 * DAY), reason);
  };
  // Maturity-rating complaints often follow an adult title watched on the account (by a child
  // on a shared profile, say): plant some a few hours after 18+ plays.
  const adult = new Set(titles.filter((x) => x.maturity_rating === '18+').map((x) => x.title_id));
  const memberById = new Map(members.map((m) => [m.member_id, m]));
  for (const p of shuffle(playbackRows.filter((x) => !x.duplicate && adult.has(x.title_id))).slice(0, 14)) {
    const m = memberById.get(p.member_id);
    if (m.cancelled === null || p.started + 3 * DAY < m.cancelled) push(m, p.started + p.seconds_watched + int(600, 30 * 3600), 'maturity_rating');
  }
  for (const m of members) {
    const errs = errorsByMember.get(m.member_id) ?? [];
    for (const e of errs) if (chance(0.12)) push(m, e.occurred_at + int(60, 20 * 3600), 'playback_issue');
    if (m.cancelled !== null && chance(0.35)) push(m, m.cancelled - int(0, 2 * DAY), 'cancellation');
    const n = weighted([[0, 10], [1, 4], [2, 1]]);
    for (let k = 0; k < n; k++) {
      const last = m.cancelled ?? END;
      push(m, m.signup + Math.floor(rand() * (last - m.signup)), weighted(REASONS.filter(([r]) => r !== 'cancellation' && (r !== 'ad_complaint' || m.plan_id === 'basic_ads'))));
    }
  }
}
contacts.sort((a, b) => a.contacted_at - b.contacted_at || a.member_id - b.member_id);
contacts.forEach((c, i) => (c.contact_id = i + 1));

// ---------------------------------------------------------------- SQL
const lit = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
function inserts(table, columns, rows) {
  const out = [];
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400).map((r) => `(${columns.map((c) => lit(r[c])).join(',')})`);
    out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${chunk.join(',\n')};`);
  }
  return out.join('\n');
}

const counts = {};
const parts = [];
const table = (name, ddl, columns, rows) => {
  counts[name] = rows.length;
  parts.push(`${ddl.trim()}\n${rows.length ? inserts(name, columns, rows) : ''}`);
};

table('countries', `
CREATE TABLE countries (
  country TEXT PRIMARY KEY,          -- two-letter code
  name TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL, -- fixed offset, no daylight saving: local = UTC + offset
  currency TEXT NOT NULL,
  usd_per_unit REAL NOT NULL         -- fixed, rounded exchange rate: USD for one unit of currency
);`, ['country', 'name', 'utc_offset_minutes', 'currency', 'usd_per_unit'],
COUNTRIES.map(([country, name, utc_offset_minutes, currency, usd_per_unit]) => ({ country, name, utc_offset_minutes, currency, usd_per_unit })));

table('plans', `
CREATE TABLE plans (
  plan_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  has_ads INTEGER NOT NULL,          -- 1: the plan shows ads
  max_streams INTEGER NOT NULL,
  max_quality TEXT NOT NULL
);`, ['plan_id', 'name', 'has_ads', 'max_streams', 'max_quality'],
PLANS.map(([plan_id, name, has_ads, max_streams, max_quality]) => ({ plan_id, name, has_ads, max_streams, max_quality })));

table('plan_prices', `
CREATE TABLE plan_prices (
  plan_id TEXT NOT NULL REFERENCES plans(plan_id),
  country TEXT NOT NULL REFERENCES countries(country),
  monthly_price REAL NOT NULL,       -- in the country's currency
  PRIMARY KEY (plan_id, country)
);`, ['plan_id', 'country', 'monthly_price'],
COUNTRIES.flatMap(([country]) => PLANS.map(([plan_id], i) => ({ plan_id, country, monthly_price: PRICES[country][i] }))));

table('members', `
CREATE TABLE members (
  member_id INTEGER PRIMARY KEY,
  country TEXT NOT NULL REFERENCES countries(country),
  signup_date TEXT NOT NULL,         -- YYYY-MM-DD (UTC)
  plan_id TEXT NOT NULL REFERENCES plans(plan_id), -- current plan
  referred_by INTEGER REFERENCES members(member_id), -- NULL: not referred
  cancelled_at TEXT                  -- UTC ISO-8601; NULL: still a member
);`, ['member_id', 'country', 'signup_date', 'plan_id', 'referred_by', 'cancelled_at'],
members.map((m) => ({ ...m, cancelled_at: m.cancelled === null ? null : iso(m.cancelled) })));

table('titles', `
CREATE TABLE titles (
  title_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,                -- 'movie' or 'series'
  genre TEXT NOT NULL,
  release_date TEXT,                 -- YYYY-MM-DD; NULL: announced, no date yet
  maturity_rating TEXT NOT NULL,     -- 'all', '7+', '13+', '16+', '18+'
  runtime_minutes INTEGER            -- movies only; NULL for series
);`, ['title_id', 'name', 'type', 'genre', 'release_date', 'maturity_rating', 'runtime_minutes'], titles);

table('title_availability', `
CREATE TABLE title_availability (
  title_id INTEGER NOT NULL REFERENCES titles(title_id),
  country TEXT NOT NULL REFERENCES countries(country),
  available_from TEXT NOT NULL,      -- YYYY-MM-DD, first day available (UTC)
  available_until TEXT,              -- YYYY-MM-DD, first day NOT available; NULL: no end date
  PRIMARY KEY (title_id, country)
);`, ['title_id', 'country', 'available_from', 'available_until'], availability);

table('playbacks', `
CREATE TABLE playbacks (
  playback_id INTEGER PRIMARY KEY,   -- one continuous play of one title
  member_id INTEGER NOT NULL REFERENCES members(member_id),
  title_id INTEGER NOT NULL REFERENCES titles(title_id),
  started_at TEXT NOT NULL,          -- UTC ISO-8601, like 2024-03-05T01:20:00Z
  seconds_watched INTEGER NOT NULL,
  device TEXT                        -- 'tv', 'mobile', 'web', 'tablet'; NULL: not reported
);`, ['playback_id', 'member_id', 'title_id', 'started_at', 'seconds_watched', 'device'],
playbackRows.map((p) => ({ ...p, started_at: iso(p.started) })));

table('playback_errors', `
CREATE TABLE playback_errors (
  error_id INTEGER PRIMARY KEY,
  playback_id INTEGER NOT NULL REFERENCES playbacks(playback_id),
  error_code TEXT NOT NULL,
  occurred_at TEXT NOT NULL          -- UTC ISO-8601
);`, ['error_id', 'playback_id', 'error_code', 'occurred_at'], playbackErrors.map((e) => ({ ...e, occurred_at: iso(e.occurred_at) })));

table('experiments', `
CREATE TABLE experiments (
  experiment_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  audience TEXT NOT NULL,
  started_on TEXT NOT NULL,          -- YYYY-MM-DD
  ended_on TEXT                      -- YYYY-MM-DD, last day; NULL: still running
);`, ['experiment_id', 'name', 'audience', 'started_on', 'ended_on'], experiments);

table('experiment_variants', `
CREATE TABLE experiment_variants (
  experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
  variant TEXT NOT NULL,
  expected_share REAL NOT NULL,      -- the share of assignments the design intends
  PRIMARY KEY (experiment_id, variant)
);`, ['experiment_id', 'variant', 'expected_share'], experiments.flatMap((e) => e.variants.map(([variant, expected_share]) => ({ experiment_id: e.experiment_id, variant, expected_share }))));

table('experiment_assignments', `
CREATE TABLE experiment_assignments (
  member_id INTEGER NOT NULL REFERENCES members(member_id),
  experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
  variant TEXT NOT NULL,
  assigned_at TEXT NOT NULL          -- UTC ISO-8601
);`, ['member_id', 'experiment_id', 'variant', 'assigned_at'], assignments.map((a) => ({ ...a, assigned_at: iso(a.assigned_at) })));

table('ad_impressions', `
CREATE TABLE ad_impressions (
  impression_id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(member_id),
  shown_at TEXT NOT NULL,            -- UTC ISO-8601
  ad_id TEXT NOT NULL,
  clicked INTEGER                    -- 1 clicked, 0 not; NULL: click tracking failed (unknown)
);`, ['impression_id', 'member_id', 'shown_at', 'ad_id', 'clicked'], adImpressions.map((x) => ({ ...x, shown_at: iso(x.shown_at) })));

table('support_contacts', `
CREATE TABLE support_contacts (
  contact_id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(member_id),
  contacted_at TEXT NOT NULL,        -- UTC ISO-8601
  channel TEXT NOT NULL,             -- 'chat', 'phone', 'email'
  reason TEXT NOT NULL,
  resolved_at TEXT,                  -- UTC ISO-8601; NULL: still open
  csat INTEGER                       -- survey score 1-5; NULL: no survey answer
);`, ['contact_id', 'member_id', 'contacted_at', 'channel', 'reason', 'resolved_at', 'csat'],
contacts.map((c) => ({ ...c, contacted_at: iso(c.contacted_at), resolved_at: c.resolved_at === null ? null : iso(c.resolved_at) })));

const total = Object.values(counts).reduce((a, b) => a + b, 0);
const header = `-- streaming.sql: a FICTIONAL streaming service's data for keeper-prep's SQL exercises.
-- Generated by scripts/gen-streaming-dataset.mjs (seeded, deterministic); do not edit by hand.
-- No real member, title or business data: every id, title name, price and event is made up;
-- exchange rates and UTC offsets are fixed, rounded stand-ins, not market or calendar data.
--
-- Conventions
--   * Timestamps are UTC ISO-8601 text ending in Z; dates are YYYY-MM-DD text.
--   * A member's local time is UTC plus countries.utc_offset_minutes (fixed, no daylight saving).
--   * Data covers 2024-01-01 to 2024-09-30 (UTC). Members signed up January to June 2024.
--   * NULLs mean something: members.cancelled_at (still a member), members.referred_by (not
--     referred), playbacks.device (not reported), titles.release_date (no date yet),
--     titles.runtime_minutes (series), title_availability.available_until (open-ended),
--     experiments.ended_on (running), ad_impressions.clicked (unknown),
--     support_contacts.resolved_at (open) and csat (no survey answer).
--   * About 3% of playbacks were logged twice by a client retry: same member, title, started_at,
--     seconds_watched and device, a different playback_id.
--   * A playback is one continuous play of one title; a viewing session is a run of playbacks
--     with short gaps between them.
--
-- Rows (${total} in all):
${Object.entries(counts).map(([k, v]) => `--   ${k} ${v}`).join('\n')}
`;
const sql = `${header}\nBEGIN;\n\n${parts.join('\n\n')}\n\nCOMMIT;\n`;

if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== sql) {
    console.error(`${OUT} differs from what the generator writes; run node scripts/gen-streaming-dataset.mjs`);
    process.exit(1);
  }
  console.log('streaming.sql is up to date');
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, sql);
  console.log(`wrote ${OUT}: ${(sql.length / 1024).toFixed(0)} KB, ${total} rows`);
  for (const [k, v] of Object.entries(counts)) console.log(`  ${k.padEnd(24)} ${v}`);
}
