import { describe, expect, it } from "vitest";
import { normalizedEpisodeSchema, type NormalizedEpisode } from "./episode";
import { RecordError } from "./format-module";
import { prSampleFormat } from "./pr-sample";

const clickSample = {
  format: "atelier-pr-v1",
  repo: {
    name: "pallets/click",
    url: "https://github.com/pallets/click",
    license: "BSD-3-Clause",
    language: "Python",
    description: "Python composable command line interface toolkit",
    stars: 15800,
  },
  base_commit: "8a8ebd5ea3a9e4f2c2cbbd4c3e0b6a4f1c8a2f10",
  issue: {
    number: 2839,
    title: "Boolean flag ignores default=True when flag_value is set",
    body: "With `@click.option('--shout', is_flag=True, flag_value=True, default=True)` the value is False when the flag is absent.",
  },
  pull_request: {
    number: 2840,
    title: "Respect flag_value defaults",
    body: "Fixes #2839. The default is now converted before comparing with flag_value.",
    url: "https://github.com/pallets/click/pull/2840",
    merged_at: "2024-11-03T10:12:00Z",
  },
  files: [
    {
      path: "src/click/core.py",
      content: "class Option(Parameter):\n    def get_default(self, ctx):\n        if self.is_flag and not self.is_bool_flag:\n            return None\n",
      language: "python",
    },
    { path: "CHANGES.rst", content: "Version 8.1.8\n-------------\n\nUnreleased\n" },
  ],
  edits: [
    {
      op: "str_replace",
      path: "src/click/core.py",
      old: "        if self.is_flag and not self.is_bool_flag:\n            return None\n",
      new: "        if self.is_flag and not self.is_bool_flag:\n            return self.flag_value if self.default else None\n",
    },
    { op: "insert", path: "CHANGES.rst", line: 4, text: "\n-   Respect ``default`` for flags with a ``flag_value``. :issue:`2839`\n" },
    { op: "create", path: "tests/test_flag_default.py", content: "def test_flag_default(runner):\n    assert True\n" },
  ],
  commits: [
    {
      sha: "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c",
      message: "Respect flag_value defaults",
      diff: "diff --git a/src/click/core.py b/src/click/core.py\n--- a/src/click/core.py\n+++ b/src/click/core.py\n@@ -3,2 +3,2 @@\n-            return None\n+            return self.flag_value if self.default else None",
    },
    {
      sha: "2a3b4c5d6e7f80912a3b4c5d6e7f80912a3b4c5d",
      message: "Add changelog entry and test",
      diff: "diff --git a/CHANGES.rst b/CHANGES.rst\n--- a/CHANGES.rst\n+++ b/CHANGES.rst\n@@ -4,0 +5,2 @@\n+\n+-   Respect ``default`` for flags with a ``flag_value``. :issue:`2839`\n",
    },
  ],
  summary: "Boolean flags with a flag_value now honour default=True.",
  meta: { collector: "pr-miner 0.3" },
};

/** No linked issue, an explicit id, file deletions and renames, no licence. */
const tokioSample = {
  format: "atelier-pr-v1",
  id: "tokio-rs__tokio-6921-docs",
  repo: { name: "tokio-rs/tokio", language: "Rust" },
  issue: null,
  pull_request: { number: 6921, title: "docs: move the runtime guide", body: "" },
  edits: [
    { op: "rename", path: "docs/runtime.md", new_path: "tokio/docs/runtime.md" },
    { op: "delete", path: "docs/old-runtime.md" },
  ],
  commits: [{ sha: "9c8b7a6", message: "docs: move the runtime guide", diff: "" }],
};

function parseOne(record: unknown): NormalizedEpisode {
  const result = prSampleFormat.parse(record, { fileName: "samples.jsonl", location: 1 });
  if (result.type !== "episodes") throw new Error("expected episodes");
  expect(result.episodes).toHaveLength(1);
  return normalizedEpisodeSchema.parse(result.episodes[0]);
}

