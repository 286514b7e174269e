import { describe, expect, it } from "vitest";
import type { PlanEntry } from "../types";
import { orderEntries } from "./order";

const entries: PlanEntry[] = Array.from({ length: 200 }, (_, i) => ({ episodeId: 1 + (i % 50), component: i % 2, copy: Math.floor(i / 50), split: i % 7 === 0 ? "validation" : "train" }));
const key = (e: PlanEntry) => `${e.episodeId}/${e.component}/${e.copy}`;

describe("orderEntries", () => {
  it("is a permutation that depends on the seed and the entries, not their input order", () => {
    const ordered = orderEntries(entries, 11);
    expect(ordered.map(key).sort()).toEqual(entries.map(key).sort());
    expect(orderEntries([...entries].reverse(), 11)).toEqual(ordered);
    expect(orderEntries(entries, 12).map(key)).not.toEqual(ordered.map(key));
  });

  it("shuffles: the input order does not survive", () => {
    const ordered = orderEntries(entries, 1);
    const inPlace = ordered.filter((e, i) => key(e) === key(entries[i])).length;
    expect(inPlace).toBeLessThan(10);
  });
});
