import { describe, expect, it } from "vitest";
import { hasFixtures } from "@/lib/testing/fixtures";
import { fixtureEpisodes } from "./fixture-episodes";
import { compareResults, fileRegions, pairFiles } from "./regions";
import { parseUnifiedDiff } from "./unified";

/** A gold-style fix for django-15731 (`functools.wraps` in the manager), written against the same base. */
const goldPatch = `diff --git a/django/db/models/manager.py b/django/db/models/manager.py
--- a/django/db/models/manager.py
+++ b/django/db/models/manager.py
@@ -1,5 +1,6 @@
 import copy
 import inspect
+from functools import wraps
 from importlib import import_module
 
 from django.db import router
@@ -81,11 +82,10 @@ def check(self, **kwargs):
     @classmethod
     def _get_queryset_methods(cls, queryset_class):
         def create_method(name, method):
+            @wraps(method)
             def manager_method(self, *args, **kwargs):
                 return getattr(self.get_queryset(), name)(*args, **kwargs)
 
-            manager_method.__name__ = method.__name__
-            manager_method.__doc__ = method.__doc__
             return manager_method
 
         new_methods = {}
`;

describe.skipIf(!hasFixtures)("regions of real patches", () => {
  const [episode] = fixtureEpisodes("05_mini-swe-agent-1_django__django-15731.traj.json");
  const agent = parseUnifiedDiff(episode.finalPatch);

  it("before/after of each region, a header line opening every region that does not start the file", () => {
    const { original, modified } = fileRegions(agent[0]);
    const before = original.split("\n");
    const after = modified.split("\n");
    expect(before.slice(0, 4)).toEqual(["import copy", "import inspect", "from importlib import import_module", "@@ -81,11 +82,10 @@ class BaseManager:"]);
    expect(after.slice(0, 5)).toEqual(["import functools", "import copy", "import inspect", "from importlib import import_module", "@@ -81,11 +82,10 @@ class BaseManager:"]);
    expect(before).toContain("            manager_method.__name__ = method.__name__");
    expect(after).not.toContain("            manager_method.__name__ = method.__name__");
    expect(after).toContain("            @functools.wraps(method)");
    // 3 + 11 old lines and 4 + 10 new lines, one header, a final newline.
    expect(before).toHaveLength(3 + 1 + 11 + 1);
    expect(after).toHaveLength(4 + 1 + 10 + 1);
  });

  it("agent vs gold: both results over the union of the regions, in base line numbers", () => {
    const pairs = pairFiles(agent, parseUnifiedDiff(goldPatch));
    expect(pairs.map((p) => [p.path, Boolean(p.left), Boolean(p.right)])).toEqual([
      ["django/db/models/manager.py", true, true],
      ["tests/managers_regress/tests.py", true, false],
    ]);
    const manager = compareResults(pairs[0].left, pairs[0].right);
    expect(manager.original.split("\n").slice(0, 7)).toEqual([
      "import functools",
      "import copy",
      "import inspect",
      "from importlib import import_module",
      "",
      "from django.db import router",
      "@@ base lines 81–91 @@",
    ]);
    expect(manager.modified.split("\n").slice(0, 7)).toEqual([
      "import copy",
      "import inspect",
      "from functools import wraps",
      "from importlib import import_module",
      "",
      "from django.db import router",
      "@@ base lines 81–91 @@",
    ]);
    expect(manager.original).toContain("            @functools.wraps(method)\n            def manager_method");
    expect(manager.modified).toContain("            @wraps(method)\n            def manager_method");

    // Gold leaves the test file alone: its side is the base lines the agent's hunk shows.
    const tests = compareResults(pairs[1].left, pairs[1].right);
    expect(tests.modified.split("\n")).toEqual([
      "@@ base lines 301–303 @@",
      "",
      "    def test_manager_class_getitem(self):",
      "        self.assertIs(models.Manager[Child1], models.Manager)",
      "",
    ]);
    expect(tests.original).toContain("class ManagerSignatureTests(TestCase):");
  });
});

describe("regions: edge cases", () => {
  it("an added file is all 'after'; a deleted one all 'before'", () => {
    const [added, deleted] = parseUnifiedDiff(
      "diff --git a/n.py b/n.py\nnew file mode 100644\n--- /dev/null\n+++ b/n.py\n@@ -0,0 +1,2 @@\n+a\n+b\n" +
        "diff --git a/d.py b/d.py\ndeleted file mode 100644\n--- a/d.py\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n",
    );
    expect(fileRegions(added)).toEqual({ original: "", modified: "a\nb\n" });
    expect(fileRegions(deleted)).toEqual({ original: "x\ny\n", modified: "" });
    expect(compareResults(added, null)).toEqual({ original: "a\nb\n", modified: "" });
    expect(compareResults(null, deleted)).toEqual({ original: "x\ny\n", modified: "" });
  });

  it("no newline at end of file shows on the side that lacks it", () => {
    const [file] = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n");
    expect(fileRegions(file)).toEqual({ original: "old", modified: "new\n" });
  });

  it("a pure insertion next to another patch's hunk joins its region", () => {
    const [left] = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -10,0 +11 @@\n+inserted\n");
    const [right] = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -9,2 +9,2 @@\n nine\n-ten\n+TEN\n");
    expect(compareResults(left, right)).toEqual({
      original: "@@ base lines 9–10 @@\nnine\nten\ninserted\n",
      modified: "@@ base lines 9–10 @@\nnine\nTEN\n",
    });
    expect(compareResults(left, null).original).toBe("@@ after base line 10 @@\ninserted\n");
  });
});
