/**
 * Filters, facet counts and histograms over the in-memory corpus store, with exactly the meaning
 * lib/search/to-sql.ts gives a filter in SQL (corpus.db.test.ts checks the two agree).
 *
 * Facet counts take one pass: a row that passes every clause counts for every facet; a row that
 * fails exactly one facet's clause counts for that facet alone (its counts ignore its own
 * selection, so choosing `model=a` still shows what `model=b` would add); any other row is skipped.
 */
import type { EpisodeFilter, RangeKey } from "../filter";
import { bucketLayout, type Histogram } from "../histograms";
import { countedFacets, FACET_VALUES_LIMIT, type CountedFacet } from "../facet-keys";
import { CorpusStore, type MultiColumnKey, type NumberColumn, type SingleColumn } from "./store";

type SlotTest = (slot: number) => boolean;
const never: SlotTest = () => false;

/** Slots (by index) that passed the clauses only SQL can evaluate (full text, touched path). */
export type SlotSet = Uint8Array;

export type CompiledFilter = {
  /** Clauses that are not facets: always applied. */
  base: SlotTest[];
  /** One clause per selected facet, in `countedFacets` order. */
  facets: { facet: CountedFacet; test: SlotTest }[];
};

const singleFacetColumn = {
  kind: "kind",
  source: "source",
  repo: "repo",
  agent: "agent",
  model: "model",
  exit: "exit",
  review: "review",
  batch: "batch",
} as const satisfies Partial<Record<CountedFacet, SingleColumn>>;
type SingleFacet = keyof typeof singleFacetColumn;

const multiFacets = ["flag", "label", "annotator", "tool"] as const satisfies readonly (CountedFacet & MultiColumnKey)[];

export const rangeColumn = {
  steps: "steps",
  tokens: "tokens",
  cost: "cost",
  score: "score",
  patch: "patch",
  files: "files",
} as const satisfies Record<RangeKey, NumberColumn>;

const resolvedCode = { false: 0, true: 1, unknown: 2 } as const;
const resolvedValue = ["false", "true", "unknown"] as const;

function isSingleFacet(facet: CountedFacet): facet is SingleFacet {
  return facet in singleFacetColumn;
}

function oneOf(store: CorpusStore, column: SingleColumn, values: readonly (string | number)[]): SlotTest {
  const dictionary = store.dictionaries[column];
  const allowed = new Uint8Array(dictionary.size);
  let any = false;
  for (const value of values) {
    const code = dictionary.find(String(value));
    if (code > 0) (allowed[code] = 1), (any = true);
  }
  if (!any) return never;
  const codes = store.codes[column];
  return (slot) => allowed[codes[slot]] === 1;
}

function multiTest(store: CorpusStore, facet: (typeof multiFacets)[number], values: readonly string[]): SlotTest {
  const column = store.multi[facet];
  const codes = values.map((v) => column.dictionary.find(v));
  // Flags: the episode must carry every listed flag (SQL @>); the others: any of them (SQL &&).
  if (facet === "flag") {
    if (codes.some((c) => c < 0)) return never;
    return (slot) => codes.every((code) => column.has(slot, code));
  }
  const known = codes.filter((c) => c >= 0);
  if (known.length === 0) return never;
  return (slot) => known.some((code) => column.has(slot, code));
}

function rangeTest(values: Float64Array, min: number | undefined, max: number | undefined): SlotTest {
  // NaN (unknown) fails every comparison, as NULL does in SQL.
  if (min !== undefined && max !== undefined) return (slot) => values[slot] >= min && values[slot] <= max;
  if (min !== undefined) return (slot) => values[slot] >= min;
  return (slot) => values[slot] <= max!;
}

