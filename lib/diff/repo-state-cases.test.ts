import { describe, expect, it } from "vitest";
import type { FileEditPart, StepPart } from "@/lib/formats/episode";
import type { EditRecord } from "./edit-actions";
import { full, unknown } from "./knowledge";
import { renderKnowledge } from "./render";
import { fileAt, replayEdits } from "./repo-state";

let callCount = 0;

/** An editor call (with the edit the importer would derive) and the tool's answer one step later. */
function editor(stepIdx: number, args: Record<string, unknown>, answer?: string, extra: StepPart[] = []): EditRecord[] {
  const id = `call-${++callCount}`;
  const records: EditRecord[] = [{ stepIdx, part: { type: "tool_call", id, name: "str_replace_editor", arguments: args } }];
  const path = args.path as string;
  const edit: FileEditPart | null =
    args.command === "create"
      ? { type: "file_edit", path, operation: "create", newText: args.file_text as string }
      : args.command === "str_replace"
        ? { type: "file_edit", path, operation: "str_replace", oldText: args.old_str as string, newText: args.new_str as string }
        : args.command === "insert"
          ? { type: "file_edit", path, operation: "insert", insertLine: args.insert_line as number, newText: args.new_str as string }
          : null;
  if (edit) records.push({ stepIdx, part: edit });
  if (answer !== undefined) {
    records.push({ stepIdx: stepIdx + 1, part: { type: "observation", text: answer, toolCallId: id, toolName: "str_replace_editor" } });
    for (const part of extra) records.push({ stepIdx: stepIdx + 1, part });
  }
  return records;
}

function listing(path: string, startLine: number, lines: string[], snippet = false): string {
  const head = snippet ? `The file ${path} has been edited. Here's the result of running \`cat -n\` on a snippet of ${path}:\n` : `Here's the result of running \`cat -n\` on ${path}:\n`;
  return head + lines.map((line, i) => `${String(startLine + i).padStart(6)}\t${line}`).join("\n") + "\n" + (snippet ? "Review the changes and make sure they are as expected. Edit the file again if necessary." : "");
}

const recorded = (stepIdx: number, part: FileEditPart): EditRecord => ({ stepIdx, part });

