import { describe, expect, it } from "vitest";
import { taskTextFromPrompt } from "./task-text";

describe("taskTextFromPrompt", () => {
  it("extracts the PR description and drops mini-swe-agent's lead-in", () => {
    const prompt = "<pr_description>\nConsider the following PR description:\nFix the bug.\n</pr_description>\n<instructions>…";
    expect(taskTextFromPrompt(prompt)).toBe("Fix the bug.");
  });

  it("extracts the SWE-agent 0.x issue section", () => {
    const prompt = "We're solving this issue:\nISSUE:\nPixel data fails\n\nINSTRUCTIONS:\nNow, you're going to…";
    expect(taskTextFromPrompt(prompt)).toBe("Pixel data fails");
  });

  it("returns null when the prompt has no known wrapper", () => {
    expect(taskTextFromPrompt("Please fix the failing test.")).toBeNull();
    expect(taskTextFromPrompt("<pr_description>never closed")).toBeNull();
  });
});
