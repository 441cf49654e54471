// Every screen in a real terminal of every size: the frame (title, rules, footer on the last row),
// nothing wider than the terminal, every line whole, "more" where content does not fit, and below
// 50x14 only "Terminal too small". One app per screen, resized through the sizes as a user would.
// A screen stops at its first wrong size; E2E_ALL_SIZES=1 checks every size and lists them all.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { frameProblems, MORE, SIZES, type Expected, type Size } from '../helpers/frame-check.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';
import { Terminal } from '../helpers/tmux.js';
import { LEARNERS, writeLearnerDir } from '../helpers/simulated-learner.js';
import { writeReviewHistory } from '../helpers/review-history.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.close();
});

function app(args: string[], home: string, size: Size = { width: 80, height: 24 }): Terminal {
  const term = new Terminal(args, { ...size, env: { KEEPER_PREP_HOME: home } });
  open.push(term);
  return term;
}

function isoDate(daysAhead: number): string {
  const day = new Date();
  day.setDate(day.getDate() + daysAhead);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * A data directory as a user ten days before the loop has it: a role, the interview date (so
 * Home has its plan line) and a deck of their own (so Home has "Your decks"): the Home that was
 * seen with two lines run together at 80x18.
 */
function preparedHome(): string {
  const home = tempDir();
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ role: 'software-engineer', interviewDate: isoDate(10) }));
  mkdirSync(join(home, 'decks'));
  cpSync(MINI_DECK, join(home, 'decks', 'mini.json'));
  return home;
}

/** Checks the screen at one size, waiting for the frame drawn for it; returns what is wrong. */
async function check(term: Terminal, size: Size, expected: Expected | ((size: Size) => Expected)): Promise<string | null> {
  const want = typeof expected === 'function' ? expected(size) : expected;
  const { screen, problems } = await term.settle((s) => frameProblems(s, size, want));
  return problems.length === 0 ? null : `at ${size.width}x${size.height}:\n  - ${problems.join('\n  - ')}\n${screen}`;
}

/** Resizes the terminal through the sizes, checking the screen at each. */
async function sweep(term: Terminal, expected: Expected | ((size: Size) => Expected), sizes: readonly Size[] = SIZES): Promise<void> {
  const failures: string[] = [];
  for (const size of sizes) {
    term.resize(size.width, size.height);
    const failure = await check(term, size, expected);
    if (failure) failures.push(failure);
    if (failure && process.env.E2E_ALL_SIZES !== '1') break;
  }
  expect(failures.length, failures.join('\n')).toBe(0);
}

/** Checks the first frame of an app started at its size. */
async function firstFrame(term: Terminal, expected: Expected): Promise<void> {
  await term.waitFor(/keeper-prep ›|Terminal too small/);
  const failure = await check(term, { width: term.width, height: term.height }, expected);
  expect(failure === null, failure ?? '').toBe(true);
}

/** An open card whose key points a typed answer repeats almost word for word, and one it leaves out. */
const EVIDENCE_DECK = {
  id: 'open-only',
  title: 'Open only',
  version: 1,
  cards: [{ id: 'cap', type: 'open', prompt: 'Explain the CAP theorem.', keyPoints: ['Partitions happen in every network', 'Then choose consistency or availability', 'Only for replicated stores'], sample: 'Partitions happen; then you pick C or A.' }],
};
const EVIDENCE_ANSWER = 'Partitions happen in every network, sooner or later. Then you choose consistency or availability for the duration.';

const RATING_BAR = /^\[?1 Again \S+\]? {1,2}\[?2 Hard \S+\]? {1,2}\[?3 Good \S+\]? {1,2}\[?4 Easy \S+\]?$/;
/** The progress line (the total grows as learning steps come back); multiline, so it also finds the line in a whole screen. */
const PROGRESS = (done: number) => new RegExp(`^[█░]+ ${done} done · \\d+ left$`, 'm');

const HOME_ITEMS = [
  /^Today's review \(\d+ due(, \d+ ahead of the interview)?, \d+ new\)$/,
  'Study now…',
  /^Culture walkthrough \(0 of \d+ sections done\)$/,
  /^Culture review \(\d+ due\)$/,
  'Skills for Software Engineer',
  /^Your decks \(\d+ due, \d+ new, 4 cards\)$/,
  /^Design mocks \(\d+ due, \d+ prompts\)$/,
  /^Story bank \(0 stories, \d+ values without one\)$/,
  'Culture round (timed behavioural questions)',
  'Search',
  'Decks',
  'Readiness',
  'Settings',
  'Quit',
];

/** Home with the cursor on `cursor`: the figures and plan whole at every size, the menu scrolled if need be. */
function home(cursor: string): Expected {
  return {
    title: 'Home',
    lines: [/^Due today: \d+ {3}New today: \d+ {3}\(\d+ of \d+ cards seen\)$/, /^10 days left: \d+ new \+ ~\d+ reviews a day$/],
    items: HOME_ITEMS,
    fragments: [new RegExp(`^\\s*› ${cursor}`)],
    footer: '↑↓ move',
  };
}