function errorOf(record: unknown): { field: string; reason: string } {
  try {
    prSampleFormat.parse(record, { fileName: "samples.jsonl", location: 1 });
  } catch (error) {
    if (error instanceof RecordError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error("expected a RecordError");
}

describe("atelier-pr samples", () => {
  it("detects only its own format tag", () => {
    const hints = { fileName: "samples.jsonl", container: "jsonl" as const };
    expect(prSampleFormat.detect(clickSample, hints)).toBe(0.99);
    expect(prSampleFormat.detect({ ...clickSample, format: "atelier-pr-v2" }, hints)).toBe(0);
    expect(prSampleFormat.detect([clickSample], { ...hints, container: "document" })).toBe(0);
  });

  it("normalizes a full sample in the linearization order", () => {
    const episode = parseOne(clickSample);
    expect(episode).toMatchObject({
      kind: "contextual",
      sourceFormat: "atelier-pr",
      formatVersion: "atelier-pr-v1",
      instanceId: "pallets__click-2840",
      repo: "pallets/click",
      baseCommit: "8a8ebd5ea3a9e4f2c2cbbd4c3e0b6a4f1c8a2f10",
      agent: null,
      model: null,
    });
    expect(episode.taskText).toBe(`${clickSample.issue.title}\n\n${clickSample.issue.body}`);
    expect(episode.finalPatch).toBe(`${clickSample.commits[0].diff}\n${clickSample.commits[1].diff}`);
    expect(episode.pullRequest).toMatchObject({
      number: 2840,
      url: "https://github.com/pallets/click/pull/2840",
      license: "BSD-3-Clause",
      issue: { number: 2839, title: clickSample.issue.title },
      summary: "Boolean flags with a flag_value now honour default=True.",
    });
    expect(episode.pullRequest?.files[1]).toEqual({ path: "CHANGES.rst", content: clickSample.files[1].content, language: null });
    expect(episode.pullRequest?.commits).toHaveLength(2);
    expect(episode.meta).toEqual({
      collector: "pr-miner 0.3",
      repoUrl: "https://github.com/pallets/click",
      repoDescription: "Python composable command line interface toolkit",
      language: "Python",
      stars: 15800,
      mergedAt: "2024-11-03T10:12:00Z",
    });

    expect(episode.steps.map((s) => `${s.role}:${s.meta?.section}`)).toEqual([
      "system:repository",
      "user:issue",
      "user:pull_request",
      "tool:file",
      "tool:file",
      "assistant:edit",
      "assistant:edit",
      "assistant:edit",
      "assistant:commit",
      "assistant:commit",
    ]);
    const [context, issue, pr, file] = episode.steps;
    expect(context.parts[0]).toEqual({
      type: "message",
      text: "Repository: pallets/click\nDescription: Python composable command line interface toolkit\nLanguage: Python\nLicense: BSD-3-Clause",
    });
    expect(issue.parts[0]).toMatchObject({ text: expect.stringMatching(/^Issue #2839: Boolean flag ignores/) });
    expect(pr.parts[0]).toMatchObject({ text: expect.stringMatching(/^Pull request #2840: Respect flag_value defaults\n\nFixes #2839/) });
    expect(file).toEqual({
      role: "tool",
      parts: [{ type: "observation", text: clickSample.files[0].content, toolName: "read_file" }],
      meta: { section: "file", path: "src/click/core.py", language: "python" },
    });
    expect(episode.steps.slice(5, 8).map((s) => s.parts[0])).toEqual([
      { type: "file_edit", path: "src/click/core.py", operation: "str_replace", oldText: clickSample.edits[0].old, newText: clickSample.edits[0].new },
      { type: "file_edit", path: "CHANGES.rst", operation: "insert", insertLine: 4, newText: clickSample.edits[1].text },
      { type: "file_edit", path: "tests/test_flag_default.py", operation: "create", newText: clickSample.edits[2].content },
    ]);
    expect(episode.steps[9]).toEqual({
      role: "assistant",
      parts: [{ type: "message", text: "Add changelog entry and test" }],
      meta: { section: "commit", sha: "2a3b4c5d6e7f80912a3b4c5d6e7f80912a3b4c5d" },
    });
  });

  it("falls back to the PR text without an issue, and keeps deletes and renames", () => {
    const episode = parseOne(tokioSample);
    expect(episode.instanceId).toBe("tokio-rs__tokio-6921-docs");
    expect(episode.taskText).toBe("docs: move the runtime guide");
    expect(episode.finalPatch).toBeNull();
    expect(episode.baseCommit).toBeNull();
    expect(episode.pullRequest).toMatchObject({ issue: null, license: null, url: null, summary: null, files: [] });
    expect(episode.steps.map((s) => s.meta?.section)).toEqual(["repository", "pull_request", "edit", "edit", "commit"]);
    expect(episode.steps[0].parts[0]).toEqual({ type: "message", text: "Repository: tokio-rs/tokio\nLanguage: Rust" });
    expect(episode.steps[2].parts[0]).toEqual({ type: "file_edit", path: "docs/runtime.md", operation: "rename", newPath: "tokio/docs/runtime.md" });
    expect(episode.steps[3].parts[0]).toEqual({ type: "file_edit", path: "docs/old-runtime.md", operation: "delete" });
    expect(parseOne({ ...tokioSample, id: undefined }).instanceId).toBe("tokio-rs__tokio-6921");
  });

  it("rejects broken samples naming the exact field", () => {
    const edits = clickSample.edits;
    expect(errorOf("not a sample").field).toBe("$");
    expect(errorOf({ ...clickSample, format: "atelier-pr-v0" }).field).toBe("format");
    expect(errorOf({ ...clickSample, repo: { name: "click" } })).toEqual({ field: "repo.name", reason: "expected owner/name" });
    expect(errorOf({ ...clickSample, base_commit: "abc" }).field).toBe("base_commit");
    expect(errorOf({ ...clickSample, pull_request: { ...clickSample.pull_request, number: "2840" } }).field).toBe("pull_request.number");
    expect(errorOf({ ...clickSample, pull_request: undefined }).field).toBe("pull_request");
    expect(errorOf({ ...clickSample, issue: { number: 1 } }).field).toBe("issue.title");
    expect(errorOf({ ...clickSample, files: [clickSample.files[0], { path: "a.py" }] }).field).toBe("files[1].content");
    expect(errorOf({ ...clickSample, edits: [edits[0], edits[1], { ...edits[2], path: "" }] }).field).toBe("edits[2].path");
    expect(errorOf({ ...clickSample, edits: [{ op: "chmod", path: "x" }] }).field).toBe("edits[0].op");
    expect(errorOf({ ...clickSample, edits: [{ op: "insert", path: "x", line: -1, text: "" }] }).field).toBe("edits[0].line");
    expect(errorOf({ ...clickSample, edits: [{ op: "rename", path: "x" }] }).field).toBe("edits[0].new_path");
    expect(errorOf({ ...clickSample, commits: [{ sha: "1", message: "m" }] }).field).toBe("commits[0].diff");
    const several = errorOf({ ...clickSample, repo: { name: "click" }, pull_request: null });
    expect(several.reason).toMatch(/and 1 more issue/);
  });
});
