/**
 * Steps -> OpenAI-style messages, each remembering the step it came from (truncation cuts at
 * step boundaries; the text templates are written from the same messages).
 *
 * - An assistant step is one assistant message: message parts -> `content`, reasoning parts ->
 *   `reasoning_content`, tool calls -> `tool_calls` (the source's id, else `call_<step>_<n>`).
 *   File edits its calls made are those calls; an edit no call of the step made becomes a
 *   synthesized editor call (edit-call.ts). Weight 1 when the step's mask is train, else 0.
 * - An observation answering a call of the assistant turn just before (by id, else the first
 *   unanswered call) is a `tool` message with `tool_call_id` and `name`. An observation with no
 *   such call (none, another turn's, already answered) is a `user` message, so no tool message is
 *   ever orphaned; an atelier-pr file snapshot is prefixed `File: <path>`.
 * - Other steps' text is a system (system steps) or user message (user, environment, tool).
 * - File edits recorded on a tool step (OpenHands' diff of what the call did) are the result of
 *   the call already rendered and are not repeated.
 * - Mask drop omits the step. The results of a dropped assistant turn's calls are left out too
 *   (counted in `droppedToolResults`); a dropped result leaves its call unanswered.
 *
 * For reusing the import's token count (stored-tokens.ts), `changedSteps` lists the steps whose
 * messages do not hold exactly the texts the import counted for them (lib/quality/tokens.ts
 * `stepTokenTexts`) — parts joined, a part synthesized (an edit as a call), left out (a dropped
 * step, a dropped turn's result, a tool step's edit) or rewritten (raw arguments) — and
 * `addedTexts` the `File:` prefixes put before an observation that starts a new pre-tokenizer
 * chunk (their tokens simply add up, lib/quality/token-chunks.ts); before any other observation
 * the step counts as changed.
 */
import { canonicalJson } from "@/lib/quality/fingerprint";
import { startsNewChunk } from "@/lib/quality/token-chunks";
import type { ObservationPart, ToolCallPart } from "@/lib/formats/episode";
import type { ExportEpisode } from "../types";
import { EDIT_TOOL_NAME, editCallArguments } from "./edit-call";
import type { ChatMessage, ChatToolCall } from "./record";

export type ExportStep = ExportEpisode["steps"][number];

/**
 * A rendered message, its step, whether it carries an observation, and its calls' arguments as
 * objects (null for a call whose source arguments were not a JSON object).
 */
export type MessageItem = { step: number; message: ChatMessage; isObservation: boolean; callArguments: (Record<string, unknown> | null)[] };

export type ChatMessages = { items: MessageItem[]; droppedSteps: number; droppedToolResults: number; changedSteps: Set<number>; addedTexts: string[] };

type OpenCall = { id: string; name: string; answered: boolean };
type OpenTurn = { dropped: boolean; calls: OpenCall[] };

const separator = "\n\n";

export function chatMessages(episode: Pick<ExportEpisode, "steps">): ChatMessages {
  const items: MessageItem[] = [];
  let droppedSteps = 0;
  let droppedToolResults = 0;
  let turn: OpenTurn | null = null;
  const changedSteps = new Set<number>();
  const addedTexts: string[] = [];
  // A non-assistant step's texts since its last observation (closures are made once per episode, not per step).
  let text: string[] = [];

  for (const step of episode.steps) {
    const isDropped = step.mask === "drop";
    if (isDropped) droppedSteps++;
    const hasCalls = step.parts.some((p) => p.type === "tool_call");
    if (isDropped || !isVerbatimStep(step, hasCalls)) changedSteps.add(step.idx);
    if (step.role === "assistant" || hasCalls) {
      const item = assistantItem(step);
      const calls = item.message.tool_calls ?? [];
      if (!isDropped) items.push(item);
      if (calls.length > 0) turn = { dropped: isDropped, calls: calls.map((c) => ({ id: c.id, name: c.function.name, answered: false })) };
      else if (!isDropped) turn = null;
      for (const part of step.parts) if (part.type === "observation" && !isDropped) answer(part, step);
      continue;
    }
    text = [];
    for (const part of step.parts) {
      if (part.type === "message" || part.type === "reasoning") text.push(part.text);
      else if (part.type === "observation") {
        if (isDropped) continue;
        flushText(step);
        answer(part, step);
      }
    }
    if (!isDropped) flushText(step);
  }
  return { items, droppedSteps, droppedToolResults, changedSteps, addedTexts };

  function flushText(step: ExportStep): void {
    if (text.length === 0) return;
    items.push(plain(step, step.role === "system" ? "system" : "user", text.join(separator), false));
    text = [];
    turn = null;
  }

  function answer(part: ObservationPart, step: ExportStep): void {
    const call = linkedCall(turn, part);
    if (call && turn?.dropped) {
      call.answered = true;
      droppedToolResults++;
      changedSteps.add(step.idx);
      return;
    }
    if (call) {
      call.answered = true;
      const message: ChatMessage = { role: "tool", content: part.text, tool_call_id: call.id, name: call.name, weight: 0 };
      items.push({ step: step.idx, message, isObservation: true, callArguments: [] });
      return;
    }
    const path = filePath(step);
    if (path === null) items.push(plain(step, "user", part.text, true));
    else {
      const prefix = `File: ${path}${separator}`;
      if (!/[\r\n]/.test(path) && startsNewChunk(part.text)) addedTexts.push(prefix);
      else changedSteps.add(step.idx);
      items.push(plain(step, "user", prefix + part.text, true));
    }
    turn = null;
  }
}

