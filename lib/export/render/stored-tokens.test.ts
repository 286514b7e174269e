import { describe, expect, it } from "vitest";
import { defaultTokenCounter } from "@/lib/quality";
import { countStepTokens } from "@/lib/quality/tokens";
import { call, makeExportEpisode, output, text, thought, type TestStep } from "@/lib/testing/make-export-episode";
import type { ExportEpisode } from "../types";
import { renderChat } from "./chat";

const entry = { id: "1-0-0", component: "main", split: "train" as const, copy: 0 };

function tokensOf(episode: ExportEpisode, tokenizer = defaultTokenCounter): number {
  const result = renderChat(episode, entry, { tokenizer, budget: { overLimit: "drop" } });
  if ("dropped" in result) throw new Error("dropped");
  return result.tokens;
}

/** What the import stores: every step's texts counted (lib/quality/tokens.ts), plus `offset`. */
function imported(steps: TestStep[], offset = 0, tokenizer = "o200k_base"): ExportEpisode {
  const total = steps.reduce((n, step) => n + countStepTokens(step, defaultTokenCounter), 0);
  return makeExportEpisode(steps, { importTokens: { tokenizer, total: total + offset } });
}

const rollout: TestStep[] = [
  { role: "system", parts: [text("You are an agent.")] },
  { role: "user", parts: [text("Fix the bug.")] },
  { role: "assistant", parts: [thought("Look first."), text("Listing."), call("bash", { path: ".", command: "ls -la" }, "c1")] },
  { role: "tool", parts: [output("a.py\nb.py\n", "c1")] },
  { role: "assistant", parts: [text("Done.")] },
];

const edit = { type: "file_edit", path: "a.py", operation: "create", newText: "x = 1\n" } as const;

// Each case changes what some step renders, so those steps are recounted both ways.
const changed: [string, TestStep[]][] = [
  ["two message parts joined", [{ role: "assistant", parts: [text("a"), text("b")] }]],
  ["two reasoning parts joined", [{ role: "assistant", parts: [thought("a"), thought("b"), call("x", {})] }]],
  ["a user step's texts joined", [{ role: "user", parts: [text("a"), thought("b")] }]],
  ["a file snapshot starting with a blank line", [{ role: "user", parts: [output("\nx = 1")], meta: { section: "file", path: "a.py" } }]],
  ["a file snapshot starting with a slash", [{ role: "user", parts: [output("// x")], meta: { section: "file", path: "a.js" } }]],
  ["a dropped step", [{ role: "assistant", parts: [text("a")] }, { role: "user", parts: [text("b")], mask: "drop" }]],
  ["a dropped turn's result", [{ role: "assistant", parts: [call("x", {}, "c1")], mask: "drop" }, { role: "tool", parts: [output("out", "c1")] }, { role: "assistant", parts: [text("ok")] }]],
  ["raw call arguments", [{ role: "assistant", parts: [{ type: "tool_call", name: "x", arguments: { raw: "{oops" }, parseError: "bad JSON" }] }]],
  ["an edit rendered as a call", [{ role: "assistant", parts: [text("Creating."), edit] }]],
  ["an edit of a tool step, not rendered", [{ role: "assistant", parts: [call("x", {})] }, { role: "tool", parts: [output("ok"), edit] }]],
  ["a file snapshot's prefix", [{ role: "user", parts: [output("x = 1\n")], meta: { section: "file", path: "a.py" } }]],
];

describe("tokens from the import's count", () => {
  it("are the import's total when every step renders the texts it counted", () => {
    const episode = imported(rollout);
    expect(tokensOf(episode)).toBe(episode.importTokens!.total);
    expect(tokensOf(makeExportEpisode(rollout))).toBe(episode.importTokens!.total);
    // The stored number is what is used (here, off by one on purpose).
    expect(tokensOf(imported(rollout, 1))).toBe(episode.importTokens!.total + 1);
  });

  it.each(changed)("equal counting every message with %s", (_name, steps) => {
    const counted = tokensOf(makeExportEpisode([...rollout, ...steps]));
    expect(tokensOf(imported([...rollout, ...steps]))).toBe(counted);
    expect(tokensOf(imported([...rollout, ...steps], 1))).toBe(counted + 1);
  });

  it("are not used for another tokenizer, another import tokenizer, a replaced character, or no stored count", () => {
    const counted = tokensOf(makeExportEpisode(rollout));
    expect(tokensOf(imported(rollout, 1), { name: "o200k_base", count: defaultTokenCounter.count })).toBe(counted);
    expect(tokensOf(imported(rollout, 1, "my-model"))).toBe(counted);
    expect(tokensOf(makeExportEpisode(rollout, { importTokens: null }))).toBe(counted);
    const replaced: TestStep[] = [...rollout, { role: "tool", parts: [output("bad \uFFFD byte")] }];
    expect(tokensOf(imported(replaced, 1))).toBe(tokensOf(makeExportEpisode(replaced)));
    const replacedInDropped: TestStep[] = [...rollout, { role: "user", parts: [text("bad \uFFFD byte")], mask: "drop" }];
    expect(tokensOf(imported(replacedInDropped, 1))).toBe(tokensOf(makeExportEpisode(replacedInDropped)));
  });

  it("cut with per-message counts", () => {
    const whole = tokensOf(makeExportEpisode(rollout));
    const options = { tokenizer: defaultTokenCounter, budget: { maxTokens: whole - 1, overLimit: "truncate" as const } };
    const reused = renderChat(imported(rollout), entry, options);
    expect(reused).toEqual(renderChat(makeExportEpisode(rollout), entry, options));
    expect("dropped" in reused ? null : reused.truncatedAtStep).toBe(4);
  });
});
