import { describe, expect, it } from "vitest";
import { compileFilter, countFacets, matchingSlots } from "./query";
import { CorpusStore, MultiColumn, type IndexedEpisode } from "./store";
import { episodeFilterSchema } from "../filter";

function episode(id: number, extra: { model?: string | null; labels?: string[]; steps?: number; cost?: number; resolved?: 0 | 1 | 2 } = {}): IndexedEpisode {
  return {
    id,
    single: { kind: "environmental", source: "swe-agent", repo: "a/b", agent: "x", model: extra.model === undefined ? "m1" : extra.model, exit: "submitted", review: "pending", batch: "1", instance: `i${id % 3}` },
    multi: { flag: null, label: extra.labels ?? null, annotator: null, tool: ["bash"] },
    numbers: { steps: extra.steps ?? id, tokens: 10, cost: extra.cost ?? NaN, score: NaN, patch: 0, files: 0, created: id, reviewedAt: NaN },
    resolved: extra.resolved ?? 2,
    hasTests: false,
    hasGold: false,
  };
}

const filter = (params: Record<string, string>) => episodeFilterSchema.parse(params);

describe("MultiColumn", () => {
  it("keeps every slot's values when the dictionary outgrows a word", () => {
    const column = new MultiColumn();
    column.set(0, ["a", "b"], 4);
    column.set(1, ["c"], 4);
    const many = Array.from({ length: 70 }, (_, i) => `v${i}`);
    column.set(2, many, 4);
    const values = (slot: number) => {
      const out: string[] = [];
      column.forEach(slot, (code) => out.push(column.dictionary.values[code]!));
      return out;
    };
    expect(values(0)).toEqual(["a", "b"]);
    expect(values(1)).toEqual(["c"]);
    expect(values(2)).toEqual(many);
    expect(column.words).toBe(3);
  });
});

describe("CorpusStore", () => {
  it("updates in place, removes, and reuses freed slots", () => {
    const store = new CorpusStore();
    for (let id = 1; id <= 5; id++) store.upsert(episode(id));
    store.upsert(episode(3, { model: "m2" }));
    expect(store.count).toBe(5);
    store.remove(2);
    store.remove(2);
    expect(store.count).toBe(4);
    store.upsert(episode(9));
    expect(store.slotOf(9)).toBe(1);
    expect(store.end).toBe(5);
    const slots = matchingSlots(store, compileFilter(store, filter({ model: "m2" }), null));
    expect([...slots].map((s) => store.ids[s])).toEqual([3]);
  });

  it("grows past its first allocation", () => {
    const store = new CorpusStore();
    for (let id = 1; id <= 5000; id++) store.upsert(episode(id, { labels: id % 2 ? ["odd"] : [] }));
    const counts = countFacets(store, compileFilter(store, filter({ label: "odd" }), null));
    expect(counts.total).toBe(2500);
    expect(counts.facets.label).toEqual([{ value: "odd", count: 2500 }]);
  });
});

describe("countFacets", () => {
  const store = new CorpusStore();
  store.upsert(episode(1, { model: "m1", steps: 1, cost: 0.5, resolved: 1 }));
  store.upsert(episode(2, { model: "m1", steps: 5, resolved: 0 }));
  store.upsert(episode(3, { model: "m2", steps: 9, cost: 1.5, resolved: 1 }));
  store.upsert(episode(4, { model: null, steps: 20, resolved: 2 }));

  it("counts a facet without its own selection and the others under the whole filter", () => {
    const counts = countFacets(store, compileFilter(store, filter({ model: "m1", resolved: "true" }), null));
    expect(counts.total).toBe(1);
    expect(counts.facets.model).toEqual([{ value: "m1", count: 1 }, { value: "m2", count: 1 }]);
    expect(counts.facets.resolved).toEqual([{ value: "false", count: 1 }, { value: "true", count: 1 }]);
    expect(counts.facets.source).toEqual([{ value: "swe-agent", count: 1 }]);
  });

  it("treats unknown numbers as failing any bound and leaves them out of histograms", () => {
    const counts = countFacets(store, compileFilter(store, filter({ cost: "0.1.." }), null));
    expect(counts.total).toBe(2);
    const all = countFacets(store, compileFilter(store, filter({}), null));
    expect(all.histograms.cost.buckets.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(all.histograms.steps).toMatchObject({ min: 1, max: 20 });
    expect(all.histograms.steps.buckets.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  it("matches nothing for a value it has never seen", () => {
    expect(countFacets(store, compileFilter(store, filter({ model: "nobody" }), null)).total).toBe(0);
  });
});
