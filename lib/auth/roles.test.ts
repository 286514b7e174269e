import { describe, expect, it } from "vitest";
import { hasRole, isRole } from "./roles";

describe("hasRole", () => {
  it("orders viewer < annotator < reviewer < admin", () => {
    expect(hasRole("admin", "reviewer")).toBe(true);
    expect(hasRole("reviewer", "reviewer")).toBe(true);
    expect(hasRole("annotator", "reviewer")).toBe(false);
    expect(hasRole("viewer", "annotator")).toBe(false);
  });
  it("recognizes role names only", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
