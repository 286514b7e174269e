import { describe, expect, it } from "vitest";
import { rowStep } from "./use-row-keys";

describe("rowStep", () => {
  it("moves with j/k anywhere and with the arrows only from a row", () => {
    expect(rowStep("j", false)).toBe(1);
    expect(rowStep("k", false)).toBe(-1);
    expect(rowStep("ArrowDown", false)).toBe(0);
    expect(rowStep("ArrowDown", true)).toBe(1);
    expect(rowStep("ArrowUp", true)).toBe(-1);
    expect(rowStep("x", true)).toBe(0);
  });
});
