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
    expect(app.frame()).toContain('Mini · multi · new');
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
});