describe('the frame check itself', () => {
  const size = { width: 80, height: 18 };
  const rule = '─'.repeat(80);
  const title = `keeper-prep › Home${' '.repeat(45)}Software Engineer`;
  const footer = '↑↓ move · Enter open · / search · q quit · ? help';
  /** A capture as tmux gives it: the rows, each ending in a newline. */
  const capture = (rows: string[]) => `${rows.join('\n')}\n`;
  /** The frame at 80x18 around a body, padded to its 14 rows. */
  const frame = (body: string[]) => capture([title, rule, ...body, ...Array(14 - body.length).fill(''), rule, footer]);
  const menu = ["› Today's review (0 due, 46 new)", '  Culture walkthrough (0 of 10 sections done)', '  Culture review (0 due)', '  Skills for Software Engineer', '  Your decks (0 due, 4 new, 4 cards)', '  Design mocks (0 due, 24 prompts)', '  Story bank (0 stories, 8 values without one)', '  Culture round (timed behavioural questions)', '  Search', '  Decks', '  Readiness', '  Settings', '  Quit'];
  const figures = ['Due today: 0   New today: 46   (0 of 410 cards seen)', '10 days left: 46 new + ~82 reviews a day', ''];
  const expected = home("Today's review");

  it('passes a whole frame that scrolls its menu and says there is more', () => {
    expect(frameProblems(frame([...figures, ...menu.slice(0, 10), '▼ 2 more']), size, expected)).toEqual([]);
  });

  it('finds what was seen at 80x18: lines run together, entries missing with nothing saying so', () => {
    // A capture from before Home had "Study now…" and "Culture round".
    const old = menu.filter((line) => !line.includes('Culture round ('));
    const seen = frame([figures[0]!, '10 days left: 43 new + ~83 reviews a day9 cards seen)', '', ...old.slice(0, 4), '  Your decks (0 due, 4 new, 42 cards)r', ...old.slice(5, 11)]);
    const before = { ...expected, items: HOME_ITEMS.filter((item) => item !== 'Study now…' && item !== 'Culture round (timed behavioural questions)') };
    expect(frameProblems(seen, size, before)).toEqual([
      '/^10 days left: \\d+ new \\+ ~\\d+ reviews a day$/ is not whole: its row reads "10 days left: 43 new + ~83 reviews a day9 cards seen)"',
      '/^Your decks \\(\\d+ due, \\d+ new, 4 cards\\)$/ is not whole: its row reads "Your decks (0 due, 4 new, 42 cards)r"',
      '"Quit" is not on screen, and nothing says there is more',
    ]);
  });

  it('wants the footer on the last row, and no rule left from an earlier frame', () => {
    const raised = capture([title, rule, ...figures, ...menu.slice(0, 9), '▼ 3 more', rule, footer, '']);
    expect(frameProblems(raised, size, expected)).toEqual([
      'row 17 (second to last) should be a rule of 80 ─, but reads "↑↓ move · Enter open · / search · q quit · ? help"',
      'the last row should be the footer of key hints, but is blank',
      'row 16 is a rule: only rows 2 and 17 should be (a frame a row off, or left from another size)',
    ]);
  });

  it('wants only a centred "Terminal too small" below 50x14', () => {
    const small = { width: 45, height: 14 };
    const centred = capture([...Array(6).fill(''), `${' '.repeat(4)}Terminal too small: 45x14, needs 50x14`, ...Array(7).fill('')]);
    expect(frameProblems(centred, small, expected)).toEqual([]);
    const seen = capture(['keeper-prep › Home          Software Engineer', '─'.repeat(45), '  Quitings', ...Array(11).fill('')]);
    expect(frameProblems(seen, small, expected)[0]).toMatch(/^only "Terminal too small: 45x14, needs 50x14" should be on screen/);
  });
});

