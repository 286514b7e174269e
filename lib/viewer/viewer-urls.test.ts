import { describe, expect, it } from "vitest";
import { episodeHref, parseTab, stepFromHash, tabsFor } from "./viewer-urls";

describe("viewer URLs", () => {
  it("puts the pull request first for contextual episodes only", () => {
    expect(tabsFor("environmental")).toEqual(["timeline", "patch", "files"]);
    expect(tabsFor("contextual")[0]).toBe("pr");
    expect(parseTab("patch", "environmental")).toBe("patch");
    expect(parseTab("pr", "environmental")).toBe("timeline");
    expect(parseTab(undefined, "contextual")).toBe("pr");
    expect(parseTab(["patch", "files"], "environmental")).toBe("timeline");
  });

  it("builds links that keep the list, leave the default tab out and end in the step", () => {
    expect(episodeHref(7)).toBe("/episodes/7");
    expect(episodeHref(7, { list: "model=a,b&sort=steps", tab: "patch" })).toBe("/episodes/7?list=model%3Da%2Cb%26sort%3Dsteps&tab=patch");
    expect(episodeHref(7, { tab: "timeline", step: 12 })).toBe("/episodes/7#step-12");
    expect(episodeHref(7, { tab: "timeline", kind: "contextual" })).toBe("/episodes/7?tab=timeline");
  });

  it("reads only well-formed step fragments", () => {
    expect(stepFromHash("#step-0")).toBe(0);
    expect(stepFromHash("#step-143")).toBe(143);
    for (const hash of ["", "#step-", "#step-1x", "#steps-1", "#step-99999999999"]) expect(stepFromHash(hash)).toBeNull();
  });
});
