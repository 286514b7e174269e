import { describe, expect, it } from "vitest";
import { hasFixtures } from "@/lib/testing/fixtures";
import { fixtureEpisodes } from "./fixture-episodes";
import { hunkSide, parseUnifiedDiff } from "./unified";

const fixturesWithPatches = [
  "01_swe-agent-v0_pydicom__pydicom-1458.traj",
  "03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj",
  "05_mini-swe-agent-1_django__django-15731.traj.json",
  "07_mini-swe-agent-1_django__django-16950.traj.json",
  "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json",
  "10_openhands-v0_multi-swe-bench_output.jsonl",
  "12_swe-gym_openhands-sampled-trajectories_5rows.json",
];

/** What a reader counts by eye: `+`/`-` lines that are not file markers. */
function countChanges(patch: string): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const line of patch.split("\n")) {
    if (line.startsWith("+") && !line.startsWith("+++ ")) additions++;
    if (line.startsWith("-") && !line.startsWith("--- ")) deletions++;
  }
  return { additions, deletions };
}

describe.skipIf(!hasFixtures)("unified diffs from the fixtures", () => {
  it("01: one modified file, one hunk at line 285, +3 -2", () => {
    const [episode] = fixtureEpisodes("01_swe-agent-v0_pydicom__pydicom-1458.traj");
    const files = parseUnifiedDiff(episode.finalPatch);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatchObject({
      path: "pydicom/pixel_data_handlers/numpy_handler.py",
      oldPath: "pydicom/pixel_data_handlers/numpy_handler.py",
      status: "modified",
      isBinary: false,
      additions: 3,
      deletions: 2,
    });
    expect(file.hunks).toHaveLength(1);
    expect(file.hunks[0]).toMatchObject({ oldStart: 285, oldLines: 9, newStart: 285, newLines: 10, section: 'def get_pixeldata(ds: "Dataset", read_only: bool = False) -> "np.ndarray":' });
    expect(hunkSide(file.hunks[0], "new")).toContain("    if 'PixelData' in ds:");
  });

  it("09: the 868 KB patch has 66 files, 65 of them new build artefacts, every line counted", () => {
    const [episode] = fixtureEpisodes("09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json");
    const patch = episode.finalPatch ?? "";
    expect(patch.length).toBeGreaterThan(800_000);
    const files = parseUnifiedDiff(patch);
    expect(files).toHaveLength(66);
    expect(files.filter((f) => f.status === "added")).toHaveLength(65);
    expect(files.filter((f) => f.path.startsWith("build/lib/"))).toHaveLength(65);
    const modified = files.filter((f) => f.status === "modified").map((f) => f.path);
    expect(modified).toEqual(["requests/models.py"]);
    const total = files.reduce((sum, f) => ({ additions: sum.additions + f.additions, deletions: sum.deletions + f.deletions }), { additions: 0, deletions: 0 });
    expect(total).toEqual(countChanges(patch));
  });

  it("every hunk of every fixture patch holds exactly the lines its header announces", () => {
    let hunks = 0;
    for (const name of fixturesWithPatches) {
      for (const episode of fixtureEpisodes(name)) {
        if (!episode.finalPatch) continue;
        const files = parseUnifiedDiff(episode.finalPatch);
        expect(files.length, name).toBeGreaterThan(0);
        expect(files.map((f) => f.path)).toEqual((episode.finalPatch.match(/^diff --git a\/\S+ b\/(\S+)$/gm) ?? []).map((l) => l.split(" b/").pop()));
        for (const hunk of files.flatMap((f) => f.hunks)) {
          hunks++;
          expect(hunkSide(hunk, "old")).toHaveLength(hunk.oldLines);
          expect(hunkSide(hunk, "new")).toHaveLength(hunk.newLines);
        }
      }
    }
    expect(hunks).toBe(85);
  });

  it("OpenHands edit observations: plain ---/+++ diffs of absolute paths with zero-context hunks", () => {
    const [episode] = fixtureEpisodes("10_openhands-v0_multi-swe-bench_output.jsonl");
    const diff = episode.steps[31].parts.find((p) => p.type === "file_edit" && p.diff)!;
    if (diff.type !== "file_edit") throw new Error("expected an edit");
    const [file] = parseUnifiedDiff(diff.diff);
    expect(file.path).toBe("/workspace/ponylang__ponyc__0.1/src/libponyc/ast/parser.c");
    expect(file.hunks).toEqual([
      expect.objectContaining({ oldStart: 695, oldLines: 0, newStart: 696, newLines: 1, lines: [{ kind: "add", text: "  SET_FLAG(AST_FLAG_IN_PARENS);" }] }),
    ]);
  });
});

const renamed = `diff --git a/old name.py b/new name.py
similarity index 90%
rename from old name.py
rename to new name.py
index 1111111..2222222 100644
--- a/old name.py
+++ b/new name.py
@@ -1,2 +1,2 @@
 keep
-old
+new
`;

