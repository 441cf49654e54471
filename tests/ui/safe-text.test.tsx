// The app shows someone else's text safe whatever got past the deck loader: a right-to-left
// override in a title or a card, and an OSC 52 sequence in a broken deck's file name, appear as
// visible escapes on the Decks screen, in search results, on the card and in Home's notices.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, type Harness } from '../helpers/render-app.js';
import { MINI_DECK, tempDir } from '../helpers/temp.js';

const OSC52 = '\u001b]52;c;aGk=\u0007';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The frame without ink's colour codes, the only escapes the app itself may draw. */
function shown(app: Harness): string {
  const text = app.frame().replace(/\u001b\[[0-9;]*m/g, '');
  expect(UNSAFE.exec(text), text).toBeNull();
  return text;
}

function dataDir(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'decks'));
  const deck = JSON.parse(readFileSync(MINI_DECK, 'utf8')) as { id: string; title: string; cards: { front?: string }[] };
  deck.id = 'bidi';
  deck.title = `Mini \u202eelif`;
  deck.cards[0]!.front = `Capital \u202eof France?`;
  writeFileSync(join(dir, 'decks', 'bidi.json'), JSON.stringify(deck));
  writeFileSync(join(dir, 'decks', `evil${OSC52}.json`), '{');
  return dir;
}

describe('outside text in the app', () => {
  it('Decks shows the file name and the title escaped', async () => {
    const app = await renderApp({ dataDir: dataDir(), width: 120, height: 40, initial: [{ name: 'decks' }] });
    const text = shown(app);
    expect(text).toContain('evil\\x1b]52;c;aGk=\\x07.json');
    expect(text).toContain('Mini <U+202E>elif');
    await app.unmount();
  });

  it('search results and the card opened from them show the override escaped', async () => {
    const app = await renderApp({ dataDir: dataDir(), width: 100, height: 30, initial: [{ name: 'search' }] });
    await app.type('Capital');
    expect(shown(app)).toContain('Capital <U+202E>of France?');
    await app.press(KEY.enter);
    expect(shown(app)).toContain('Capital <U+202E>of France?');
    await app.unmount();
  });
});
