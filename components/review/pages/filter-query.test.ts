import { describe, expect, it } from "vitest";
import { queryFromInput } from "./filter-query";

describe("queryFromInput", () => {
  it("takes a bare query, a ?query, or the query of a list link", () => {
    expect(queryFromInput(" source=mini-swe-agent&steps=10.. ")).toBe("source=mini-swe-agent&steps=10..");
    expect(queryFromInput("?repo=a/b")).toBe("repo=a/b");
    expect(queryFromInput("http://localhost:3000/episodes?model=x#top")).toBe("model=x");
    expect(queryFromInput("/episodes?label=tricky")).toBe("label=tricky");
  });

  it("gives the empty query (every episode) for a link without one", () => {
    expect(queryFromInput("/episodes")).toBe("");
    expect(queryFromInput("")).toBe("");
  });
});
