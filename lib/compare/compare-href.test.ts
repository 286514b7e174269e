import { describe, expect, it } from "vitest";
import { compareHref, parseCompareIds } from "./compare-href";

describe("compare URLs", () => {
  it("round-trips two episode ids", () => {
    expect(compareHref({ a: 12, b: 7 })).toBe("/episodes/compare?a=12&b=7");
    expect(parseCompareIds(Object.fromEntries(new URL(`http://x${compareHref({ a: 12, b: 7 })}`).searchParams))).toEqual({ a: 12, b: 7 });
  });

  it("drops what is not an episode id instead of failing", () => {
    expect(parseCompareIds({ a: "abc", b: ["5", "6"] })).toEqual({ a: null, b: 5 });
    expect(parseCompareIds({ a: "0", b: "99999999999" })).toEqual({ a: null, b: null });
    expect(parseCompareIds({ a: "-3" })).toEqual({ a: null, b: null });
    expect(compareHref({ a: null, b: 4 })).toBe("/episodes/compare?b=4");
    expect(compareHref({ a: null, b: null })).toBe("/episodes/compare");
  });
});
