/**
 * The tokenizer imports count with: a user-supplied Hugging Face tokenizer.json (the target
 * model's own) from ATELIER_TOKENIZER_JSON or the CLI's --tokenizer, else the o200k_base encoding
 * shipped in gpt-tokenizer. Never fetched from a hub.
 */
import { defaultTokenCounter, loadTokenizerJson, type TokenCounter } from "@/lib/quality";

const loaded = new Map<string, TokenCounter>();

export function configuredTokenizer(path: string | undefined = process.env.ATELIER_TOKENIZER_JSON): TokenCounter {
  if (!path) return defaultTokenCounter;
  let counter = loaded.get(path);
  if (!counter) {
    counter = loadTokenizerJson(path);
    loaded.set(path, counter);
  }
  return counter;
}
