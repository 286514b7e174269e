import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { analyzePatch, HUGE_PATCH_BYTES, HUGE_PATCH_FILES, isJunkPath, isTestPath } from "./patch";

const fileDiff = (path: string, body = "@@ -1 +1 @@\n-a\n+b\n") =>
  `diff --git a/${path} b/${path}\nindex 1..2 100644\n--- a/${path}\n+++ b/${path}\n${body}`;

describe("analyzePatch", () => {
  it.each([null, "", "  \n\t\n"])("treats %j as empty", (patch) => {
    expect(analyzePatch(patch)).toMatchObject({ isEmpty: true, filesTouched: 0, isHuge: false, junkPaths: [] });
  });

  it("counts bytes in UTF-8 and files from git headers", () => {
    const patch = fileDiff("src/a.py", "@@ -1 +1 @@\n-x\n+é€😀\n") + fileDiff("src/b.py");
    const signals = analyzePatch(patch);
    expect(signals.bytes).toBe(Buffer.byteLength(patch));
    expect(signals).toMatchObject({ filesTouched: 2, isEmpty: false, isHuge: false, junkPaths: [], testFilesEdited: [] });
  });

  it("falls back to ---/+++ markers when there are no git headers", () => {
    const patch = "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n-- old\n++ new\n--- /dev/null\n+++ b/tests/test_new.py\n@@ -0,0 +1 @@\n+x\n";
    expect(analyzePatch(patch)).toMatchObject({ filesTouched: 2, testFilesEdited: ["tests/test_new.py"] });
  });

  it("ignores hunk lines that look like markers", () => {
    const patch = fileDiff("a.py", "@@ -1,2 +1,2 @@\n--- not a header\n+++ b/not/a/file.py\n");
    expect(analyzePatch(patch).filesTouched).toBe(1);
  });

  it("lists junk paths and binary diffs", () => {
    const patch = [
      fileDiff("src/ok.py"),
      fileDiff("build/lib/pkg/mod.py"),
      fileDiff("pkg.egg-info/PKG-INFO"),
      fileDiff("pkg/__pycache__/mod.cpython-39.pyc"),
      "diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0..1\nBinary files /dev/null and b/logo.png differ\n",
      "diff --git a/lib.so b/lib.so\nGIT binary patch\nliteral 10\nabc\n",
    ].join("");
    const signals = analyzePatch(patch);
    expect(signals.junkPaths).toEqual([
      "build/lib/pkg/mod.py",
      "pkg.egg-info/PKG-INFO",
      "pkg/__pycache__/mod.cpython-39.pyc",
      "lib.so",
      "logo.png",
    ]);
    expect(signals.hasBinary).toBe(true);
    expect(signals.filesTouched).toBe(6);
  });

  it("flags huge patches by size and by file count", () => {
    expect(analyzePatch(fileDiff("a.py", `@@ -0,0 +1 @@\n+${"x".repeat(HUGE_PATCH_BYTES)}\n`)).isHuge).toBe(true);
    const many = Array.from({ length: HUGE_PATCH_FILES + 1 }, (_, i) => fileDiff(`src/f${i}.py`)).join("");
    expect(analyzePatch(many)).toMatchObject({ isHuge: true, filesTouched: HUGE_PATCH_FILES + 1 });
    const limit = Array.from({ length: HUGE_PATCH_FILES }, (_, i) => fileDiff(`src/f${i}.py`)).join("");
    expect(analyzePatch(limit).isHuge).toBe(false);
  });

  it("caps listed paths at 50", () => {
    const patch = Array.from({ length: 80 }, (_, i) => fileDiff(`dist/f${i}.js`)).join("");
    expect(analyzePatch(patch).junkPaths).toHaveLength(50);
  });
});

describe("path classifiers", () => {
  it.each([
    "build/lib/requests/api.py",
    "dist/bundle.js",
    "packages/ui/dist/index.js",
    "requests.egg-info/SOURCES.txt",
    "a/__pycache__/b.cpython-311.pyc",
    "a/b.pyc",
    "web/node_modules/left-pad/index.js",
    "ext/_speedups.so",
    "obj/main.o",
    "bin/x.dll",
    "target/A.class",
    "wheelhouse/pkg-1.0-py3-none-any.whl",
    ".pytest_cache/v/cache/lastfailed",
  ])("junk: %s", (path) => expect(isJunkPath(path)).toBe(true));

  it.each(["src/build.py", "tools/build/config.py", "requests/models.py", "docs/distribution.md", "django/core/cache/backends/db.py"])(
    "not junk: %s",
    (path) => expect(isJunkPath(path)).toBe(false),
  );

  it.each([
    "tests/test_models.py",
    "django/tests/admin_inlines/models.py",
    "test/unit/a.js",
    "pkg/test_utils.py",
    "pkg/utils_test.py",
    "cmd/main_test.go",
    "src/app.spec.ts",
    "src/app.test.js",
    "conftest.py",
    "src/__tests__/a.tsx",
    "src/test/java/FooTest.java",
  ])("test: %s", (path) => expect(isTestPath(path)).toBe(true));

  it.each(["reproduce_issue.py", "numpy/testing/utils.py", "src/contest.py", "latest/x.py", "attestation.py"])(
    "not test: %s",
    (path) => expect(isTestPath(path)).toBe(false),
  );
});

describe.skipIf(!hasFixtures)("analyzePatch on fixture 09 (868 KB build/ patch)", () => {
  const submission = (readFixtureJson("09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json") as { info: { submission: string } })
    .info.submission;

  it("flags the patch as huge and full of junk", () => {
    const signals = analyzePatch(submission);
    expect(signals.bytes).toBe(868_176);
    expect(signals.filesTouched).toBe(66);
    expect(signals.isHuge).toBe(true);
    expect(signals.junkPaths).toHaveLength(50);
    expect(signals.junkPaths[0]).toBe("build/lib/requests/__init__.py");
    expect(signals.junkPaths).not.toContain("requests/models.py");
    expect(signals.hasBinary).toBe(false);
  });

  it("runs in linear time", () => {
    const started = performance.now();
    for (let i = 0; i < 10; i++) analyzePatch(submission);
    expect((performance.now() - started) / 10).toBeLessThan(100);
  });
});
