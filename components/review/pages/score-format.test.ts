import { describe, expect, it } from "vitest";
import { dimensionSchema } from "@/lib/review/rubrics/schema";
import { formatScore, verdictName } from "./score-format";

const ordinal = dimensionSchema.parse({ key: "quality", label: "Quality", type: "ordinal", points: [{ value: 1, label: "Poor" }, { value: 3, label: "Solid" }] });
const multi = dimensionSchema.parse({ key: "issues", label: "Issues", type: "multi_choice", options: [{ value: "loop", label: "Stuck loop" }, { value: "junk" }] });

describe("formatScore", () => {
  it("words an ordinal point with its anchor", () => {
    expect(formatScore(ordinal, 3)).toBe("3 — Solid");
    expect(formatScore(ordinal, 2)).toBe("2");
  });

  it("uses option labels, falling back to the value", () => {
    expect(formatScore(multi, ["loop", "junk"])).toBe("Stuck loop, junk");
  });

  it("says Yes / No for booleans and — when nothing was given", () => {
    const boolean = dimensionSchema.parse({ key: "ok", label: "OK", type: "boolean" });
    expect(formatScore(boolean, false)).toBe("No");
    expect(formatScore(boolean, undefined)).toBe("—");
    expect(formatScore(multi, [])).toBe("—");
  });

  it("names verdicts", () => {
    expect(verdictName("needs_changes")).toBe("Needs changes");
    expect(verdictName(null)).toBe("No verdict");
  });
});
