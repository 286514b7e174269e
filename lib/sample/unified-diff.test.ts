import { describe, expect, it } from "vitest";
import { applyPatch, parsePatch } from "./diff-check";
import { createRng } from "./random";
import { blobId, diffHunks, gitDiff, unifiedDiff } from "./unified-diff";

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

function roundTrip(before: string, after: string) {
  const diff = unifiedDiff({ path: "src/a.py", before, after });
  expect(applyPatch(new Map([["src/a.py", before]]), diff).get("src/a.py")).toBe(after);
  return diff;
}

describe("unifiedDiff", () => {
  it("writes git headers and a hunk with 3 lines of context", () => {
    const before = numbered(10);
    const after = before.replace("line 5\n", "line five\n");
    const diff = roundTrip(before, after);
    expect(diff).toBe(
      [
        "diff --git a/src/a.py b/src/a.py",
        `index ${blobId(before)}..${blobId(after)} 100644`,
        "--- a/src/a.py",
        "+++ b/src/a.py",
        "@@ -2,7 +2,7 @@ line 1",
        " line 2",
        " line 3",
        " line 4",
        "-line 5",
        "+line five",
        " line 6",
        " line 7",
        " line 8",
        "",
      ].join("\n"),
    );
  });

  it("uses git's blob ids", () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blobId("hello\n")).toBe("ce01362503");
  });

  it("splits distant changes into separate hunks and merges close ones", () => {
    const before = numbered(40);
    const far = before.replace("line 3\n", "line three\n").replace("line 30\n", "line thirty\n");
    expect(parsePatch(roundTrip(before, far))[0].hunks).toHaveLength(2);
    const near = before.replace("line 3\n", "line three\n").replace("line 9\n", "line nine\n");
    expect(parsePatch(roundTrip(before, near))[0].hunks).toHaveLength(1);
  });

  it("handles created, deleted and renamed files", () => {
    const created = unifiedDiff({ path: "new.py", before: null, after: "a\nb\n" });
    expect(created).toContain("new file mode 100644\nindex 0000000000..");
    expect(created).toContain("--- /dev/null\n+++ b/new.py\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    const deleted = unifiedDiff({ path: "old.py", before: "a\n", after: null });
    expect(deleted).toContain("deleted file mode 100644");
    expect(deleted).toContain("--- a/old.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n");
    const renamed = unifiedDiff({ path: "a.py", newPath: "b.py", before: "x\n", after: "x\n" });
    expect(renamed).toBe("diff --git a/a.py b/b.py\nsimilarity index 100%\nrename from a.py\nrename to b.py\n");
    const files = applyPatch(new Map([["old.py", "a\n"], ["a.py", "x\n"]]), gitDiff([
      { path: "new.py", before: null, after: "a\nb\n" },
      { path: "old.py", before: "a\n", after: null },
      { path: "a.py", newPath: "b.py", before: "x\n", after: "x\n" },
    ]));
    expect(Object.fromEntries(files)).toEqual({ "new.py": "a\nb\n", "b.py": "x\n" });
  });

  it("marks a missing newline at end of file", () => {
    const diff = roundTrip("a\nb", "a\nb\n");
    expect(diff).toContain("-b\n\\ No newline at end of file\n+b\n");
  });

  it("is empty for unchanged files", () => {
    expect(unifiedDiff({ path: "a", before: "x\n", after: "x\n" })).toBe("");
    expect(diffHunks("x\n", "x\n")).toBe("");
  });

  it("round-trips random edits with consistent hunk counts", () => {
    const rng = createRng(7);
    for (let round = 0; round < 200; round++) {
      const lines = Array.from({ length: rng.int(0, 60) }, () => rng.pick(["a", "b", "c", "", "    return x"]));
      const edited = lines.slice();
      for (let k = rng.int(1, 5); k > 0; k--) {
        const at = rng.int(0, edited.length);
        if (rng.chance(0.5) && at < edited.length) edited.splice(at, rng.int(1, 3));
        else edited.splice(at, 0, ...Array.from({ length: rng.int(1, 3) }, () => rng.pick(["d", "e", "a"])));
      }
      const join = (ls: string[]) => (ls.length ? ls.join("\n") + (rng.chance(0.9) ? "\n" : "") : "");
      roundTrip(join(lines), join(edited));
    }
  });
});
