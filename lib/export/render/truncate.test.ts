import { describe, expect, it } from "vitest";
import { call, makeExportEpisode, output, text } from "@/lib/testing/make-export-episode";
import { renderChat } from "./chat";
import { renderText } from "./text";
import { fitToBudget } from "./truncate";

const chars = { name: "chars", count: (t: string) => t.length };
const entry = { id: "1-0-0", component: "main", split: "train" as const, copy: 0 };

// Tokens (characters) per message: task 4, each call '{"command":"ls"}' 16 + name 4, each result 10.
const rollout = makeExportEpisode([
  { role: "user", parts: [text("task")] },
  { role: "assistant", parts: [call("bash", { command: "ls" }, "a")] },
  { role: "tool", parts: [output("0123456789", "a")] },
  { role: "assistant", parts: [call("bash", { command: "ls" }, "b"), call("bash", { command: "ls" }, "c")] },
  { role: "tool", parts: [output("0123456789", "b")] },
  { role: "tool", parts: [output("0123456789", "c")] },
  { role: "assistant", parts: [text("done")] },
]);

function chat(maxTokens: number | undefined, overLimit: "drop" | "truncate") {
  return renderChat(rollout, entry, { tokenizer: chars, budget: { maxTokens, overLimit } });
}

describe("chat truncation", () => {
  it("keeps a record within the limit whole", () => {
    const result = chat(4 + 20 + 10 + 40 + 20 + 4, "truncate");
    expect(result).toMatchObject({ tokens: 98, truncatedAtStep: null });
  });

  it("drops a record over the limit when overLimit is drop", () => {
    expect(chat(97, "drop")).toEqual({ dropped: "over_max_tokens" });
  });

  it("keeps the longest prefix of whole steps that fits", () => {
    const result = chat(94, "truncate");
    if ("dropped" in result) throw new Error("dropped");
    expect(result.truncatedAtStep).toBe(6);
    expect(result.tokens).toBe(94);
    expect(result.record.messages.map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant", "tool", "tool"]);
    expect(result.record.meta).toMatchObject({ tokens: 94, truncated_at_step: 6 });
  });

  it("never ends inside a turn's tool results: the turn goes whole", () => {
    // 84 would fit the second turn's first result but not its second.
    const result = chat(84, "truncate");
    if ("dropped" in result) throw new Error("dropped");
    expect(result.truncatedAtStep).toBe(3);
    expect(result.record.messages.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    expect(result.record.tools).toHaveLength(1);
  });

  it("drops the record when not even the first assistant turn fits", () => {
    expect(chat(33, "truncate")).toEqual({ dropped: "over_max_tokens" });
    expect(chat(34, "truncate")).toMatchObject({ truncatedAtStep: 3, tokens: 34 });
  });
});

describe("text truncation", () => {
  it("cuts xml-rollout text at a step boundary, leaves out the final patch, and checks the exact count", () => {
    const episode = { ...rollout, finalPatch: "diff --git a/x b/x\n" };
    const whole = renderText(episode, entry, { tokenizer: chars, budget: { overLimit: "truncate" }, template: "xml-rollout" });
    if ("dropped" in whole) throw new Error("dropped");
    expect(whole.record.text).toContain("<|final_patch|>");
    const result = renderText(episode, entry, { tokenizer: chars, budget: { maxTokens: whole.tokens - 1, overLimit: "truncate" }, template: "xml-rollout" });
    if ("dropped" in result) throw new Error("dropped");
    expect(result.truncatedAtStep).toBe(6);
    expect(result.record.text).not.toContain("<|final_patch|>");
    expect(result.tokens).toBe(result.record.text.length);
    expect(result.record.text.endsWith("OBSERVATION:\n0123456789")).toBe(true);
  });
});

describe("fitToBudget", () => {
  it("backs off further when the exact count of a cut exceeds the estimate", () => {
    const fit = fitToBudget(
      {
        steps: [0, 1, 2],
        unitTokens: () => [5, 5, 5],
        totalTokens: 15,
        isValidEnd: () => true,
        hasAssistant: () => true,
        exactTokens: (end) => end * 5 + 2,
      },
      { maxTokens: 11, overLimit: "truncate" },
    );
    expect(fit).toEqual({ end: 1, tokens: 7, truncatedAtStep: 1 });
  });
});
