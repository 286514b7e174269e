import { describe, expect, it } from "vitest";
import type { NormalizedEpisode } from "@/lib/formats/episode";
import { makeEpisode } from "@/lib/testing/make-episode";
import { computeQuality } from "@/lib/quality";
import { cleanText, jsonText, stepText, toRows } from "./to-rows";

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
