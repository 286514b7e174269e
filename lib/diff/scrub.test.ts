import { describe, expect, it } from "vitest";
import type { EditRecord } from "./edit-actions";
import { editRegion } from "./edit-region";
import { fileAt, replayEdits } from "./repo-state";
import { editSteps, groupFiles, neighbourEdit } from "./scrub";

const call = (stepIdx: number, args: Record<string, unknown>): EditRecord => ({ stepIdx, part: { type: "tool_call", name: "str_replace_editor", arguments: args } });
const edit = (stepIdx: number, path: string, newText: string): EditRecord => ({ stepIdx, part: { type: "file_edit", path, operation: "create", newText } });
const answer = (stepIdx: number, text: string): EditRecord => ({ stepIdx, part: { type: "observation", text, toolName: "str_replace_editor" } });

const finalPatch = "diff --git a/only.py b/only.py\n--- a/only.py\n+++ b/only.py\n@@ -1 +1 @@\n-a\n+b\ndiff --git a/b.py b/b.py\nnew file mode 100644\n--- /dev/null\n+++ b/b.py\n@@ -0,0 +1 @@\n+second\n";
const history = replayEdits(
  [
    call(2, { command: "view", path: "/r/seen.py" }),
    answer(3, "Here's the result of running `cat -n` on /r/seen.py:\n     1\tx\n"),
    call(5, { command: "create", path: "/r/b.py", file_text: "first\n" }),
    edit(5, "/r/b.py", "first\n"),
    call(4, { command: "create", path: "/r/a.py", file_text: "1\n" }),
    edit(4, "/r/a.py", "1\n"),
    call(9, { command: "create", path: "/r/b.py", file_text: "second\n" }),
    edit(9, "/r/b.py", "second\n"),
  ],
  { finalPatch },
);

describe("moving through a file's history", () => {
  it("offers changed files first (by first change), then viewed ones, then those only the final patch shows", () => {
    expect(groupFiles(history).map((g) => [g.label, g.files.map((f) => f.path)])).toEqual([
      ["Changed in the episode", ["/r/a.py", "/r/b.py"]],
      ["Only viewed", ["/r/seen.py"]],
      ["Only in the final patch", ["only.py"]],
    ]);
  });

  it("[ and ] stop at each edit and at the final patch; a step between edits reads the last change", () => {
    const b = history.files.find((f) => f.path === "/r/b.py")!;
    expect(editSteps(b)).toEqual([5, 9]);
    expect(neighbourEdit(b, 0, 1, 20)).toBe(5);
    expect(neighbourEdit(b, 5, 1, 20)).toBe(9);
    expect(neighbourEdit(b, 9, 1, 20)).toBe(20);
    expect(neighbourEdit(b, 20, 1, 20)).toBeNull();
    expect(neighbourEdit(b, 7, -1, 20)).toBe(5);
    expect(neighbourEdit(b, 5, -1, 20)).toBeNull();
    expect(fileAt(b, 7)).toMatchObject({ changedAt: 5, knowledge: { kind: "full", text: "first\n" }, previous: { kind: "absent" } });
    expect(fileAt(b, 20, true)).toMatchObject({ changedAt: "end", knowledge: { kind: "full", text: "second\n" } });
    expect(b.finalDisagrees).toBe(false);
  });
});

describe("the region one edit shows by itself", () => {
  it("per operation", () => {
    expect(editRegion({ type: "file_edit", path: "a", operation: "str_replace", oldText: "x", newText: "y" })).toMatchObject({ original: "x", modified: "y" });
    expect(editRegion({ type: "file_edit", path: "a", operation: "insert", insertLine: 3, newText: "z" })).toEqual({ original: "", modified: "z", caption: "Lines inserted after line 3" });
    expect(editRegion({ type: "file_edit", path: "a", operation: "rename", newPath: "b" })).toEqual({ original: null, message: "Renamed to b." });
    expect(editRegion({ type: "file_edit", path: "/w/a.c", operation: "patch", diff: "--- /w/a.c\n+++ /w/a.c\n@@ -5,0 +6 @@\n+int x;\n" })).toEqual({
      original: "@@ -5,0 +6 @@\n",
      modified: "@@ -5,0 +6 @@\nint x;\n",
      caption: "The regions the tool's diff shows",
    });
    expect(editRegion({ type: "file_edit", path: "a", operation: "patch", diff: "nonsense" })).toEqual({ original: null, message: "The recorded diff could not be read." });
  });
});
