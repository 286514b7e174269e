import { describe, expect, it } from "vitest";
import { prSampleFormat } from "@/lib/formats/pr-sample";
import { parseXmlFunctionCalls } from "@/lib/formats/xml-calls";
import { call, exportEpisodeOf, makeExportEpisode, output, text, thought } from "@/lib/testing/make-export-episode";
import type { TextRecord } from "./record";
import { pickTemplate, renderText } from "./text";
import { xmlRollout } from "./xml-rollout";

const chars = { name: "chars", count: (t: string) => t.length };
const entry = { id: "1-0-0", component: "main", split: "train" as const, copy: 0 };

function render(episode: ReturnType<typeof makeExportEpisode>, template: "auto" | "pr-linear" | "xml-rollout" = "auto"): TextRecord {
  const result = renderText(episode, entry, { tokenizer: chars, budget: { overLimit: "drop" }, template });
  if ("dropped" in result) throw new Error("dropped");
  return result.record;
}

const spanTexts = (record: TextRecord) => record.train_spans.map(([a, b]) => record.text.slice(a, b));

const rollout = makeExportEpisode(
  [
    { role: "system", parts: [text("You are an agent.")] },
    { role: "user", parts: [text("Fix it.")] },
    { role: "assistant", parts: [thought("Read the file."), call("str_replace_editor", { command: "view", path: "/a.py", view_range: [1, 5] })] },
    { role: "tool", parts: [output("1 x = 1")] },
    { role: "assistant", parts: [thought("Edit."), call("str_replace_editor", { command: "str_replace", path: "/a.py", old_str: "\nx = 1\n", new_str: "x = 2\n\n" })], mask: "context" },
    { role: "tool", parts: [output("edited")] },
    { role: "assistant", parts: [text("Done.")] },
  ],
  { finalPatch: "--- a/a.py\n+++ b/a.py\n" },
);

describe("xml-rollout", () => {
  it("writes task, thinking, XML calls and wrapped observations, then the final patch", () => {
    const record = render(rollout, "xml-rollout");
    expect(record.text).toBe(
      [
        "<|system|>\nYou are an agent.",
        "<|user|>\nFix it.",
        "<|assistant|>\n<think>\nRead the file.\n</think>\n<function=str_replace_editor>\n<parameter=command>\nview\n</parameter>\n<parameter=path>\n/a.py\n</parameter>\n<parameter=view_range>\n[1,5]\n</parameter>\n</function>",
        "<|user|>\nOBSERVATION:\n1 x = 1",
        "<|assistant|>\n<think>\nEdit.\n</think>\n<function=str_replace_editor>\n<parameter=command>\nstr_replace\n</parameter>\n<parameter=new_str>\nx = 2\n\n\n</parameter>\n<parameter=old_str>\n\nx = 1\n\n</parameter>\n<parameter=path>\n/a.py\n</parameter>\n</function>",
        "<|user|>\nOBSERVATION:\nedited",
        "<|assistant|>\nDone.",
        "<|final_patch|>\n--- a/a.py\n+++ b/a.py\n",
      ].join("\n"),
    );
    // Train spans: the assistant turns of train steps, without their delimiter line; the context step is not trained on.
    expect(spanTexts(record)).toEqual([
      "<think>\nRead the file.\n</think>\n<function=str_replace_editor>\n<parameter=command>\nview\n</parameter>\n<parameter=path>\n/a.py\n</parameter>\n<parameter=view_range>\n[1,5]\n</parameter>\n</function>",
      "Done.",
    ]);
    expect(record.meta).toMatchObject({ style: "text", template: "xml-rollout", tokens: record.text.length });
  });

  it("round-trips every call through lib/formats/xml-calls.ts, whitespace included", () => {
    const { body } = xmlRollout(rollout);
    const assistant = body.filter((s) => s.isAssistant);
    const parsed = assistant.map((s) => parseXmlFunctionCalls(s.text.slice("<|assistant|>\n".length)));
    expect(parsed.map((p) => p.calls)).toEqual([
      [{ name: "str_replace_editor", arguments: { command: "view", path: "/a.py", view_range: "[1,5]" } }],
      [{ name: "str_replace_editor", arguments: { command: "str_replace", path: "/a.py", old_str: "\nx = 1\n", new_str: "x = 2\n\n" } }],
      [],
    ]);
    expect(parsed.map((p) => p.text)).toEqual(["<think>\nRead the file.\n</think>", "<think>\nEdit.\n</think>", "Done."]);
    // The whole text parses to the same calls, in order.
    const whole = parseXmlFunctionCalls(render(rollout, "xml-rollout").text);
    expect(whole.calls.map((c) => c.arguments.command)).toEqual(["view", "str_replace"]);
  });

  it("adds the task text when no step states it", () => {
    const episode = makeExportEpisode([{ role: "assistant", parts: [text("hi")] }], { taskText: "The task" });
    expect(render(episode, "xml-rollout").text).toBe("<|user|>\nThe task\n<|assistant|>\nhi");
  });
});

