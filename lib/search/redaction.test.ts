import { describe, expect, it } from "vitest";
import { isWithheld, makeRedaction, redactRow } from "./redaction";

describe("makeRedaction", () => {
  it("is null when nothing is withheld, so callers keep their shared paths", () => {
    expect(makeRedaction([])).toBeNull();
  });

  it("orders the ids and keys equal redactions equally, different ones differently", () => {
    const a = makeRedaction([
      { id: 9, bulkLabels: ["x"] },
      { id: 2, bulkLabels: null },
    ])!;
    const b = makeRedaction([
      { id: 2, bulkLabels: [] },
      { id: 9, bulkLabels: ["x"] },
    ])!;
    expect(a.ids).toEqual([2, 9]);
    expect(a.key).toBe(b.key);
    expect(makeRedaction([{ id: 9, bulkLabels: ["y"] }, { id: 2, bulkLabels: [] }])!.key).not.toBe(a.key);
    expect(isWithheld(a, 9)).toBe(true);
    expect(isWithheld(a, 3)).toBe(false);
    expect(isWithheld(null, 9)).toBe(false);
  });
});

describe("redactRow", () => {
  const redaction = makeRedaction([{ id: 1, bulkLabels: ["curated"] }]);

  it("shows a withheld episode as unjudged, keeping its bulk labels and every other field", () => {
    const row = { id: 1, model: "m", reviewStatus: "approved", score: 0.75, labels: ["curated", "loop"], annotators: ["u1"], reviewLabels: ["loop"], reviewedAt: new Date() };
    expect(redactRow(row, redaction)).toEqual({ id: 1, model: "m", reviewStatus: "pending", score: null, labels: ["curated"], annotators: [], reviewLabels: [], reviewedAt: null });
  });

  it("adds no field a row does not carry, and leaves other episodes alone", () => {
    expect(redactRow({ id: 1, score: 0.5 }, redaction)).toEqual({ id: 1, score: null });
    const other = { id: 2, reviewStatus: "approved", score: 1, labels: ["loop"] };
    expect(redactRow(other, redaction)).toBe(other);
    expect(redactRow(other, null)).toBe(other);
  });
});