describe('every screen at every size', { timeout: 60_000 }, () => {
  it('Home: right on a fresh start at 80x18, then at every size with its cursor kept', async () => {
    const term = app([], preparedHome(), { width: 80, height: 18 });
    await firstFrame(term, home("Today's review"));
    await term.select('Decks');
    await sweep(term, home('Decks'));
  });

  it('a start at 45x14 says the terminal is too small; grown, Home is there, and it keeps its cursor through another squeeze', async () => {
    const term = app([], preparedHome(), { width: 45, height: 14 });
    await firstFrame(term, home("Today's review"));
    await sweep(term, home("Today's review"), [{ width: 80, height: 24 }]);
    await term.select('Readiness');
    await sweep(term, home('Readiness'), [{ width: 45, height: 14 }, { width: 60, height: 20 }]);
  });

  it('a review of each card kind, question and answer', async () => {
    const home = preparedHome();
    const term = app(['study', '--deck', 'tests/fixtures/mini.json'], home);
    const review = (e: Omit<Expected, 'title'>): Expected => ({ title: "Today's review", ...e });

    await term.waitFor('Capital of France?');
    await sweep(term, review({ lines: [PROGRESS(0), 'Mini · flashcard', 'Capital of France?', 'Recall the answer, then press Space to reveal it.'], footer: 'Space reveal' }));
    await term.pressUntil('Space', 'How well did you recall it?');
    await sweep(term, review({ lines: [PROGRESS(0), 'Mini · flashcard', 'Capital of France?', 'Paris', /^How well did you recall it\?( Press 1-4:)?$/, RATING_BAR] }));

    await term.pressUntil('3', 'Mini · choice');
    await sweep(term, review({ lines: [PROGRESS(1), 'Mini · choice', '2 + 2 = ?', '1. 3', '2. 4', '3. 5', /^1-\d or Enter answer · g guess/] }));
    await term.pressUntil('2', 'rated Good');
    await sweep(term, review({ lines: [PROGRESS(1), '2 + 2 = ?', /^✓ 2\. 4$/, 'Right: rated Good.'], items: ['Basic arithmetic.'], footer: '✓ right' }));

    await term.pressUntil('Space', 'Mini · select all');
    await sweep(term, review({ lines: [PROGRESS(2), 'Mini · select all', 'Which are prime?', 'Select all that apply.', '1. [ ] 2', '2. [ ] 4', '3. [ ] 5', '4. [ ] 9'] }));
    await term.pressUntil('1', '[x] 2');
    await term.pressUntil('3', '[x] 5');
    // Enter submits the ticks its handler knows of: make sure that is the handler of this frame.
    await term.pressUntil('Enter', 'rated Good');
    await sweep(term, review({ lines: [PROGRESS(2), 'Which are prime?', /^✓ 1\. \[x\] 2$/, /^✓ 3\. \[x\] 5$/, 'Right: rated Good.'], items: ['4 and 9 are squares.'] }));

    await term.pressUntil('Space', 'Mini · open');
    await sweep(term, review({ lines: [PROGRESS(3), 'Mini · open', 'Explain the CAP theorem.', /^Your answer: /, /^Enter reveals the key points\.( Esc stops typing\.)?$/] }));
    await term.pressUntil('Enter', 'Tick the key points');
    await sweep(term, review({
      lines: [PROGRESS(3), 'Explain the CAP theorem.', 'Tick the key points you covered (Space):', '1. [ ] Partition tolerance is not optional'],
      items: [/^2\. \[ \] Choose consistency or availability/, '3. [ ] Applies to replicated read/write stores', 'Sample answer:', /^Covered 0 of 3/, RATING_BAR],
    }));
  });

  it('an open question answered in writing: the evidence for each key point, ticks started from it', async () => {
    const home = preparedHome();
    const deck = join(home, 'open-only.json');
    writeFileSync(deck, JSON.stringify(EVIDENCE_DECK));
    const term = app(['study', '--deck', deck], home);
    await term.waitFor('Explain the CAP theorem.');
    term.type(EVIDENCE_ANSWER);
    await term.pressUntil('Enter', 'covered: "');
    await sweep(term, {
      title: "Today's review",
      lines: ['Ticks start from your words; Space changes:'],
      fragments: ['[x] Partitions happen', '✓ covered: "Partitions happen'],
      items: [/^Covered 2 of 3/, RATING_BAR],
      footer: 'Enter accept',
    });
  });

  it('the culture walkthrough: a section intro', async () => {
    const term = app([], preparedHome());
    await term.select('Culture walkthrough');
    await term.pressUntil('Enter', 'Section 1 of');
    await sweep(term, {
      title: 'Culture walkthrough',
      lines: [/^Section 1 of \d+ +[·[\]]+ +0 of \d+ sections done$/, 'Overview'],
      fragments: ["Netflix's culture memo"],
      items: [/^Enter starts its \d+ check questions/],
      footer: 'Enter start',
    });
  });

  it('search with a query and its results, then the card opened from them', async () => {
    const term = app([], preparedHome());
    await term.pressUntil('/', 'keeper-prep › Search');
    term.type('sample ratio');
    await term.waitFor(/\d+ matches in \d+ cards/);
    // 21 results: they fit from 100x30 up; smaller, the list says there are more.
    await sweep(term, (size) => ({
      title: 'Search',
      lines: [/^Search: sample ratio/, /^\d+ matches in \d+ cards$/],
      fragments: [/^\s*› What is a sample ratio mismatch/, ...(size.height < 30 ? [MORE] : [])],
    }));
    await term.pressUntil('Enter', 'keeper-prep › Card');
    await sweep(term, {
      title: 'Card',
      lines: [/^A\/B Testing · flashcard · new$/],
      fragments: ['What is a sample ratio mismatch (SRM)'],
      items: ['Tags: srm, validity'],
      footer: 's study now',
    });
  });

  it('Decks', async () => {
    const term = app([], preparedHome());
    await term.select('Decks');
    await term.pressUntil('Enter', 'keeper-prep › Decks');
    await sweep(term, {
      title: 'Decks',
      lines: [/^Mini +(mini +)?(custom +)?4\b/, /from \/.*\/decks\/mini\.json$/],
      items: [/^A\/B Testing +(ab-testing +)?(skills +)?50\b/, /^Netflix Culture +(culture +)?(culture +)?\d+\b/, /^Statistics +(statistics +)?(skills +)?\d+\b/, /^Add your own: put deck files in /],
    });
  });

  it('the suspended and flagged cards (m on Decks)', async () => {
    const home = preparedHome();
    writeFileSync(join(home, 'card-marks.jsonl'), `${JSON.stringify({ v: 1, t: 'suspend', key: 'mini/capital', at: 1 })}\n${JSON.stringify({ v: 1, t: 'flag', key: 'mini/primes', at: 2, note: 'typo' })}\n`);
    const term = app([], home);
    await term.select('Decks');
    await term.pressUntil('Enter', 'keeper-prep › Decks');
    await term.pressUntil('m', 'keeper-prep › Suspended and flagged cards');
    await sweep(term, {
      title: 'Suspended and flagged cards',
      lines: ['1 suspended · 1 flagged', /^⊘ {2}Mini: Capital of France\?$/, /^⚑ "typo" · Mini: Which are prime\?$/],
      footer: 'Enter open',
    });
  });

  it('a flag note being written over a review card', async () => {
    const term = app(['study', '--deck', 'tests/fixtures/mini.json'], preparedHome());
    await term.waitFor('Capital of France?');
    await term.pressUntil('f', '⚑ Flag note:');
    term.type('answer is wrong');
    await term.waitFor('answer is wrong▌');
    await sweep(term, { title: "Today's review", lines: [PROGRESS(0), /^⚑ Flag note: answer is wrong▌$/, 'Capital of France?'], footer: 'Enter save' });
  });

  it('Readiness, then Cram (c) and a cram card', async () => {
    const term = app([], preparedHome());
    await term.select('Readiness');
    await term.pressUntil('Enter', 'keeper-prep › Readiness');
    await sweep(term, {
      title: 'Readiness',
      lines: [/^10 days left: \d+ new \+ ~\d+ reviews a day$/],
      fragments: ["Recall is FSRS's prediction on"],
      items: [/^Distributed Systems +0\/48\b/, /^Product Metrics +0\/47\b/, /^Weakest topics( \(.*\))?$/, 'System design: 0 of 24 prompts attempted', 'Culture rounds: 0 finished', 'Calibration (choice questions you marked)', 'open answers, none typed and ticked yet', 'Due in the next 14 days'],
    });
    await term.pressUntil('c', 'keeper-prep › Cram');
    await sweep(term, {
      title: 'Cram',
      lines: ['Weakest cards, every area', 'Culture', 'Skills', 'Your decks'],
      fragments: [/Up to 20 cards, the ones most likely forgotten/, /Answers are practice/],
      footer: 'Enter start',
    });
    await term.pressUntil('Enter', 'Cram · Weakest cards');
    await sweep(term, { title: 'Cram · Weakest cards, every area', lines: [PROGRESS(0)], fragments: [/ · (flashcard|choice|multi|open)/] });
  });

  it('Readiness after weeks of reviews: how far to trust the figures, whole at every size and reached with PgDn', async () => {
    const home = preparedHome();
    writeReviewHistory(home);
    const term = app([], home);
    await term.select('Readiness');
    await term.pressUntil('Enter', 'keeper-prep › Readiness');
    const trust = ['How far to trust these figures', /^Predicted {2}Mean {2}Recalled {2}Reviews$/, 'Health check'];
    await sweep(term, { title: 'Readiness', fragments: ["Recall is FSRS's prediction on"], items: ['Calibration (choice questions you marked)', ...trust] });
    // At 60x20 the section is below the fold: the footer's PgDn reaches it, the table whole.
    const size = { width: 60, height: 20 };
    term.resize(size.width, size.height);
    await term.settle((s) => frameProblems(s, size, { title: 'Readiness' }));
    for (let i = 0; i < 15 && !/▲ end/.test(term.screen()); i++) {
      const before = term.screen();
      term.press('PageDown');
      await term.waitFor((s) => s !== before);
    }
    const { screen, problems } = await term.settle((s) =>
      frameProblems(s, size, { title: 'Readiness', lines: [/^Predicted {2}Mean {2}Recalled {2}Reviews$/, /^90-100% +\d+% +\d+% +\d+$/, 'Health check'], fragments: [/predicted \d+% and recalled \d+%/, 'Keep reviewing daily'] }),
    );
    expect(problems, screen).toEqual([]);
  });

  it('Readiness with the retention advice for the days left, and its picker (r)', async () => {
    const term = app([], preparedHome());
    await term.select('Readiness');
    await term.pressUntil('Enter', /r retention · c cram/);
    // The section stands with the charts, under the figures on a narrow screen: paged down to.
    while (!term.screen().includes('Retention for the 10 days left')) {
      const before = term.screen();
      await term.pressUntil('PageDown', (screen) => screen !== before);
    }
    const rows = ['0.80', '0.83', '0.85', '0.87', '0.90', '0.93', '0.95', '0.97'].map((r) => new RegExp(`^ *(▶ )?${r.replace('.', '\\.')} +~\\d+(\\.\\d)? +\\d+%( [█▏▎▍▌▋▊▉]+)?( yours)?$`));
    await sweep(term, {
      title: 'Readiness',
      items: ['Retention for the 10 days left (r: choose)', 'retention, reviews a day, recall on the day', ...rows],
      footer: 'r retention',
    });
    await term.pressUntil('r', 'keeper-prep › Readiness · retention');
    await sweep(term, { title: 'Readiness · retention', items: rows, fragments: [/› +0\.90 .* yours\s*$/m], footer: '↑↓ move · Enter set' });
  });

  it('Study now: the kinds of cards, a deck list, the tag filter, and the choices for a deck', async () => {
    const term = app([], preparedHome());
    await term.select('Study now…');
    await term.pressUntil('Enter', 'What do you want to study?');
    await sweep(term, {
      title: 'Study now',
      lines: ['What do you want to study?', /^All your decks \(\d+ due · \d+ unseen\)$/, 'A deck…', 'A skill…', 'A tag or topic…'],
      footer: 'Enter choose',
    });
    await term.select('A deck…');
    await term.pressUntil('Enter', 'Which deck?');
    // The role's decks first, each with its figures; the last ones are on screen or "more" says so.
    await sweep(term, {
      title: 'Study now',
      lines: ['Which deck?', /^Netflix Culture +\d+ due · \d+ unseen$/],
      items: [/^Mini +\d+ due · 4 unseen$/, /^Statistics +\d+ due · \d+ unseen$/],
      footer: 'Enter choose',
    });
    await term.pressUntil('Escape', 'What do you want to study?');
    await term.select('A tag or topic…');
    await term.pressUntil('Enter', /\d+ tags, the most used first/);
    term.type('join');
    await term.waitFor(/\d+ of \d+ tags/);
    await sweep(term, {
      title: 'Study now',
      lines: [/^Filter: join▌$/, /^\d+ of \d+ tags$/, /^joins +\d+ due · \d+ unseen$/],
      footer: 'type to filter',
    });
    await term.pressUntil('Enter', 'Study now · tag joins');
    await sweep(term, {
      title: /^Study now · tag joins/,
      lines: [/^\d+ cards · \d+ seen · \d+ due today · \d+ never seen$/, /^Due cards only(: none due today| \(\d+ due\))$/, /^Learn (all \d+ unseen( cards today)?|\d+ more new cards today \(\d+ unseen\)|\d+ new cards \(\d+ unseen\))$/, /^Practise all \d+, weakest first/],
      footer: 'Enter start',
    });
  });

  it("Today's review with nothing left: what to do next", async () => {
    const home = tempDir();
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ role: 'software-engineer', newPerDay: 0 }));
    const term = app([], home);
    await term.select("Today's review");
    await term.pressUntil('Enter', 'What next?');
    await sweep(term, {
      title: "Today's review",
      fragments: ['Nothing to study here right now'],
      lines: ['What next?', /^n {2}Learn 10 more new cards \(\d+ unseen\)$/, 'p  Practise them off your schedule (none seen yet)'],
      items: ['Press Enter to go back.'],
      footer: 'Enter go back',
    });
  });

  it('Settings', async () => {
    const term = app([], preparedHome());
    await term.select('Settings');
    await term.pressUntil('Enter', 'keeper-prep › Settings');
    await sweep(term, {
      title: 'Settings',
      lines: [/^Role +Software Engineer$/, /^Interview date +\d{4}-\d\d-\d\d \(10 days left\)$/, /^Target level +Mid-level$/, /^New cards per day +20( \(plan: \d+\))?$/, /^Desired retention +90%$/, /^FSRS parameters +defaults \(1000 more to fit\)$/, /^Ask "sure or guess\?" in cram +on$/],
      items: [/^Progress and settings: /, /^Your decks: /],
    });
  });

  it("FSRS parameters, from Home's offer of a fit: the screen, then the fit's result", async () => {
    const home = tempDir();
    writeLearnerDir(home, LEARNERS[1]!, 4000);
    const term = app([], home);
    // Home with the offer: the entry whole at every size (the menu scrolls to keep it).
    await term.select('Tune FSRS to your');
    await sweep(term, { title: 'Home', items: [/^Tune FSRS to your [\d,]+ reviews \(new\)$/], footer: '↑↓ move' });
    term.resize(80, 24);
    await term.pressUntil('Enter', 'keeper-prep › FSRS parameters');
    await sweep(term, { title: 'FSRS parameters', lines: ['In use: the FSRS defaults.'], fragments: ['Fit to my reviews now'], footer: '↑↓ move' });
    term.resize(80, 24);
    await term.pressUntil('Enter', 'Health check');
    await sweep(term, { title: 'FSRS parameters', fragments: [/On your latest \d+ reviews, held out of the fit/], footer: 'PgUp PgDn scroll' });
  });

  it('the story bank, the story editor, and the bank with a story', async () => {
    const term = app([], preparedHome());
    await term.select('Story bank');
    await term.pressUntil('Enter', 'keeper-prep › Story bank');
    await sweep(term, {
      title: 'Story bank',
      fragments: ['A STAR story is one real example from your work'],
      items: ['n to write your first.'],
      footer: 'n new story',
    });
    await term.pressUntil('n', 'keeper-prep › New story');
    await term.pressUntil('L', 'L▌');
    term.type('aunch under pressure');
    await term.waitFor('Launch under pressure▌');
    await sweep(term, {
      title: 'New story',
      lines: [/^Title +Launch under pressure▌$/, /^Situation +—$/, /^Task +—$/, /^Action +—$/, /^Result +—$/, /^Values +\(none yet\)$/, /^\[ Save \] +Ctrl\+S saves from any field$/],
    });
    // A story needs one of Situation, Task, Action and Result before it saves.
    await term.pressUntil('Tab', '› Situation');
    await term.pressUntil('A', 'A▌');
    term.type(' launch slipped');
    await term.waitFor('A launch slipped▌');
    await term.pressUntil('C-s', 'keeper-prep › Story bank');
    await sweep(term, {
      title: 'Story bank',
      lines: [/^1 story, 1 due to rehearse/, /^Launch under pressure +due$/],
      items: ['No values tagged · never rehearsed'],
    });
  });

  it('the design mocks list', async () => {
    const term = app([], preparedHome());
    await term.select('Design mocks');
    await term.pressUntil('Enter', 'keeper-prep › Design mocks');
    await sweep(term, {
      title: 'Design mocks',
      fragments: [/24 prompts, 0 due\./],
      lines: [/^★ Open Connect cache fill +new$/],
      // The last of the 24 prompts is on screen where all fit; otherwise a "more" mark is.
      items: [/^★ Steering clients to the right cache +new$/, /^Artwork personalization +new$/, /^(★ )?Support contact analytics +new$/],
      footer: 'Enter start',
    });
  });

  it('a culture round: a question, the typed answer, its feedback, a rubric score, the ratings, the receipt', { timeout: 180_000 }, async () => {
    const term = app(['behavioral', '--questions', '2', '--minutes', '1'], preparedHome());
    await term.waitFor(/Question 1 of 2 · \w+ +0:\d\d left/);
    // Paused, so the clock reads the same at every size.
    await term.pressUntil('p', 'paused: p resumes');
    await term.pressUntil('e', 'Your answer · typing');
    term.type('I paused my project so we could ship.');
    await term.waitFor('ship.▌');
    await term.pressUntil('Escape', 'e type · a aloud');
    const question = /^Question 1 of 2 · \w+ +PAUSED 0:\d\d left$/;
    await sweep(term, { title: 'Culture round · 1 of 2', lines: [question, 'paused: p resumes', 'Your answer', 'I paused my project so we could ship.'], footer: 'e type' });
    await term.pressUntil('Enter', /Key points: \d of 4 found/);
    await sweep(term, {
      title: 'Culture round · 1 of 2 · feedback',
      lines: [/^Question 1 of 2 · \w+ · typed in 0:\d\d$/, /^Key points: \d of 4 found in your answer$/],
      items: ['How you told it', /^STAR: [✓✗] situation {2}[✓✗] task {2}[✓✗] action {2}[✓✗] result$/, /^I \d+ · we \d+/, /^Fillers: /, /^Values touched: /],
      footer: 'Enter next question',
    });
    await term.pressUntil('Enter', 'Question 2 of 2');
    await term.pressUntil('a', 'Speak your answer now');
    await term.pressUntil('Enter', 'now a one-line summary');
    term.type('Owned the call.');
    await term.waitFor('Owned the call.▌');
    await term.pressUntil('Enter', /Spoken for 0:\d\d/);
    await term.pressUntil('Enter', 'Specific situation (1 of 5)');
    await sweep(term, { title: /^Culture round · score 1 of 2 · \w+$/, lines: ['Specific situation (1 of 5)'], fragments: [/▸ bar for mid-level: 3 —/, /1 Hypothetical or general/, /4 A vivid, specific moment/], footer: '1-4 score' });
    for (let i = 0; i < 9; i++) term.press('3');
    await term.pressUntil('3', 'Culture round · ratings');
    await sweep(term, { title: 'Culture round · ratings', items: [/^1\. \w+: Tell me/, /^2\. \w+: Tell me/, /^\[3 Good\] · back in \S+ · mean 3\.0 of 4 · scores 3 3 3 3 3$/], footer: 'Enter save' });
    await term.pressUntil('Enter', '✓ Round saved');
    await sweep(term, { title: 'Culture round', lines: ['✓ Round saved', /^1\. \w+: rated Good, back \d{4}-\d\d-\d\d \d\d:\d\d$/], footer: 'Enter done' });
  });

  it('a design mock in progress, its key points, and its rubric', async () => {
    const home = preparedHome();
    const term = app(['design', 'url-shortener', '--minutes', '2', '--deck', 'tests/fixtures/design.json'], home);
    await term.waitFor('Phase 1/2 · Clarify');
    await sweep(term, {
      title: 'Mock · URL shortener',
      lines: [/^Phase 1\/2 · Clarify +phase 0:\d\d · total [12]:\d\d$/, 'Ask who shares links and how long they live.', /^\[b brief\] +(e notes +)?h hints 0\/3$/],
      items: [/^Design a URL shortener/, 'Requirements', '• Functional: create a short link', '• Non-functional: redirects in under 50 ms', 'Scale to estimate from', '• 10M new links a day', 'Phases', /^(▸ )?1\. Clarify \(0:\d\d\)( · now)?$/, /^2\. Design \(1:\d\d\)$/],
      footer: 'n next',
    });
    await term.pressUntil('f', 'What a strong answer covers');
    await sweep(term, {
      title: 'Mock · URL shortener',
      lines: ['What a strong answer covers', '• Id generation without collisions', '• A read-heavy cache in front of the store'],
      items: ['Follow-ups an interviewer would ask', '• How do you stop abuse?', /^Interview time \d:\d\d · hints used 0 of 3\./],
      footer: 'Enter score yourself',
    });
    await term.pressUntil('Enter', 'Rubric 1 of 2');
    await sweep(term, {
      title: 'Mock · URL shortener',
      lines: ['Rubric 1 of 2', 'Requirements', /^1 +Skipped$/, /^2 +Some$/, /^3 +Most {2}◂ bar$/, /^4 +All, with numbers$/],
      fragments: ['▸ bar for mid-level: 3 —'],
      items: ['Which level did your answer reach? Press 1-4.'],
      footer: '1-4 score',
    });
    await term.pressUntil('3', 'Rubric 2 of 2');
    await term.pressUntil('4', 'Suggested rating');
    await sweep(term, {
      title: 'Mock · URL shortener',
      lines: [/^3\/4 +bar 3 +Requirements$/, /^4\/4 +bar 3 +Data model$/],
      fragments: ['Mean 3.5 of 4 · bars for mid-level'],
      footer: 'Enter save as',
    });
  });
});

