import { describe, expect, it } from "vitest";
import { applyFixes, strReplaceFor, type BugTemplate } from "./bug-template";
import { goBugs } from "./go-bugs";
import { pythonBugs } from "./python-bugs";
import { rustBugs } from "./rust-bugs";
import { typescriptBugs } from "./typescript-bugs";

const all: BugTemplate[] = [...pythonBugs, ...typescriptBugs, ...goBugs, ...rustBugs];

describe("bug templates", () => {
  it.each(all.map((t) => [`${t.language}/${t.key}`, t] as const))("%s has sorted, in-range fixes that change the code", (_, template) => {
    for (const name of template.names) {
      const spec = template.build(name);
      let cursor = 0;
      for (const fix of spec.fixes) {
        expect(fix.start).toBeGreaterThanOrEqual(cursor);
        expect(fix.end).toBeGreaterThanOrEqual(fix.start);
        expect(fix.end).toBeLessThanOrEqual(spec.lines.length);
        cursor = fix.end;
      }
      expect(applyFixes(spec.lines, spec.fixes)).not.toEqual(spec.lines);
      expect(spec.lines.join("\n")).toContain(name);
      expect(spec.test.join("\n")).toContain(name);
      if (template.language === "python") {
        expect(spec.call).toContain(name);
        if (spec.failure?.kind === "raise") expect(spec.failure.line).toBeLessThan(spec.lines.length);
      }
    }
  });
});

describe("strReplaceFor", () => {
  const file = ["def a():", "    return 1", "", "def b():", "    return 1", ""];

  it("grows the block until the old text is unique", () => {
    const edit = strReplaceFor(file, 4, 5, ["    return 2"]);
    expect(edit).toEqual({ old: "def b():\n    return 1", new: "def b():\n    return 2" });
  });

  it("anchors a pure insertion on a neighbouring line", () => {
    const edit = strReplaceFor(file, 1, 1, ["    x = 1"]);
    expect(edit).toEqual({ old: "def a():", new: "def a():\n    x = 1" });
  });
});
