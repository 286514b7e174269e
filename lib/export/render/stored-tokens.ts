/**
 * Reusing the import's token count. Counting every message again with o200k was most of an
 * export's CPU time, and the import already counted nearly the same texts with the same counter:
 * per step, the texts of `stepTokenTexts` (lib/quality/tokens.ts). Where a step's messages hold
 * exactly those texts, its share of the stored total is its share of the record; the steps
 * chat-messages.ts reports as changed are counted both ways (what the import counted, taken out;
 * what the record holds, put in), and `File:` prefixes added at a chunk boundary add their own
 * tokens (o200k's pre-tokenizer never joins across one). The result is the count of the messages,
 * exactly. Only for o200k_base (the default counter, whose name the import batch records), and
 * never when a text holds U+FFFD: storage replaced NUL and unpaired surrogates with it
 * (lib/ingest/to-rows.ts `jsonText`), so the import may have counted something else.
 */
import { defaultTokenCounter, type TokenCounter } from "@/lib/quality";
import { stepTokenTexts } from "@/lib/quality/tokens";
import type { ExportEpisode } from "../types";
import type { ChatMessages } from "./chat-messages";
import type { ChatMessage } from "./record";

export function storedTokenTotal(
  episode: Pick<ExportEpisode, "importTokens" | "steps">,
  tokenizer: TokenCounter,
  chat: Pick<ChatMessages, "items" | "changedSteps" | "addedTexts">,
  messageTokens: (message: ChatMessage) => number,
): number | null {
  const stored = episode.importTokens;
  if (!stored || tokenizer !== defaultTokenCounter || stored.tokenizer !== defaultTokenCounter.name) return null;
  let total = stored.total;
  for (const item of chat.items) {
    if (hasReplacement(item.message)) return null;
    if (chat.changedSteps.has(item.step)) total += messageTokens(item.message);
  }
  for (const step of episode.steps) {
    if (!chat.changedSteps.has(step.idx)) continue;
    for (const text of stepTokenTexts(step)) {
      if (text.includes("\uFFFD")) return null;
      if (text) total -= tokenizer.count(text);
    }
  }
  for (const text of chat.addedTexts) total += tokenizer.count(text);
  return total;
}

function hasReplacement(message: ChatMessage): boolean {
  if (message.content.includes("\uFFFD") || message.reasoning_content?.includes("\uFFFD")) return true;
  return (message.tool_calls ?? []).some((call) => call.function.name.includes("\uFFFD") || call.function.arguments.includes("\uFFFD"));
}
