import { describe, expect, it } from "vitest";
import { formatCost, formatTotal } from "./cell-format";
import { bucketsRange, isBucketSelected } from "./histogram-selection";

const buckets = [
  { from: 0, to: 9, count: 3 },
  { from: 10, to: 19, count: 5 },
  { from: 20, to: 29, count: 1 },
];

describe("histogram selection", () => {
  it("covers the bars from the first to the last, dragged either way", () => {
    expect(bucketsRange(buckets, 1, 1)).toEqual({ min: 10, max: 19 });
    expect(bucketsRange(buckets, 2, 0)).toEqual({ min: 0, max: 29 });
    expect(bucketsRange(buckets, 0, 7)).toBeUndefined();
  });

  it("marks the bars a range overlaps", () => {
    expect(buckets.map((b) => isBucketSelected(b, { min: 12 }))).toEqual([false, true, true]);
    expect(buckets.map((b) => isBucketSelected(b, { max: 9 }))).toEqual([true, false, false]);
    expect(buckets.map((b) => isBucketSelected(b, undefined))).toEqual([false, false, false]);
  });
});

describe("cell formats", () => {
  it("says when a total is an estimate", () => {
    expect(formatTotal(12345, false)).toBe("12,345 episodes");
    expect(formatTotal(200000, true)).toBe("≈200,000 episodes");
    expect(formatTotal(1, false)).toBe("1 episode");
  });

  it("keeps small costs readable", () => {
    expect(formatCost(0.00092)).toBe("$0.0009");
    expect(formatCost(1.234)).toBe("$1.23");
    expect(formatCost(null)).toBe("—");
  });
});
