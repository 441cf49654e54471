// Bars by level on screen: the target level in Settings, and the design mock's rubric showing
// that level's bar beside each dimension and in the summary.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
import { REPO, tempDir } from '../helpers/temp.js';

const DESIGN = join(REPO, 'tests/fixtures/design.json');

describe('target level', () => {
  it('is picked in Settings, mid-level by default', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'settings' }] });
    expect(app.frame()).toMatch(/Target level +Mid-level/);
    await app.choose('Target level');
    expect(app.frame()).toContain('Mid-level (current) (default)');
    expect(app.frame()).toContain('Intern or new graduate');
    await app.choose('Senior');
    expect(app.frame()).toMatch(/Target level +Senior/);
    expect(app.ws.settings.get().level).toBe('senior');
    await app.unmount();
  });

  it.each([
    [80, 24],
    [60, 20],
  ])('shows its bar beside each rubric dimension of a design mock at %ix%i', async (width, height) => {
    const dir = tempDir();
    const first = await renderApp({ dataDir: dir, deckArgs: [DESIGN] });
    first.ws.settings.set({ level: 'senior' });
    await first.unmount();
    const app = await renderApp({ dataDir: dir, deckArgs: [DESIGN], width, height, initial: [{ name: 'mock', key: 'mini-design/url-shortener', minutes: 5 }] });
    await app.press('f', KEY.enter);
    expect(app.frame()).toContain('Rubric 1 of 2');
    expect(app.frame()).toContain('▸ bar for senior: 3-4 — frames the problem');
    await app.press('4');
    expect(app.frame()).toContain('▸ bar for senior: 3-4 — a design others can build on');
    await app.press('3');
    expect(app.frame()).toMatch(/ 4\/4 {2}bar 3-4 {2}Requirements/);
    expect(app.frame()).toContain('Mean 3.5 of 4 · bars for senior');
    await app.unmount();
  });
});
