import { describe, expect, it } from "vitest";
import { episodeHref } from "./episode-href";

describe("episodeHref", () => {
  it("carries the list's filter and the step", () => {
    expect(episodeHref(7, "")).toBe("/episodes/7");
    expect(episodeHref(7, "model=a&steps=60..", 12)).toBe("/episodes/7?list=model%3Da%26steps%3D60..#step-12");
  });
});
