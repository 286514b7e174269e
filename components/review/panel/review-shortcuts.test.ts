import { describe, expect, it } from "vitest";
import type { Dimension } from "@/lib/review/rubrics/schema";
import { digitHint, reviewKeyAction, valueForDigit } from "./review-shortcuts";

const point = (value: number, label: string) => ({ value, label, description: "" });
const option = (value: string) => ({ value, label: value.toUpperCase(), description: "" });
const base = { description: "", required: true };
const fiveStar: Dimension = { ...base, key: "quality", label: "Quality", type: "ordinal", points: [1, 2, 3, 4, 5].map((v) => point(v, `p${v}`)) };
const centred: Dimension = { ...base, key: "lean", label: "Lean", type: "ordinal", points: [-2, -1, 0, 1, 2].map((v) => point(v, `p${v}`)) };
const solves: Dimension = { ...base, key: "solves", label: "Solves", type: "boolean" };
const kind: Dimension = { ...base, key: "kind", label: "Kind", type: "single_choice", options: ["bug", "feature"].map(option) };
const issues: Dimension = { ...base, key: "issues", label: "Issues", type: "multi_choice", options: ["loop", "hack", "leak"].map(option) };
const notes: Dimension = { ...base, required: false, key: "notes", label: "Notes", type: "text", maxLength: 100 };

describe("review keys", () => {
  it("maps digits, verdict letters, and n only inside a queue", () => {
    expect(reviewKeyAction("4", { isInQueue: false })).toEqual({ type: "digit", digit: 4 });
    expect(reviewKeyAction("a", { isInQueue: false })).toEqual({ type: "verdict", verdict: "approve" });
    expect(reviewKeyAction("r", { isInQueue: false })).toEqual({ type: "verdict", verdict: "reject" });
    expect(reviewKeyAction("c", { isInQueue: false })).toEqual({ type: "verdict", verdict: "needs_changes" });
    expect(reviewKeyAction("n", { isInQueue: false })).toBeNull();
    expect(reviewKeyAction("n", { isInQueue: true })).toEqual({ type: "next" });
    for (const key of ["j", "k", "e", "p", "A", "/", "?", "Enter"]) expect(reviewKeyAction(key, { isInQueue: true })).toBeNull();
  });

  it("scores a 0–9 scale by value and any other scale by position", () => {
    expect(valueForDigit(fiveStar, 4, undefined)).toBe(4);
    expect(valueForDigit(fiveStar, 0, undefined)).toBeUndefined();
    expect(valueForDigit(fiveStar, 6, undefined)).toBeUndefined();
    expect(valueForDigit(centred, 1, undefined)).toBe(-2);
    expect(valueForDigit(centred, 5, undefined)).toBe(2);
    expect(valueForDigit(centred, 6, undefined)).toBeUndefined();
    expect(digitHint(fiveStar)).toBe("keys 1–5");
    expect(digitHint(centred)).toBe("keys 1–5 by position");
  });

  it("answers booleans with 1 / 0, picks the n-th option, toggles the n-th of a multiple choice, and leaves text alone", () => {
    expect(valueForDigit(solves, 1, undefined)).toBe(true);
    expect(valueForDigit(solves, 0, true)).toBe(false);
    expect(valueForDigit(solves, 2, undefined)).toBeUndefined();
    expect(valueForDigit(kind, 2, undefined)).toBe("feature");
    expect(valueForDigit(kind, 3, undefined)).toBeUndefined();
    expect(valueForDigit(issues, 2, ["loop"])).toEqual(["loop", "hack"]);
    expect(valueForDigit(issues, 1, ["loop", "hack"])).toEqual(["hack"]);
    expect(valueForDigit(issues, 0, [])).toBeUndefined();
    expect(valueForDigit(notes, 1, "x")).toBeUndefined();
    expect(digitHint(notes)).toBeNull();
  });
});
