import { describe, expect, it } from 'vitest';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { join } from 'node:path';
import { MINI_DECK, REPO, tempDir } from '../helpers/temp.js';
import { topicScope } from '../../src/ui/screens/Readiness.js';
import { stepNew } from '../../src/ui/components/study-now/modes.js';

const WALK = join(REPO, 'tests/fixtures/walk.json');
const NINE = new Date(2026, 10, 20, 9, 0, 0).getTime();

/** A data directory where today's review is used up: today's cards all answered Easy at 9:00. */
async function usedUp(): Promise<string> {
  const dir = tempDir();
  const app = await renderApp({ dataDir: dir, now: NINE });
  for (const item of app.ws.queueFor(app.ws.studyDecks(), NINE)) app.ws.rate(item.key, 4, NINE, 1000);
  await app.unmount();
  return dir;
}

/** The cards the session on screen holds: "0 done · N left". */
function left(app: Harness): number {
  return Number(/0 done · (\d+) left/.exec(app.frame())?.[1] ?? NaN);
}

describe('Study now from Home', () => {
  it('picks a deck with its figures, then learns 15 more new cards (→), and comes back to that deck after the session', async () => {
    const app = await renderApp({ dataDir: await usedUp(), now: NINE + 3_600_000 });
    await app.choose('Study now…');
    expect(app.frame()).toContain('What do you want to study?');
    expect(app.frame()).toMatch(/› All your decks \(0 due · \d+ unseen\)/);
    await app.choose('A deck…');
    expect(app.frame()).toContain('Which deck?');
    // Each deck with its due and unseen counts, in a column.
    expect(app.frame()).toMatch(/SQL +0 due · \d+ unseen/);
    await app.choose('SQL');
    expect(app.frame()).toContain('keeper-prep › Study now · SQL');
    expect(app.frame()).toMatch(/\d+ cards · \d+ seen · 0 due today · \d+ never seen/);
    expect(app.frame()).toContain('Due cards only: none due today');
    // Nothing due: the new cards are highlighted first.
    expect(app.frame()).toMatch(/› Learn 10 more new cards today \(\d+ unseen\)/);
    await app.press(KEY.right);
    expect(app.frame()).toMatch(/› Learn 15 more new cards today/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Study now · SQL · +15 new');
    expect(left(app)).toBe(15);
    await app.press('q');
    // Back from the session: the same deck's choices, the count kept.
    expect(app.frame()).toContain('keeper-prep › Study now · SQL');
    expect(app.frame()).toMatch(/› Learn 15 more new cards today/);
    await app.press(KEY.escape);
    expect(app.frame()).toContain('› Study now…');
    await app.unmount();
  });

  it('a blocked choice says why and starts nothing; - and + change the count', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], initial: [{ name: 'study-now', scope: { kind: 'deck', deckId: 'mini' } }] });
    expect(app.frame()).toContain('4 cards · 0 seen · 0 due today · 4 never seen');
    expect(app.frame()).toContain('› Learn all 4 unseen cards today');
    await app.press('-');
    expect(app.frame()).toContain('› Learn 3 more new cards today (4 unseen)');
    await app.press('+', '+');
    expect(app.frame()).toContain('› Learn all 4 unseen cards today');
    await app.press(KEY.up, KEY.enter);
    expect(app.frame()).toContain('No card here is due today. Learn new ones or practise instead.');
    expect(app.frame()).toContain('keeper-prep › Study now · Mini');
    await app.unmount();
  });

  it('a tag from a filtered list, practised weakest first', async () => {
    const app = await renderApp({ dataDir: tempDir() });
    await app.choose('Study now…');
    await app.choose('A tag or topic…');
    expect(app.frame()).toMatch(/\d+ tags, the most used first/);
    // Letters filter; q and ? are typed, not taken as back and help.
    await app.type('q?');
    expect(app.frame()).toContain('Filter: q?');
    expect(app.frame()).not.toContain('Keys on this screen');
    await app.press('\u007F', '\u007F');
    await app.type('anti-join');
    expect(app.frame()).toMatch(/1 of \d+ tags/);
    // Counted from the decks, so new anti-join cards do not break this test.
    const tagged = app.ws.library.decks.flatMap((d) => d.deck.cards).filter((c) => c.tags?.includes('anti-join') && c.type !== 'design').length;
    expect(app.frame()).toMatch(new RegExp(`› anti-join +0 due · ${tagged} unseen`));
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Study now · tag anti-join');
    await app.press(KEY.down, KEY.enter);
    expect(app.frame()).toContain('Study now · tag anti-join · practice');
    expect(left(app)).toBe(tagged);

    await app.unmount();
  });

  it('practice answers stay off the schedule', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], initial: [{ name: 'study-now', scope: { kind: 'deck', deckId: 'mini' }, mode: 'practice' }] });
    expect(app.frame()).toContain('› Practise all 4, weakest first');
    await app.press(KEY.enter, KEY.space, '3');
    expect(app.frame()).toContain('1 done · 3 left');
    expect(app.ws.progress.progress.cards.size).toBe(0);
    await app.unmount();
  });

  it('Tab picks other cards, and the skill list has its figures', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'study-now', scope: { kind: 'all' } }] });
    expect(app.frame()).toContain('Study now · All your decks');
    await app.press('\t');
    await app.choose('A skill…');
    expect(app.frame()).toContain('Which skill?');
    await app.choose('Statistics');
    expect(app.frame()).toContain('Study now · Statistics');
    await app.press(KEY.escape, KEY.escape, KEY.escape);
    expect(app.frame()).toContain('Study now · All your decks');
    await app.unmount();
  });
});

