/**
 * Fitting a record into a component's maxTokens. Records are made of units (messages, or text
 * segments) that each belong to a step, in step order. Over the limit, overLimit "drop" drops the
 * record; "truncate" keeps the longest prefix of whole steps that fits (never cutting inside a
 * step) and whose end is valid: the conversation must not stop inside an assistant turn's tool
 * results (a call whose result the cut removed). If what is left holds no assistant message, even
 * the first assistant turn did not fit and the record is dropped.
 */
import type { ChatMessage } from "./record";

export type OverLimit = "drop" | "truncate";

export type Budget = { maxTokens?: number; overLimit: OverLimit };

/** `end`: how many units to keep; `truncatedAtStep`: the first step left out (null: all kept). */
export type Fit = { end: number; tokens: number; truncatedAtStep: number | null };

export type FitInput = {
  steps: readonly number[];
  /** Tokens of each unit (for text, an estimate: `exactTokens` has the last word); asked only to cut. */
  unitTokens(): readonly number[];
  /** Tokens of the whole record as rendered, when nothing is cut. */
  totalTokens: number;
  isValidEnd(end: number): boolean;
  hasAssistant(end: number): boolean;
  /** Exact tokens of the record cut after `end` units; defaults to the sum of the units. */
  exactTokens?(end: number): number;
};

export function fitToBudget(input: FitInput, budget: Budget): Fit | null {
  const { maxTokens } = budget;
  if (maxTokens === undefined || input.totalTokens <= maxTokens) return { end: input.steps.length, tokens: input.totalTokens, truncatedAtStep: null };
  if (budget.overLimit === "drop") return null;
  const prefix = [0];
  for (const tokens of input.unitTokens()) prefix.push(prefix[prefix.length - 1] + tokens);
  for (let end = input.steps.length - 1; end > 0; end--) {
    if (input.steps[end] === input.steps[end - 1]) continue; // not a step boundary
    if (prefix[end] > maxTokens || !input.isValidEnd(end)) continue;
    if (!input.hasAssistant(end)) return null;
    const tokens = input.exactTokens ? input.exactTokens(end) : prefix[end];
    if (tokens <= maxTokens) return { end, tokens, truncatedAtStep: input.steps[end] };
  }
  return null;
}

/**
 * A chat cut after `end` messages is valid unless it stops inside the tool results of the last
 * assistant turn: a call of that turn is answered by a message the cut removes. A turn whose
 * calls the source never answered may end the record, as it ended the source.
 */
export function isValidChatEnd(messages: readonly ChatMessage[], end: number): boolean {
  let turn = end - 1;
  while (turn >= 0 && messages[turn].role === "tool") turn--;
  const calls = turn >= 0 ? messages[turn].tool_calls : undefined;
  if (!calls || calls.length === 0) return true;
  const ids = new Set(calls.map((c) => c.id));
  for (let i = end; i < messages.length && messages[i].role === "tool"; i++) if (ids.has(messages[i].tool_call_id ?? "")) return false;
  return true;
}

export function hasAssistantMessage(messages: readonly ChatMessage[], end: number): boolean {
  for (let i = 0; i < end; i++) if (messages[i].role === "assistant") return true;
  return false;
}
