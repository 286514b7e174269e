import { describe, expect, it } from "vitest";
import { partsText, stepPreview } from "./step-preview";

describe("stepPreview", () => {
  it("keeps short text whole", () => {
    expect(stepPreview("ls -la\nsetup.py")).toEqual({ text: "ls -la\nsetup.py", isClipped: false });
  });

  it("strips ANSI colour and title sequences", () => {
    expect(stepPreview("\u001b[31mFAILED\u001b[0m test_x \u001b]0;title\u0007done").text).toBe("FAILED test_x done");
  });

  it("clips to twelve lines and to 1,500 characters", () => {
    const many = Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n");
    expect(stepPreview(many)).toEqual({ text: many.split("\n").slice(0, 12).join("\n"), isClipped: true });
    const long = "x".repeat(100_000);
    expect(stepPreview(long)).toEqual({ text: "x".repeat(1_500), isClipped: true });
  });
});

describe("partsText", () => {
  it("reads a step from its parts: commands, edits and texts in order", () => {
    expect(
      partsText([
        { type: "reasoning", text: "look first" },
        { type: "tool_call", name: "bash", arguments: { command: "ls -la" } },
        { type: "tool_call", name: "finish", arguments: {} },
        { type: "file_edit", path: "a.py", operation: "str_replace" },
        { type: "observation", text: "" },
      ]),
    ).toBe("look first\n\nbash: ls -la\n\nfinish {}\n\nstr_replace a.py");
  });
});
