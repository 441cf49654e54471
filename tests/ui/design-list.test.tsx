import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp.js';

/** The prompt rows of the design list, as drawn (the `›` row is the highlighted one). */
function rows(frame: string): string[] {
  return frame.split('\n').filter((line) => /^(› | {2})(★ | {2})\S/.test(line));
}

describe('design list', () => {
  it('lists the role\'s ★ prompts first, then due ones, then the rest', async () => {
    const app = await renderApp({ dataDir: tempDir(), role: 'analytics-engineer', width: 100, height: 40, initial: [{ name: 'designs' }] });
    // Open Connect suits other roles; answered Again just now, it is due again today.
    app.ws.rate('system-design/open-connect-cache-fill', 1, new Date(2026, 10, 20, 8, 0).getTime(), 60_000);
    await app.unmount();
    const again = await renderApp({ dataDir: app.ws.dataDir, role: 'analytics-engineer', width: 100, height: 40, initial: [{ name: 'designs' }] });
    const list = rows(again.frame());
    expect(list).toHaveLength(24);
    const starred = list.filter((line) => line.includes('★'));
    expect(starred.length).toBeGreaterThan(3);
    expect(list.slice(0, starred.length)).toEqual(starred);
    expect(list[starred.length]).toMatch(/Open Connect cache fill +due$/);
    expect(list[0]).toMatch(/^› ★ New-season notifications/);
    await again.unmount();
  });

  it('says there is more below and above when the list is longer than the screen', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'designs' }] });
    expect(app.frame()).toMatch(/▼ \d+ more/);
    expect(app.frame()).not.toMatch(/▲ \d+ more/);
    await app.press(...Array.from({ length: 20 }, () => 'j'));
    expect(app.frame()).toMatch(/▲ \d+ more/);
    await app.unmount();
  });

  it('m picks the mock length before starting; the mock runs at it and the choice is kept', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'designs' }] });
    expect(app.frame()).toContain('Enter start 45 min (full) · m length');
    await app.press('m');
    expect(app.frame()).toContain('Enter start 30 min · m length');
    await app.press('j', KEY.enter);
    expect(app.frame()).toContain('Steering clients to the right cache');
    expect(app.frame()).toContain('total 30:00');
    await app.press(KEY.escape);
    // Back on the list: the length and the prompt are as they were.
    expect(app.frame()).toContain('Enter start 30 min');
    expect(app.frame()).toContain('› ★ Steering clients to the right cache');
    await app.press('m', 'm');
    expect(app.frame()).toContain('Enter start 10 min');
    await app.press('m');
    expect(app.frame()).toContain('Enter start 45 min (full)');
    await app.unmount();
  });
});
