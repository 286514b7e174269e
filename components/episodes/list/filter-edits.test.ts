import { describe, expect, it } from "vitest";
import { countedFacets } from "@/lib/search/facet-keys";
import { parseEpisodeFilter, toSearchParams } from "@/lib/search/filter";
import { addValue, canonicalQuery, clearAll, formatBound, listHref, normalizeRange, setContains, setRange, setSearch, setTriState, sortBy, toggleValue } from "./filter-edits";
import { filterChips, rangeLabel } from "./filter-chips";
import { countedFacetOrder } from "./filter-labels";

const parse = (query: string) => parseEpisodeFilter(new URLSearchParams(query));

describe("filter edits", () => {
  it("toggles a facet value on and off, canonically ordered", () => {
    const withB = toggleValue(parse("model=b"), "model", "a");
    expect(canonicalQuery(withB)).toBe("model=a%2Cb");
    expect(canonicalQuery(toggleValue(withB, "model", "b"))).toBe("model=a");
    expect(toggleValue(toggleValue(withB, "model", "a"), "model", "b").model).toBeUndefined();
  });

  it("drops a value the filter cannot take instead of producing a bad URL", () => {
    expect(toggleValue(parse(""), "kind", "nope").kind).toBeUndefined();
    expect(toggleValue(parse(""), "batch", "x").batch).toBeUndefined();
  });

  it("adds typed values, trimmed, once", () => {
    const filter = addValue(addValue(parse(""), "path", " tests/ "), "path", "tests/");
    expect(filter.path).toEqual(["tests/"]);
    expect(addValue(filter, "path", "   ")).toBe(filter);
  });

  it("writes range bounds the URL accepts, rounded outward", () => {
    expect(formatBound(12.7, "steps", "down")).toBe("12");
    expect(formatBound(12.2, "steps", "up")).toBe("13");
    expect(formatBound(0.3, "cost", "down")).toBe("0.3");
    expect(formatBound(0.0009204700000000001, "cost", "down")).toBe("0.00092");
    expect(formatBound(1e-9, "cost", "up")).toBe("0.000001");
    expect(formatBound(-4, "tokens", "down")).toBe("0");
    expect(setRange(parse(""), "cost", { min: 0.0009204700000000001, max: 0.5 }).cost).toEqual({ min: 0.00092, max: 0.5 });
  });

  it("swaps a reversed range and removes an empty one", () => {
    expect(normalizeRange({ min: 50, max: 10 })).toEqual({ min: 10, max: 50 });
    expect(normalizeRange({ max: 10 })).toEqual({ max: 10 });
    expect(normalizeRange({ min: Number.NaN })).toBeUndefined();
    expect(setRange(parse("steps=10..50"), "steps", undefined).steps).toBeUndefined();
    expect(setRange(parse(""), "steps", { min: 60 }).steps).toEqual({ min: 60 });
  });

  it("sets switches, search and sort", () => {
    expect(setTriState(parse(""), "hasTests", false).hasTests).toBe(false);
    expect(setTriState(parse("has_gold=true"), "hasGold", undefined).hasGold).toBeUndefined();
    expect(setSearch(parse("q=old"), "  ").q).toBeUndefined();
    expect(setSearch(parse(""), '"exact phrase" -skip').q).toBe('"exact phrase" -skip');
    expect(setContains(parse(""), "QuerySet.filter(").text).toBe("QuerySet.filter(");
    expect(setContains(parse("text=abc"), "").text).toBeUndefined();
    const bySteps = sortBy(parse(""), "steps");
    expect([bySteps.sort, bySteps.dir]).toEqual(["steps", "desc"]);
    expect(sortBy(bySteps, "steps").dir).toBe("asc");
    expect(sortBy(sortBy(bySteps, "steps"), "steps").dir).toBe("desc");
    expect(sortBy(bySteps, "cost").dir).toBe("desc");
  });

  it("clears every narrowing but keeps the sort", () => {
    expect(canonicalQuery(clearAll(parse("q=x&kind=contextual&steps=1..5&sort=steps&dir=asc")))).toBe("sort=steps&dir=asc");
  });

  it("builds list links with the view beside the filter", () => {
    expect(listHref(parse(""), "table")).toBe("/episodes");
    expect(listHref(parse("model=x"), "groups")).toBe("/episodes?model=x&view=groups");
  });
});

describe("filter chips", () => {
  it("names each active part and removes only that part", () => {
    const filter = parse("q=loop&model=a,b&resolved=false&steps=10..&has_gold=true");
    const chips = filterChips(filter);
    expect(chips.map((chip) => chip.label)).toEqual(["Search: loop", "Model: a", "Model: b", "Outcome: unresolved", "Steps: ≥ 10", "Has gold patch: yes"]);
    const withoutA = chips.find((chip) => chip.id === "model:a")!.without;
    expect(toSearchParams(withoutA).toString()).toBe("q=loop&model=b&resolved=false&steps=10..&has_gold=true");
  });

  it("labels ranges with either side open", () => {
    expect(rangeLabel("steps", { min: 1000, max: 2000 })).toBe("1,000–2,000");
    expect(rangeLabel("cost", { max: 0.5 })).toBe("≤ $0.5");
    expect(rangeLabel("files", { min: 3, max: 3 })).toBe("3");
  });
});

describe("sidebar facets", () => {
  it("are exactly the facets the counts endpoint answers", () => {
    expect([...countedFacetOrder].sort()).toEqual([...countedFacets].sort());
  });
});
