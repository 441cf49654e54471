// The fault table of issue 13: every file in the data directory, damaged each way a sync tool, a
// bad restore or a full disk damages it. Each case asserts what the user is told, the copy kept
// aside, and what is kept of their data.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTimer } from '../../src/core/mock.js';
import { standingCram } from '../../src/core/cram.js';
import type { Story } from '../../src/core/stories.js';
import type { Attempt } from '../../src/store/attempts.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const T1 = T0 + 86_400_000;
const KEY = 'mini-design/url-shortener';
const DRAFT = 'drafts/mini-design--url-shortener.json';

const story = (id: string): Story => ({ id, title: `Story ${id}`, situation: 'S.', task: 'T.', action: 'A.', result: 'R.', values: ['courage'], createdAt: T0, updatedAt: T0 });
const attempt = (finishedAt: number): Attempt => ({
  v: 1, key: KEY, startedAt: finishedAt - 600_000, finishedAt, durationMs: 600_000, minutes: 10,
  phases: [{ name: 'Clarify', ms: 600_000 }], hintsUsed: 0, scores: [{ dimension: 'Requirements', score: 3 }], rating: 3, notes: `notes ${finishedAt}`,
});

interface Counts {
  reviews: number;
  cards: number;
  attempts: number;
  cram: number;
  stories: number;
  drafts: number;
  role: string | null;
  interviewDate: string | null;
}

let builtins = '';
let template = '';

function open(dir: string, now: number): Promise<Workspace> {
  return openWorkspace({ dataDir: dir, env: {}, builtinDir: builtins, now });
}

function counts(ws: Workspace): Counts {
  const s = ws.settings.get();
  return {
    reviews: ws.progress.progress.reviews,
    cards: ws.progress.progress.cards.size,
    attempts: ws.attempts.history().length,
    cram: standingCram(ws.cram.entries()).length,
    stories: ws.stories.list().length,
    drafts: ws.attempts.draftKeys().length,
    role: s.role,
    interviewDate: s.interviewDate,
  };
}

const SEEDED: Counts = { reviews: 20, cards: 12, attempts: 3, cram: 6, stories: 2, drafts: 1, role: 'ml-engineer', interviewDate: '2026-12-24' };

beforeAll(async () => {
  // Kept for the whole file (tempDir's are removed after each test).
  builtins = mkdtempSync(join(tmpdir(), 'keeper-prep-builtins-'));
  template = mkdtempSync(join(tmpdir(), 'keeper-prep-template-'));
  const ws = await open(template, T0);
  ws.settings.set({ role: 'ml-engineer', interviewDate: '2026-12-24' });
  for (let i = 0; i < 20; i++) ws.rate(`d/card-${i % 12}`, 3, T0 + i * 60_000, 1000);
  for (let i = 0; i < 3; i++) ws.attempts.record(attempt(T0 + i));
  for (let i = 0; i < 6; i++) ws.cramRate(`d/card-${i}`, 3, T0 + i, 1000);
  ws.stories.save(story('a'));
  ws.stories.save(story('b'));
  ws.attempts.saveDraft({ v: 1, key: KEY, minutes: 10, timer: startTimer(T0), hintsUsed: 1, notes: 'half an answer', savedAt: T0 });
  ws.close();
  const again = await open(template, T0);
  expect(counts(again)).toEqual(SEEDED);
  expect(again.notices).toEqual([]);
});

afterAll(() => {
  for (const dir of [builtins, template]) rmSync(dir, { recursive: true, force: true });
});

type Fault = 'emptied' | 'cut short' | 'inserted bytes' | 'junk' | 'wrong shape' | 'directory';
const FAULTS: Fault[] = ['emptied', 'cut short', 'inserted bytes', 'junk', 'wrong shape', 'directory'];

const WRONG_SHAPE: Record<string, string> = {
  'reviews.jsonl': 'null\n[]\n{"v":1,"t":"review"}\n',
  // What the previous version wrote, where this one keeps its binary file.
  'card-states.bin': '{"version":2,"logOffset":0,"reviews":0,"cards":[]}',
  'attempts.jsonl': 'null\n[]\n',
  'cram.jsonl': 'null\n{"v":1}\n',
  'stories.json': 'null',
  [DRAFT]: '[]',
  'settings.json': '{"role":5,"newPerDay":"many","retention":0.85,"interviewDate":"2026-12-24","askConfidence":"yes"}',
};

