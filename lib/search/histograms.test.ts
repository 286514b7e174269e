import { describe, expect, it } from "vitest";
import { bucketLayout } from "./histograms";

describe("bucketLayout", () => {
  it("uses whole-number widths that cover [lo, hi] in at most 20 buckets", () => {
    expect(bucketLayout(1, 5, true)).toEqual({ count: 5, width: 1 });
    expect(bucketLayout(0, 99, true)).toEqual({ count: 20, width: 5 });
    expect(bucketLayout(0, 100, true)).toEqual({ count: 17, width: 6 });
    expect(bucketLayout(7, 7, true)).toEqual({ count: 1, width: 1 });
  });
  it("splits decimals into 20 equal buckets, one when all values are equal", () => {
    expect(bucketLayout(0, 2, false)).toEqual({ count: 20, width: 0.1 });
    expect(bucketLayout(1.5, 1.5, false)).toEqual({ count: 1, width: 0 });
  });
});
