/**
 * An episode as a chat record: its messages (chat-messages.ts), the tools they call
 * (chat-tools.ts) and the meta the manifest and trainers filter on, fitted to the budget
 * (truncate.ts). Tokens are counted over what a trainer feeds the model from the messages:
 * content, reasoning_content, and each call's name and arguments — or taken from the import when
 * that is the same number (stored-tokens.ts).
 */
import type { TokenCounter } from "@/lib/quality";
import type { ExportEpisode } from "../types";
import { chatMessages } from "./chat-messages";
import { inferTools } from "./chat-tools";
import { storedTokenTotal } from "./stored-tokens";
import { recordMeta, type ChatMessage, type ChatRecord, type EntryInfo } from "./record";
import { fitToBudget, hasAssistantMessage, isValidChatEnd, type Budget } from "./truncate";

export type Rendered<R> = { record: R; tokens: number; truncatedAtStep: number | null } | { dropped: "over_max_tokens" };

export type RenderOptions = { tokenizer: TokenCounter; budget: Budget };

export function renderChat(episode: ExportEpisode, entry: EntryInfo, options: RenderOptions): Rendered<ChatRecord> {
  const chat = chatMessages(episode);
  const { items, droppedSteps, droppedToolResults } = chat;
  const messages = items.map((item) => item.message);
  const count = (message: ChatMessage) => messageTokens(message, options.tokenizer);
  // Per message only when the import's count cannot give the whole, or to cut.
  let counted: number[] | undefined;
  const unitTokens = () => (counted ??= messages.map(count));
  const stored = storedTokenTotal(episode, options.tokenizer, chat, count);
  const fit = fitToBudget(
    {
      steps: items.map((item) => item.step),
      unitTokens,
      totalTokens: stored ?? unitTokens().reduce((a, b) => a + b, 0),
      isValidEnd: (end) => isValidChatEnd(messages, end),
      hasAssistant: (end) => hasAssistantMessage(messages, end),
    },
    options.budget,
  );
  if (!fit) return { dropped: "over_max_tokens" };
  const kept = items.slice(0, fit.end);
  const meta = recordMeta(episode, entry, {
    style: "chat",
    template: null,
    tokenizer: options.tokenizer.name,
    tokens: fit.tokens,
    truncatedAtStep: fit.truncatedAtStep,
    droppedSteps,
    droppedToolResults,
  });
  const record: ChatRecord = { id: entry.id, messages: kept.map((item) => item.message), tools: inferTools(kept), meta };
  return { record, tokens: fit.tokens, truncatedAtStep: fit.truncatedAtStep };
}

export function messageTokens(message: ChatMessage, tokenizer: TokenCounter): number {
  let n = tokenizer.count(message.content);
  if (message.reasoning_content) n += tokenizer.count(message.reasoning_content);
  for (const call of message.tool_calls ?? []) n += tokenizer.count(call.function.name) + tokenizer.count(call.function.arguments);
  return n;
}
