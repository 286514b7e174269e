import { describe, expect, it } from "vitest";
import { snippetParts } from "./snippet-parts";

describe("snippetParts", () => {
  it("splits marked matches from the text around them", () => {
    expect(snippetParts("fix the ⟦parser⟧ so ⟦tokens⟧ survive")).toEqual([
      { text: "fix the ", isMatch: false },
      { text: "parser", isMatch: true },
      { text: " so ", isMatch: false },
      { text: "tokens", isMatch: true },
      { text: " survive", isMatch: false },
    ]);
  });

  it("keeps HTML as text, untouched", () => {
    expect(snippetParts("<script>alert(1)</script> ⟦<b>x</b>⟧")).toEqual([
      { text: "<script>alert(1)</script> ", isMatch: false },
      { text: "<b>x</b>", isMatch: true },
    ]);
  });

  it("joins adjacent matches and tolerates unbalanced markers", () => {
    expect(snippetParts("⟦a⟧⟦b⟧ c")).toEqual([
      { text: "ab", isMatch: true },
      { text: " c", isMatch: false },
    ]);
    expect(snippetParts("x ⟧ y ⟦open")).toEqual([
      { text: "x  y ", isMatch: false },
      { text: "open", isMatch: true },
    ]);
  });

  it("gives nothing for an empty snippet", () => {
    expect(snippetParts("")).toEqual([]);
  });
});
