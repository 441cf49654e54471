// The quiz cards of readiness's decks laid out once for every figure: a deck's cards are one run
// (`ranges`), so a deck's, an area's and the overall figures are sums over runs, and each topic's
// group is counted once, in its deck, and shared by the deck, its area and the whole. Topics are
// numbered once per loaded deck, so a figure adds into arrays instead of building a map per card.
import type { Area, Deck } from './deck.js';
import { deckFacts, type DeckFacts } from './deck-facts.js';
import type { RecallFigures, Topic } from './readiness.js';

export const WEAKEST_TOPICS = 3;

/** What a figure covers: one deck (its place among the decks), an area's decks, all of them, or the exercises of all. */
export type FigureScope = { deck: number } | { area: Area } | 'all' | 'exercises';

/** The mean of n values summing to `sum`; 0 for none. */
export const mean = (sum: number, n: number): number => (n > 0 ? sum / n : 0);

/** Code-point order: the same ranking on every machine, whatever its locale. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A deck's topics (DeckFacts numbers them) with their counts. */
interface DeckTopics {
  names: readonly string[];
  /** Per quiz card i, its topics (each once): topics[cardStart[i]] up to topics[cardStart[i + 1]]. */
  cardStart: Int32Array;
  topics: Int32Array;
  /** Per topic, its quiz cards, and how many of those are exercises. */
  cards: number[];
  exercises: number[];
  /** Per topic t, its quiz cards in card order: members[memberStart[t]] up to members[memberStart[t + 1]]; made when a topic is first listed. */
  members?: { memberStart: Int32Array; members: Int32Array };
}

// Keyed by the facts, which live as long as the deck's cards do, so the cards are never read here.
const topicsHeld = new WeakMap<DeckFacts, DeckTopics>();

function deckTopics(facts: DeckFacts): DeckTopics {
  const known = topicsHeld.get(facts);
  if (known) return known;
  const { topicNames: names, topicStart: cardStart, topics: list } = facts;
  const cards = new Array<number>(names.length).fill(0);
  const exercises = new Array<number>(names.length).fill(0);
  for (let i = 0; i < facts.keys.length; i++) {
    const exercise = facts.exercise[i]!;
    for (let k = cardStart[i]!; k < cardStart[i + 1]!; k++) {
      const t = list[k]!;
      cards[t]!++;
      exercises[t]! += exercise;
    }
  }
  const topics: DeckTopics = { names, cardStart, topics: list, cards, exercises };
  topicsHeld.set(facts, topics);
  return topics;
}

function membersOf(topics: DeckTopics): { memberStart: Int32Array; members: Int32Array } {
  if (!topics.members) {
    const { names, cardStart, cards } = topics;
    const memberStart = new Int32Array(names.length + 1);
    for (let t = 0; t < names.length; t++) memberStart[t + 1] = memberStart[t]! + cards[t]!;
    const fill = memberStart.slice(0, names.length);
    const links = topics.topics;
    const members = new Int32Array(links.length);
    for (let i = 0, cards = cardStart.length - 1; i < cards; i++) {
      const end = cardStart[i + 1]!;
      for (let k = cardStart[i]!; k < end; k++) members[fill[links[k]!]!++] = i;
    }
    topics.members = { memberStart, members };
  }
  return topics.members;
}

/** Per topic of a deck: its seen cards and their recall summed, over all its cards and over its exercises. */
interface TopicSums {
  seen: Int32Array;
  sum: Float64Array;
  seenEx: Int32Array;
  sumEx: Float64Array;
  /** Topics in order of their first exercise. */
  exerciseOrder: number[];
}

type Total = { seen: number; sum: number };

/**
 * One deck's run of cards (start to end in `recall`) counted into its topics and into the totals
 * of the figures it is part of, each sum taken in card order. A function of plain arrays, its
 * totals in locals: it runs over every card of a 10,000-card deck at each first Readiness, mostly
 * before V8 has optimized it, and its size is what the optimizing compiler works through.
 */
