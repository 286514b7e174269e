import { describe, expect, it } from "vitest";
import { canonicalQuery } from "./canonical-query";

describe("canonicalQuery", () => {
  it("gives the same string for the same filter however the link spelled it", () => {
    const a = canonicalQuery("?model=b,a&kind=contextual&steps=10..");
    const b = canonicalQuery("steps=10..&model=a&model=b&kind=contextual&sort=created&dir=desc");
    expect(a).toBe("kind=contextual&model=a%2Cb&steps=10..");
    expect(b).toBe(a);
  });

  it("drops what is not a filter (paging, unknown keys, invalid values)", () => {
    expect(canonicalQuery("cursor=abc&limit=10&nonsense=1&exit=submitted,bogus&steps=x")).toBe("exit=submitted");
    expect(canonicalQuery("")).toBe("");
  });
});