export function compileFilter(store: CorpusStore, filter: EpisodeFilter, sqlOnly: SlotSet | null): CompiledFilter {
  const base: SlotTest[] = [];
  if (sqlOnly) base.push((slot) => sqlOnly[slot] === 1);
  if (filter.instance?.length) base.push(oneOf(store, "instance", filter.instance));
  for (const key of Object.keys(rangeColumn) as RangeKey[]) {
    const range = filter[key];
    if (range && (range.min !== undefined || range.max !== undefined))
      base.push(rangeTest(store.numbers[rangeColumn[key]], range.min, range.max));
  }
  if (filter.hasTests !== undefined) {
    const want = filter.hasTests ? 1 : 0;
    base.push((slot) => store.hasTests[slot] === want);
  }
  if (filter.hasGold !== undefined) {
    const want = filter.hasGold ? 1 : 0;
    base.push((slot) => store.hasGold[slot] === want);
  }

  const facets: CompiledFilter["facets"] = [];
  for (const facet of countedFacets) {
    const values = filter[facet];
    if (!values?.length) continue;
    if (isSingleFacet(facet)) facets.push({ facet, test: oneOf(store, singleFacetColumn[facet], values as (string | number)[]) });
    else if (facet === "resolved") {
      const allowed = new Uint8Array(3);
      for (const v of values as (keyof typeof resolvedCode)[]) allowed[resolvedCode[v]] = 1;
      facets.push({ facet, test: (slot) => allowed[store.resolved[slot]] === 1 });
    } else facets.push({ facet, test: multiTest(store, facet, values as string[]) });
  }
  return { base, facets };
}

function passesAll(tests: readonly SlotTest[], slot: number): boolean {
  for (let i = 0; i < tests.length; i++) if (!tests[i](slot)) return false;
  return true;
}

/** Every live slot passing the whole filter. */
export function matchingSlots(store: CorpusStore, compiled: CompiledFilter): Int32Array {
  const tests = [...compiled.base, ...compiled.facets.map((f) => f.test)];
  const out = new Int32Array(store.count);
  let n = 0;
  for (let slot = 0; slot < store.end; slot++) {
    if (store.alive[slot] === 0) continue;
    if (passesAll(tests, slot)) out[n++] = slot;
  }
  return out.subarray(0, n);
}

export type FacetValue = { value: string; count: number };

export type IndexCounts = {
  total: number;
  facets: Record<CountedFacet, FacetValue[]>;
  histograms: Record<RangeKey, Histogram>;
};

function topValues(counts: Int32Array, valueOf: (code: number) => string | null): FacetValue[] {
  const out: FacetValue[] = [];
  for (let code = 0; code < counts.length; code++) {
    if (counts[code] === 0) continue;
    const value = valueOf(code);
    if (value !== null) out.push({ value, count: counts[code] });
  }
  out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out.slice(0, FACET_VALUES_LIMIT);
}

export function histogramOf(values: Float64Array, slots: Int32Array, isInteger: boolean): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  for (let i = 0; i < slots.length; i++) {
    const v = values[slots[i]];
    if (v !== v) continue; // NaN: unknown
    n++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (n === 0) return { min: null, max: null, buckets: [] };
  const layout = bucketLayout(lo, hi, isInteger);
  if (layout.width === 0) return { min: lo, max: hi, buckets: [{ from: lo, to: hi, count: n }] };
  const counts = new Int32Array(layout.count);
  const last = layout.count - 1;
  const scale = isInteger ? 1 / layout.width : layout.count / (hi - lo);
  for (let i = 0; i < slots.length; i++) {
    const v = values[slots[i]];
    if (v !== v) continue;
    const bucket = Math.floor((v - lo) * scale);
    counts[bucket > last ? last : bucket]++;
  }
  const buckets = Array.from(counts, (count, i) => {
    const from = lo + i * layout.width;
    const to = isInteger ? from + layout.width - 1 : i === layout.count - 1 ? hi : from + layout.width;
    return { from, to, count };
  });
  return { min: lo, max: hi, buckets };
}

export const integerRanges: Record<RangeKey, boolean> = { steps: true, tokens: true, cost: false, score: false, patch: true, files: true };

const ALL = -1;
const SKIP = -2;

/**
 * Pass one: each live slot's status — SKIP, ALL (passes everything) or the index of the one
 * selected facet it fails — and the slots that pass everything.
 */
function classify(store: CorpusStore, compiled: CompiledFilter): { status: Int8Array; matched: Int32Array } {
  const status = new Int8Array(store.end);
  const matched = new Int32Array(store.count);
  const { alive } = store;
  const base = compiled.base;
  const facetTests = compiled.facets.map((f) => f.test);
  let total = 0;
  if (base.length === 0 && facetTests.length === 0) {
    for (let slot = 0; slot < status.length; slot++) {
      if (alive[slot] === 0) status[slot] = SKIP;
      else (status[slot] = ALL), (matched[total++] = slot);
    }
    return { status, matched: matched.subarray(0, total) };
  }
  for (let slot = 0; slot < status.length; slot++) {
    status[slot] = SKIP;
    if (alive[slot] === 0 || !passesAll(base, slot)) continue;
    let failed = ALL;
    let failures = 0;
    for (let i = 0; i < facetTests.length && failures < 2; i++) {
      if (facetTests[i](slot)) continue;
      failed = i;
      failures++;
    }
    if (failures === 0) matched[total++] = slot;
    if (failures < 2) status[slot] = failed;
  }
  return { status, matched: matched.subarray(0, total) };
}