describe('Study now from the other screens', () => {
  it('Decks: Enter on a deck opens Study now for it; a due session starts from there', async () => {
    const dir = tempDir();
    const app = await renderApp({ dataDir: dir, deckArgs: [MINI_DECK], now: NINE });
    app.ws.rate('mini/capital', 1, NINE - 86_400_000, 1000);
    await app.choose('Decks');
    expect(app.frame()).toMatch(/› Mini +/);
    expect(app.frame()).toContain('Enter study this deck');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('keeper-prep › Study now · Mini');
    expect(app.frame()).toMatch(/› Due cards only \(1 due\)/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Study now · Mini · due');
    expect(app.frame()).toContain('Capital of France?');
    expect(left(app)).toBe(1);
    await app.unmount();
  });

  it('Decks: the cursor moves through the table, and the view follows it', async () => {
    const app = await renderApp({ dataDir: tempDir(), width: 60, height: 14, initial: [{ name: 'decks' }] });
    expect(app.frame()).toMatch(/› A\/B Testing/);
    for (let i = 0; i < 15; i++) await app.press(KEY.down);
    expect(app.frame()).toMatch(/› System Design/);
    await app.press(KEY.enter);
    expect(app.frame().replace(/\s+/g, ' ')).toContain('No quiz cards here (design prompts are practised in Design mocks).');
    await app.press(KEY.escape, KEY.up);
    expect(app.frame()).toMatch(/› Statistics/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Study now · Statistics');
    await app.unmount();
  });

  it('Search: s studies the results as found (not while typing)', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK] });
    await app.press('/');
    await app.type('prime');
    expect(app.frame()).toContain('Search: prime');
    await app.type('s');
    expect(app.frame()).toContain('Search: primes');
    await app.press('\u007F', '\t');
    expect(app.frame()).toContain('s study these');
    await app.press('s');
    expect(app.frame()).toContain('keeper-prep › Study now · search "prime"');
    expect(app.frame()).toContain('1 card · 0 seen · 0 due today · 1 never seen');
    // Tab offers the results among the other kinds of cards.
    await app.press('\t');
    expect(app.frame()).toContain('› These search results: "prime" (0 due · 1 unseen)');
    await app.press(KEY.enter, KEY.enter);
    expect(app.frame()).toContain('Study now · search "prime" · +1 new');
    expect(app.frame()).toContain('Which are prime?');
    await app.unmount();
  });

  it('Readiness: a topic is its tag when its deck tags the cards, else its deck', () => {
    const decks = [{ id: 'd', title: 'D', version: 1, area: 'custom', cards: [{ id: 'a', type: 'flashcard', front: 'f', back: 'b', tags: ['Joins'] }] }] as never;
    const topic = { name: 'joins', deckId: 'd', deckTitle: 'D', cards: 1, seen: 1, recall: 0.5, keys: ['d/a'] };
    expect(topicScope(topic, decks)).toEqual({ kind: 'tag', tag: 'joins' });
    expect(topicScope({ ...topic, name: 'D' }, decks)).toEqual({ kind: 'deck', deckId: 'd' });
  });
});

