/**
 * The corpus index's storage: one slot per episode, every filterable column as a typed array
 * (strings as dictionary codes, multi-valued columns as bitsets), so counting a million episodes
 * under any filter is a tight loop over memory instead of a scan of the episodes table.
 * Pure data structure: loading and syncing live in ./sync.ts.
 */

/** Strings ↔ small integer codes; code 0 is "no value" (SQL NULL). */
export class Dictionary {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value already seen, else -1 (a selected value nobody has matches nothing). */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

/** Growable typed array. */
function grow<T extends Int32Array | Float64Array | Uint8Array | Uint32Array>(array: T, length: number): T {
  if (array.length >= length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2, 1024));
  next.set(array);
  return next;
}

/** A multi-valued text column (labels, flags, tools, annotators): a bitset of dictionary codes per slot. */
export class MultiColumn {
  readonly dictionary = new Dictionary();
  words = 1;
  private slots = 0;
  bits = new Uint32Array(0);

  /** Room for `slots` slots of `words` words each, keeping what is stored. */
  private layout(slots: number, words: number): void {
    if (slots <= this.slots && words <= this.words) return;
    const nextSlots = Math.max(slots, this.slots);
    const nextWords = Math.max(words, this.words);
    const next = new Uint32Array(nextSlots * nextWords);
    if (nextWords === this.words) next.set(this.bits);
    else for (let s = 0; s < this.slots; s++) for (let w = 0; w < this.words; w++) next[s * nextWords + w] = this.bits[s * this.words + w];
    this.bits = next;
    this.slots = nextSlots;
    this.words = nextWords;
  }

  /** `capacity`: the store's slot capacity, so growth is amortized. */
  set(slot: number, values: readonly string[] | null, capacity: number): void {
    const codes = (values ?? []).map((v) => this.dictionary.code(v));
    this.layout(Math.max(capacity, slot + 1), Math.ceil(this.dictionary.size / 32));
    const base = slot * this.words;
    this.bits.fill(0, base, base + this.words);
    for (const code of codes) this.bits[base + (code >>> 5)] |= 1 << (code & 31);
  }

  /**
   * A copy in which the given slots carry other values (ones the dictionary knows; an unknown one
   * is left out): the column as someone with less access sees it. The dictionary is shared.
   */
  withValues(changes: ReadonlyMap<number, readonly string[]>): MultiColumn {
    const copy = Object.assign(Object.create(MultiColumn.prototype) as MultiColumn, this, { bits: this.bits.slice() });
    for (const [slot, values] of changes) {
      const base = slot * copy.words;
      copy.bits.fill(0, base, base + copy.words);
      for (const value of values) {
        const code = this.dictionary.find(value);
        if (code > 0) copy.bits[base + (code >>> 5)] |= 1 << (code & 31);
      }
    }
    return copy;
  }

  has(slot: number, code: number): boolean {
    return (this.bits[slot * this.words + (code >>> 5)] & (1 << (code & 31))) !== 0;
  }

  /** Calls `visit` with every code the slot carries. */
  forEach(slot: number, visit: (code: number) => void): void {
    const base = slot * this.words;
    for (let w = 0; w < this.words; w++) {
      let word = this.bits[base + w];
      while (word !== 0) {
        const low = word & -word;
        visit(w * 32 + 31 - Math.clz32(low));
        word ^= low;
      }
    }
  }
}

export const singleColumns = ["kind", "source", "repo", "agent", "model", "exit", "review", "batch", "instance"] as const;
export type SingleColumn = (typeof singleColumns)[number];
export const multiColumns = ["flag", "label", "annotator", "tool"] as const;
export type MultiColumnKey = (typeof multiColumns)[number];
export const numberColumns = ["steps", "tokens", "cost", "score", "patch", "files", "created", "reviewedAt"] as const;
export type NumberColumn = (typeof numberColumns)[number];

/** One episode as the index stores it; numbers are NaN when unknown. */
export type IndexedEpisode = {
  id: number;
  single: Record<SingleColumn, string | null>;
  multi: Record<MultiColumnKey, readonly string[] | null>;
  numbers: Record<NumberColumn, number>;
  /** 1 = true, 0 = false, 2 = unknown. */
  resolved: 0 | 1 | 2;
  hasTests: boolean;
  hasGold: boolean;
};

export class CorpusStore {
  capacity = 0;
  /** Highest slot ever used + 1; slots below it may be free (alive = 0). */
  end = 0;
  alive = new Uint8Array(1024);
  ids = new Int32Array(1024);
  /** slot + 1 by episode id (0 = not indexed); ids are serial, so an array beats a Map. */
  private slotOfId = new Int32Array(1024);
  private free: number[] = [];
  count = 0;
  /** Bumped by every change, so results derived from the store can be cached until it moves. */
  version = 0;

  readonly dictionaries = Object.fromEntries(singleColumns.map((c) => [c, new Dictionary()])) as Record<SingleColumn, Dictionary>;
  codes = Object.fromEntries(singleColumns.map((c) => [c, new Int32Array(1024)])) as Record<SingleColumn, Int32Array>;
  readonly multi = Object.fromEntries(multiColumns.map((c) => [c, new MultiColumn()])) as Record<MultiColumnKey, MultiColumn>;
  numbers = Object.fromEntries(numberColumns.map((c) => [c, new Float64Array(1024)])) as Record<NumberColumn, Float64Array>;
  resolved = new Uint8Array(1024);
  hasTests = new Uint8Array(1024);
  hasGold = new Uint8Array(1024);

  slotOf(id: number): number {
    return id < this.slotOfId.length ? this.slotOfId[id] - 1 : -1;
  }

  private reserve(slots: number): void {
    if (slots <= this.capacity) return;
    const capacity = Math.max(slots, this.capacity * 2, 1024);
    this.alive = grow(this.alive, capacity);
    this.ids = grow(this.ids, capacity);
    for (const c of singleColumns) this.codes[c] = grow(this.codes[c], capacity);
    for (const c of numberColumns) this.numbers[c] = grow(this.numbers[c], capacity);
    this.resolved = grow(this.resolved, capacity);
    this.hasTests = grow(this.hasTests, capacity);
    this.hasGold = grow(this.hasGold, capacity);
    this.capacity = capacity;
  }

  upsert(episode: IndexedEpisode): void {
    this.version++;
    let slot = this.slotOf(episode.id);
    if (slot < 0) {
      slot = this.free.pop() ?? this.end++;
      this.reserve(slot + 1);
      this.slotOfId = grow(this.slotOfId, episode.id + 1);
      this.slotOfId[episode.id] = slot + 1;
      this.alive[slot] = 1;
      this.ids[slot] = episode.id;
      this.count++;
    }
    for (const c of singleColumns) this.codes[c][slot] = this.dictionaries[c].code(episode.single[c]);
    for (const c of multiColumns) this.multi[c].set(slot, episode.multi[c], this.capacity);
    for (const c of numberColumns) this.numbers[c][slot] = episode.numbers[c];
    this.resolved[slot] = episode.resolved;
    this.hasTests[slot] = episode.hasTests ? 1 : 0;
    this.hasGold[slot] = episode.hasGold ? 1 : 0;
  }

  remove(id: number): void {
    const slot = this.slotOf(id);
    if (slot < 0) return;
    this.version++;
    this.alive[slot] = 0;
    this.slotOfId[id] = 0;
    this.free.push(slot);
    this.count--;
  }
}
