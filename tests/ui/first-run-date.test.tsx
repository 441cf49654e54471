// First run: the role, then the interview date (set, or skipped with Esc or an empty Enter), then Home.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp.js';

const BACKSPACE = '\u007F';

function plain(app: Harness): string[] {
  return app.frame().replace(/\u001B\[[0-9;]*m/g, '').split('\n');
}

/** A first run with the role chosen: the date step on screen. */
async function atDateStep(size: { width: number; height: number } = { width: 80, height: 24 }): Promise<Harness> {
  const app = await renderApp({ dataDir: tempDir(), role: null, ...size });
  await app.press(KEY.down, KEY.enter);
  expect(app.ws.settings.get().role).toBe('ml-engineer');
  return app;
}

describe('first run: the interview date after the role', () => {
  it('asks for it with an example and says what it changes', async () => {
    const app = await atDateStep();
    const text = plain(app).join('\n');
    expect(text).toContain('keeper-prep › Welcome');
    expect(text).toContain('When is your interview? (YYYY-MM-DD)');
    // Two weeks after the test clock's 2026-11-20.
    expect(text).toMatch(/^Date: ▌e\.g\. 2026-12-04$/m);
    expect(text.replace(/\n/g, ' ')).toContain('The daily plan and the readiness figures aim at this day; without it they predict for today.');
    expect(plain(app).at(-1)).toBe('Enter save · Esc skip (so does an empty Enter)');
    await app.unmount();
  });

  it('a date typed and Enter: saved, then Home plans for it', async () => {
    const app = await atDateStep();
    await app.type('2026-12-04');
    await app.press(KEY.enter);
    expect(app.ws.settings.get().interviewDate).toBe('2026-12-04');
    expect(app.frame()).toContain('keeper-prep › Home');
    expect(app.frame()).toMatch(/14 days left: \d+ new \+ ~\d+ reviews? a day/);
    await app.unmount();
  });

  it('refuses a day that is not a date, or one already past, and keeps asking', async () => {
    const app = await atDateStep();
    await app.type('2026-13-01');
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/! "2026-13-01" is not a date like 2026-12-04 \(YYYY-MM-DD\)/);
    for (let i = 0; i < 10; i++) await app.press(BACKSPACE);
    await app.type('2026-11-19');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('! 2026-11-19 has passed');
    expect(app.ws.settings.get().interviewDate).toBeNull();
    expect(app.frame()).toContain('When is your interview?');
    await app.unmount();
  });

  it('Esc skips: Home, no date stored, the role kept', async () => {
    const app = await atDateStep();
    await app.type('2026');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('keeper-prep › Home');
    expect(app.ws.settings.get()).toMatchObject({ role: 'ml-engineer', interviewDate: null });
    await app.unmount();
  });

  it('an empty Enter skips too', async () => {
    const app = await atDateStep();
    await app.press(KEY.enter);
    expect(app.frame()).toContain('keeper-prep › Home');
    expect(app.ws.settings.get().interviewDate).toBeNull();
    await app.unmount();
  });

  for (const [width, height] of [[50, 14], [160, 45]] as const) {
    it(`fits ${width}x${height}: every line whole, the footer last`, async () => {
      const app = await atDateStep({ width, height });
      await app.type('2026-13-01');
      await app.press(KEY.enter);
      const lines = plain(app);
      expect(lines).toHaveLength(height);
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
      expect(lines.at(-1)).toMatch(/^Enter save · Esc skip/);
      expect(lines.join('\n')).toContain('When is your interview?');
      expect(lines.join('\n')).toMatch(/^\s*Date: 2026-13-01▌$/m);
      await app.unmount();
    });
  }
});

describe('a first run with the date already given (--interview, imported settings)', () => {
  it('goes from the role straight to Home', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ interviewDate: '2026-12-04' }));
    const app = await renderApp({ dataDir: dir, role: null });
    expect(app.frame()).toContain('Which role are you interviewing for?');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('keeper-prep › Home');
    expect(app.ws.settings.get()).toMatchObject({ role: 'software-engineer', interviewDate: '2026-12-04' });
    await app.unmount();
  });
});

describe('the role picker from Settings', () => {
  it('goes back to Settings after a role, without asking the date', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'settings' }] });
    await app.press(KEY.enter, KEY.down, KEY.enter);
    expect(app.frame()).not.toContain('When is your interview?');
    expect(app.frame()).toMatch(/Role +Machine Learning Engineer/);
    await app.unmount();
  });
});
