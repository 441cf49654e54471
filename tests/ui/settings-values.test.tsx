// A value set elsewhere (Readiness's retention rows, a hand-edited file) is a choice in Settings'
// picker, marked current, so Enter there keeps it rather than put the first listed one in.
import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp.js';

describe('Settings pickers', () => {
  it('list the desired retention in use when it is not one of theirs, on it, and Enter keeps it', async () => {
    const app = await renderApp({ dataDir: tempDir(), role: 'software-engineer', initial: [{ name: 'settings' }] });
    app.ws.settings.set({ retention: 0.87 });
    await app.choose('Desired retention');
    expect(app.frame()).toMatch(/› 87% \(current\)/);
    expect(app.frame()).toMatch(/85%[\s\S]*87% \(current\)[\s\S]*88%/);
    await app.press(KEY.enter);
    expect(app.ws.settings.get().retention).toBe(0.87);
    await app.unmount();
  });
});
