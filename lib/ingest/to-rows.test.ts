import { describe, expect, it } from "vitest";
import type { NormalizedEpisode } from "@/lib/formats/episode";
import { makeEpisode } from "@/lib/testing/make-episode";
import { computeQuality } from "@/lib/quality";
import { cleanText, jsonText, SEARCH_TEXT_LIMITS, searchText, stepText, toRows, touchedPaths } from "./to-rows";

function episode(text: string): NormalizedEpisode {
  return makeEpisode(
    [
      { role: "assistant", parts: [{ type: "reasoning", text: "look" }, { type: "tool_call", name: "bash", arguments: { command: "ls" } }] },
      { role: "tool", parts: [{ type: "observation", text, exitCode: 1 }] },
    ],
    { instanceId: "a__b-1", repo: "a/b", taskText: text },
  );
}

describe("text PostgreSQL can store", () => {
  it("replaces NUL and unpaired surrogates, and keeps everything else", () => {
    expect(cleanText("a\u0000b\ud800c😀")).toBe("a\uFFFDb\uFFFDc😀");
    expect(cleanText(null)).toBeNull();
    expect(JSON.parse(jsonText({ t: "a\u0000b\udc00c😀" }))).toEqual({ t: "a\uFFFDb\uFFFDc😀" });
  });

  it("leaves a literal backslash-u sequence alone", () => {
    const literal = "path\\u0000 and \\ud800";
    expect(JSON.parse(jsonText({ t: literal }))).toEqual({ t: literal });
    expect(JSON.parse(jsonText({ t: `\\\u0000` }))).toEqual({ t: "\\\uFFFD" });
  });
});

describe("toRows", () => {
  it("derives step kinds, tool names, exit codes and searchable text", () => {
    const e = episode("Traceback\u0000");
    const rows = toRows(e, { sourceFile: "f.jsonl", sourceLocation: 3, rawText: "{}" }, computeQuality(e));
    expect(rows.steps.map((s) => [s.kind, s.toolName, s.exitCode])).toEqual([
      ["tool_call", "bash", null],
      ["observation", null, 1],
    ]);
    expect(rows.steps[0].text).toBe("look\n\nls");
    expect(rows.steps[1].text).toBe("Traceback\uFFFD");
    expect(rows.content.sourceLocation).toBe(3);
    expect(stepText(e.steps[0])).toBe("look\n\nls");
  });

  it("hashes content, not provenance", () => {
    const e = episode("x");
    const q = computeQuality(e);
    const a = toRows(e, { sourceFile: "a", sourceLocation: 1, rawText: "{}" }, q);
    const b = toRows(e, { sourceFile: "b", sourceLocation: 9, rawText: "{ }" }, q);
    expect(a.contentHash).toBe(b.contentHash);
    const c = toRows(episode("y"), { sourceFile: "a", sourceLocation: 1, rawText: "{}" }, q);
    expect(c.contentHash).not.toBe(a.contentHash);
  });
});

describe("filter columns and the search document", () => {
  it("lists distinct tools and the paths the patch and the edit steps touched", () => {
    const e = makeEpisode(
      [
        { role: "assistant", parts: [{ type: "tool_call", id: "1", name: "str_replace_editor", arguments: {} }] },
        { role: "assistant", parts: [{ type: "file_edit", path: "tests/test_a.py", operation: "create", newText: "x" }] },
        { role: "assistant", parts: [{ type: "tool_call", id: "2", name: "bash", arguments: { command: "ls" } }] },
        { role: "assistant", parts: [{ type: "tool_call", id: "3", name: "bash", arguments: { command: "pwd" } }] },
      ] as NormalizedEpisode["steps"],
      { finalPatch: "diff --git a/src/app.py b/src/app.py\n--- a/src/app.py\n+++ b/src/app.py\n@@ -1 +1 @@\n-a\n+b\n" },
    );
    const rows = toRows(e, { sourceFile: "f", sourceLocation: 1, rawText: "{}" }, computeQuality(e));
    expect(rows.episode.tools).toEqual(["bash", "str_replace_editor"]);
    expect(touchedPaths(e).split("\n")).toEqual(["src/app.py", "tests/test_a.py"]);
    expect(rows.episode.touchedPaths).toBe("src/app.py\ntests/test_a.py");
  });

  it("indexes task, patch and steps in order, each within its limit", () => {
    const steps = [{ text: "first" }, { text: "x".repeat(SEARCH_TEXT_LIMITS.steps) }, { text: "never" }];
    const text = searchText("task", "patch", steps);
    expect(text.startsWith("task patch first ")).toBe(true);
    expect(text).not.toContain("never");
    expect(text.length).toBe("task patch ".length + SEARCH_TEXT_LIMITS.steps);
    expect(searchText("t".repeat(SEARCH_TEXT_LIMITS.task + 5), null, []).length).toBe(SEARCH_TEXT_LIMITS.task + 2);
  });
});
