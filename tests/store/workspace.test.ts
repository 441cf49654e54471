import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDeckError } from '../../src/core/deck-parse.js';
import { loadDecks } from '../../src/store/deck-files.js';
import { checkDeckArgs, DeckChoiceError, openWorkspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, MINI_DECK, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);

describe('settings', () => {
  it('keeps role, limits and retention in conf\'s settings file, with defaults', async () => {
    const dir = tempDir();
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(ws.settings.get()).toEqual({ role: null, newPerDay: 20, userDeckNewPerDay: 20, retention: 0.9, interviewDate: null, askConfidence: true, level: 'mid', fsrs: null, fitOfferedAt: 0 });
    ws.settings.set({ role: 'ml-engineer', retention: 0.95 });
    const again = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(again.settings.get()).toMatchObject({ role: 'ml-engineer', newPerDay: 20, retention: 0.95 });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ role: 'ml-engineer', __internal__: { migrations: { version: '1.0.0' } } });
  });

  it('uses KEEPER_PREP_HOME when no --data-dir is given', async () => {
    const dir = tempDir();
    const ws = await openWorkspace({ env: { KEEPER_PREP_HOME: dir }, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(ws.dataDir).toBe(dir);
    expect(ws.settings.file).toBe(join(dir, 'settings.json'));
  });

  it('moves a damaged settings file aside and says where', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"role": "ml-eng');
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    // Read leniently: the role the torn file got to is kept.
    expect(ws.settings.get().role).toBe('ml-eng');
    expect(ws.notices[0]).toMatch(/settings file was damaged \(cut short or torn\); it was moved to .*settings\.json\.damaged-\d+\. Kept: role\./);
    expect(readFileSync(join(dir, `settings.json.damaged-${T0}`), 'utf8')).toBe('{"role": "ml-eng');
  });

  it('clamps out-of-range values edited into the file by hand', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ role: 'software-engineer', newPerDay: -4, retention: 2 }));
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(ws.settings.get()).toMatchObject({ role: 'software-engineer', newPerDay: 0, retention: 0.99 });
  });
});

