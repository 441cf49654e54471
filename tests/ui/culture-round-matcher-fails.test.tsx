import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { KEY, renderApp } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp.js';

// The matcher failing (its language data missing, say) must not hold the round up.
vi.mock('../../src/core/feedback.js', () => ({
  matchKeyPoints: () => {
    throw new Error('model not found');
  },
  answerInsights: () => ({}),
}));

describe('culture round when the matcher fails', () => {
  it('says so, keeps the answer and goes on to the next question', async () => {
    const app = await renderApp({ dataDir: tempDir(), initial: [{ name: 'culture-round', questions: 2, minutes: 1 }] });
    await app.press('e');
    await app.type('my answer');
    await app.press(KEY.escape, KEY.enter);
    for (let i = 0; i < 50 && !app.frame().includes('could not be worked out'); i++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    }
    expect(app.frame()).toContain('! Feedback could not be worked out (model not found). Your answer is kept');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Question 2 of 2');
    expect(app.ws.rounds.draft()?.answers.map((a) => a.text)).toEqual(['my answer']);
    await app.unmount();
  });
});
