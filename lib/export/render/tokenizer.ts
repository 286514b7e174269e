/**
 * The recipe's tokenizer: o200k_base (shipped in gpt-tokenizer) or the target model's own
 * tokenizer.json, loaded once per path like imports do (lib/ingest/tokenizer-config.ts). Never
 * fetched from a hub: a path that is missing or unreadable is the recipe's error, said plainly.
 */
import fs from "node:fs";
import { InvalidInputError } from "@/lib/errors";
import { configuredTokenizer } from "@/lib/ingest/tokenizer-config";
import { defaultTokenCounter, type TokenCounter } from "@/lib/quality";
import type { Recipe } from "../recipe/schema";

export function exportTokenizer(tokenizer: Recipe["tokenizer"]): TokenCounter {
  if (tokenizer.type === "o200k_base") return defaultTokenCounter;
  const file = tokenizer.path;
  if (!file) throw new InvalidInputError("The recipe's tokenizer is tokenizer-json but names no path.");
  try {
    fs.accessSync(file, fs.constants.R_OK);
    if (!fs.statSync(file).isFile()) throw new Error("not a file");
  } catch (error) {
    throw new InvalidInputError(`The recipe's tokenizer.json cannot be read at ${file} (${reason(error)}).`, { path: file });
  }
  try {
    return configuredTokenizer(file);
  } catch (error) {
    throw new InvalidInputError(`The recipe's tokenizer.json at ${file} is not a usable Hugging Face tokenizer (${reason(error)}).`, { path: file });
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
