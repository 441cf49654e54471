// The FSRS parameters screen and Home's offer, at one size: what a fit says, Esc mid-fit, the
// way back to the defaults, and an offer made once.
import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
import { LEARNERS, writeLearnerDir } from '../helpers/simulated-learner.js';
import { tempDir } from '../helpers/temp.js';

const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();

/** A data directory with a learner's reviews (a few thousand by default), ending the day before NOW. */
function historyDir(reviews = 4000): string {
  const dir = tempDir();
  writeLearnerDir(dir, LEARNERS[1]!, reviews, NOW);
  return dir;
}

async function waitFor(app: { frame(): string; flush(): Promise<void> }, text: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    if (app.frame().includes(text)) return app.frame();
    await new Promise((r) => setTimeout(r, 20));
    await app.flush();
  }
  throw new Error(`never saw "${text}" in:\n${app.frame()}`);
}

describe('FSRS parameters screen', () => {
  it('fits, says how the fit did on the held-out reviews, and goes back to the defaults', async () => {
    const app = await renderApp({ dataDir: historyDir(), role: 'software-engineer', now: NOW, initial: [{ name: 'optimize' }] });
    expect(app.frame()).toContain('In use: the FSRS defaults.');
    await app.press(KEY.enter);
    const done = await waitFor(app, 'Health check');
    expect(done).toMatch(/held out of the fit/);
    expect(done).toMatch(/now in use/);
    expect(app.ws.settings.get().fsrs).not.toBeNull();
    await app.press(KEY.escape);
    await app.unmount();
    const again = await renderApp({ dataDir: app.ws.dataDir, role: 'software-engineer', now: NOW, initial: [{ name: 'optimize' }] });
    expect(again.frame()).toMatch(/In use: fitted on \d{4}-\d\d-\d\d/);
    await again.choose('Go back to the default parameters');
    await waitFor(again, 'in use again');
    expect(again.ws.settings.get().fsrs).toBeNull();
    expect(again.frame()).toContain('In use: the FSRS defaults.');
    await again.unmount();
  }, 30_000);

  it('Esc while the fit runs cancels it: nothing changes', async () => {
    // Long enough that the fit is still running when Esc comes.
    const app = await renderApp({ dataDir: historyDir(30_000), role: 'software-engineer', now: NOW, initial: [{ name: 'optimize' }] });
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Esc cancel');
    await app.press(KEY.escape);
    await waitFor(app, 'The fit was cancelled; nothing changed.');
    // The fit's promise settles after the cancel; it must not bring the result back.
    await new Promise((r) => setTimeout(r, 300));
    await app.flush();
    expect(app.frame()).toContain('The fit was cancelled; nothing changed.');
    expect(app.ws.settings.get().fsrs).toBeNull();
    await app.unmount();
  }, 30_000);

  it('Home offers a fit once the log is long enough, and not on the next visit', async () => {
    const app = await renderApp({ dataDir: historyDir(), role: 'software-engineer', now: NOW });
    expect(app.frame()).toMatch(/Tune FSRS to your [\d,]+ reviews \(new\)/);
    await app.choose('Tune FSRS');
    expect(app.frame()).toContain('FSRS parameters');
    await app.press(KEY.escape);
    expect(app.frame()).not.toContain('Tune FSRS');
    await app.unmount();
    const fresh = await renderApp({ dataDir: tempDir(), role: 'software-engineer', now: NOW });
    expect(fresh.frame()).not.toContain('Tune FSRS');
    await fresh.unmount();
  }, 30_000);

  it('Esc on the screen before a fit goes back to the screen it came from', async () => {
    const app = await renderApp({ dataDir: tempDir(), role: 'software-engineer', now: NOW, initial: [{ name: 'settings' }, { name: 'optimize' }] });
    expect(app.frame()).toContain('Fit to my reviews now');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('keeper-prep › Settings');
    await app.unmount();
  });
});
