import { describe, expect, it } from "vitest";
import { defaultTokenCounter } from "@/lib/quality";
import { call, makeExportEpisode, output, text } from "@/lib/testing/make-export-episode";
import { recipeSchema, type RecipeInput } from "../recipe/schema";
import { parquetColumnNames } from "@/lib/export/write/parquet";
import { toParquetRow } from "./parquet-row";
import type { ChatRecord, TextRecord } from "./record";
import { renderEntry } from "./render-entry";

const episode = makeExportEpisode(
  [
    { role: "user", parts: [text("Fix the bug.")] },
    { role: "assistant", parts: [call("bash", { command: "ls" }, "c1")] },
    { role: "tool", parts: [output("a.py", "c1")] },
    { role: "assistant", parts: [text("Done.")] },
  ],
  { id: 42, sourceFormat: "chat", resolved: false, exitStatusClass: "limit" },
);

function recipe(extra: Partial<RecipeInput> = {}) {
  return recipeSchema.parse({ name: "r", components: [{ name: "first" }, { name: "second", maxTokens: 5, overLimit: "drop" }], ...extra });
}

describe("renderEntry", () => {
  it("renders a chat record with the entry's id and meta, tokens counted with the recipe tokenizer", () => {
    const result = renderEntry(episode, { recipe: recipe(), tokenizer: defaultTokenCounter, component: 0, split: "validation", copy: 2 });
    if ("dropped" in result) throw new Error("dropped");
    const record = result.record as ChatRecord;
    expect(record.id).toBe("42-0-2");
    expect(record.meta).toEqual({
      episode_id: 42,
      source_format: "chat",
      kind: "environmental",
      repo: "owner/repo",
      instance_id: "owner__repo-1",
      agent: "agent",
      model: "model",
      resolved: false,
      exit_status_class: "limit",
      component: "first",
      split: "validation",
      copy: 2,
      style: "chat",
      template: null,
      tokenizer: "o200k_base",
      tokens: result.tokens,
      truncated_at_step: null,
      dropped_steps: 0,
      dropped_tool_results: 0,
    });
    const counted = ["Fix the bug.", "", "bash", '{"command":"ls"}', "a.py", "Done."].reduce((n, t) => n + defaultTokenCounter.count(t), 0);
    expect(result.tokens).toBe(counted);
  });

  it("applies the component's maxTokens and overLimit", () => {
    expect(renderEntry(episode, { recipe: recipe(), tokenizer: defaultTokenCounter, component: 1, split: "train", copy: 0 })).toEqual({ dropped: "over_max_tokens" });
  });

  it("renders text records in the recipe's template", () => {
    const result = renderEntry(episode, {
      recipe: recipe({ format: { style: "text", template: "auto" } }),
      tokenizer: defaultTokenCounter,
      component: 0,
      split: "train",
      copy: 0,
    });
    if ("dropped" in result) throw new Error("dropped");
    const record = result.record as TextRecord;
    expect(record.meta).toMatchObject({ style: "text", template: "xml-rollout", tokens: defaultTokenCounter.count(record.text) });
    expect(record.text).toContain("<function=bash>");
  });
});

describe("toParquetRow", () => {
  it("fills exactly the writer's chat columns (the writer sets id), calls and tools as values for its JSON columns", () => {
    const result = renderEntry(episode, { recipe: recipe(), tokenizer: defaultTokenCounter, component: 0, split: "train", copy: 0 });
    if ("dropped" in result) throw new Error("dropped");
    const row = toParquetRow(result.record);
    expect(Object.keys(row).sort()).toEqual(parquetColumnNames("chat").filter((name) => name !== "id").sort());
    if (!("messages" in row)) throw new Error("not a chat row");
    expect(row.messages[1]).toEqual({
      role: "assistant",
      content: "",
      reasoning_content: null,
      tool_calls: [{ id: "c1", type: "function", function: { name: "bash", arguments: '{"command":"ls"}' } }],
      tool_call_id: null,
      name: null,
      weight: 1,
    });
    expect(row.tools).toEqual((result.record as ChatRecord).tools);
  });

  it("fills exactly the writer's text columns, spans as [start, end) pairs", () => {
    const result = renderEntry(episode, { recipe: recipe({ format: { style: "text" } }), tokenizer: defaultTokenCounter, component: 0, split: "train", copy: 0 });
    if ("dropped" in result) throw new Error("dropped");
    const row = toParquetRow(result.record);
    expect(Object.keys(row).sort()).toEqual(parquetColumnNames("text").filter((name) => name !== "id").sort());
    if (!("train_spans" in row)) throw new Error("not a text row");
    expect(row.train_spans).toEqual((result.record as TextRecord).train_spans);
  });
});
