import { describe, expect, it } from "vitest";
import { defaultTokenCounter } from "@/lib/quality";
import { countEpisodeTokens } from "@/lib/quality/tokens";
import { call, makeExportEpisode, output, text, thought, type TestStep } from "@/lib/testing/make-export-episode";
import type { ExportEpisode } from "../types";
import { renderChat } from "./chat";

const entry = { id: "1-0-0", component: "main", split: "train" as const, copy: 0 };
const budget = { overLimit: "drop" as const };
/** A stored total no counting gives, so a record carrying it shows the import's count was used. */
const marker = 999_999;

function tokensOf(episode: ExportEpisode, tokenizer = defaultTokenCounter, maxTokens?: number): number | "dropped" {
  const result = renderChat(episode, entry, { tokenizer, budget: { ...budget, maxTokens } });
  return "dropped" in result ? "dropped" : result.tokens;
}

const stored = (steps: TestStep[], tokenizer = "o200k_base", total = marker) => makeExportEpisode(steps, { importTokens: { tokenizer, total } });

const rollout: TestStep[] = [
  { role: "system", parts: [text("You are an agent.")] },
  { role: "user", parts: [text("Fix the bug.")] },
  { role: "assistant", parts: [thought("Look first."), text("Listing."), call("bash", { path: ".", command: "ls -la" }, "c1")] },
  { role: "tool", parts: [output("a.py\nb.py\n", "c1")] },
  { role: "assistant", parts: [text("Done.")] },
];

describe("the import's token count", () => {
  it("equals counting the messages when they hold the counted texts verbatim", () => {
    const episode = makeExportEpisode(rollout);
    const imported = countEpisodeTokens({ steps: rollout.map((s) => ({ role: s.role, parts: s.parts })) } as Parameters<typeof countEpisodeTokens>[0]);
    expect(tokensOf(episode)).toBe(imported.total);
    expect(tokensOf(stored(rollout, "o200k_base", imported.total))).toBe(imported.total);
  });

  it("stands for the count when the messages are verbatim and the tokenizers match", () => {
    expect(tokensOf(stored(rollout))).toBe(marker);
  });

  it("is not used for another tokenizer, another import tokenizer, or without a stored count", () => {
    const counted = tokensOf(makeExportEpisode(rollout));
    expect(tokensOf(stored(rollout), { name: "o200k_base", count: defaultTokenCounter.count })).toBe(counted);
    expect(tokensOf(stored(rollout, "my-model"))).toBe(counted);
    expect(tokensOf(makeExportEpisode(rollout, { importTokens: null }))).toBe(counted);
  });

  it.each<[string, TestStep[]]>([
    ["two message parts joined", [{ role: "assistant", parts: [text("a"), text("b")] }]],
    ["two reasoning parts joined", [{ role: "assistant", parts: [thought("a"), thought("b"), call("x", {})] }]],
    ["a user step's texts joined", [{ role: "user", parts: [text("a"), thought("b")] }]],
    ["a file snapshot's prefix", [{ role: "user", parts: [output("x = 1")], meta: { section: "file", path: "a.py" } }]],
    ["a dropped step", [{ role: "assistant", parts: [text("a")] }, { role: "user", parts: [text("b")], mask: "drop" }]],
    ["raw call arguments", [{ role: "assistant", parts: [{ type: "tool_call", name: "x", arguments: { raw: "{oops" }, parseError: "bad JSON" }] }]],
    ["an edit rendered as a synthesized call", [{ role: "assistant", parts: [{ type: "file_edit", path: "a.py", operation: "create", newText: "x" }] }]],
    ["an edit of a tool step, not rendered", [{ role: "assistant", parts: [call("x", {})] }, { role: "tool", parts: [output("ok"), { type: "file_edit", path: "a.py", operation: "create", newText: "x" }] }]],
    ["a character storage replaced", [{ role: "assistant", parts: [text("bad \uFFFD byte")] }]],
  ])("is not used with %s", (_name, steps) => {
    expect(tokensOf(stored(steps))).toBe(tokensOf(makeExportEpisode(steps)));
    expect(tokensOf(stored(steps))).not.toBe(marker);
  });

  it("cuts with per-message counts", () => {
    const whole = tokensOf(makeExportEpisode(rollout)) as number;
    const options = { tokenizer: defaultTokenCounter, budget: { maxTokens: whole - 1, overLimit: "truncate" as const } };
    const reused = renderChat(makeExportEpisode(rollout, { importTokens: { tokenizer: "o200k_base", total: whole } }), entry, options);
    expect(reused).toEqual(renderChat(makeExportEpisode(rollout), entry, options));
    expect("dropped" in reused ? null : reused.truncatedAtStep).toBe(4);
  });
});
