// The content check: every built-in deck is held to the rules a candidate's trust depends on.
// One describe per deck, so a writer can run `vitest run tests/content -t <deck-id>`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck, formatDeckError } from '../../src/core/deck-parse.js';
import type { Card, Deck } from '../../src/core/deck.js';
import { TRACKS } from '../../src/core/tracks.js';
import { BUILTIN_DECKS } from '../helpers/temp.js';
import { cardText, promptOf } from '../helpers/card-text.js';
import { openCardRenderer } from '../helpers/render-card.js';

const SKILLS = [
  'Distributed Systems', 'Java', 'Kotlin', 'Python', 'ML Fundamentals', 'A/B Testing', 'Product Metrics',
  'SQL', 'Statistics', 'Operational Planning', 'Risk Communication', 'Cross-functional Coordination',
  'Netflix Engineering', 'Netflix Business',
];
const VALUES = ['selflessness', 'judgment', 'candor', 'creativity', 'courage', 'inclusion', 'curiosity', 'resilience'];
/** Text that states something about Netflix or one of its public systems. */
const NETFLIX = /netflix|open connect|vmaf|evcache|hystrix|chaos (monkey|kong)|keystone|titus|spinnaker|zuul|eureka|keeper test|culture memo/i;
const CODE_DECKS = ['java', 'kotlin', 'python', 'sql'];

interface Loaded {
  file: string;
  deck: Deck | null;
  errors: string[];
}

const files = readdirSync(BUILTIN_DECKS).filter((f) => f.endsWith('.json') && f !== 'deck.schema.json').sort();
const loaded: Loaded[] = files.map((f) => {
  const file = join(BUILTIN_DECKS, f);
  const result = parseDeck(readFileSync(file, 'utf8'), file);
  return result.ok ? { file: f, deck: result.deck, errors: [] } : { file: f, deck: null, errors: result.errors.map(formatDeckError) };
});
const decks = loaded.flatMap((l) => (l.deck ? [l.deck] : []));

const choiceCards = (deck: Deck) => deck.cards.filter((c): c is Extract<Card, { type: 'choice' }> => c.type === 'choice');
const withTag = (deck: Deck, tag: string) => deck.cards.filter((c) => c.tags?.includes(tag));

describe('built-in decks', () => {
  it('all validate', () => {
    expect(loaded.filter((l) => l.errors.length > 0).map((l) => `${l.file}:\n${l.errors.join('\n')}`)).toEqual([]);
  });

  it('have unique ids, matching their file names', () => {
    const ids = decks.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of loaded) if (l.deck) expect(`${l.deck.id}.json`).toBe(l.file);
  });

  it('cover one deck per skill of DESIGN.md, and a culture deck', () => {
    expect(decks.filter((d) => d.area === 'skills').map((d) => d.skill).sort()).toEqual([...SKILLS].sort());
    expect(decks.filter((d) => d.area === 'culture').map((d) => d.id)).toEqual(['culture']);
    expect(decks.filter((d) => d.area === 'design').map((d) => d.id)).toEqual(['system-design']);
  });

  it('name only real tracks, and every track has skill decks', () => {
    const known = new Set(TRACKS.map((t) => t.id));
    for (const deck of decks) for (const t of deck.tracks ?? []) expect(known, `${deck.id} names track ${t}`).toContain(t);
    for (const track of TRACKS) expect(decks.filter((d) => d.area === 'skills' && d.tracks?.includes(track.id)).length, track.id).toBeGreaterThanOrEqual(5);
  });

  it('weight, for each track, exactly the skill decks that name it', () => {
    for (const track of TRACKS) {
      const named = decks.filter((d) => d.area === 'skills' && d.tracks?.includes(track.id)).map((d) => d.id).sort();
      expect(Object.keys(track.weights).sort(), track.id).toEqual(named);
    }
  });

  it('have no two prompts that are near-duplicates', () => {
    const prompts = decks.flatMap((deck) => deck.cards.map((card) => ({ where: `${deck.id}/${card.id}`, shingles: shingles(promptOf(card)) })));
    const pairs: string[] = [];
    for (let i = 0; i < prompts.length; i++) {
      for (let j = i + 1; j < prompts.length; j++) {
        const a = prompts[i]!;
        const b = prompts[j]!;
        const similarity = jaccard(a.shingles, b.shingles);
        if (similarity >= 0.5) pairs.push(`${a.where} ~ ${b.where} (${similarity.toFixed(2)})`);
      }
    }
    expect(pairs).toEqual([]);
  });
});