describe('decks', () => {
  it('loads built-in decks, the user decks directory, KEEPER_PREP_DECKS and --deck files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'decks'));
    const mini = JSON.parse(readFileSync(MINI_DECK, 'utf8'));
    writeFileSync(join(dir, 'decks', 'user.json'), JSON.stringify({ ...mini, id: 'user-deck' }));
    const envDeck = join(dir, 'env.json');
    writeFileSync(envDeck, JSON.stringify({ ...mini, id: 'env-deck' }));
    const ws = await openWorkspace({ dataDir: dir, deckArgs: [MINI_DECK], env: { KEEPER_PREP_DECKS: [envDeck, join(dir, 'missing.json')].join(delimiter) }, builtinDir: BUILTIN_DECKS, now: T0 });
    const byOrigin = Object.fromEntries(ws.library.decks.map((d) => [d.deck.id, d.origin]));
    expect(byOrigin).toMatchObject({ culture: 'built-in', 'ab-testing': 'built-in', 'user-deck': 'user', 'env-deck': 'env', mini: 'flag' });
    expect(ws.library.broken).toEqual([expect.objectContaining({ file: join(dir, 'missing.json'), errors: [expect.objectContaining({ message: 'file not found' })] })]);
    // A path given to --deck is loaded and also selected.
    expect(ws.selected).toEqual(['mini']);
    expect(ws.decks().map((d) => d.id)).toEqual(['mini']);
  });

  it('selects decks by id with --deck, and refuses an unknown id or a file that does not load before opening anything', async () => {
    const ws = await openWorkspace({ dataDir: tempDir(), deckArgs: ['culture', 'sql'], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(ws.decks().map((d) => d.id)).toEqual(['culture', 'sql']);
    ws.close();

    const dir = tempDir();
    const open = (deckArgs: string[]) => openWorkspace({ dataDir: join(dir, 'data'), deckArgs, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    await expect(open(['culture', 'no-such-deck'])).rejects.toThrow(new DeckChoiceError('no deck has the id "no-such-deck"; `keeper-prep decks` lists them'));
    await expect(open(['statistcs'])).rejects.toThrow('no deck has the id "statistcs" (did you mean "statistics"?); `keeper-prep decks` lists them');
    await expect(open([join(dir, 'gone.json')])).rejects.toThrow(`--deck ${join(dir, 'gone.json')}: no such file`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "id": "bad",\n  "title": 5\n}');
    await expect(open([bad])).rejects.toThrow(new RegExp(`^--deck ${bad} does not load: ${bad}:\\d+:\\d+ \\w+: .*\\(and \\d+ more; \`keeper-prep validate ${bad}\` lists them all\\)$`));
    const mini = JSON.parse(readFileSync(MINI_DECK, 'utf8'));
    const twin = join(dir, 'twin.json');
    writeFileSync(twin, JSON.stringify(mini));
    await expect(open([MINI_DECK, twin])).rejects.toThrow(`--deck ${MINI_DECK}: ${twin} has the same deck id ("mini"); pass one of them`);
    // Nothing was opened, so nothing was written.
    expect(existsSync(join(dir, 'data'))).toBe(false);
    await expect(checkDeckArgs({ dataDir: join(dir, 'data'), deckArgs: ['nope'], env: {}, builtinDir: BUILTIN_DECKS, now: T0 })).rejects.toThrow(DeckChoiceError);
    await expect(checkDeckArgs({ dataDir: join(dir, 'data'), deckArgs: ['culture', MINI_DECK], env: {}, builtinDir: BUILTIN_DECKS, now: T0 })).resolves.toBeUndefined();
  });

  it('lists a broken deck with positioned errors and still loads the others', async () => {
    const dir = tempDir();
    const userDir = join(dir, 'decks');
    mkdirSync(userDir);
    copyFileSync(MINI_DECK, join(userDir, 'good.json'));
    writeFileSync(join(userDir, 'bad.json'), '{\n  "id": "bad",\n  "title": 5\n}');
    const library = await loadDecks({ builtinDir: BUILTIN_DECKS, userDir });
    expect(library.decks.map((d) => d.deck.id)).toContain('mini');
    expect(library.broken).toHaveLength(1);
    expect(library.broken[0]!.errors).toEqual(
      expect.arrayContaining([
        { file: join(userDir, 'bad.json'), line: 3, column: 12, path: 'title', message: 'must be text, not a number' },
        expect.objectContaining({ path: 'version', message: 'is required' }),
      ]),
    );
  });

  it('gives each kind of bad deck file one line of error, loads the rest, and leaves the files alone', async () => {
    const userDir = join(tempDir(), 'decks');
    mkdirSync(userDir);
    copyFileSync(MINI_DECK, join(userDir, 'good.json'));
    const mini = readFileSync(MINI_DECK, 'utf8');
    writeFileSync(join(userDir, 'cut.json'), mini.slice(0, 200));
    writeFileSync(join(userDir, 'junk.json'), Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251));
    writeFileSync(join(userDir, 'proto.json'), mini.replace('"version": 1,', '"version": 1, "__proto__": {"polluted": true},'));
    writeFileSync(join(userDir, 'escape.json'), mini.replace('"back": "Paris"', '"back": "Par\\u001b[2Jis"'));
    writeFileSync(join(userDir, 'huge.json'), '');
    truncateSync(join(userDir, 'huge.json'), 25 * 1024 * 1024);
    const before = readdirSync(userDir).map((f) => [f, readFileSync(join(userDir, f)).length]);
    const library = await loadDecks({ builtinDir: BUILTIN_DECKS, userDir });
    expect(library.decks.map((d) => d.deck.id)).toContain('mini');
    const first = Object.fromEntries(library.broken.map((b) => [b.file.split('/').pop(), formatDeckError(b.errors[0]!)]));
    expect(first).toEqual({
      'cut.json': expect.stringMatching(/cut\.json:\d+:\d+ JSON syntax error: /),
      'junk.json': expect.stringMatching(/junk\.json:1:1 JSON syntax error: /),
      'proto.json': expect.stringMatching(/proto\.json:\d+:\d+ "__proto__" is not allowed as a key/),
      'escape.json': expect.stringMatching(/escape\.json:\d+:\d+ cards\[0\]\.back: contains a control character/),
      'huge.json': expect.stringMatching(/huge\.json:1:1 file is 25\.0 MB; decks are limited to 20 MB/),
    });
    for (const line of Object.values(first)) expect(line).not.toContain('\n');
    expect(readdirSync(userDir).map((f) => [f, readFileSync(join(userDir, f)).length])).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says which deck it used when two share an id', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'decks'));
    const culture = JSON.parse(readFileSync(join(BUILTIN_DECKS, 'culture.json'), 'utf8'));
    writeFileSync(join(dir, 'decks', 'my-culture.json'), JSON.stringify({ ...culture, title: 'My culture', $schema: undefined }));
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(ws.library.decks.find((d) => d.deck.id === 'culture')?.deck.title).toBe('My culture');
    expect(ws.notices.join('\n')).toMatch(/Deck id "culture" is in both .*culture\.json \(built-in\) and .*my-culture\.json \(user\); using .*my-culture\.json/);
  });

  it('ships built-in decks that all validate', async () => {
    const library = await loadDecks({ builtinDir: BUILTIN_DECKS, userDir: join(tempDir(), 'none') });
    expect(library.broken).toEqual([]);
    expect(library.decks.length).toBe(readdirSync(BUILTIN_DECKS).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).length);
  });
});

describe('rating through the workspace', () => {
  it('schedules with ts-fsrs at the retention setting and records first-review time', async () => {
    const dir = tempDir();
    const ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    const first = ws.rate('culture/x', 3, T0, 2000);
    expect(first.restore).toBeNull();
    expect(first.record).toMatchObject({ firstReview: T0, state: { phase: 'learning', due: T0 + 600_000 } });
    const second = ws.rate('culture/x', 3, T0 + 600_000, 2000);
    expect(second.restore).toEqual(first.record);
    expect(second.record.firstReview).toBe(T0);
    ws.undo(second.reviewId, 'culture/x', second.restore, T0 + 600_001);
    expect(ws.progress.progress.cards.get('culture/x')).toEqual(first.record);
    expect(ws.progress.progress.reviews).toBe(1);
  });
});

describe('the decks a user studies', () => {
  it('are the decks of the chosen role, unless --deck chose them', async () => {
    const dir = tempDir();
    const mini = JSON.parse(readFileSync(MINI_DECK, 'utf8'));
    const other = join(dir, 'other-track.json');
    writeFileSync(other, JSON.stringify({ ...mini, id: 'pm-only', tracks: ['product-manager'] }));
    const byRole = await openWorkspace({ dataDir: dir, env: { KEEPER_PREP_DECKS: other }, builtinDir: BUILTIN_DECKS, now: T0 });
    byRole.settings.set({ role: 'policy-ops-analyst' });
    expect(byRole.studyDecks().map((d) => d.id)).toEqual(['cross-functional-coordination', 'culture', 'netflix-business', 'operational-planning', 'risk-communication', 'sql', 'statistics', 'system-design']);
    const chosen = await openWorkspace({ dataDir: dir, deckArgs: [other], env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
    expect(chosen.studyDecks().map((d) => d.id)).toEqual(['pm-only']);
  });
});