function tallyRun(recall: Float64Array, start: number, end: number, exercise: Uint8Array, topics: DeckTopics, into: TopicSums, totals: { deck: Total; area: Total; all: Total; exercises: Total }): void {
  const { cardStart, topics: links } = topics;
  const { seen, sum, seenEx, sumEx, exerciseOrder } = into;
  const listed = new Uint8Array(seen.length);
  let deckSeen = totals.deck.seen;
  let deckSum = totals.deck.sum;
  let areaSeen = totals.area.seen;
  let areaSum = totals.area.sum;
  let allSeen = totals.all.seen;
  let allSum = totals.all.sum;
  let exSeen = totals.exercises.seen;
  let exSum = totals.exercises.sum;
  for (let i = start; i < end; i++) {
    const r = recall[i]!;
    const local = i - start;
    const isExercise = exercise[local] === 1;
    const known = r === r;
    if (known) {
      deckSeen++;
      deckSum += r;
      areaSeen++;
      areaSum += r;
      allSeen++;
      allSum += r;
      if (isExercise) {
        exSeen++;
        exSum += r;
      }
    }
    const last = cardStart[local + 1]!;
    for (let k = cardStart[local]!; k < last; k++) {
      const t = links[k]!;
      if (isExercise && listed[t] === 0) {
        listed[t] = 1;
        exerciseOrder.push(t);
      }
      if (!known) continue;
      seen[t]!++;
      sum[t]! += r;
      if (isExercise) {
        seenEx[t]!++;
        sumEx[t]! += r;
      }
    }
  }
  totals.deck.seen = deckSeen;
  totals.deck.sum = deckSum;
  totals.area.seen = areaSeen;
  totals.area.sum = areaSum;
  totals.all.seen = allSeen;
  totals.all.sum = allSum;
  totals.exercises.seen = exSeen;
  totals.exercises.sum = exSum;
}

/** A seen topic of one deck, with its recall on the day; over its exercises alone in the exercises figure. */
interface TopicGroup {
  deck: number;
  topic: number;
  exercisesOnly: boolean;
  cards: number;
  seen: number;
  recall: number;
  /** The seen cards weakest first, and the set of them as one string: made when first needed. */
  ranked?: string[];
  cardSet?: string;
}

export class RecallLayout {
  readonly facts: DeckFacts[];
  /** Each deck's run of quiz cards: start and end indexes into `recall`. */
  readonly ranges: [start: number, end: number][];
  private readonly topics: DeckTopics[];
  /** Per deck, its seen topics' groups in order of first appearance: over all its cards, and over its exercises. */
  private readonly groups: TopicGroup[][] = [];
  private readonly exerciseGroups: TopicGroup[][] = [];
  /** Every group weakest first, made when a figure first ranks them (see rankingOf). */
  private ranking: TopicGroup[] | undefined;
  private exerciseRanking: TopicGroup[] | undefined;
  /** Seen cards and their recall summed in card order, for each figure: counted in the one pass over the cards. */
  private readonly totals = new Map<string, { seen: number; sum: number }>();

  /** `recall`: predicted recall on the day per quiz card, in deck order; NaN for a card never seen. */
  constructor(
    readonly decks: readonly Deck[],
    readonly recall: Float64Array,
  ) {
    this.facts = decks.map(deckFacts);
    this.topics = this.facts.map(deckTopics);
    let start = 0;
    this.ranges = this.facts.map((f): [number, number] => [start, (start += f.keys.length)]);
    decks.forEach((_, d) => this.countGroups(d));
  }

  private total(name: string): { seen: number; sum: number } {
    let total = this.totals.get(name);
    if (!total) this.totals.set(name, (total = { seen: 0, sum: 0 }));
    return total;
  }

  private countGroups(d: number): void {
    const topics = this.topics[d]!;
    const { names, cards, exercises } = topics;
    const range = this.ranges[d]!;
    const seen = new Int32Array(names.length);
    const sum = new Float64Array(names.length);
    const seenEx = new Int32Array(names.length);
    const sumEx = new Float64Array(names.length);
    // The exercises figure lists its groups in order of their first exercise, as its own layout would.
    const exerciseOrder: number[] = [];
    const totals = { deck: this.total(`deck ${d}`), area: this.total(`area ${this.decks[d]!.area}`), all: this.total('all'), exercises: this.total('exercises') };
    tallyRun(this.recall, range[0], range[1], this.facts[d]!.exercise, topics, { seen, sum, seenEx, sumEx, exerciseOrder }, totals);
    const groups: TopicGroup[] = [];
    for (let t = 0; t < names.length; t++) if (seen[t]! > 0) groups.push({ deck: d, topic: t, exercisesOnly: false, cards: cards[t]!, seen: seen[t]!, recall: sum[t]! / seen[t]! });
    this.groups.push(groups);
    const exerciseGroups: TopicGroup[] = [];
    for (const t of exerciseOrder) if (seenEx[t]! > 0) exerciseGroups.push({ deck: d, topic: t, exercisesOnly: true, cards: exercises[t]!, seen: seenEx[t]!, recall: sumEx[t]! / seenEx[t]! });
    this.exerciseGroups.push(exerciseGroups);
  }

  /** The group's seen cards with their recall, in card order. */
  private seenCards(group: TopicGroup): { key: string; r: number }[] {
    const { memberStart, members } = membersOf(this.topics[group.deck]!);
    const { keys, exercise } = this.facts[group.deck]!;
    const start = this.ranges[group.deck]![0];
    const seen: { key: string; r: number }[] = [];
    const { recall } = this;
    const exercisesOnly = group.exercisesOnly;
    const end = memberStart[group.topic + 1]!;
    for (let k = memberStart[group.topic]!; k < end; k++) {
      const local = members[k]!;
      const r = recall[start + local]!;
      if (r === r && (!exercisesOnly || exercise[local] === 1)) seen.push({ key: keys[local]!, r });
    }
    return seen;
  }