const prSample = {
  format: "atelier-pr-v1",
  repo: { name: "pallets/click", license: "BSD-3-Clause", language: "Python" },
  base_commit: "8a8ebd5ea3a9e4f2c2cbbd4c3e0b6a4f1c8a2f10",
  issue: { number: 7, title: "Flag default ignored", body: "It is False." },
  pull_request: { number: 8, title: "Respect defaults", body: "Fixes #7." },
  files: [{ path: "src/core.py", content: "return None\n", language: "python" }],
  edits: [
    { op: "str_replace", path: "src/core.py", old: "return None\n", new: "return self.default\n" },
    { op: "rename", path: "a.md", new_path: "b.md" },
  ],
  commits: [{ sha: "1f2e3d4", message: "Respect defaults", diff: "diff --git a/src/core.py b/src/core.py\n-return None\n+return self.default\n" }],
};

function prEpisode(sample: object = prSample) {
  const parsed = prSampleFormat.parse(sample, { fileName: "pr.jsonl", location: 1 });
  if (parsed.type !== "episodes") throw new Error("no episode");
  return exportEpisodeOf(parsed.episodes[0]);
}

describe("pr-linear", () => {
  it("linearizes repository → issue → pull request → files → edits → commits → final patch", () => {
    const record = render(prEpisode());
    expect(record.meta.template).toBe("pr-linear");
    expect(record.text).toBe(
      [
        "<|repository|>\nRepository: pallets/click\nLanguage: Python\nLicense: BSD-3-Clause\nBase commit: 8a8ebd5ea3a9e4f2c2cbbd4c3e0b6a4f1c8a2f10",
        "<|issue|>\nIssue #7: Flag default ignored\n\nIt is False.",
        "<|pull_request|>\nPull request #8: Respect defaults\n\nFixes #7.",
        "<|file path=src/core.py|>\nreturn None\n",
        "<|edit|> str_replace src/core.py\n<<<<<<< SEARCH\nreturn None\n\n=======\nreturn self.default\n\n>>>>>>> REPLACE",
        "<|edit|> rename a.md -> b.md",
        "<|commit 1f2e3d4|>\nRespect defaults",
        "<|final_patch|>\ndiff --git a/src/core.py b/src/core.py\n-return None\n+return self.default\n",
      ].join("\n"),
    );
    expect(spanTexts(record)).toEqual([
      "<|edit|> str_replace src/core.py\n<<<<<<< SEARCH\nreturn None\n\n=======\nreturn self.default\n\n>>>>>>> REPLACE",
      "<|edit|> rename a.md -> b.md",
      "<|commit 1f2e3d4|>\nRespect defaults",
      "diff --git a/src/core.py b/src/core.py\n-return None\n+return self.default\n",
    ]);
  });

  it("uses the commit diffs as the edits when there are no edit steps, without repeating them as the final patch", () => {
    const record = render(prEpisode({ ...prSample, edits: [], issue: null }));
    expect(record.text).not.toContain("<|issue|>");
    expect(record.text).not.toContain("<|final_patch|>");
    expect(record.text.endsWith("<|commit 1f2e3d4|>\nRespect defaults\ndiff --git a/src/core.py b/src/core.py\n-return None\n+return self.default")).toBe(true);
  });

  it("honours masks: a dropped file is left out, a context edit is not trained on (nor is the final patch)", () => {
    const episode = prEpisode();
    episode.steps[3].mask = "drop";
    episode.steps[4].mask = "context";
    const record = render(episode);
    expect(record.text).not.toContain("<|file path=");
    expect(record.meta.dropped_steps).toBe(1);
    expect(spanTexts(record)).toEqual(["<|edit|> rename a.md -> b.md", "<|commit 1f2e3d4|>\nRespect defaults"]);
  });

  it("auto picks pr-linear only for contextual episodes with a pull request", () => {
    expect(pickTemplate(prEpisode(), "auto")).toBe("pr-linear");
    expect(pickTemplate({ ...prEpisode(), kind: "environmental" }, "auto")).toBe("xml-rollout");
    expect(pickTemplate({ ...prEpisode(), pullRequest: null }, "auto")).toBe("xml-rollout");
    expect(pickTemplate(rollout, "pr-linear")).toBe("pr-linear");
  });
});