describe("repo state: editor tool semantics", () => {
  it("a file first met through str_replace is known only around the edit, and says so", () => {
    const [file] = replayEdits(editor(3, { command: "str_replace", path: "/r/a.py", old_str: "x = 1", new_str: "x = 2" })).files;
    const [state] = file.states;
    expect(state.before).toEqual({ kind: "partial", blocks: [], loose: ["x = 1"] });
    expect(state.after).toEqual({ kind: "partial", blocks: [], loose: ["x = 2"] });
    expect(state.note).toMatch(/not recorded/);
    expect(renderKnowledge(state.after)).toBe("⋯ somewhere in the file (the line is not recorded) ⋯\nx = 2");
    expect(fileAt(file, 2).knowledge).toEqual(unknown);
  });

  it("the snippet the tool prints pins an unknown-location edit to its lines, before and after", () => {
    const records = editor(
      3,
      { command: "str_replace", path: "/r/a.py", old_str: "b = 1", new_str: "b = 2\nc = 3" },
      listing("/r/a.py", 10, ["def f():", "    a = 0", "    b = 2", "c = 3", "    return a"], true),
    );
    const [file] = replayEdits(records).files;
    expect(file.states[0].before).toEqual({ kind: "partial", blocks: [{ startLine: 10, lines: ["def f():", "    a = 0", "    b = 1", "    return a"] }], loose: [] });
    expect(file.states[0].after).toEqual({ kind: "partial", blocks: [{ startLine: 10, lines: ["def f():", "    a = 0", "    b = 2", "c = 3", "    return a"] }], loose: [] });
  });

  it("views make the content known: a whole-file view, a ranged one, a clipped one", () => {
    const lines = ["one", "two", "three", ""];
    const whole = replayEdits(editor(1, { command: "view", path: "/r/w.txt" }, listing("/r/w.txt", 1, lines))).files[0];
    expect(whole.states[0]).toMatchObject({ operation: "view", isEdit: false, after: full("one\ntwo\nthree\n") });
    const ranged = replayEdits(editor(1, { command: "view", path: "/r/w.txt", view_range: [2, 3] }, listing("/r/w.txt", 2, ["two", "three"]))).files[0];
    expect(ranged.states[0].after).toEqual({ kind: "partial", blocks: [{ startLine: 2, lines: ["two", "three"] }], loose: [] });
    const clippedText = listing("/r/w.txt", 1, ["one", "two", "thr"]).replace(/thr\n$/, "thr<response clipped><NOTE>To save on context only part of this file has been shown to you.</NOTE>");
    const clipped = replayEdits(editor(1, { command: "view", path: "/r/w.txt" }, clippedText)).files[0];
    expect(clipped.states[0].after).toEqual({ kind: "partial", blocks: [{ startLine: 1, lines: ["one", "two"] }], loose: [] });
    // A directory listing is no file.
    expect(replayEdits(editor(1, { command: "view", path: "/r" }, "Here's the files and directories up to 2 levels deep in /r:\n/r/a.py")).files).toEqual([]);
  });

  it("create, then str_replace (first occurrence), insert and undo_edit on a known file", () => {
    const path = "/r/m.py";
    const records = [
      ...editor(1, { command: "create", path, file_text: "a\nb\na\n" }, `File created successfully at: ${path}`),
      ...editor(3, { command: "str_replace", path, old_str: "a", new_str: "A" }),
      ...editor(5, { command: "insert", path, insert_line: 0, new_str: "# top" }),
      ...editor(7, { command: "insert", path, insert_line: 4, new_str: "end" }),
      ...editor(9, { command: "undo_edit", path }),
    ];
    const [file] = replayEdits(records).files;
    expect(file.states.map((s) => [s.stepIdx, s.operation, renderKnowledge(s.after)])).toEqual([
      [1, "create", "a\nb\na\n"],
      [3, "str_replace", "A\nb\na\n"],
      [5, "insert", "# top\nA\nb\na\n"],
      [7, "insert", "# top\nA\nb\na\nend\n"],
      [9, "undo_edit", "# top\nA\nb\na\n"],
    ]);
    expect(fileAt(file, 9).previous).toEqual(full("# top\nA\nb\na\nend\n"));
  });

  it("edits the tool refused, or that cannot apply to the known text, leave the file and carry the reason", () => {
    const path = "/r/e.py";
    const records = [
      ...editor(1, { command: "create", path, file_text: "x\n" }),
      ...editor(3, { command: "str_replace", path, old_str: "y", new_str: "z" }, `ERROR:\nNo replacement was performed, old_str \`y\` did not appear verbatim in ${path}.`),
      ...editor(5, { command: "str_replace", path, old_str: "missing", new_str: "z" }),
      ...editor(7, { command: "insert", path, insert_line: 99, new_str: "z" }),
      ...editor(9, { command: "undo_edit", path }),
      ...editor(11, { command: "undo_edit", path }),
    ];
    const [file] = replayEdits(records).files;
    expect(file.states.map((s) => [s.stepIdx, s.error?.slice(0, 40) ?? null])).toEqual([
      [1, null],
      [3, "No replacement was performed, old_str `y"],
      [5, "old_str does not occur in the reconstruc"],
      [7, "insert_line 99 is past the end of the fi"],
      [9, null],
      [11, "nothing recorded to undo"],
    ]);
    // The tool saves a create's own text for undo, so undoing the create leaves the file as created.
    expect(fileAt(file, 9).knowledge).toEqual(full("x\n"));
  });

  it("undo_edit restores what the editor saved, even past a shell change the editor never saw", () => {
    const path = "/r/u.txt";
    const records: EditRecord[] = [
      ...editor(1, { command: "create", path, file_text: "a\n" }),
      ...editor(3, { command: "str_replace", path, old_str: "a", new_str: "b" }),
      { stepIdx: 5, part: { type: "tool_call", name: "bash", arguments: { command: `echo c > ${path}` } } },
      ...editor(7, { command: "undo_edit", path }),
    ];
    const [file] = replayEdits(records).files;
    expect(file.states.map((s) => [s.stepIdx, renderKnowledge(s.after)])).toEqual([
      [1, "a\n"],
      [3, "b\n"],
      [5, "c\n"],
      [7, "a\n"],
    ]);
  });

  it("an edit the tool applied but the replayed text cannot take: the text was stale, only the edit is known", () => {
    const path = "/r/s.py";
    const records = [
      ...editor(1, { command: "create", path, file_text: "one\n" }),
      ...editor(3, { command: "str_replace", path, old_str: "two", new_str: "2" }, listing(path, 4, ["x = 2", "y"], true)),
    ];
    const [file] = replayEdits(records).files;
    const [, edit] = file.states;
    expect(edit.error).toBeUndefined();
    expect(edit.note).toMatch(/does not record changed the file/);
    expect(edit.after).toEqual({ kind: "partial", blocks: [{ startLine: 4, lines: ["x = 2", "y"] }], loose: [] });
    expect(edit.before).toEqual({ kind: "partial", blocks: [{ startLine: 4, lines: ["x = two", "y"] }], loose: [] });
  });

  it("OpenHands V1: an edit answered with whole files before and after is one state with both", () => {
    const path = "/w/v1.py";
    const records = editor(2, { command: "str_replace", path, old_str: "old", new_str: "new" }, "The file has been edited.", [
      { type: "file_edit", path, operation: "patch", before: "head\nold\ntail\n", after: "head\nnew\ntail\n" },
    ]);
    const [file] = replayEdits(records).files;
    expect(file.states).toHaveLength(1);
    expect(file.states[0]).toMatchObject({ stepIdx: 2, operation: "str_replace", before: full("head\nold\ntail\n"), after: full("head\nnew\ntail\n") });
  });

  it("CRLF listings from terminal-backed tools read as lines", () => {
    const text = "OBSERVATION:\nHere's the result of running `cat -n` on /t/a.py:\r\n     5\tdef g():\r\n     6\t    pass\r\n";
    const [file] = replayEdits(editor(1, { command: "view", path: "/t/a.py", view_range: [5, 6] }, text)).files;
    expect(file.states[0].after).toEqual({ kind: "partial", blocks: [{ startLine: 5, lines: ["def g():", "    pass"] }], loose: [] });
  });
});

