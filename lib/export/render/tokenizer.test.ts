import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { defaultTokenCounter } from "@/lib/quality";
import { exportTokenizer } from "./tokenizer";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-export-tok-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A word-level tokenizer.json: one token per known word, [UNK] otherwise. */
function writeTokenizer(file: string): void {
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [{ id: 0, content: "[UNK]", single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: null,
    pre_tokenizer: { type: "Whitespace" },
    post_processor: null,
    decoder: null,
    model: { type: "WordLevel", vocab: { "[UNK]": 0, hello: 1, world: 2 }, unk_token: "[UNK]" },
  };
  fs.writeFileSync(file, JSON.stringify(tokenizer));
}

describe("exportTokenizer", () => {
  it("is o200k_base by default", () => {
    expect(exportTokenizer({ type: "o200k_base" })).toBe(defaultTokenCounter);
  });

  it("loads the target model's tokenizer.json", () => {
    const file = path.join(dir, "tokenizer.json");
    writeTokenizer(file);
    const counter = exportTokenizer({ type: "tokenizer-json", path: file });
    expect(counter.count("hello world hello")).toBe(3);
    expect(counter.name).toBe(path.basename(dir));
  });

  it("says plainly when the path is missing, unreadable or not a tokenizer", () => {
    const missing = path.join(dir, "nope", "tokenizer.json");
    expect(() => exportTokenizer({ type: "tokenizer-json", path: missing })).toThrow(InvalidInputError);
    expect(() => exportTokenizer({ type: "tokenizer-json", path: missing })).toThrow(`cannot be read at ${missing} (no such file)`);
    expect(() => exportTokenizer({ type: "tokenizer-json", path: dir })).toThrow("not a file");
    const garbage = path.join(dir, "garbage.json");
    fs.writeFileSync(garbage, "{ not json");
    expect(() => exportTokenizer({ type: "tokenizer-json", path: garbage })).toThrow("is not a usable Hugging Face tokenizer");
    expect(() => exportTokenizer({ type: "tokenizer-json" })).toThrow("names no path");
  });
});
