import { describe, expect, it } from "vitest";
import { effectivePatch, summarizeOutcome } from "./outcome-summary";

const recorded = {
  exitStatusRaw: "Submitted",
  exitStatusClass: "submitted",
  resolved: null,
  failToPass: { success: ["t1"], failure: [] },
  passToPass: null,
  error: null,
};

describe("summarizeOutcome", () => {
  it("uses what the trajectory recorded when no side file adds anything", () => {
    expect(summarizeOutcome(recorded, null)).toEqual({
      exitStatusRaw: "Submitted",
      error: null,
      failToPass: { passed: 1, failed: 0, failing: [] },
      passToPass: null,
      sources: [],
    });
  });

  it("lets a SWE-bench report's test lists win, with the failing names", () => {
    const attached = {
      resolved: false,
      failToPass: { success: ["a", "b"], failure: [] },
      passToPass: { success: ["c"], failure: ["tests.test_x.T.test_y", "tests.test_x.T.test_z"] },
      sources: ["instance_report"],
    };
    expect(summarizeOutcome(recorded, attached)).toMatchObject({
      failToPass: { passed: 2, failed: 0 },
      passToPass: { passed: 1, failed: 2, failing: ["tests.test_x.T.test_y", "tests.test_x.T.test_z"] },
      sources: ["instance_report"],
    });
  });

  it("treats malformed JSON as absent", () => {
    expect(summarizeOutcome("nonsense", { sources: "x" })).toEqual({ exitStatusRaw: null, error: null, failToPass: null, passToPass: null, sources: [] });
  });
});

describe("effectivePatch", () => {
  it("prefers the recorded patch and falls back to a predicted one", () => {
    expect(effectivePatch("diff --git a/x b/x", { patch: "other", sources: ["prediction"] })).toBe("diff --git a/x b/x");
    expect(effectivePatch("  ", { patch: "predicted", sources: ["prediction"] })).toBe("predicted");
    expect(effectivePatch(null, null)).toBeNull();
  });
});