describe('a resize in the middle of a review', { timeout: 60_000 }, () => {
  it('keeps the card, the cursor and the progress through 60x20, 160x45, too small, and back to 80x24', async () => {
    const term = app(['study', '--deck', 'tests/fixtures/mini.json'], preparedHome());
    await term.waitFor('Capital of France?');
    await term.pressUntil('Space', 'How well did you recall it?');
    await term.pressUntil('3', 'Mini · choice');
    await term.pressUntil('Down', '› 2. 4');
    const choice: Expected = { title: "Today's review", lines: [PROGRESS(1), 'Mini · choice', '2 + 2 = ?', '1. 3', '3. 5'], fragments: [/^\s*› 2\. 4$/] };
    await sweep(term, choice, [{ width: 80, height: 24 }, { width: 60, height: 20 }, { width: 160, height: 45 }, { width: 45, height: 14 }, { width: 80, height: 24 }]);
    // The session goes on from there: Enter answers with the option the cursor kept.
    await term.pressUntil('Enter', 'Right: rated Good.');
    await term.pressUntil('Space', PROGRESS(2));
  });
});

describe('the screens of the answers branch at every size', { timeout: 60_000 }, () => {
  /** The sizes, and the smallest the app draws at: 50x14. */
  const WITH_SMALLEST: readonly Size[] = [...SIZES, { width: 50, height: 14 }];

  it('first run: the interview date step after the role', async () => {
    const term = app([], tempDir());
    await term.waitFor('Which role are you interviewing for?');
    await term.pressUntil('Enter', 'When is your interview?');
    await sweep(
      term,
      {
        title: 'Welcome',
        lines: ['When is your interview? (YYYY-MM-DD)', /^Date: ▌e\.g\. \d{4}-\d\d-\d\d$/],
        fragments: ['The daily plan and the readiness figures'],
        items: [/^Not fixed yet\? Esc skips/],
        footer: 'Enter save',
      },
      WITH_SMALLEST,
    );
  });

  it('Settings: typing the interview date', async () => {
    const term = app([], preparedHome());
    await term.select('Settings');
    await term.pressUntil('Enter', 'keeper-prep › Settings');
    await term.select('Interview date');
    await term.pressUntil('Enter', 'Leave it empty to clear it.');
    await sweep(
      term,
      {
        title: 'Settings',
        lines: [/^Date: \d{4}-\d\d-\d\d▌$/],
        fragments: ['Interview date (YYYY-MM-DD).', 'The daily plan and the readiness figures'],
        footer: 'Enter set',
      },
      WITH_SMALLEST,
    );
  });

  it('a select-all answer with one missed option: the marks, their legend, the rating and why', async () => {
    const term = app(['study', '--deck', 'tests/fixtures/mini.json'], preparedHome());
    await term.waitFor('Capital of France?');
    await term.pressUntil('Space', 'How well did you recall it?');
    await term.pressUntil('3', 'Mini · choice');
    await term.pressUntil('2', 'rated Good');
    await term.pressUntil('Space', 'Mini · select all');
    await term.pressUntil('1', '[x] 2');
    await term.pressUntil('Enter', 'rated Hard');
    await sweep(
      term,
      {
        title: "Today's review",
        lines: [PROGRESS(2), 'Which are prime?', /^✓ 1\. \[x\] 2$/, '2. [ ] 4', /^! 3\. \[ \] 5 \(missed\)$/],
        items: ['One missed option (!): rated Hard.', '4 and 9 are squares.'],
        footer: '! nearly right',
      },
      WITH_SMALLEST,
    );
  });

  it('a story rehearsal: the question for the value, then the story to tell, then its parts', async () => {
    const home = preparedHome();
    const now = Date.now();
    const story = {
      id: 'launch',
      title: 'Launch under pressure',
      situation: 'A launch slipped a week.',
      task: 'Ship without cutting quality.',
      action: 'Cut scope with the PM and paired on the risky part.',
      result: 'Shipped in four days.',
      values: ['courage'],
      createdAt: now,
      updatedAt: now,
    };
    writeFileSync(join(home, 'stories.json'), JSON.stringify({ version: 1, stories: [story] }));
    const term = app([], home);
    await term.select('Story bank');
    await term.pressUntil('Enter', 'keeper-prep › Story bank');
    await term.pressUntil('r', 'Story rehearsal');
    await sweep(
      term,
      {
        title: 'Story rehearsal',
        lines: [PROGRESS(0), /^Your answer: /],
        fragments: ['Tell me about', 'Your story: "Launch'],
        absent: ['Tell me about a time… "'],
      },
      WITH_SMALLEST,
    );
    // Out of the answer field: another question is on offer (o), before the key points.
    await term.pressUntil('Escape', (screen) => !screen.includes('Esc stop typing'));
    await sweep(
      term,
      (size) => ({
        title: 'Story rehearsal',
        lines: [PROGRESS(0)],
        fragments: ['Your story: "Launch'],
        // The narrowest footer keeps only Enter; o is still in the help.
        footer: size.width >= 60 ? 'Enter key points · o other question' : 'Enter key points',
      }),
      WITH_SMALLEST,
    );
    await term.pressUntil('Enter', 'Tick the key points');
    await sweep(
      term,
      {
        title: 'Story rehearsal',
        lines: ['Tick the key points you covered (Space):'],
        items: ['1. [ ] Situation: A launch slipped a week.', '2. [ ] Task: Ship without cutting quality.', '4. [ ] Result: Shipped in four days.', /^Covered 0 of 4/, RATING_BAR],
      },
      WITH_SMALLEST,
    );
  });
});