function filePath(step: ExportStep): string | null {
  return step.meta?.section === "file" && typeof step.meta.path === "string" ? step.meta.path : null;
}

/** Whether the step's messages hold exactly the texts the import counted for it (see `changedSteps`). */
function isVerbatimStep(step: ExportStep, hasCalls: boolean): boolean {
  let messages = 0;
  let reasonings = 0;
  let run = 0;
  let longestRun = 0;
  for (const part of step.parts) {
    if (part.type === "tool_call" && rawArguments(part) !== undefined) return false;
    // Edits of a step without calls become synthesized calls (assistant) or are not rendered.
    if (part.type === "file_edit" && !hasCalls) return false;
    if (part.type === "message") messages++;
    if (part.type === "reasoning") reasonings++;
    run = part.type === "message" || part.type === "reasoning" ? run + 1 : part.type === "observation" ? 0 : run;
    longestRun = Math.max(longestRun, run);
  }
  // An assistant message joins its message texts and its reasoning texts; another step joins
  // the texts between two observations into one message.
  return step.role === "assistant" || hasCalls ? messages <= 1 && reasonings <= 1 : longestRun <= 1;
}

function linkedCall(turn: OpenTurn | null, part: ObservationPart): OpenCall | undefined {
  if (!turn) return undefined;
  if (part.toolCallId) return turn.calls.find((c) => c.id === part.toolCallId && !c.answered);
  return turn.calls.find((c) => !c.answered);
}

function plain(step: ExportStep, role: "system" | "user", content: string, isObservation: boolean): MessageItem {
  return { step: step.idx, message: { role, content, weight: 0 }, isObservation, callArguments: [] };
}

function assistantItem(step: ExportStep): MessageItem {
  const calls: { name: string; id?: string; args: Record<string, unknown>; raw?: string }[] = [];
  for (const part of step.parts) if (part.type === "tool_call") calls.push({ name: part.name, id: part.id, args: part.arguments, raw: rawArguments(part) });
  if (calls.length === 0)
    for (const part of step.parts) if (part.type === "file_edit") calls.push({ name: EDIT_TOOL_NAME, args: editCallArguments(part) });
  const reasoning = partTexts(step, "reasoning");
  const toolCalls: ChatToolCall[] = calls.map((call, n) => ({
    id: call.id ?? `call_${step.idx}_${n}`,
    type: "function",
    function: { name: call.name, arguments: call.raw ?? canonicalJson(call.args) },
  }));
  const message: ChatMessage = {
    role: "assistant",
    content: partTexts(step, "message").join(separator),
    ...(reasoning.length > 0 ? { reasoning_content: reasoning.join(separator) } : {}),
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    weight: step.role === "assistant" && step.mask === "train" ? 1 : 0,
  };
  return { step: step.idx, message, isObservation: false, callArguments: calls.map((c) => (c.raw === undefined ? c.args : null)) };
}

function partTexts(step: ExportStep, type: "message" | "reasoning"): string[] {
  const texts: string[] = [];
  for (const part of step.parts) if (part.type === type) texts.push(part.text);
  return texts;
}

/** A call whose source arguments were not a JSON object keeps them exactly as the source wrote them. */
export function rawArguments(part: ToolCallPart): string | undefined {
  if (part.parseError === undefined || !("raw" in part.arguments)) return undefined;
  const raw = part.arguments.raw;
  return typeof raw === "string" ? raw : JSON.stringify(raw);
}
