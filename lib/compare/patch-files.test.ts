import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { patchFiles } from "@/lib/quality/patch";
import { fixturePath, hasFixtures } from "@/lib/testing/fixtures";
import { pairPatchFiles, splitPatch } from "./patch-files";

const gitPatch = [
  "diff --git a/src/app.py b/src/app.py",
  "index 1111111..2222222 100644",
  "--- a/src/app.py",
  "+++ b/src/app.py",
  "@@ -1,2 +1,2 @@",
  "-x = 1",
  "+x = 2",
  " y = 3",
  "diff --git a/docs/read me.md b/docs/read me.md",
  "new file mode 100644",
  "--- /dev/null",
  "+++ b/docs/read me.md",
  "@@ -0,0 +1 @@",
  "+--- not a header",
  "",
].join("\n");

describe("splitPatch", () => {
  it("cuts a git patch at its file headers, keeping every line", () => {
    const files = splitPatch(gitPatch);
    expect(files.map((f) => f.path)).toEqual(["src/app.py", "docs/read me.md"]);
    expect(files[0].text.split("\n")[6]).toBe("+x = 2");
    expect(files.map((f) => f.text).join("")).toBe(gitPatch);
  });

  it("cuts a plain unified diff at its ---/+++ pairs, and a deleted file keeps its old path", () => {
    const plain = ["--- a/a.txt", "+++ b/a.txt", "@@ -1 +1 @@", "-a", "+b", "--- a/gone.txt", "+++ /dev/null", "@@ -1 +0,0 @@", "-bye", ""].join("\n");
    expect(splitPatch(plain).map((f) => f.path)).toEqual(["a.txt", "gone.txt"]);
  });

  it("gives nothing for an empty or missing patch", () => {
    expect(splitPatch(null)).toEqual([]);
    expect(splitPatch("")).toEqual([]);
  });
});

describe("pairPatchFiles", () => {
  it("lists files both patches touch first, then the rest", () => {
    const a = [{ path: "z.py", text: "A z" }, { path: "only-a.py", text: "A only" }, { path: "m.py", text: "A m" }];
    const b = [{ path: "m.py", text: "B m" }, { path: "b.py", text: "B only" }, { path: "z.py", text: "B z" }];
    expect(pairPatchFiles(a, b)).toEqual([
      { path: "m.py", a: "A m", b: "B m" },
      { path: "z.py", a: "A z", b: "B z" },
      { path: "b.py", a: null, b: "B only" },
      { path: "only-a.py", a: "A only", b: null },
    ]);
  });
});

describe.skipIf(!hasFixtures)("splitPatch on the 868 KB submission", () => {
  it("finds the same 66 files the quality check counts", () => {
    const record = JSON.parse(fs.readFileSync(fixturePath("09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json"), "utf8"));
    const patch: string = record.info.submission;
    const files = splitPatch(patch);
    expect(files.map((f) => f.path)).toEqual(patchFiles(patch).paths);
    expect(new Set(files.map((f) => f.path)).size).toBe(66);
    expect(files.map((f) => f.text).join("")).toBe(patch);
  });
});
