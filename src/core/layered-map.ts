// A Map's reads and writes over values kept elsewhere until they change. The readiness figures
// read back from their file hold some 10,000 card records and tallies each as rows of numbers,
// made into objects only when a key is asked for; and the fold's replay is its base with the
// window's changes laid over it, instead of a copy of every record.

/** A value to read at once and not keep (see Layer.peek): what Readiness asks of 10,000 cards, with no object made for each. */
export function peek<V>(values: KeyedValues<V>, key: string): V | undefined {
  return values instanceof LayeredMap ? values.peek(key) : values.get(key);
}

/** What the figures ask of their keyed values: a Map has it all, and so does a LayeredMap. */
export interface KeyedValues<V> extends Iterable<[string, V]> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): unknown;
  delete(key: string): unknown;
}

/** The values a LayeredMap lies over: looked up by key, and listed in their own order. */
export interface Layer<V> extends Iterable<[string, V]> {
  get(key: string): V | undefined;
  /** The value to read at once and not keep: it may be one object filled again for every key asked. */
  peek?(key: string): V | undefined;
}

export class LayeredMap<V> implements KeyedValues<V> {
  /** What was set (a value) or deleted (undefined) here, over the layer below. */
  private readonly own = new Map<string, V | undefined>();

  constructor(private readonly below: Layer<V>) {}

  get(key: string): V | undefined {
    return this.own.size !== 0 && this.own.has(key) ? this.own.get(key) : this.below.get(key);
  }

  /** As get, for a value read at once and not kept (see Layer.peek). */
  peek(key: string): V | undefined {
    if (this.own.size !== 0 && this.own.has(key)) return this.own.get(key);
    return this.below.peek ? this.below.peek(key) : this.below.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): this {
    this.own.set(key, value);
    return this;
  }

  delete(key: string): boolean {
    const had = this.has(key);
    this.own.set(key, undefined);
    return had;
  }

  /** The layer's keys in its order (with the values set here), then the keys only set here. */
  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (const [key, value] of this.below) {
      const mine = this.own.has(key) ? this.own.get(key) : value;
      if (mine !== undefined) yield [key, mine];
    }
    for (const [key, value] of this.own) if (value !== undefined && this.below.get(key) === undefined) yield [key, value];
  }
}
