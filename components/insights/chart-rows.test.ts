import { describe, expect, it } from "vitest";
import { parseEpisodeFilter } from "@/lib/search/filter";
import { compositionRows, histogramRows, rateRows } from "./chart-rows";
import { filterChips, insightsHref, listHref } from "./drill-down";
import { formatPercent } from "./format";

const filter = parseEpisodeFilter(new URLSearchParams("kind=environmental&steps=10..&sort=tokens"));

describe("links from a chart", () => {
  it("keep the page's filter and choose the clicked value", () => {
    expect(listHref(filter, { model: ["a/b c"] })).toBe("/episodes?kind=environmental&model=a%2Fb+c&steps=10..&sort=tokens");
    expect(listHref(parseEpisodeFilter({}))).toBe("/episodes");
    expect(insightsHref(parseEpisodeFilter({ model: "x" }))).toBe("/insights?model=x");
  });

  it("replace the filter's own selection of the same key", () => {
    const byModel = parseEpisodeFilter({ model: "a,b" });
    expect(listHref(byModel, { model: ["b"] })).toBe("/episodes?model=b");
  });
});

describe("filterChips", () => {
  it("names each URL parameter and what the filter is without it", () => {
    const chips = filterChips(parseEpisodeFilter({ model: "m1,m2", has_tests: "true", sort: "steps" }));
    expect(chips.map((c) => c.text)).toEqual(["model: m1,m2", "has_tests: true"]);
    expect(insightsHref(chips[1].without)).toBe("/insights?model=m1%2Cm2&sort=steps");
    expect(insightsHref(chips[0].without)).toBe("/insights?has_tests=true&sort=steps");
  });
});

describe("compositionRows", () => {
  it("links the named values and leaves other and unknown unlinked", () => {
    const rows = compositionRows({ values: [{ value: "m1", count: 3 }], unknown: 2, other: { values: 4, count: 5 } }, "model", filter);
    expect(rows.map((r) => [r.label, r.value, r.href])).toEqual([
      ["m1", 3, "/episodes?kind=environmental&model=m1&steps=10..&sort=tokens"],
      ["(other: 4 more)", 5, null],
      ["(unknown)", 2, null],
    ]);
    expect(rows[0].description).toBe("m1: 3 episodes");
  });
});

describe("rateRows", () => {
  it("draws percentages and links to the resolved episodes", () => {
    const none = { resolved: 0, unresolved: 0, unknown: 0, rate: null };
    const rows = rateRows(
      {
        values: [
          { value: "r1", resolved: 2, unresolved: 1, unknown: 1, rate: 2 / 3 },
          { value: "pr", resolved: 0, unresolved: 0, unknown: 3, rate: null },
        ],
        unknown: none,
        other: { ...none, values: 0 },
      },
      "repo",
      parseEpisodeFilter({}),
    );
    expect(rows.map((r) => [r.label, r.value, r.href])).toEqual([
      ["r1", 66.7, "/episodes?repo=r1&resolved=true"],
      ["pr", 0, null],
    ]);
    expect(rows[0].description).toBe("r1: 67% resolved (2 of 3), 1 unknown");
    expect(rows[1].description).toBe("pr: no known outcome, 3 unknown");
  });
});

describe("histogramRows", () => {
  it("links each non-empty bucket to its range", () => {
    const rows = histogramRows(
      { min: 1, max: 6, buckets: [{ from: 1, to: 3, count: 2 }, { from: 4, to: 6, count: 0 }] },
      "steps",
      parseEpisodeFilter({}),
      String,
    );
    expect(rows.map((r) => [r.label, r.href])).toEqual([
      ["1–3", "/episodes?steps=1..3"],
      ["4–6", null],
    ]);
  });
});

describe("formatPercent", () => {
  it("never rounds a real share to 0% or 100%", () => {
    expect(formatPercent(0.004)).toBe("<1%");
    expect(formatPercent(0.996)).toBe(">99%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(null)).toBe("—");
  });
});
