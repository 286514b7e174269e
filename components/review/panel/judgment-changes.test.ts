import { describe, expect, it } from "vitest";
import { applyChanges, emptyJudgment, formatLabels, parseLabels } from "./judgment-changes";

describe("pending judgment changes", () => {
  const saved = { scores: { correctness: 3, solves: true }, labels: ["a"], verdict: "approve" as const, reason: "fine" };

  it("draws pending changes over the saved judgment in order, later ones winning", () => {
    const shown = applyChanges(saved, [{ scores: { correctness: 4 } }, { verdict: "reject" }, { scores: { correctness: 5, style: "tidy" } }]);
    expect(shown).toEqual({ scores: { correctness: 5, solves: true, style: "tidy" }, labels: ["a"], verdict: "reject", reason: "fine" });
  });

  it("clears a dimension with null and a verdict with null, and leaves the saved judgment untouched", () => {
    const shown = applyChanges(saved, [{ scores: { solves: null }, verdict: null, labels: [], reason: "" }]);
    expect(shown).toEqual({ scores: { correctness: 3 }, labels: [], verdict: null, reason: "" });
    expect(saved.scores).toEqual({ correctness: 3, solves: true });
  });

  it("shows the saved judgment once nothing is pending (a refused save rolls back)", () => {
    expect(applyChanges(saved, [])).toBe(saved);
    expect(applyChanges(emptyJudgment, [{ submit: true }])).toEqual(emptyJudgment);
  });

  it("reads the Labels box as trimmed, distinct, non-empty labels", () => {
    expect(parseLabels(" flaky-tests, good ,, flaky-tests,")).toEqual(["flaky-tests", "good"]);
    expect(parseLabels("")).toEqual([]);
    expect(formatLabels(["a", "b"])).toBe("a, b");
  });
});
