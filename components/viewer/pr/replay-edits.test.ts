import { describe, expect, it } from "vitest";
import type { FileEditPart } from "@/lib/formats/episode";
import { prSampleFormat } from "@/lib/formats/pr-sample";
import { applyPrEdit } from "@/lib/sample/pr-edits";
import { generatePrSample } from "@/lib/sample/pr-sample";
import { createRng } from "@/lib/sample/random";
import { changedRegion, replayEdits } from "./replay-edits";

const edit = (fields: Omit<FileEditPart, "type">): FileEditPart => ({ type: "file_edit", ...fields });

describe("replayEdits", () => {
  it("gives each edit its whole file before and after", () => {
    const { edits, files } = replayEdits(
      [{ path: "a.py", content: "x = 1\ny = 2\n" }],
      [
        edit({ path: "a.py", operation: "str_replace", oldText: "y = 2", newText: "y = 3" }),
        edit({ path: "a.py", operation: "insert", insertLine: 0, newText: "import os" }),
        edit({ path: "b.py", operation: "create", newText: "print()\n" }),
        edit({ path: "b.py", operation: "rename", newPath: "c.py" }),
        edit({ path: "a.py", operation: "delete" }),
      ],
    );
    expect(edits.map((e) => [e.before, e.after])).toEqual([
      ["x = 1\ny = 2\n", "x = 1\ny = 3\n"],
      ["x = 1\ny = 3\n", "import os\nx = 1\ny = 3\n"],
      [null, "print()\n"],
      ["print()\n", "print()\n"],
      ["import os\nx = 1\ny = 3\n", null],
    ]);
    expect(Object.fromEntries(files)).toEqual({ "a.py": null, "b.py": null, "c.py": "print()\n" });
  });

  it("stops knowing a file once an edit does not fit it", () => {
    const { edits } = replayEdits(
      [{ path: "a.py", content: "x = 1\n" }],
      [
        edit({ path: "a.py", operation: "str_replace", oldText: "nowhere", newText: "y" }),
        edit({ path: "a.py", operation: "insert", insertLine: 1, newText: "z = 2" }),
        edit({ path: "unknown.py", operation: "str_replace", oldText: "a", newText: "b" }),
      ],
    );
    expect(edits.map((e) => [e.before, e.after])).toEqual([
      ["x = 1\n", undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it("ends where the sample generator's own replay ends, for generated pull requests", () => {
    for (let seed = 0; seed < 40; seed++) {
      const sample = generatePrSample(createRng(seed));
      const result = prSampleFormat.parse(sample, { fileName: "x", location: 1 });
      if (result.type !== "episodes") throw new Error("expected episodes");
      const parts = result.episodes[0].steps.flatMap((s) => s.parts).filter((p): p is FileEditPart => p.type === "file_edit");
      const { edits, files } = replayEdits(sample.files, parts);
      expect(edits.every((e) => e.before !== undefined && e.after !== undefined)).toBe(true);
      const truth = new Map(sample.files.map((f) => [f.path, f.content]));
      for (const e of sample.edits) applyPrEdit(truth, e);
      const existing = [...files].filter(([, content]) => content !== null);
      expect(new Map(existing)).toEqual(truth);
    }
  });
});

describe("changedRegion", () => {
  const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

  it("keeps three lines of context around the change", () => {
    const before = lines(1, 20).join("\n");
    const after = [...lines(1, 10), "new", ...lines(12, 20)].join("\n");
    expect(changedRegion(before, after)).toEqual({
      original: lines(8, 14).join("\n"),
      modified: [...lines(8, 10), "new", ...lines(12, 14)].join("\n"),
      firstLine: 8,
    });
  });

  it("shows a new file whole", () => {
    expect(changedRegion("", "a\nb\n")).toEqual({ original: "", modified: "a\nb\n", firstLine: 1 });
  });
});