describe("repo state: recorded edits, shell commands and the final patch", () => {
  it("pull-request style edits: create, str_replace, insert, rename, delete", () => {
    const records = [
      recorded(0, { type: "file_edit", path: "a.py", operation: "create", newText: "one\ntwo\n" }),
      recorded(1, { type: "file_edit", path: "a.py", operation: "str_replace", oldText: "two", newText: "2" }),
      recorded(2, { type: "file_edit", path: "a.py", operation: "insert", insertLine: 1, newText: "1.5" }),
      recorded(3, { type: "file_edit", path: "a.py", operation: "rename", newPath: "b.py" }),
      recorded(4, { type: "file_edit", path: "b.py", operation: "delete" }),
    ];
    const { files } = replayEdits(records);
    expect(files.map((f) => f.path)).toEqual(["a.py", "b.py"]);
    expect(fileAt(files[0], 2).knowledge).toEqual(full("one\n1.5\n2\n"));
    expect(fileAt(files[0], 3).knowledge).toEqual({ kind: "absent" });
    expect(files[1].states.map((s) => [s.stepIdx, s.operation, renderKnowledge(s.after)])).toEqual([
      [3, "rename", "one\n1.5\n2\n"],
      [4, "delete", ""],
    ]);
  });

  it("a standalone diff applies to the known file; one that does not fit is an error", () => {
    const records = [
      recorded(0, { type: "file_edit", path: "/w/d.c", operation: "write", newText: "int a;\nint b;\n" }),
      recorded(1, { type: "file_edit", path: "/w/d.c", operation: "patch", diff: "--- /w/d.c\n+++ /w/d.c\n@@ -1,0 +2 @@\n+int between;\n" }),
      recorded(2, { type: "file_edit", path: "/w/d.c", operation: "patch", diff: "--- /w/d.c\n+++ /w/d.c\n@@ -9 +9 @@\n-nope\n+x\n" }),
    ];
    const [file] = replayEdits(records).files;
    expect(fileAt(file, 1).knowledge).toEqual(full("int a;\nint between;\nint b;\n"));
    expect(file.states[2].error).toMatch(/do not match/);
  });

  it("here-documents write and append; sed makes a file unknown; untracked program output is ignored", () => {
    const shell = (stepIdx: number, command: string): EditRecord => ({ stepIdx, part: { type: "tool_call", name: "bash", arguments: { command } } });
    const records = [
      shell(1, "cat <<'EOF' > repro.py\nprint('hi')\nEOF\npython repro.py"),
      shell(2, "echo 'print(2)' >> repro.py"),
      shell(3, "python repro.py > out.txt 2>&1"),
      shell(4, "sed -i 's/hi/bye/' repro.py"),
      shell(5, "rm repro.py"),
    ];
    const { files } = replayEdits(records);
    expect(files.map((f) => f.path)).toEqual(["repro.py"]);
    expect(files[0].states.map((s) => [s.stepIdx, s.operation, renderKnowledge(s.after)])).toEqual([
      [1, "write", "print('hi')\n"],
      [2, "append", "print('hi')\nprint(2)\n"],
      [4, "shell", ""],
      [5, "delete", ""],
    ]);
    expect(files[0].states[2].after).toEqual(unknown);
  });

  it("the final patch gives the base lines first and the final lines last, matched to absolute editor paths", () => {
    const finalPatch = "diff --git a/pkg/m.py b/pkg/m.py\n--- a/pkg/m.py\n+++ b/pkg/m.py\n@@ -10,3 +10,3 @@\n a\n-b\n+B\n c\n";
    const records = editor(4, { command: "str_replace", path: "/repo/pkg/m.py", old_str: "b", new_str: "B" });
    const [file] = replayEdits(records, { finalPatch }).files;
    expect(file.path).toBe("/repo/pkg/m.py");
    expect(file.aliases).toEqual(["pkg/m.py"]);
    expect(file.initial).toEqual({ kind: "partial", blocks: [{ startLine: 10, lines: ["a", "b", "c"] }], loose: [] });
    // old_str is found inside the base lines, so the edit lands at a known line.
    expect(file.states[0].after).toEqual({ kind: "partial", blocks: [{ startLine: 10, lines: ["a", "B", "c"] }], loose: [] });
    expect(file.states[0].note).toBeUndefined();
    expect(fileAt(file, 99, true).knowledge).toEqual(file.final);
    expect(file.finalDisagrees).toBe(false);
  });

  it("a final patch that contradicts a fully known replay is flagged", () => {
    const finalPatch = "diff --git a/n.py b/n.py\nnew file mode 100644\n--- /dev/null\n+++ b/n.py\n@@ -0,0 +1 @@\n+changed later\n";
    const records = editor(1, { command: "create", path: "/repo/n.py", file_text: "first\n" });
    const [file] = replayEdits(records, { finalPatch }).files;
    expect(file.initial).toEqual({ kind: "absent" });
    expect(file.final).toEqual(full("changed later\n"));
    expect(file.finalDisagrees).toBe(true);
  });

  it("garbage records never throw", () => {
    const records: EditRecord[] = [
      { stepIdx: 0, part: { type: "tool_call", name: "str_replace_editor", arguments: { command: "str_replace", path: 7 } } },
      { stepIdx: 1, part: { type: "observation", text: "Here's the result of running `cat -n` on x:\nnot numbered" } },
      { stepIdx: 2, part: { type: "file_edit", path: "z", operation: "patch" } },
      { stepIdx: 3, part: { type: "file_edit", path: "z", operation: "patch", diff: "garbage" } },
      { stepIdx: 4, part: { type: "tool_call", name: "bash", arguments: { command: "cat <<EOF > \"unterminated" } } },
    ];
    const { files } = replayEdits(records, { finalPatch: "@@ nonsense" });
    expect(files.map((f) => [f.path, f.states.map((s) => s.error ?? "ok")])).toEqual([["z", ["the edit records neither the new content nor a diff", "ok"]]]);
  });
});