  /** The seen cards weakest first: made once, when the topic is first listed. */
  private ranked(group: TopicGroup): string[] {
    // Each key's recall looked up once, not at every comparison.
    return (group.ranked ??= this.seenCards(group)
      .sort((a, b) => a.r - b.r || byText(a.key, b.key))
      .map((s) => s.key));
  }

  /** The set of the seen cards as one string, to tell topics holding the same cards apart. */
  private cardSet(group: TopicGroup): string {
    return (group.cardSet ??= this.seenCards(group)
      .map((s) => s.key)
      .sort()
      .join('\n'));
  }

  /**
   * Every deck's groups (or exercise groups) in one ranking, weakest first: by mean recall on the
   * day, then the better seen, then deck id and name. The sort is stable and those are its only
   * ties, so the groups of any figure come in the order sorting them alone would give: one sort
   * serves every deck, area and the whole.
   */
  private rankingOf(exercisesOnly: boolean): TopicGroup[] {
    const name = (g: TopicGroup) => this.topics[g.deck]!.names[g.topic]!;
    const byRecall = (a: TopicGroup, b: TopicGroup) => a.recall - b.recall || b.seen - a.seen || byText(this.decks[a.deck]!.id, this.decks[b.deck]!.id) || byText(name(a), name(b));
    if (exercisesOnly) return (this.exerciseRanking ??= this.exerciseGroups.flat().sort(byRecall));
    return (this.ranking ??= this.groups.flat().sort(byRecall));
  }

  /** Ranks topics by mean recall on the day, weakest first, among the groups of the decks given. */
  private weakestTopics(deckIndexes: readonly number[], exercisesOnly: boolean): Topic[] {
    const inScope = new Uint8Array(this.decks.length);
    let solid = 0;
    for (const d of deckIndexes) {
      inScope[d] = 1;
      for (const g of (exercisesOnly ? this.exerciseGroups : this.groups)[d]!) if (g.seen >= 2) solid++;
    }
    // One card says little about a topic: single-card topics only fill in when there are too few others.
    // (Among the groups of a figure, a solid one and a single one never tie: ranking them together orders them as the pool sorted alone would.)
    const onlySolid = solid >= WEAKEST_TOPICS;
    const picked: Topic[] = [];
    const listed: TopicGroup[] = [];
    for (const g of this.rankingOf(exercisesOnly)) {
      if (inScope[g.deck] === 0 || (onlySolid && g.seen < 2)) continue;
      // Cards carry several tags: a topic holding exactly the cards of one already listed adds nothing.
      // Sets are compared only when their sizes are: a 10,000-card deck has many groups, and three are shown.
      if (listed.some((l) => l.seen === g.seen && this.cardSet(l) === this.cardSet(g))) continue;
      listed.push(g);
      const deck = this.decks[g.deck]!;
      picked.push({ name: this.topics[g.deck]!.names[g.topic]!, deckId: deck.id, deckTitle: deck.title, cards: g.cards, seen: g.seen, recall: g.recall, keys: this.ranked(g) });
      if (picked.length === WEAKEST_TOPICS) break;
    }
    return picked;
  }

  /** The decks a figure covers, in deck order: one deck, an area's decks with quiz cards, or all of them. */
  decksOf(scope: FigureScope): number[] {
    if (typeof scope === 'object' && 'deck' in scope) return [scope.deck];
    const all = this.decks.map((_, d) => d);
    return typeof scope === 'object' ? all.filter((d) => this.decks[d]!.area === scope.area && this.ranges[d]![1] > this.ranges[d]![0]) : all;
  }

  /** The recall figures of one deck, an area, all the decks, or every deck's exercises. */
  figures(scope: FigureScope, trend: number[]): RecallFigures {
    const exercisesOnly = scope === 'exercises';
    const deckIndexes = this.decksOf(scope);
    const cards = deckIndexes.reduce((n, d) => n + (exercisesOnly ? this.facts[d]!.kinds.sql + this.facts[d]!.kinds.code : this.ranges[d]![1] - this.ranges[d]![0]), 0);
    const name = typeof scope === 'string' ? scope : 'deck' in scope ? `deck ${scope.deck}` : `area ${scope.area}`;
    const { seen, sum } = this.totals.get(name) ?? { seen: 0, sum: 0 };
    return {
      cards,
      seen,
      coverage: mean(seen, cards),
      recallAllCards: mean(sum, cards),
      recallSeenCards: seen > 0 ? sum / seen : null,
      trend,
      weakest: this.weakestTopics(deckIndexes, exercisesOnly),
    };
  }
}
