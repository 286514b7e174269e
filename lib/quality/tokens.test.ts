import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { makeEpisode } from "@/lib/testing/make-episode";
import { describe, expect, it } from "vitest";
import type { Step } from "@/lib/formats/episode";
import { countEpisodeTokens, defaultTokenCounter, loadTokenizerJson, type TokenCounter } from "./tokens";

const episode = (steps: Step[]) => makeEpisode(steps, { taskText: "the task is not counted separately" });

/** One "token" per character makes expected totals easy to read. */
const perChar: TokenCounter = { name: "chars", count: (text) => text.length };

describe("countEpisodeTokens", () => {
  const steps: Step[] = [
    { role: "system", parts: [{ type: "message", text: "sys" }] },
    { role: "user", parts: [{ type: "message", text: "fix" }] },
    {
      role: "assistant",
      parts: [
        { type: "reasoning", text: "hmm" },
        { type: "message", text: "ok" },
        { type: "tool_call", name: "bash", arguments: { command: "ls" } },
      ],
    },
    { role: "tool", parts: [{ type: "observation", text: "a.py", exitCode: 0 }] },
    {
      role: "assistant",
      parts: [
        { type: "tool_call", name: "edit", arguments: { path: "a", new_str: "x" } },
        // derived from the call above: must not be counted twice
        { type: "file_edit", path: "a", operation: "str_replace", oldText: "y", newText: "x" },
      ],
    },
    { role: "assistant", parts: [{ type: "file_edit", path: "b", operation: "create", newText: "body" }] },
  ];

  it("counts steps only, split into assistant and the rest", () => {
    const totals = countEpisodeTokens(episode(steps), perChar);
    // assistant: "hmm" 3 + "ok" 2 + "bash" 4 + '{"command":"ls"}' 16 + "edit" 4 + '{"new_str":"x","path":"a"}' 26 + "b" 1 + "body" 4
    expect(totals).toEqual({ assistant: 60, other: 10, total: 70 });
  });

  it("uses o200k_base by default", () => {
    const text = "def f(x):\n    return x + 1\n";
    const totals = countEpisodeTokens(episode([{ role: "tool", parts: [{ type: "observation", text }] }]));
    expect(defaultTokenCounter.name).toBe("o200k_base");
    expect(totals).toEqual({ assistant: 0, other: countTokens(text), total: countTokens(text) });
  });
});

describe("loadTokenizerJson", () => {
  it("counts with a user-supplied BPE tokenizer.json, without special tokens", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-tok-"));
    const tokenizerJson = {
      version: "1.0",
      truncation: null,
      padding: null,
      added_tokens: [{ id: 0, content: "<unk>", single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
      normalizer: null,
      pre_tokenizer: { type: "Whitespace" },
      post_processor: {
        type: "TemplateProcessing",
        single: [{ SpecialToken: { id: "<s>", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }],
        pair: [{ Sequence: { id: "A", type_id: 0 } }],
        special_tokens: { "<s>": { id: "<s>", ids: [14], tokens: ["<s>"] } },
      },
      decoder: null,
      model: {
        type: "BPE",
        dropout: null,
        unk_token: "<unk>",
        continuing_subword_prefix: null,
        end_of_word_suffix: null,
        fuse_unk: false,
        byte_fallback: false,
        vocab: { "<unk>": 0, h: 1, e: 2, l: 3, o: 4, w: 5, r: 6, d: 7, he: 8, ll: 9, hell: 10, hello: 11, wo: 12, "!": 13, "<s>": 14 },
        merges: ["h e", "l l", "he ll", "hell o", "w o"],
      },
    };
    const file = path.join(dir, "tokenizer.json");
    fs.writeFileSync(file, JSON.stringify(tokenizerJson));
    try {
      const counter = loadTokenizerJson(file, { name: "tiny" });
      expect(counter.name).toBe("tiny");
      expect(counter.count("hello")).toBe(1);
      expect(counter.count("hello world!")).toBe(6); // hello | wo r l d | !
      expect(counter.count("hello world!")).toBe(6); // from the cache
      expect(counter.count("held")).toBe(3);
      expect(counter.count("")).toBe(0);
      expect(loadTokenizerJson(file).name).toBe(path.basename(dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
