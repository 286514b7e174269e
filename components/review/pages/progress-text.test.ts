import { describe, expect, it } from "vitest";
import { annotatorProgressText, queueProgressText } from "./progress-text";

describe("queueProgressText", () => {
  it("counts judgments against slots and items complete", () => {
    expect(queueProgressText({ items: 20, slots: 40, submitted: 12, reserved: 2, open: 26, itemsComplete: 5 })).toEqual({
      percent: 30,
      text: "12 of 40 judgments submitted (30%) · 5 of 20 items complete · 2 in progress",
    });
  });

  it("is 0% for an empty queue, not NaN", () => {
    expect(queueProgressText({ items: 1, slots: 1, submitted: 0, reserved: 0, open: 1, itemsComplete: 0 })).toEqual({
      percent: 0,
      text: "0 of 1 judgment submitted (0%) · 0 of 1 item complete",
    });
  });
});

describe("annotatorProgressText", () => {
  it("leaves skipped items out of what the annotator can still do", () => {
    const annotator = { id: "u1", name: "ann", email: "ann@x.test" };
    expect(annotatorProgressText({ annotator, submitted: 3, reserved: 1, skipped: 2, available: 4 })).toEqual({
      percent: 38,
      text: "3 of 8 submitted · 1 in progress · 2 skipped · 4 left to claim",
    });
  });
});
