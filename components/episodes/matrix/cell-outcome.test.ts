import { describe, expect, it } from "vitest";
import { cellOutcome } from "./cell-outcome";

describe("cellOutcome", () => {
  it.each([
    [undefined, "none"],
    [{ attempts: 0, resolved: 0, unresolved: 0 }, "none"],
    [{ attempts: 2, resolved: 2, unresolved: 0 }, "resolved"],
    [{ attempts: 3, resolved: 1, unresolved: 2 }, "mixed"],
    [{ attempts: 3, resolved: 1, unresolved: 0 }, "mixed"],
    [{ attempts: 2, resolved: 0, unresolved: 2 }, "unresolved"],
    [{ attempts: 3, resolved: 0, unresolved: 1 }, "unresolved"],
    [{ attempts: 2, resolved: 0, unresolved: 0 }, "unknown"],
  ] as const)("%j is %s", (cell, outcome) => {
    expect(cellOutcome(cell)).toBe(outcome);
  });
});