for (const deck of decks) {
  describe(`deck ${deck.id}`, () => {
    const choices = choiceCards(deck);

    if (deck.area === 'skills') {
      it('has at least 40 cards of all four quiz kinds, 40% or more of them choice or multi (exercises aside)', () => {
        // Hands-on exercises are a kind of their own: the rule is about the deck's questions.
        const questions = deck.cards.filter((c) => c.type !== 'sql' && c.type !== 'code');
        expect(questions.length).toBeGreaterThanOrEqual(40);
        for (const kind of ['flashcard', 'choice', 'multi', 'open']) expect(deck.cards.some((c) => c.type === kind), kind).toBe(true);
        const quiz = questions.filter((c) => c.type === 'choice' || c.type === 'multi').length;
        expect(quiz / questions.length).toBeGreaterThanOrEqual(0.4);
      });
      it('names the tracks it belongs to', () => {
        expect(deck.tracks?.length ?? 0).toBeGreaterThan(0);
      });
    }

    if (CODE_DECKS.includes(deck.id)) {
      it('reads code', () => {
        const withCode = deck.cards.filter((c) => promptOf(c).includes('```')).length;
        expect(withCode).toBeGreaterThanOrEqual(12);
      });
    }

    if (deck.area === 'culture') {
      it('has at least 60 cards, 15 scenarios and four behavioural prompts for each value', () => {
        expect(deck.cards.length).toBeGreaterThanOrEqual(60);
        expect(withTag(deck, 'scenario').length).toBeGreaterThanOrEqual(15);
        const behavioural = withTag(deck, 'behavioural');
        expect(behavioural.length).toBeGreaterThanOrEqual(32);
        for (const value of VALUES) expect(behavioural.filter((c) => c.tags?.includes(value)).length, `${value} questions`).toBeGreaterThanOrEqual(4);
        for (const card of behavioural) {
          expect(card.type, card.id).toBe('open');
          expect(card.tags?.some((t) => VALUES.includes(t)), `${card.id} is tied to one of the eight values`).toBe(true);
        }
        expect(withTag(deck, 'history').length).toBeGreaterThanOrEqual(4);
      });
      it('is a walkthrough: sections with intros, each section in one run of cards', () => {
        expect(deck.sections?.length ?? 0).toBeGreaterThanOrEqual(5);
        const runs = deck.cards.map((c) => c.section).filter((s, i, all) => s !== all[i - 1]);
        expect(runs).toEqual(deck.sections?.map((s) => s.name));
      });
    }

    if (deck.area === 'design') {
      it('has at least 20 complete mock prompts, some for product and analytics tracks', () => {
        const prompts = deck.cards.filter((c): c is Extract<Card, { type: 'design' }> => c.type === 'design');
        expect(prompts.length).toBeGreaterThanOrEqual(20);
        for (const p of prompts) {
          expect(p.title, p.id).toBeTruthy();
          expect(p.requirements?.some((r) => r.startsWith('Functional')) && p.requirements.some((r) => r.startsWith('Non-functional')), `${p.id} requirements`).toBe(true);
          expect(p.scale?.length ?? 0, `${p.id} scale`).toBeGreaterThanOrEqual(2);
          expect(p.phases?.reduce((n, ph) => n + ph.minutes, 0), `${p.id} phases add up to its minutes`).toBe(p.minutes);
          expect(p.hints?.length ?? 0, `${p.id} hints`).toBeGreaterThanOrEqual(3);
          expect(p.rubric?.length ?? 0, `${p.id} rubric`).toBeGreaterThanOrEqual(4);
          expect(p.rubric?.length ?? 0, `${p.id} rubric`).toBeLessThanOrEqual(6);
          expect(p.followUps?.length ?? 0, `${p.id} follow-ups`).toBeGreaterThanOrEqual(3);
          expect(p.keyPoints?.length ?? 0, `${p.id} key points`).toBeGreaterThanOrEqual(3);
        }
        const nonEngineering = ['product-manager', 'analytics-engineer', 'content-ops-analyst', 'policy-ops-analyst'];
        expect(prompts.filter((p) => p.tags?.some((t) => nonEngineering.includes(t))).length).toBeGreaterThanOrEqual(6);
      });
    }

    it('gives a source for every card that states a fact about Netflix', () => {
      const missing = deck.cards.filter((c) => !c.source && (deck.area === 'culture' || NETFLIX.test(cardText(c)))).map((c) => c.id);
      expect(missing).toEqual([]);
    });

    it('explains every choice and multi answer', () => {
      const bare = deck.cards.filter((c) => (c.type === 'choice' || c.type === 'multi') && c.explanation.trim().length < 40).map((c) => c.id);
      expect(bare).toEqual([]);
    });

    it('spreads the right answer: no position holds more than 40% of choice cards', () => {
      const counts = new Map<number, number>();
      for (const c of choices) counts.set(c.answer, (counts.get(c.answer) ?? 0) + 1);
      for (const [position, count] of counts) expect(count / choices.length, `answer ${position}: ${count} of ${choices.length}`).toBeLessThanOrEqual(0.4);
    });

    it('does not give the answer away by length: the right option is the strictly longest in 35% or fewer', () => {
      const longest = choices.filter((c) => c.choices.every((o, i) => i === c.answer || o.length < c.choices[c.answer]!.length)).map((c) => c.id);
      expect(longest.length / Math.max(1, choices.length), `right option longest in: ${longest.join(', ')}`).toBeLessThanOrEqual(0.35);
    });

    it('shows every card in full on an 80x24 screen, question and answer', async () => {
      const overflowing: string[] = [];
      const renderer = await openCardRenderer(80, 24);
      try {
        for (const card of deck.cards) {
          if (card.type === 'design') continue;
          for (const side of await renderer.sides(deck, card)) {
            if (side.overflow) overflowing.push(`${card.id} (${side.name}: ${side.lines} lines, room for ${side.room})`);
          }
        }
      } finally {
        renderer.close();
      }
      expect(overflowing).toEqual([]);
    }, 60_000);

    if (deck.sections) {
      it('has section intros that fit an 80x24 screen', () => {
        const long = deck.sections!.filter((s) => wrappedLines(s.intro, 76) > 12).map((s) => s.name);
        expect(long).toEqual([]);
      });
    }
  });
}

function shingles(text: string): Set<string> {
  const prose = text.replace(/```[\s\S]*?```/g, ' ');
  const source = prose.split(/\s+/).filter(Boolean).length >= 6 ? prose : text;
  const words = source.toLowerCase().match(/[a-z0-9%]+/g) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) set.add(words.slice(i, i + 3).join(' '));
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const s of a) if (b.has(s)) both++;
  return both / (a.size + b.size - both);
}

function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / width)), 0);
}
