import { describe, expect, it } from "vitest";
import { applyView, full, insertLines, replaceText, spliceLines, unknown, type Knowledge } from "./knowledge";
import { describeKnowledge, focusChange, renderKnowledge } from "./render";

const partial = (blocks: { startLine: number; lines: string[] }[], loose: string[] = []): Knowledge => ({ kind: "partial", blocks, loose });

describe("knowledge of a file", () => {
  it("views merge: overlapping and touching regions join, the newer lines win, loose text they show is dropped", () => {
    let k = applyView(unknown, { startLine: 10, lines: ["j", "k"] });
    k = applyView(k, { startLine: 1, lines: ["a", "b"] });
    k = applyView(k, { startLine: 12, lines: ["l"] });
    expect(k).toEqual(partial([{ startLine: 1, lines: ["a", "b"] }, { startLine: 10, lines: ["j", "k", "l"] }]));
    k = { ...(k as Extract<Knowledge, { kind: "partial" }>), loose: ["k\nl\n", "zzz"] };
    k = applyView(k, { startLine: 2, lines: ["B", "c"] });
    expect(k).toEqual(partial([{ startLine: 1, lines: ["a", "B", "c"] }, { startLine: 10, lines: ["j", "k", "l"] }], ["zzz"]));
    expect(applyView(k, { startLine: 11, lines: ["k", "l"] })).toEqual(partial([{ startLine: 1, lines: ["a", "B", "c"] }, { startLine: 10, lines: ["j", "k", "l"] }], ["zzz"]));
  });

  it("a listing that differs only in whitespace (expanded tabs, dropped trailing blanks) keeps the exact text", () => {
    expect(applyView(full("\tx = 1\n    \ny\n"), { startLine: 1, lines: ["        x = 1", "", "y"] })).toEqual(full("\tx = 1\n    \ny\n"));
    expect(applyView(full("a\nb\n"), { startLine: 2, lines: ["B"] })).toEqual(full("a\nB\n"));
  });

  it("str_replace inside a known region shifts the regions below by the lines it adds", () => {
    const k = partial([{ startLine: 5, lines: ["x", "y"] }, { startLine: 20, lines: ["z"] }]);
    const { after, note } = replaceText(k, "y", "y1\ny2\ny3");
    expect(note).toBeUndefined();
    expect(after).toEqual(partial([{ startLine: 5, lines: ["x", "y1", "y2", "y3"] }, { startLine: 22, lines: ["z"] }]));
  });

  it("str_replace at an unknown line that changes the line count: later line numbers are no longer known", () => {
    const k = partial([{ startLine: 5, lines: ["x"] }]);
    const { before, after } = replaceText(k, "q", "q\nr");
    expect(before).toEqual(partial([{ startLine: 5, lines: ["x"] }], ["q"]));
    expect(after).toEqual(partial([], ["x", "q\nr"]));
    expect(describeKnowledge(after)).toBe("partly known: 2 fragments at unknown lines");
  });

  it("insert into a partly known file splits the region it falls in", () => {
    const k = partial([{ startLine: 3, lines: ["c", "d", "e"] }, { startLine: 9, lines: ["i"] }]);
    expect(insertLines(k, 4, "new").after).toEqual(partial([{ startLine: 3, lines: ["c", "d", "new", "e"] }, { startLine: 10, lines: ["i"] }]));
    expect(insertLines(k, 0, "top").after).toEqual(partial([{ startLine: 1, lines: ["top"] }, { startLine: 4, lines: ["c", "d", "e"] }, { startLine: 10, lines: ["i"] }]));
    expect(insertLines({ kind: "absent" }, 0, "x").error).toMatch(/does not exist/);
  });

  it("a hunk on a partly known file reveals its old lines and replaces them", () => {
    const k = partial([{ startLine: 1, lines: ["a"] }, { startLine: 30, lines: ["z"] }]);
    const { before, after } = spliceLines(k, 10, ["j", "k"], ["J"]);
    expect(before).toEqual(partial([{ startLine: 1, lines: ["a"] }, { startLine: 10, lines: ["j", "k"] }, { startLine: 30, lines: ["z"] }]));
    expect(after).toEqual(partial([{ startLine: 1, lines: ["a"] }, { startLine: 10, lines: ["J"] }, { startLine: 29, lines: ["z"] }]));
  });

  it("renders known regions in order with markers for what the trajectory never showed", () => {
    const k = partial([{ startLine: 3, lines: ["c"] }, { startLine: 5, lines: ["e"] }], ["loose"]);
    expect(renderKnowledge(k).split("\n")).toEqual([
      "⋯ lines 1–2: not shown in the trajectory ⋯",
      "c",
      "⋯ line 4: not shown in the trajectory ⋯",
      "e",
      "⋯ the rest of the file: not shown in the trajectory ⋯",
      "⋯ somewhere in the file (the line is not recorded) ⋯",
      "loose",
    ]);
    expect(renderKnowledge(unknown)).toBe("");
    expect(describeKnowledge(k)).toBe("partly known: 2 lines known in 2 regions, 1 fragment at unknown lines");
  });
});

describe("a change in focus", () => {
  it("keeps the changed lines and their context, marks what it leaves out the same on both sides", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const after = [...before.slice(0, 9), "inserted", ...before.slice(9)];
    expect(focusChange(before.join("\n"), after.join("\n"), 2)).toEqual({
      original: ["⋯ 7 unchanged lines above ⋯", "line 8", "line 9", "line 10", "line 11", "⋯ 9 unchanged lines below ⋯"].join("\n"),
      modified: ["⋯ 7 unchanged lines above ⋯", "line 8", "line 9", "inserted", "line 10", "line 11", "⋯ 9 unchanged lines below ⋯"].join("\n"),
    });
    expect(focusChange("same", "same")).toEqual({ original: "same", modified: "same" });
    expect(focusChange("", "new\n")).toEqual({ original: "", modified: "new\n" });
  });
});