describe('never stuck', () => {
  it('Culture review before the walkthrough is done points to the walkthrough (w), not to new cards or a weakest of none', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [WALK] });
    await app.choose('Culture review (0 due)');
    const frame = app.frame().replace(/\s+/g, ' ');
    expect(frame).toContain('w Culture cards come in through the walkthrough: open it (0 of 2 sections done)');
    expect(frame).not.toContain('Learn 10 more');
    expect(frame).toContain('p Practise the cards from');
    await app.press('w');
    expect(app.frame()).toContain('Section 1 of 2');
    await app.unmount();
  });

  it("Today's review with nothing left offers new cards, practice and the time the next card is due; n opens Study now on new cards", async () => {
    const app = await renderApp({ dataDir: await usedUp(), now: NINE + 3_600_000 });
    await app.choose("Today's review");
    const frame = app.frame().replace(/\s+/g, ' ');
    expect(frame).toContain("Nothing to study here right now: no card here is due, and no new one is waiting today.");
    expect(frame).toMatch(/n Learn 10 more new cards \(\d+ unseen\)/);
    expect(frame).toContain('p Practise the weakest cards, off your schedule');
    expect(frame).toMatch(/Or come back later: next card due \d{4}-\d\d-\d\d 09:00\./);
    expect(app.frame()).toContain('Enter go back · n learn new · p practise');
    await app.press('n');
    expect(app.frame()).toContain('keeper-prep › Study now · All your decks');
    expect(app.frame()).toMatch(/› Learn 10 more new cards today/);
    await app.press(KEY.enter);
    expect(left(app)).toBe(10);
    await app.press('q', KEY.escape, 'p');
    expect(app.frame()).toMatch(/› Practise all \d+, weakest first/);
    await app.unmount();
  });

  it('a finished session says what next: practise, or come back when the next card is due', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], now: NINE, initial: [{ name: 'study-now', scope: { kind: 'tag', tag: 'geo' } }] });
    expect(app.frame()).toContain('› Learn all 1 unseen card today');
    await app.press(KEY.enter, KEY.space, '4');
    const frame = app.frame().replace(/\s+/g, ' ');
    expect(frame).toContain('Session complete');
    expect(frame).toContain('What next?');
    // Every card of the tag is seen now: no new ones to offer.
    expect(frame).not.toContain('Learn');
    expect(frame).toContain('p Practise the weakest from tag geo, off your schedule');
    expect(frame).toMatch(/Or come back later: next card due \d{4}-\d\d-\d\d \d\d:\d\d\./);
    await app.press('p');
    expect(app.frame()).toContain('› Practise all 1, weakest first');
    await app.unmount();
  });

  it('an early end offers nothing more: the cards left are still there', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK], initial: [{ name: 'study-now', scope: { kind: 'deck', deckId: 'mini' } }] });
    await app.press(KEY.enter, KEY.space, '4', 'q');
    expect(app.frame()).toContain('Session ended early');
    expect(app.frame()).not.toContain('What next?');
    await app.unmount();
  });

  it('the count of new cards steps by one to 5, then by 5, within what is unseen', () => {
    expect(stepNew(10, true, 100)).toBe(15);
    expect(stepNew(10, false, 100)).toBe(5);
    expect(stepNew(5, false, 100)).toBe(4);
    expect(stepNew(1, false, 100)).toBe(1);
    expect(stepNew(3, true, 100)).toBe(4);
    expect(stepNew(12, true, 100)).toBe(15);
    expect(stepNew(12, false, 100)).toBe(10);
    expect(stepNew(10, false, 4)).toBe(3);
    expect(stepNew(10, true, 4)).toBe(4);
  });
});
