/**
 * Counting with the tokenizer of the model a mixture is meant for, from the user's own
 * `tokenizer.json` (Hugging Face format). Pre-tokenizers differ between models, so counts are
 * not chunked; whole texts are cached instead, which still catches repeated prompts and outputs.
 */
import fs from "node:fs";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { createCountTable } from "./count-table";
import { hashRangeInto } from "./fingerprint";
import type { TokenCounter } from "./tokens";

export type LoadTokenizerOptions = {
  /** Shown with the counts; defaults to the folder holding tokenizer.json. */
  name?: string;
};

/** Reads `tokenizer.json` (and `tokenizer_config.json` beside it, when present). */
export function loadTokenizerJson(tokenizerPath: string, options: LoadTokenizerOptions = {}): TokenCounter {
  const tokenizerJson: unknown = JSON.parse(fs.readFileSync(tokenizerPath, "utf8"));
  const configPath = path.join(path.dirname(tokenizerPath), "tokenizer_config.json");
  const config: unknown = fs.existsSync(configPath) ? JSON.parse(fs.readFileSync(configPath, "utf8")) : {};
  const tokenizer = new Tokenizer(tokenizerJson as object, config as object);
  const cache = createCountTable(16);
  const hash = new Int32Array(2);
  return {
    name: options.name ?? path.basename(path.dirname(path.resolve(tokenizerPath))),
    count(text) {
      hashRangeInto(text, 0, text.length, hash);
      let n = cache.get(hash[0], hash[1]);
      if (n < 0) {
        // Special tokens (BOS, EOS) belong to the chat template, not to the step's text.
        n = tokenizer.encode(text, { add_special_tokens: false }).ids.length;
        cache.set(hash[0], hash[1], n);
      }
      return n;
    },
  };
}
