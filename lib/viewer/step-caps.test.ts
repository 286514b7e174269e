import { describe, expect, it } from "vitest";
import type { StepPart } from "@/lib/formats/episode";
import { capParts, capText, scalarMeta } from "./step-caps";

describe("capText", () => {
  it("keeps short text and cuts long text to three quarters head, one quarter tail", () => {
    expect(capText("short", 10)).toEqual({ text: "short", clip: null });
    const text = "0123456789abcdefghij";
    expect(capText(text, 8)).toEqual({ text: "012345ij", clip: { at: 6, omittedChars: 12, omittedLines: 0 } });
  });

  it("counts the omitted newlines and never splits a surrogate pair", () => {
    const text = `${"a\n".repeat(10)}😀😀😀${"b\n".repeat(10)}`;
    const { text: cut, clip } = capText(text, 24);
    expect(cut.isWellFormed()).toBe(true);
    expect(clip!.omittedChars + cut.length).toBe(text.length);
    expect(clip!.omittedLines).toBe(text.slice(clip!.at, clip!.at + clip!.omittedChars).split("\n").length - 1);
  });
});

describe("capParts", () => {
  it("cuts observations, tool-call strings, huge structured arguments and edit bodies, and says where", () => {
    const big = "x".repeat(100);
    const parts: StepPart[] = [
      { type: "reasoning", text: "think" },
      { type: "tool_call", name: "str_replace_editor", arguments: { command: "create", file_text: big, lines: Array.from({ length: 50 }, (_, i) => i) } },
      { type: "observation", text: big, exitCode: 0 },
      { type: "file_edit", path: "a.py", operation: "create", newText: big },
    ];
    const { parts: capped, clips, chars } = capParts(parts, 40);
    expect(capped[0]).toEqual(parts[0]);
    expect(clips.map((c) => [c.part, c.field])).toEqual([
      [1, "arguments.file_text"],
      [1, "arguments.lines"],
      [2, "text"],
      [3, "newText"],
    ]);
    expect((capped[1] as { arguments: Record<string, unknown> }).arguments.command).toBe("create");
    expect((capped[2] as { text: string }).text).toHaveLength(40);
    expect(typeof (capped[1] as { arguments: Record<string, unknown> }).arguments.lines).toBe("string");
    expect(chars).toBeLessThanOrEqual(5 + 6 + 40 * 4 + 4);
  });

  it("changes nothing when everything fits", () => {
    const parts: StepPart[] = [{ type: "tool_call", name: "bash", arguments: { command: "ls", timeout: 30 } }];
    expect(capParts(parts, 100)).toEqual({ parts, clips: [], chars: 4 });
  });
});

describe("scalarMeta", () => {
  it("keeps short scalars and drops nested or long values", () => {
    expect(scalarMeta({ timestamp: "2025-01-01T00:00:00Z", executionTime: 1.5, mask: false, state: { cwd: "/" }, long: "x".repeat(500) })).toEqual({
      timestamp: "2025-01-01T00:00:00Z",
      executionTime: 1.5,
      mask: false,
    });
    expect(scalarMeta(null)).toEqual({});
    expect(scalarMeta([1])).toEqual({});
  });
});