describe("unified diffs: git's special cases", () => {
  it("new, deleted, renamed, binary and mode-only files", () => {
    const patch = [
      "diff --git a/src/new.py b/src/new.py\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/src/new.py\n@@ -0,0 +1,2 @@\n+a\n+b\n",
      "diff --git a/src/gone.py b/src/gone.py\ndeleted file mode 100644\nindex 1111111..0000000\n--- a/src/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n",
      renamed,
      "diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000..3333333\nBinary files /dev/null and b/logo.png differ\n",
      "diff --git a/lib.so b/lib.so\nindex 1..2 100644\nGIT binary patch\nliteral 10\nabcdefghij\n\nliteral 0\nHcmV?d00001\n\n",
      "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n",
      "diff --git a/a.txt b/b.txt\nsimilarity index 100%\nrename from a.txt\nrename to b.txt\n",
    ].join("");
    const files = parseUnifiedDiff(patch);
    expect(files.map((f) => [f.path, f.status, f.isBinary, f.additions, f.deletions])).toEqual([
      ["src/new.py", "added", false, 2, 0],
      ["src/gone.py", "deleted", false, 0, 1],
      ["new name.py", "renamed", false, 1, 1],
      ["logo.png", "added", true, 0, 0],
      ["lib.so", "modified", true, 0, 0],
      ["run.sh", "modified", false, 0, 0],
      ["b.txt", "renamed", false, 0, 0],
    ]);
    expect(files[1]).toMatchObject({ oldPath: "src/gone.py", newPath: null });
    expect(files[2]).toMatchObject({ oldPath: "old name.py", newPath: "new name.py" });
    expect(files[6]).toMatchObject({ oldPath: "a.txt", newPath: "b.txt" });
  });

  it("'\\ No newline at end of file' marks the side it follows", () => {
    const [file] = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n");
    expect(file.hunks[0]).toMatchObject({ oldNoNewline: true, newNoNewline: false });
    expect(file.hunks[0].lines).toEqual([
      { kind: "del", text: "old" },
      { kind: "add", text: "new" },
    ]);
    const [both] = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n same\n\\ No newline at end of file\n");
    expect(both.hunks[0]).toMatchObject({ oldNoNewline: true, newNoNewline: true });
  });

  it("quoted paths with octal escapes", () => {
    const [file] = parseUnifiedDiff('diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"\n--- "a/caf\\303\\251.txt"\n+++ "b/caf\\303\\251.txt"\n@@ -1 +1 @@\n-a\n+b\n');
    expect(file.path).toBe("café.txt");
  });

  it("a patch sent with CRLF line ends reads like the LF one; a CR inside a file line is content", () => {
    const lf = "diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n";
    expect(parseUnifiedDiff(lf.replace(/\n/g, "\r\n"))).toEqual(parseUnifiedDiff(lf));
    const [dos] = parseUnifiedDiff("diff --git a/x.bat b/x.bat\n--- a/x.bat\n+++ b/x.bat\n@@ -1 +1 @@\n-echo a\r\n+echo b\r\n");
    expect(dos.hunks[0].lines).toEqual([
      { kind: "del", text: "echo a\r" },
      { kind: "add", text: "echo b\r" },
    ]);
  });

  it("a context line whose leading space was stripped still counts", () => {
    const [file] = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n");
    expect(hunkSide(file.hunks[0], "old")).toEqual(["a", "", "b"]);
  });

  it("garbage, preambles and truncation never throw", () => {
    expect(parseUnifiedDiff(null)).toEqual([]);
    expect(parseUnifiedDiff("")).toEqual([]);
    expect(parseUnifiedDiff("just some text\nwith lines\n@@ -1 +1 @@\n-a\n+b\n")).toEqual([]);
    expect(parseUnifiedDiff("\u0000\u0001binary\uFFFD junk")).toEqual([]);
    expect(parseUnifiedDiff("diff --git\n@@ -x +y @@\n")).toEqual([]);
    const commitMessage = "From 123 Mon Sep 17 00:00:00 2001\nSubject: fix\n\n---\n x.py | 2 +-\n\n";
    const truncated = `${commitMessage}diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1,5 +1,5 @@\n a\n-b\n+c`;
    const [file] = parseUnifiedDiff(truncated);
    expect(file).toMatchObject({ path: "x.py", additions: 1, deletions: 1 });
    expect(file.hunks[0].lines).toHaveLength(3);
  });

  it("an added line that reads like a marker stays inside its hunk", () => {
    const [file] = parseUnifiedDiff("diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,3 @@\n a\n--- b\n+++ c\n++++ d\n");
    expect(file.hunks[0].lines).toEqual([
      { kind: "context", text: "a" },
      { kind: "del", text: "-- b" },
      { kind: "add", text: "++ c" },
      { kind: "add", text: "+++ d" },
    ]);
  });
});