// Needs the exercise runner (store/exercise-*) and exercise cards in study sessions: written on
// the branch of the exercise screen, run once the two are merged.
describe('the exercise screen at every size', { timeout: 90_000 }, () => {
  const WITH_SMALLEST: readonly Size[] = [...SIZES, { width: 50, height: 14 }];
  const EXERCISE = (size: Size, e: Omit<Expected, 'title'>): Expected => ({
    title: "Today's review",
    ...e,
    // Narrow: the tables in one line above the editor; wide: beside it, with sample rows.
    ...(size.width >= 120 ? { fragments: [...(e.fragments ?? []), 'members (3 rows)'] } : { lines: [...(e.lines ?? []), 'Tables: members (3) · t shows them'] }),
  });

  it('an SQL exercise: the empty editor, a run, a wrong submit, the pass, and giving up on a code exercise', async () => {
    const term = app(['study', '--deck', 'tests/fixtures/exercises.json'], preparedHome());
    await term.waitFor('Exercises · SQL exercise');
    const head = ['Exercises · SQL exercise', 'Active members', 'List the names of the active members.'];
    await sweep(term, (size) => EXERCISE(size, { lines: [PROGRESS(0), ...head, /^1 ▌e\.g\. SELECT … FROM …$/], footer: 'Ctrl+R run' }), WITH_SMALLEST);

    term.type('SELECT name FROM members');
    await term.waitFor('SELECT name FROM members▌');
    await term.pressUntil('C-r', /✓ Ran: 3 rows/);
    await sweep(term, (size) => EXERCISE(size, { lines: [...head, /^1 SELECT name FROM members▌$/, /^✓ Ran: 3 rows \(\d+ ms\)$/], items: ['name', 'Ada', 'Bo', 'Cy'], footer: 'Ctrl+R run' }), WITH_SMALLEST);

    await term.pressUntil('C-s', '1 failed submit');
    await sweep(term, (size) => EXERCISE(size, { lines: [...head, /^1 SELECT name FROM members▌$/], items: ['Extra: 1 row yours has and the solution lacks', 'Bo'], fragments: ['1 failed submit'], footer: 'Ctrl+R run' }), WITH_SMALLEST);

    term.type(' WHERE active = 1');
    await term.waitFor('WHERE active = 1▌');
    await term.pressUntil('C-s', 'rated Hard');
    await sweep(
      term,
      {
        title: "Today's review",
        lines: ['Exercises · SQL exercise'],
        // Wrapped at 50 columns: "(back in 6m)." goes to the next line.
        fragments: ['Right after 1 failed submit: rated Hard'],
        items: ['WHERE keeps the rows whose active flag is 1.', 'Your answer:', 'SELECT name FROM members WHERE active = 1', "The card's solution:"],
        footer: '✓ right',
      },
      WITH_SMALLEST,
    );

    await term.pressUntil('Enter', 'Exercises · code exercise');
    // At 50 columns the footer has room for e and r s only; g works all the same.
    await term.pressUntil('Escape', 'e edit');
    await term.pressUntil('g', 'Give up and see the solution?');
    await sweep(term, { title: "Today's review", lines: ['Exercises · code exercise', 'Add two numbers'], footer: 'Give up and see the solution? It is rated Again.' }, WITH_SMALLEST);
    await term.pressUntil('y', 'Given up: rated Again');
    await sweep(
      term,
      (size) => ({
        title: "Today's review",
        lines: [/^Given up: rated Again \(back in \S+\)\.$/],
        items: size.width >= 120 ? [/^Your answer: +│ Solution:$/, /^def add\(a, b\): +│ {3}def add\(a, b\):$/] : ['Solution:', 'return a + b', 'The + operator returns the sum.', 'Your answer:'],
        footer: '✗ given up',
      }),
      WITH_SMALLEST,
    );
  });
});
