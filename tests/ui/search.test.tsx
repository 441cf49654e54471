import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

describe('search', () => {
  it('/ opens search from Home; typing finds cards; Enter shows the card; s studies it now', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK] });
    await app.press('/');
    expect(app.frame()).toContain('Search:');
    await app.type('prime');
    expect(app.frame()).toContain('› Which are prime?');
    // Letters are typed, not taken as commands: q and ? stay in the query.
    await app.type('q?');
    expect(app.frame()).toContain('primeq?');
    expect(app.frame()).not.toContain('Keys on this screen');
    await app.press('\u007F', '\u007F', KEY.enter);
    expect(app.frame()).toContain('Card');
    expect(app.frame()).toMatch(/✓ 1\. 2/);
    expect(app.frame()).toContain('4 and 9 are squares.');
    expect(app.frame()).toContain('Mini · select all · new');
    await app.press('s');
    expect(app.frame()).toContain('Study now');
    expect(app.frame()).toContain('0 done · 1 left');
    await app.press('1', '3', KEY.enter);
    expect(app.ws.progress.progress.cards.has('mini/primes')).toBe(true);
    await app.press(KEY.enter);
    // Right on a new card is a learning step, so it comes back within the session; q ends it,
    // with a summary first.
    expect(app.frame()).toContain('1 done · 1 left');
    await app.press('q');
    expect(app.frame()).toContain('Session ended early');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Card');
    expect(app.frame()).toMatch(/seen; next due in 10m/);
    await app.press(KEY.escape, KEY.escape);
    expect(app.frame()).toContain('Home');
    await app.unmount();
  });

  it('says how many cards are searchable and when nothing matches', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK] });
    await app.press('/');
    expect(app.frame()).toContain('4 cards searchable');
    await app.type('zzzzqqq');
    expect(app.frame()).toContain('0 matches in 4 cards');
    await app.unmount();
  });

  it('filters alone list every card they keep, with the deck title; words narrow them', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK] });
    await app.press('/');
    await app.type('kind:choice');
    expect(app.frame()).toContain('1 match in 4 cards');
    expect(app.frame()).toMatch(/› 2 \+ 2 = \? +Mini/);
    await app.press(...Array.from({ length: 'kind:choice'.length }, () => '\u007F'));
    await app.type('deck:MIN seen:no');
    expect(app.frame()).toContain('4 matches in 4 cards');
    await app.type(' capital');
    expect(app.frame()).toContain('1 match in 4 cards');
    expect(app.frame()).toContain('› Capital of France?');
    await app.type(' kind:nope');
    expect(app.frame()).toContain('! kind: is one of flashcard, choice, multi, open, design');
    await app.unmount();
  });

  it('due: and seen:yes follow what has been studied', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK] });
    app.ws.rate('mini/capital', 1, new Date(2026, 10, 20, 8, 0).getTime(), 1000);
    await app.press('/');
    await app.type('seen:yes');
    expect(app.frame()).toContain('1 match in 4 cards');
    expect(app.frame()).toContain('› Capital of France?');
    await app.type(' due:');
    expect(app.frame()).toContain('1 match in 4 cards');
    await app.type('no');
    expect(app.frame()).toContain('0 matches in 4 cards');
    await app.unmount();
  });

  it('a result shows the first line of its prompt, never a code fence', async () => {
    const dir = tempDir();
    const deck = join(dir, 'fenced.json');
    writeFileSync(deck, JSON.stringify({ id: 'fenced', title: 'Fenced SQL', version: 1, cards: [{ id: 'q', type: 'flashcard', front: '```sql\nSELECT 1 FROM dual\n```\nWhat comes back?', back: 'One row.' }] }));
    const app = await renderApp({ dataDir: dir, deckArgs: [deck] });
    await app.press('/');
    await app.type('deck:fen');
    expect(app.frame()).toMatch(/› SELECT 1 FROM dual +Fenced SQL/);
    expect(app.frame()).not.toContain('```');
    await app.unmount();
  });

  it('keeps the query, the highlighted result and the mode when you come back from a card; Esc forgets them', async () => {
    const app = await renderApp({ dataDir: tempDir(), deckArgs: [MINI_DECK] });
    await app.press('/');
    await app.type('deck:mini');
    await app.press('\t', 'j', 'j', KEY.enter);
    expect(app.frame()).toContain('Which are prime?');
    expect(app.frame()).toContain('Card');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Search: deck:mini');
    expect(app.frame()).toContain('› Which are prime?');
    // Still browsing: j moves rather than types.
    await app.press('j');
    expect(app.frame()).toContain('› Explain the CAP theorem.');
    expect(app.frame()).toContain('Search: deck:mini');
    // An arrow moves one entry while browsing, not two.
    await app.press(KEY.up);
    expect(app.frame()).toContain('› Which are prime?');
    // Esc goes back once (to Home), not out of the app.
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Home');
    await app.press('/');
    expect(app.frame()).toContain('4 cards searchable');
    await app.unmount();
  });
});
