import { describe, expect, it } from "vitest";
import { attemptsQuery, groupsHref, listHref, matrixHref, withFilter } from "./group-links";

describe("group links", () => {
  it("selects one instance and model on top of the page's filter, in canonical order", () => {
    const query = "repo=django%2Fdjango&resolved=true&sort=steps";
    expect(listHref(query, { instance: ["django__django-1"], model: ["gpt-4o"] })).toBe(
      "/episodes?repo=django%2Fdjango&model=gpt-4o&resolved=true&instance=django__django-1&sort=steps",
    );
    expect(matrixHref(query, { instance: ["a"] })).toBe("/episodes/matrix?repo=django%2Fdjango&resolved=true&instance=a&sort=steps");
  });

  it("replaces an instance selection rather than adding to it", () => {
    expect(withFilter("instance=a,b", { instance: ["c"] })).toBe("instance=c");
  });

  it("leaves no dangling question mark for an empty filter", () => {
    expect(listHref("")).toBe("/episodes");
    expect(matrixHref("")).toBe("/episodes/matrix");
    expect(groupsHref("")).toBe("/episodes?view=groups");
    expect(groupsHref("model=m")).toBe("/episodes?model=m&view=groups");
  });

  it("asks the list API for a group's attempts, oldest first", () => {
    expect(attemptsQuery("model=m&sort=steps", "x__y-1", 50)).toBe("model=m&instance=x__y-1&sort=id&dir=asc&limit=50");
  });
});