/** How many episodes match (pass one alone). */
export function countMatches(store: CorpusStore, compiled: CompiledFilter): number {
  if (compiled.base.length === 0 && compiled.facets.length === 0) return store.count;
  return classify(store, compiled).matched.length;
}

/** A facet's tally and how to add one slot to it. */
type Tally = { facet: CountedFacet; counts: Int32Array; add: (slot: number) => void };

function makeTally(store: CorpusStore, facet: CountedFacet): Tally {
  if (isSingleFacet(facet)) {
    const column = singleFacetColumn[facet];
    const counts = new Int32Array(store.dictionaries[column].size);
    const codes = store.codes[column];
    return { facet, counts, add: (slot) => void counts[codes[slot]]++ };
  }
  if (facet === "resolved") {
    const counts = new Int32Array(3);
    const resolved = store.resolved;
    return { facet, counts, add: (slot) => void counts[resolved[slot]]++ };
  }
  const column = store.multi[facet];
  const counts = new Int32Array(column.dictionary.size);
  const { bits, words } = column;
  const add = (slot: number) => {
    for (let w = 0, base = slot * words; w < words; w++) {
      let word = bits[base + w];
      while (word !== 0) {
        const low = word & -word;
        counts[w * 32 + 31 - Math.clz32(low)]++;
        word ^= low;
      }
    }
  };
  return { facet, counts, add };
}

/**
 * Every facet's tally in one pass: a slot passing everything adds to all of them; a slot failing
 * one selected facet adds to that facet alone. The single-valued columns, the bulk of the work,
 * are counted inline rather than through `add`.
 */
function tallyFacets(store: CorpusStore, compiled: CompiledFilter, status: Int8Array): Tally[] {
  const tallies = countedFacets.map((facet) => makeTally(store, facet));
  const byOwn = compiled.facets.map((f) => tallies.find((t) => t.facet === f.facet)!);
  const singles = tallies.filter((t) => isSingleFacet(t.facet));
  const singleCounts = singles.map((t) => t.counts);
  const singleCodes = singles.map((t) => store.codes[singleFacetColumn[t.facet as SingleFacet]]);
  const others = tallies.filter((t) => !isSingleFacet(t.facet));
  const resolvedCounts = tallies.find((t) => t.facet === "resolved")!.counts;
  const multis = others.filter((t) => t.facet !== "resolved");
  const resolved = store.resolved;
  for (let slot = 0; slot < status.length; slot++) {
    const st = status[slot];
    if (st === SKIP) continue;
    if (st !== ALL) {
      byOwn[st].add(slot);
      continue;
    }
    for (let j = 0; j < singleCounts.length; j++) singleCounts[j][singleCodes[j][slot]]++;
    resolvedCounts[resolved[slot]]++;
  }
  // Multi-valued columns in a loop each (their `add` walks the slot's bits).
  for (const tally of multis) for (let slot = 0; slot < status.length; slot++) if (status[slot] === ALL) tally.add(slot);
  return tallies;
}

/** Total, facet counts (each without its own selection) and histograms: one classifying pass, then a tight loop per facet. */
export function countFacets(store: CorpusStore, compiled: CompiledFilter): IndexCounts {
  const { status, matched } = classify(store, compiled);
  const facets = {} as IndexCounts["facets"];
  for (const { facet, counts: tally } of tallyFacets(store, compiled, status)) {
    const valueOf = isSingleFacet(facet)
      ? (code: number) => store.dictionaries[singleFacetColumn[facet]].values[code]
      : facet === "resolved"
        ? (code: number) => resolvedValue[code]
        : (code: number) => store.multi[facet].dictionary.values[code];
    facets[facet] = topValues(tally, valueOf);
  }
  const histograms = {} as IndexCounts["histograms"];
  for (const key of Object.keys(rangeColumn) as RangeKey[])
    histograms[key] = histogramOf(store.numbers[rangeColumn[key]], matched, integerRanges[key]);
  return { total: matched.length, facets, histograms };
}
