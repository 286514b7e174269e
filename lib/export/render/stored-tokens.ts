/**
 * Reusing the import's token count. Counting every message again with o200k is most of an
 * export's CPU time, and the import already counted exactly these texts: each step part's text
 * (lib/quality/tokens.ts), with the same counter. When the messages hold those texts unchanged and
 * nothing else (`isVerbatim`, chat-messages.ts), the record's tokens are the episode's stored
 * count, exactly. Only for o200k_base (the default counter, whose name the import batch records),
 * and never when storage replaced a character the import had counted (NUL and unpaired surrogates
 * become U+FFFD, lib/ingest/to-rows.ts `jsonText`).
 */
import { defaultTokenCounter, type TokenCounter } from "@/lib/quality";
import type { ExportEpisode } from "../types";
import type { ChatMessage } from "./record";

export function storedTokenTotal(
  episode: Pick<ExportEpisode, "importTokens">,
  tokenizer: TokenCounter,
  chat: { isVerbatim: boolean; messages: readonly ChatMessage[] },
): number | null {
  const stored = episode.importTokens;
  if (!stored || !chat.isVerbatim || tokenizer !== defaultTokenCounter || stored.tokenizer !== defaultTokenCounter.name) return null;
  for (const message of chat.messages) {
    if (hasReplacement(message.content) || hasReplacement(message.reasoning_content)) return null;
    for (const call of message.tool_calls ?? []) if (hasReplacement(call.function.name) || hasReplacement(call.function.arguments)) return null;
  }
  return stored.total;
}

const hasReplacement = (text: string | undefined) => text !== undefined && text.includes("\uFFFD");
