import { describe, expect, it } from "vitest";
import { cleanColumnIds } from "./use-visible-columns";

describe("column choice", () => {
  it("keeps known columns in table order, and always the id", () => {
    expect(cleanColumnIds(["steps", "nope", "kind", 3])).toEqual(["id", "kind", "steps"]);
    expect(cleanColumnIds([])).toEqual(["id"]);
  });
});
