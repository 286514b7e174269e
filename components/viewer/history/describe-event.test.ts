import { describe, expect, it } from "vitest";
import { actionLabel, changedFields } from "./describe-event";

describe("history wording", () => {
  it("lists what a change changed, per score, without the version counter", () => {
    const before = { scores: { quality: 3, solves: true }, verdict: "approve", reason: "ok", version: 2 };
    const after = { scores: { quality: 4, solves: true }, verdict: "reject", reason: "ok", version: 3 };
    expect(changedFields(before, after)).toEqual(["scores.quality: 3 → 4", 'verdict: "approve" → "reject"']);
  });

  it("shows one side for creations and deletions, and shortens long values", () => {
    expect(changedFields(null, { startStep: 1, endStep: 2, mask: "drop" })).toEqual(["startStep: 1", "endStep: 2", 'mask: "drop"']);
    expect(changedFields({ body: "x".repeat(200) }, null)[0]).toHaveLength("body: ".length + 80);
  });

  it("names actions in words, bulk actions included", () => {
    expect(actionLabel("judgment.submit")).toBe("submitted a judgment");
    expect(actionLabel("episodes.bulk.label_add")).toBe("bulk action: label add");
    expect(actionLabel("something.new")).toBe("something.new");
  });
});
