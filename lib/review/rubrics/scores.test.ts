import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { rubricDimensionsSchema } from "./schema";
import { agreementLevel, chosenLabels, comparableValue, mergeScores, normalizedValues } from "./scores";

const dimensions = rubricDimensionsSchema.parse([
  { key: "q", label: "Quality", type: "ordinal", points: [-1, 0, 1].map((value) => ({ value, label: String(value) })) },
  { key: "ok", label: "OK", type: "boolean" },
  { key: "kind", label: "Kind", type: "single_choice", required: false, options: [{ value: "bug" }, { value: "feature" }] },
  { key: "tags", label: "Tags", type: "multi_choice", required: false, options: [{ value: "b" }, { value: "a" }] },
  { key: "notes", label: "Notes", type: "text", maxLength: 5 },
]);

function problems(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return (error.details as { scores: unknown }).scores;
    throw error;
  }
  return null;
}

describe("mergeScores", () => {
  it("merges changes, null clearing a value", () => {
    expect(mergeScores(dimensions, { q: 1, kind: "bug" }, { kind: null, tags: ["a"], notes: "ok" }, false)).toEqual({ q: 1, tags: ["a"], notes: "ok" });
  });

  it("lists every value that does not fit its dimension", () => {
    expect(problems(() => mergeScores(dimensions, {}, { q: 0.5, ok: 1, kind: ["bug"], tags: ["c"], notes: "too long" }, false))).toEqual({
      q: expect.any(String),
      ok: expect.any(String),
      kind: expect.any(String),
      tags: "Pick from b, a.",
      notes: "At most 5 characters.",
    });
  });

  it("requires the required dimensions when complete; text and optional choices may stay empty", () => {
    expect(problems(() => mergeScores(dimensions, { q: 0 }, {}, true))).toEqual({ ok: '"OK" needs a value before submitting.' });
    expect(mergeScores(dimensions, { q: 0 }, { ok: false }, true)).toEqual({ q: 0, ok: false });
  });
});

describe("derived values", () => {
  it("normalizes ordinal points over the scale and booleans to 0/1", () => {
    expect(normalizedValues(dimensions, { q: -1, ok: true, kind: "bug" })).toEqual([0, 1]);
    expect(normalizedValues(dimensions, { q: 0 })).toEqual([0.5]);
  });

  it("takes labels from choices, and compares sets of choices regardless of order", () => {
    expect(chosenLabels(dimensions, { kind: "bug", tags: ["b", "a"], notes: "x" })).toEqual(["bug", "b", "a"]);
    expect(comparableValue(dimensions[3], ["b", "a"])).toBe(comparableValue(dimensions[3], ["a", "b"]));
    expect(comparableValue(dimensions[1], false)).toBe("false");
    expect(dimensions.map(agreementLevel)).toEqual(["ordinal", "nominal", "nominal", "nominal", null]);
  });
});
