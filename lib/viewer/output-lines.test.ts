import { describe, expect, it } from "vitest";
import { clipSegments, collapseItems, isCollapsible, markSegments, matchingLines, matchRanges, outputItems, type OutputItem } from "./output-lines";

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n");
const shape = (rows: ReturnType<typeof collapseItems>) =>
  rows.map((r) => (r.kind === "line" ? r.number : r.kind === "hidden" ? `…${r.lines}` : `gap ${r.chars}/${r.lines}`));

describe("outputItems", () => {
  it("numbers lines from 1 and ignores the final newline", () => {
    const items = outputItems("a\nb\n");
    expect(items.map((i) => (i.kind === "line" ? [i.number, i.text] : null))).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(outputItems("")).toHaveLength(1);
  });

  it("puts a gap where the server cut the text, numbering the tail as in the full output", () => {
    // Full text: 10 lines; the server kept "l1\nl2\nl" and "8\nl9\nl10", omitting 11 chars with 5 newlines.
    const full = Array.from({ length: 10 }, (_, i) => `l${i + 1}`).join("\n");
    const head = full.slice(0, 7);
    const tail = full.slice(full.length - 8);
    const omitted = full.slice(7, full.length - 8);
    const items = outputItems(head + tail, { at: head.length, omittedChars: omitted.length, omittedLines: omitted.split("\n").length - 1 });
    expect(items.map((i) => (i.kind === "line" ? `${i.number}:${i.text}` : `gap ${i.chars}`))).toEqual([
      "1:l1",
      "2:l2",
      "3:l",
      `gap ${omitted.length}`,
      "8:8",
      "9:l9",
      "10:l10",
    ]);
  });
});

describe("collapseItems", () => {
  it("keeps short outputs whole", () => {
    const items = outputItems(numbered(35));
    expect(collapseItems(items)).toEqual(items);
    expect(isCollapsible(items)).toBe(false);
  });

  it("shows head and tail of long outputs and counts what is hidden", () => {
    const items = outputItems(numbered(100));
    const rows = collapseItems(items);
    expect(shape(rows)).toEqual([...Array.from({ length: 20 }, (_, i) => i + 1), "…70", ...Array.from({ length: 10 }, (_, i) => 91 + i)]);
    expect(isCollapsible(items)).toBe(true);
  });

  it("counts a hidden gap's lines too", () => {
    const items: OutputItem[] = [...outputItems(numbered(25)), { kind: "gap", chars: 5000, lines: 300 }, ...outputItems(numbered(25))];
    const rows = collapseItems(items);
    expect(rows.find((r) => r.kind === "hidden")).toEqual({ kind: "hidden", lines: 5 + 300 + 15 });
  });

  it("calls one very long line collapsible", () => {
    expect(isCollapsible(outputItems("x".repeat(200_000)))).toBe(true);
  });
});

describe("clipSegments", () => {
  it("cuts across segments and says how much is hidden", () => {
    const { segments, hiddenChars } = clipSegments(
      [
        { text: "abc", className: "a" },
        { text: "defg", className: "b" },
        { text: "hi", className: "" },
      ],
      5,
    );
    expect(segments).toEqual([
      { text: "abc", className: "a" },
      { text: "de", className: "b" },
    ]);
    expect(hiddenChars).toBe(4);
  });
});

describe("search marking", () => {
  it("finds case-insensitive ranges and marks them inside coloured segments", () => {
    expect(matchRanges("Error, error, ERROR", "error")).toEqual([
      [0, 5],
      [7, 12],
      [14, 19],
    ]);
    const marked = markSegments(
      [
        { text: "an Err", className: "red" },
        { text: "or here", className: "" },
      ],
      matchRanges("an Error here", "error"),
    );
    expect(marked).toEqual([
      { text: "an ", className: "red", isMatch: false },
      { text: "Err", className: "red", isMatch: true },
      { text: "or", className: "", isMatch: true },
      { text: " here", className: "", isMatch: false },
    ]);
  });

  it("lists matching line numbers", () => {
    expect(matchingLines(outputItems("ok\nFAILED a\nok\nfailed b"), "failed")).toEqual([2, 4]);
    expect(matchingLines(outputItems("x"), "")).toEqual([]);
  });
});
