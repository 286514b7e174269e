import { describe, expect, it } from "vitest";
import { MAX_FILLED_DAYS, resolvedRate, reviewTimeline, shareOf, topResolvedRates, topWithOther } from "./shape";

describe("topWithOther", () => {
  it("keeps the most frequent values and sums the rest into other, with unknown apart", () => {
    const groups = [
      { value: "b", count: 5 },
      { value: null, count: 7 },
      { value: "a", count: 5 },
      { value: "c", count: 9 },
      { value: "d", count: 1 },
      { value: "e", count: 2 },
    ];
    expect(topWithOther(groups, 3)).toEqual({
      values: [
        { value: "c", count: 9 },
        { value: "a", count: 5 },
        { value: "b", count: 5 },
      ],
      unknown: 7,
      other: { values: 2, count: 3 },
    });
  });

  it("has an empty other and zero unknown when everything fits", () => {
    expect(topWithOther([{ value: "x", count: 2 }], 15)).toEqual({ values: [{ value: "x", count: 2 }], unknown: 0, other: { values: 0, count: 0 } });
    expect(topWithOther([])).toEqual({ values: [], unknown: 0, other: { values: 0, count: 0 } });
  });
});

describe("resolvedRate", () => {
  it("is resolved over known outcomes, null with none known", () => {
    expect(resolvedRate(3, 1)).toBe(0.75);
    expect(resolvedRate(0, 4)).toBe(0);
    expect(resolvedRate(0, 0)).toBeNull();
  });
});

describe("topResolvedRates", () => {
  it("ranks by attempts with a known outcome, then all attempts, and keeps unknown and other apart", () => {
    const rates = topResolvedRates(
      [
        { value: "never-judged", resolved: 0, unresolved: 0, unknown: 30 },
        { value: "m1", resolved: 1, unresolved: 3, unknown: 0 },
        { value: "m2", resolved: 4, unresolved: 1, unknown: 2 },
        { value: "m3", resolved: 2, unresolved: 2, unknown: 5 },
        { value: null, resolved: 1, unresolved: 0, unknown: 9 },
      ],
      2,
    );
    expect(rates.values).toEqual([
      { value: "m2", resolved: 4, unresolved: 1, unknown: 2, rate: 0.8 },
      { value: "m3", resolved: 2, unresolved: 2, unknown: 5, rate: 0.5 },
    ]);
    expect(rates.unknown).toEqual({ resolved: 1, unresolved: 0, unknown: 9, rate: 1 });
    expect(rates.other).toEqual({ values: 2, resolved: 1, unresolved: 3, unknown: 30, rate: 0.25 });
  });

  it("gives no rate where nothing is known", () => {
    const rates = topResolvedRates([{ value: "pr", resolved: 0, unresolved: 0, unknown: 4 }]);
    expect(rates.values).toEqual([{ value: "pr", resolved: 0, unresolved: 0, unknown: 4, rate: null }]);
    expect(rates.unknown.rate).toBeNull();
    expect(rates.other).toEqual({ values: 0, resolved: 0, unresolved: 0, unknown: 0, rate: null });
  });
});

describe("reviewTimeline", () => {
  it("fills the days between reviews and keeps a running total", () => {
    const progress = reviewTimeline(
      [
        { day: "2026-01-03", status: "rejected", count: 1 },
        { day: "2026-01-01", status: "approved", count: 2 },
        { day: "2026-01-03", status: "approved", count: 1 },
        { day: "2026-01-01", status: "needs_changes", count: 1 },
      ],
      { pending: 10, reviewed: 7 },
    );
    expect(progress.days).toEqual([
      { day: "2026-01-01", approved: 2, rejected: 0, needs_changes: 1, cumulative: 3 },
      { day: "2026-01-02", approved: 0, rejected: 0, needs_changes: 0, cumulative: 3 },
      { day: "2026-01-03", approved: 1, rejected: 1, needs_changes: 0, cumulative: 5 },
    ]);
    expect(progress).toMatchObject({ pending: 10, reviewed: 7, undated: 2 });
  });

  it("keeps only days with reviews when the span is too long to fill", () => {
    const start = new Date("2020-01-01T00:00:00Z");
    const far = new Date(start.getTime() + MAX_FILLED_DAYS * 86_400_000).toISOString().slice(0, 10);
    const progress = reviewTimeline(
      [
        { day: "2020-01-01", status: "approved", count: 1 },
        { day: far, status: "approved", count: 1 },
      ],
      { pending: 0, reviewed: 2 },
    );
    expect(progress.days.map((d) => d.day)).toEqual(["2020-01-01", far]);
    expect(progress.undated).toBe(0);
  });

  it("is empty with no reviews", () => {
    expect(reviewTimeline([], { pending: 4, reviewed: 0 })).toEqual({ days: [], pending: 4, reviewed: 0, undated: 0 });
  });
});

describe("shareOf", () => {
  it("is the part over the whole, null for an empty whole", () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
  });
});
