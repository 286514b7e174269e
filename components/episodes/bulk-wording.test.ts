import { describe, expect, it } from "vitest";
import { confirmQuestion, episodeCount, resultMessage } from "./bulk-wording";

describe("bulk action wording", () => {
  it("asks with the exact count, grouped, and the label or status", () => {
    expect(confirmQuestion({ action: "label_add", label: " tricky " }, 1234)).toBe('Add label "tricky" to 1,234 episodes?');
    expect(confirmQuestion({ action: "label_add", label: "" }, 3)).toBe("Add a label to 3 episodes?");
    expect(confirmQuestion({ action: "label_remove", label: "x" }, 1)).toBe('Remove label "x" from 1 episode?');
    expect(confirmQuestion({ action: "set_review", reviewStatus: "approved" }, 20)).toBe('Set review status to "approved" on 20 episodes?');
    expect(confirmQuestion({ action: "delete" }, 1_000_000)).toBe("Delete 1,000,000 episodes?");
  });

  it("reports what happened, noting episodes that already were that way", () => {
    expect(resultMessage({ action: "label_add", label: "tricky" }, 12, 10)).toBe('Added label "tricky" to 12 episodes (2 already had it).');
    expect(resultMessage({ action: "label_remove", label: "tricky" }, 5, 5)).toBe('Removed label "tricky" from 5 episodes.');
    expect(resultMessage({ action: "delete" }, 1, 1)).toBe("Deleted 1 episode.");
    expect(episodeCount(0)).toBe("0 episodes");
  });
});
