/**
 * The `xml-rollout` text template, for agent rollouts, written from the same messages as the chat
 * records (so masks, drops and call linking are decided once):
 *
 *   <|system|>                      system prompt
 *   <|user|>                        the task (the episode's task text when no step is a user message)
 *   <|assistant|>                   <think>\nreasoning\n</think>, the text, then each call as
 *                                   <function=NAME>\n<parameter=KEY>\nVALUE\n</parameter>\n</function>
 *   <|user|>\nOBSERVATION:\n…       every observation, linked to a call or not
 *   <|final_patch|>                 the final patch, when there is one and nothing was cut
 *
 * Each delimiter starts its own line; segments are joined by a newline. Train spans cover the
 * assistant segments of train steps, after their `<|assistant|>` line (the delimiters are what
 * the trainer's template supplies, not what the model writes). The final patch is context: the
 * environment computed it from the calls.
 */
import type { ExportEpisode } from "../types";
import { chatMessages, type MessageItem } from "./chat-messages";
import type { TemplateOutput, TextSegment } from "./text-segments";
import { thinkBlock, xmlCall } from "./text-segments";
import { isValidChatEnd } from "./truncate";

export const XML_ROLLOUT_DELIMITERS = {
  system: "<|system|>",
  user: "<|user|>",
  assistant: "<|assistant|>",
  observation: "OBSERVATION:",
  finalPatch: "<|final_patch|>",
} as const;
const d = XML_ROLLOUT_DELIMITERS;

export function xmlRollout(episode: ExportEpisode): TemplateOutput {
  const { items, droppedSteps, droppedToolResults } = chatMessages(episode);
  const hasTask = items.some((item) => item.message.role === "user" && !item.isObservation);
  const head: TextSegment[] = !hasTask && episode.taskText ? [{ step: null, text: `${d.user}\n${episode.taskText}`, span: null, isAssistant: false }] : [];
  const tail: TextSegment[] = episode.finalPatch ? [{ step: null, text: `${d.finalPatch}\n${episode.finalPatch}`, span: null, isAssistant: false }] : [];
  const messages = items.map((item) => item.message);
  return {
    head,
    body: items.map(segmentOf),
    tail,
    isValidEnd: (end) => isValidChatEnd(messages, end),
    droppedSteps,
    droppedToolResults,
  };
}

function segmentOf(item: MessageItem): TextSegment {
  const { message } = item;
  if (message.role === "assistant") {
    const header = `${d.assistant}\n`;
    const calls = (message.tool_calls ?? []).map((call, n) => xmlCall(call.function.name, item.callArguments[n] ?? null, call.function.arguments));
    const pieces = [message.reasoning_content !== undefined ? thinkBlock(message.reasoning_content) : "", message.content, ...calls].filter((p) => p !== "");
    const text = header + pieces.join("\n");
    return { step: item.step, text, span: message.weight === 1 ? [header.length, text.length] : null, isAssistant: true };
  }
  if (message.role === "system") return { step: item.step, text: `${d.system}\n${message.content}`, span: null, isAssistant: false };
  const body = item.isObservation ? `${d.observation}\n${message.content}` : message.content;
  return { step: item.step, text: `${d.user}\n${body}`, span: null, isAssistant: false };
}