/** Damages the file; returns its bytes as damaged (null for a directory). */
function damage(path: string, file: string, fault: Fault): Buffer | null {
  const bytes = readFileSync(path);
  let out: Buffer;
  switch (fault) {
    case 'emptied':
      out = Buffer.alloc(0);
      break;
    case 'cut short':
      out = bytes.subarray(0, Math.floor((bytes.length * 6) / 7));
      break;
    case 'inserted bytes': {
      const at = Math.floor(bytes.length / 2);
      out = Buffer.concat([bytes.subarray(0, at), Buffer.from('INSERTED\u0000bytes\n{"junk":'), bytes.subarray(at)]);
      break;
    }
    case 'junk':
      // The same length, every byte replaced: what a bad restore of another file looks like.
      out = Buffer.from(Array.from(bytes, (_, i) => (i * 97 + 13) % 256));
      break;
    case 'wrong shape':
      // A JSONL file keeps its lines and gains lines of the wrong shape; a JSON file is replaced.
      out = file.endsWith('.jsonl') ? Buffer.concat([bytes, Buffer.from(WRONG_SHAPE[file]!)]) : Buffer.from(WRONG_SHAPE[file]!);
      break;
    case 'directory':
      rmSync(path);
      mkdirSync(path);
      return null;
  }
  writeFileSync(path, out);
  return out;
}

interface Expect {
  notice: RegExp;
  /** What is kept, as differences from the seeded counts. */
  kept?: Partial<Counts>;
  /** Files kept aside besides the damaged file's own copy. */
  alsoAside?: string[];
  /** The damaged file is copied aside and repaired in place, rather than moved aside. */
  copied?: boolean;
}

const SNAPSHOT_KEEPS = /Your 12 cards kept the states card-states\.bin holds/;

const TABLE: Record<string, Record<Fault, Expect>> = {
  'reviews.jsonl': {
    emptied: { notice: /review log \(reviews\.jsonl\) is shorter than your card states file \(card-states\.bin\) says \(0 of \d+ bytes\)/, alsoAside: ['card-states.bin'], copied: true },
    'cut short': { notice: /is shorter than your card states file .* it was emptied or cut short\. Your 12 cards kept/, alsoAside: ['card-states.bin'], copied: true },
    'inserted bytes': { notice: /has changed in the part your card states file \(card-states\.bin\) was taken from/, alsoAside: ['card-states.bin'], copied: true },
    junk: { notice: SNAPSHOT_KEEPS, alsoAside: ['card-states.bin'], copied: true },
    'wrong shape': { notice: /3 damaged lines in your review log \(reviews\.jsonl\) were skipped\. A copy of the log as it was is at /, copied: true },
    directory: { notice: /review log \(reviews\.jsonl\) was a folder; it was moved to .*reviews\.jsonl\.damaged-/, alsoAside: ['card-states.bin'] },
  },
  'card-states.bin': {
    emptied: { notice: /card states file \(card-states\.bin\) could not be read; it was moved to .* and rebuilt from the review log/ },
    'cut short': { notice: /card-states\.bin\) could not be read/ },
    'inserted bytes': { notice: /card-states\.bin\) could not be read/ },
    junk: { notice: /card-states\.bin\) could not be read/ },
    'wrong shape': { notice: /card-states\.bin\) could not be read/ },
    directory: { notice: /card-states\.bin\) could not be read/ },
  },
  'attempts.jsonl': {
    emptied: { notice: /mock attempts log \(attempts\.jsonl\) was empty, though it only exists once an attempt is saved/, kept: { attempts: 0 } },
    'cut short': { notice: /1 damaged line in your mock attempts log \(attempts\.jsonl\); 2 attempts kept\. The log as it was is at/, kept: { attempts: 2 }, copied: true },
    'inserted bytes': { notice: /damaged lines? in your mock attempts log .* 2 attempts kept/, kept: { attempts: 2 }, copied: true },
    junk: { notice: /damaged lines? in your mock attempts log .* 0 attempts kept/, kept: { attempts: 0 } },
    'wrong shape': { notice: /2 damaged lines in your mock attempts log \(attempts\.jsonl\); 3 attempts kept/, copied: true },
    directory: { notice: /mock attempts log \(attempts\.jsonl\) was a folder; it was moved to/, kept: { attempts: 0 } },
  },
  'cram.jsonl': {
    emptied: { notice: /cram answers log \(cram\.jsonl\) was empty/, kept: { cram: 0 } },
    'cut short': { notice: /1 damaged line in your cram answers log \(cram\.jsonl\); 5 answers kept/, kept: { cram: 5 }, copied: true },
    // The middle of this log falls between two answers: the inserted bytes are junk lines of their own.
    'inserted bytes': { notice: /2 damaged lines in your cram answers log \(cram\.jsonl\); 6 answers kept\./, copied: true },
    junk: { notice: /damaged lines? in your cram answers log .* 0 answers kept/, kept: { cram: 0 } },
    'wrong shape': { notice: /2 damaged lines in your cram answers log \(cram\.jsonl\); 6 answers kept/, copied: true },
    directory: { notice: /cram answers log \(cram\.jsonl\) was a folder/, kept: { cram: 0 } },
  },
  'stories.json': {
    emptied: { notice: /story bank \(stories\.json\) was damaged; no story in it could be read, so the bank starts empty/, kept: { stories: 0 } },
    'cut short': { notice: /story bank \(stories\.json\) was damaged; 1 story in it was kept in the bank/, kept: { stories: 1 } },
    'inserted bytes': { notice: /story bank \(stories\.json\) was damaged; 2 stories in it were kept/ },
    junk: { notice: /no story in it could be read/, kept: { stories: 0 } },
    'wrong shape': { notice: /no story in it could be read/, kept: { stories: 0 } },
    directory: { notice: /story bank \(stories\.json\) was a folder; no story/, kept: { stories: 0 } },
  },
  [DRAFT]: {
    ...(Object.fromEntries(
      FAULTS.map((f) => [f, { notice: /unfinished mock for mini-design\/url-shortener could not be read, so it will start afresh; what was saved is at .*\.damaged-/, kept: { drafts: 0 } }]),
    ) as Record<Fault, Expect>),
    // Read leniently: the timer and the notes up to the cut are put back; the mock resumes.
    'cut short': { notice: /unfinished mock for mini-design\/url-shortener was damaged; it resumes from what could be read \(your notes may end early\)\. The file as it was is at /, copied: true },
  },
  'settings.json': {
    emptied: { notice: /settings file could not be read; it was moved to .*settings\.json\.damaged-\d+\. Defaults are in use/, kept: { role: null, interviewDate: null } },
    'cut short': { notice: /settings file was damaged \(cut short or torn\); .* Kept: role, .*interview date/ },
    // The bytes land mid-file, past the role: what follows them (the interview date) is lost.
    // The middle of the file falls after the interview date (the fit's fields come after it), so both are kept.
    'inserted bytes': { notice: /settings file was damaged \(cut short or torn\); .* Kept: role, .*interview date\./ },
    junk: { notice: /settings file could not be read/, kept: { role: null, interviewDate: null } },
    'wrong shape': { notice: /settings file had values of the wrong kind; it was moved to .*\. Kept: retention, interview date\. Back to the default: role, new cards a day, ask "sure or guess\?"\./, kept: { role: null } },
    directory: { notice: /settings file was a folder; it was moved to .*\. Defaults are in use/, kept: { role: null, interviewDate: null } },
  },
};

