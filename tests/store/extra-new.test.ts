// "Learn N more new cards today": the granted cards come on top of the day's limit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { grantedToday, grantText } from '../../src/core/extra-new.js';
import { dayLimits } from '../../src/core/day-plan.js';
import type { Deck } from '../../src/core/deck.js';
import { createScheduler } from '../../src/core/scheduler.js';
import { io } from '../../src/store/safe-write.js';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import { BUILTIN_DECKS, tempDir } from '../helpers/temp.js';

const NOW = new Date(2026, 10, 20, 9, 0, 0).getTime();
const DAY = 86_400_000;

describe('the grant file', () => {
  it('grants today\'s keys only, and adds to what today granted', () => {
    const first = grantText(new Set(), ['a/1', 'a/2'], NOW);
    expect([...grantedToday(first, NOW)]).toEqual(['a/1', 'a/2']);
    expect([...grantedToday(grantText(grantedToday(first, NOW), ['a/2', 'a/3'], NOW), NOW)]).toEqual(['a/1', 'a/2', 'a/3']);
    expect(grantedToday(first, NOW + DAY).size).toBe(0);
    expect(grantedToday(null, NOW).size).toBe(0);
  });

  it('reads anything at all as a set of strings, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(grantText(new Set(), ['x/y'], NOW))), (text) => {
        const keys = grantedToday(text, NOW);
        expect([...keys].every((k) => typeof k === 'string')).toBe(true);
      }),
    );
  });
});

describe('room for new cards', () => {
  const deck: Deck = { id: 'a', title: 'T', area: 'skills', version: 1, cards: ['1', '2', '3'].map((id) => ({ id, type: 'flashcard' as const, front: 'f', back: 'b' })) };
  const record = { state: { due: NOW + DAY } as never, firstReview: NOW - 1000 };
  const records = new Map(deck.cards.map((card) => [`a/${card.id}`, record]));
  const room = (granted?: ReadonlySet<string>) =>
    dayLimits({ decks: [deck], ownDecks: [], records, scheduler: createScheduler({ retention: 0.9 }), now: NOW, interviewAt: null, retention: 0.9, newPerDay: 5, ownNewPerDay: 20, granted }).room;
  it('cards granted today use up none of it', () => {
    expect(room().shared).toBe(2);
    expect(room(new Set(['a/1', 'a/2'])).shared).toBe(4);
  });
});

describe('learning N more from a deck', () => {
  let ws: Workspace | null = null;
  afterEach(() => ws?.close());

  it('keeps the day\'s new cards for the rest of today', async () => {
    const dir = tempDir();
    ws = await openWorkspace({ dataDir: dir, env: {}, builtinDir: BUILTIN_DECKS, now: NOW });
    ws.settings.set({ role: 'analytics-engineer', newPerDay: 10 });
    const before = ws.dayPlan(NOW).figures.new;
    const session = ws.customStudy({ kind: 'deck', deckId: 'sql' }, { kind: 'new', count: 5 }, NOW);
    expect(session.items).toHaveLength(5);
    for (const i of session.items) ws.rate(i.key, 3, NOW, 2000);
    expect(ws.dayPlan(NOW).figures.new).toBe(before);
    // Without the grant (an unreadable file grants nothing) the five would have used up half the day.
    writeFileSync(join(dir, 'extra-new.json'), '{broken');
    expect(ws.dayPlan(NOW).figures.new).toBe(before - 5);
  });

  it('on a full or read-only disk still starts the session; the cards then count against the limit', async () => {
    ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: NOW });
    ws.settings.set({ role: 'analytics-engineer', newPerDay: 10 });
    for (const code of ['ENOSPC', 'EROFS']) {
      const spy = vi.spyOn(io, 'openSync').mockImplementation(() => {
        throw Object.assign(new Error(code), { code });
      });
      try {
        expect(ws.customStudy({ kind: 'deck', deckId: 'sql' }, { kind: 'new', count: 3 }, NOW).items).toHaveLength(3);
      } finally {
        spy.mockRestore();
      }
    }
    expect(ws.customStudy({ kind: 'deck', deckId: 'sql' }, { kind: 'due' }, NOW).items).toHaveLength(0);
  });
});