describe('every data file under every fault', () => {
  for (const [file, cases] of Object.entries(TABLE)) {
    for (const fault of FAULTS) {
      const want = cases[fault];
      it(`${file}, ${fault}: ${want.notice.source.slice(0, 50)}`, async () => {
        const dir = tempDir();
        cpSync(template, dir, { recursive: true });
        const path = join(dir, file);
        const damaged = damage(path, file, fault);
        const ws = await open(dir, T1);
        const notices = ws.notices.filter((n) => !n.startsWith('Deck id'));
        expect(notices.some((n) => want.notice.test(n)), notices.join('\n')).toBe(true);
        expect(ws.foundNotices).toEqual(notices);
        // Kept aside, never deleted: the damaged bytes (or the folder) as they were.
        const aside = `${path}.damaged-${T1}`;
        expect(existsSync(aside), aside).toBe(true);
        if (damaged) expect(readFileSync(aside).equals(damaged)).toBe(true);
        else expect(statSync(aside).isDirectory()).toBe(true);
        expect(existsSync(path) && statSync(path).isDirectory()).toBe(false);
        if (want.copied && damaged) expect(existsSync(path)).toBe(true);
        for (const other of want.alsoAside ?? []) expect(existsSync(join(dir, `${other}.damaged-${T1}`)), other).toBe(true);
        expect(counts(ws)).toEqual({ ...SEEDED, ...want.kept });
        ws.close();
        // Repaired once: the next start keeps the same data and has nothing new to say.
        const again = await open(dir, T1 + 1);
        expect(again.foundNotices).toEqual([]);
        expect(counts(again)).toEqual({ ...SEEDED, ...want.kept });
        again.close();
      });
    }
  }
});
